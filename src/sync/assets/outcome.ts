import { CantoApiError } from '../../sources/canto/client';
import { IconikApiError } from '../../sources/iconik/client';
import { StoredDataError } from '../../store/kvsJson';
import { SourceNotConnected } from './deps';

export type StepOutcome =
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'done'; detail: string }
  | { outcome: 'retry'; error: string; retryAfterSeconds: number }
  | { outcome: 'failed'; error: string };

export const ignored = (reason: string): StepOutcome => ({ outcome: 'ignored', reason });
export const done = (detail: string): StepOutcome => ({ outcome: 'done', detail });

/** Whether trying the same step again later may succeed: upstream outages and rate limits yes, bad data or config no. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof CantoApiError || error instanceof IconikApiError) return error.retryable;
  if (error instanceof StoredDataError || error instanceof SourceNotConnected) return false;
  if (error instanceof Error && error.name === 'ZodError') return false;
  // Storage and queue hiccups (KVS 429/5xx, a push refused for the per-minute limit) pass with time.
  return true;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Retry delays through the queue: 30 s, 60 s, 90 s (the client already retried each request a few times). */
export function retryDelaySeconds(retryCount: number): number {
  return 30 * (retryCount + 1);
}
