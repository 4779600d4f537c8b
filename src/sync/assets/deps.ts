/**
 * What the DAM sync needs from the platform, injected so its steps read as plain functions: the clock, the time left
 * in this invocation, the queue, and the two clients (each counting its requests against this step's egress budget).
 * forgeDeps.ts builds them on Forge.
 */
import type { CantoClient } from '../../sources/canto/client';
import type { IconikClient } from '../../sources/iconik/client';
import type { DamSource } from '../../sources/dam/asset';
import { REQUESTS_PER_STEP } from '../../domain/assetSync/budgets';
import type { QueuedEvent } from './events';

export type Connected<C> = { ok: true; client: C; baseUrl: string } | { ok: false; configured: boolean; message: string };

/** What a client is for: iconik's share of the request rate differs between the listing chain and the fan-out. */
export type ClientPurpose = 'list' | 'enrich' | 'refetch' | 'check';

export interface ClientOptions {
  purpose: ClientPurpose;
  /** Called before every outbound request (token requests and retries included); throwing stops the request. */
  beforeRequest: () => void;
}

export interface AssetSyncDeps {
  now(): Date;
  remainingTimeMs(): number;
  /** One push to the dam-sync queue (the caller keeps it within 50 events and 200 KB). */
  push(events: QueuedEvent[]): Promise<void>;
  canto(options: ClientOptions): Promise<Connected<CantoClient>>;
  iconik(options: ClientOptions): Promise<Connected<IconikClient>>;
}

export type ClientOf<S extends DamSource> = S extends 'canto' ? CantoClient : IconikClient;

/** The source has no usable connection (an admin has to act): retrying cannot help. */
export class SourceNotConnected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceNotConnected';
  }
}

/** The egress budget ran out in the middle of a step: not an error, the work continues in the next event. */
export class RequestBudgetExhausted extends Error {
  constructor() {
    super('the egress budget of this invocation is used up');
    this.name = 'RequestBudgetExhausted';
  }
}

export interface RequestBudget {
  /** Counts one request; throws RequestBudgetExhausted past the limit. */
  take(): void;
  readonly used: number;
  remaining(): number;
}

export function requestBudget(limit = REQUESTS_PER_STEP): RequestBudget {
  let used = 0;
  return {
    take() {
      if (used >= limit) throw new RequestBudgetExhausted();
      used += 1;
    },
    get used() {
      return used;
    },
    remaining: () => limit - used,
  };
}
