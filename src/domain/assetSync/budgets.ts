/**
 * The numbers the DAM sync plans with, each from a platform limit (../shared/reference/forge-platform.md,
 * dam-apis.md). One place, so the sync, its docs (docs/assets-sync.md) and the bench agree.
 */

/** Forge: 100 external requests per runtime-minute per invocation. A step stops at this many (token requests and retries count). */
export const REQUESTS_PER_STEP = 90;
/** Forge: 900 s per consumer run. A step starts no new page with less than this left. */
export const MIN_TIME_LEFT_MS = 200_000;

/** Forge: 50 events and 200 KB per push. Pushes stay a little under the byte limit (the envelope adds some). */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 180 * 1024;
/**
 * Forge: 500 events per minute for the whole app. A run's chain pushes at most this many per minute for its own
 * fan-out, so two sources syncing at once plus webhook deliveries stay under the app's limit.
 */
export const FAN_OUT_EVENTS_PER_MINUTE = 200;

/** iconik: about 50 requests/s per application token (RateLimit-Remaining, 429 past it). */
export const ICONIK_REQUESTS_PER_SECOND = 50;
/** Enrichment events run in parallel lanes: a queue concurrency key lets at most this many run at once. */
export const ICONIK_ENRICH_LANES = 4;

/**
 * How a token's request rate is shared: the enrichment lanes together ~88 %, the listing chain beside them 10 %, so
 * the total stays just under the limit while both run and at ~88 % of it once listing is done. Each client throttles
 * itself to its share (the iconik client's pacer); `perSecond` is the token's limit (Forge variable
 * ICONIK_MAX_REQUESTS_PER_SECOND when a tenant's differs).
 */
export function iconikRateShares(perSecond = ICONIK_REQUESTS_PER_SECOND): { enrichPerLane: number; list: number } {
  return { enrichPerLane: (perSecond * 0.88) / ICONIK_ENRICH_LANES, list: perSecond * 0.1 };
}

/** Requests an enrichment event may spend on its assets; the rest of REQUESTS_PER_STEP is for user names and retries. */
export const ENRICH_REQUESTS_PER_EVENT = 80;
/** History entries read per asset (the newest page): the audit trail the macro shows. */
export const HISTORY_ENTRIES_PER_ASSET = 20;

/** Canto has no published limit; integrators pause between calls. The sync spaces its requests this far apart. */
export const CANTO_MIN_REQUEST_INTERVAL_MS = 100;
/** Canto paging is start/limit over a list that moves while it is read: each page starts this many items early. */
export const CANTO_PAGE_OVERLAP = 10;
export const CANTO_PAGE_SIZE = 100;
export const ICONIK_PAGE_SIZE = 100;
/** batch/content takes at most 100 ids. */
export const CANTO_BATCH_SIZE = 100;
/** Refetch of iconik assets: getAsset + approval + history = 3 requests each. */
export const ICONIK_REFETCH_PER_EVENT = 25;

/** Incremental runs read from the watermark less this, so nothing modified around a run's start slips between runs. */
export const OVERLAP_MS = 10 * 60_000;
/** A full reconcile pass (everything listed, what was not seen is tombstoned) when the last one is older than this. */
export const FULL_PASS_EVERY_MS = 24 * 60 * 60_000;
/** A full pass re-reads approval and history of assets enriched longer ago than this (approvals change silently). */
export const ENRICHMENT_STALE_AFTER_MS = 7 * 24 * 60 * 60_000;
/** A run with no sign of life for this long is abandoned (its consumer died); the next trigger starts a new one. */
export const RUN_ABANDONED_AFTER_MS = 45 * 60_000;
/** Queue retries of a failing step before its run is declared failed (Forge retries an event at most 4 times). */
export const MAX_STEP_RETRIES = 3;

/** Webhook deliveries of one object within this window coalesce into one refetch, run when the window closes. */
export const WEBHOOK_BUCKET_SECONDS = 30;
/** Webhook bodies larger than this are refused (both vendors send a few hundred bytes). */
export const WEBHOOK_MAX_BODY_BYTES = 64 * 1024;
