/**
 * The one HTTP retry policy for every upstream (governance backend, Canto, iconik).
 *
 * Retries network errors, attempt timeouts and 429/502/503/504; never any other status. A `Retry-After` header
 * wins over backoff (capped, so a backend cannot park a sync for an hour); otherwise exponential backoff with
 * full jitter, so many installations retrying after the same outage do not hit the backend in lockstep.
 */
import { parseRetryAfter } from './retryAfter';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Total attempts including the first one. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt is drawn from [0, baseDelayMs), doubling after that. */
  baseDelayMs: number;
  /** Upper bound of any backoff draw. */
  maxDelayMs: number;
  /** Upper bound of a wait requested through Retry-After. */
  maxRetryAfterMs: number;
  /** An attempt that has not answered by then is abandoned and counts as a network error. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  attemptTimeoutMs: 20_000,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryOptions extends Partial<RetryPolicy> {
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1), like Math.random. */
  random?: () => number;
  now?: () => number;
  /** Called before every attempt; throwing stops the request (used to count against an egress budget). */
  beforeRequest?: (info: { method: string; url: string }) => void;
  /** Awaited before every attempt, after `beforeRequest` and outside the attempt timeout (used to pace requests). */
  beforeAttempt?: (info: AttemptInfo) => Promise<void>;
  /** Sees every HTTP answer, retried ones included, before its body is read (used to read rate-limit headers). */
  onResponse?: (response: Response, info: AttemptInfo) => void;
  /** Called before waiting for the next attempt; `status` is null after a network error. */
  onRetry?: (info: AttemptInfo & { status: number | null; delayMs: number; retryAfterMs: number | undefined }) => void;
}

export interface AttemptInfo {
  method: string;
  url: string;
  /** 1-based. */
  attempt: number;
}

export interface RetryOutcome {
  /** The last response: a success, a non-retryable error, or a retryable one when attempts ran out. */
  response: Response;
  attempts: number;
}

/** Every attempt failed without an HTTP answer (connection refused, reset, DNS, timeout). */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The backoff before attempt `attempt + 1`, given that `attempt` (1-based) just failed. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export async function fetchWithRetry(url: string, init: RequestInit, options: RetryOptions): Promise<RetryOutcome> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options) };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const method = (init.method ?? 'GET').toUpperCase();
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));

  for (let attempt = 1; ; attempt++) {
    options.beforeRequest?.({ method, url });
    await options.beforeAttempt?.({ method, url, attempt });
    let response: Response;
    try {
      response = await fetchWithTimeout(options.fetch, url, init, policy.attemptTimeoutMs);
    } catch (error) {
      if (isCallerAbort(error, init) || attempt >= maxAttempts) {
        throw new NetworkError(`${describeNetworkError(error)} (after ${attempt} attempt${attempt === 1 ? '' : 's'})`, attempt, {
          cause: error,
        });
      }
      const backoff = backoffDelay(attempt, policy, random);
      options.onRetry?.({ method, url, attempt, status: null, delayMs: backoff, retryAfterMs: undefined });
      await sleep(backoff);
      continue;
    }
    options.onResponse?.(response, { method, url, attempt });
    if (!RETRYABLE_STATUSES.has(response.status) || attempt >= maxAttempts) return { response, attempts: attempt };

    const requested = parseRetryAfter(response.headers.get('retry-after'), now());
    const delay = requested !== undefined ? Math.min(requested, policy.maxRetryAfterMs) : backoffDelay(attempt, policy, random);
    options.onRetry?.({ method, url, attempt, status: response.status, delayMs: delay, retryAfterMs: requested });
    // Release the connection before waiting; the body of a response we retry is never read.
    await response.body?.cancel().catch(() => undefined);
    await sleep(delay);
  }
}

function definedOnly(options: Partial<RetryPolicy>): Partial<RetryPolicy> {
  const picked: Partial<RetryPolicy> = {};
  for (const key of Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]) {
    const value = options[key];
    if (typeof value === 'number' && Number.isFinite(value)) picked[key] = value;
  }
  return picked;
}

class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeout';
  }
}

async function fetchWithTimeout(fetch: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const callerSignal = init.signal;
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forwardAbort();
  else callerSignal?.addEventListener('abort', forwardAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing as well as aborting: a fetch implementation that ignores `signal` must not hang the caller.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new AttemptTimeout(timeoutMs);
      controller.abort(reason);
      reject(reason);
    }, timeoutMs);
  });
  try {
    return await Promise.race([fetch(url, { ...init, signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', forwardAbort);
  }
}

function isCallerAbort(error: unknown, init: RequestInit): boolean {
  return Boolean(init.signal?.aborted) && !(error instanceof AttemptTimeout);
}

function describeNetworkError(error: unknown): string {
  const message = messageOf(error);
  // undici says "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`.
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? messageOf(error.cause) : '';
  return cause && cause !== message ? `${message}: ${cause}` : message;
}

// Not `instanceof Error`: errors from the platform's fetch may come from another realm.
function messageOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string') return value.message;
  return value === undefined || value === null ? '' : String(value);
}
