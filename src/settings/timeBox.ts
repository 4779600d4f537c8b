/**
 * Keeps "test connection" well inside Forge's 25 s resolver limit whatever the upstream does: every request made
 * through the returned `fetch` is aborted at the deadline, waits between retries are cut short by it, and the test
 * as a whole is abandoned when it passes (a client that ignores abort signals cannot hold the resolver).
 */
import type { FetchLike } from '../sources/http/retry';

export class DeadlineReached extends Error {
  constructor(readonly budgetMs: number) {
    super(`no answer within ${budgetMs} ms (the connection test's time limit)`);
    this.name = 'DeadlineReached';
  }
}

export interface TimeBox {
  fetch: FetchLike;
  sleep(ms: number): Promise<void>;
  /** Runs the work, or rejects with DeadlineReached when the deadline passes first. */
  run<T>(work: () => Promise<T>): Promise<T>;
  remainingMs(): number;
}

export function timeBox(options: { fetch: FetchLike; budgetMs: number; now?: () => number }): TimeBox {
  const now = options.now ?? Date.now;
  const deadline = now() + options.budgetMs;
  const remainingMs = () => Math.max(0, deadline - now());

  const fetch: FetchLike = async (url, init = {}) => {
    const left = remainingMs();
    if (left <= 0) throw new DeadlineReached(options.budgetMs);
    const controller = new AbortController();
    const forward = () => controller.abort(init.signal?.reason);
    if (init.signal?.aborted) forward();
    else init.signal?.addEventListener('abort', forward, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = new DeadlineReached(options.budgetMs);
        controller.abort(reason);
        reject(reason);
      }, left);
    });
    try {
      return await Promise.race([options.fetch(url, { ...init, signal: controller.signal }), expired]);
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', forward);
    }
  };

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, remainingMs()))));

  async function run<T>(work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineReached(options.budgetMs)), remainingMs());
    });
    try {
      return await Promise.race([work(), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  return { fetch, sleep, run, remainingMs };
}
