/**
 * How fresh each asset source's data is, for "synced N minutes ago" and the stale warning. The DAM sync runs hourly
 * (manifest: dam-sync-schedule), so data is stale when the last sync failed, or the last success is older than two
 * hours, or no sync ever completed.
 */
import type { AssetSource, AssetSourceFreshness } from '../../shared/assetLifecycleContract';
import { syncStamp } from '../sync/syncStamp';

export const DAM_SYNC_INTERVAL_MINUTES = 60;

/** What the DAM sync records per source (src/store/assets/syncStatus.ts), as far as freshness needs it. */
export interface DamSyncState {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** When the latest failure happened; without it a set lastError counts as the latest attempt's. */
  lastErrorAt?: string | null;
  /** Set (truthy) while a run is in progress. */
  running?: unknown;
}

/** Whether the source has a connection: `configured` once any connection field is set, `ok` once it is usable. */
export interface SourceConnectionState {
  configured: boolean;
  ok: boolean;
  /** Why a configured connection cannot be used (a missing secret, a bad URL); never a secret. */
  message?: string | null;
}

export function sourceFreshness(
  source: AssetSource,
  connection: SourceConnectionState,
  status: DamSyncState | null | undefined,
  now: Date,
): AssetSourceFreshness {
  const lastError = status?.lastError ?? null;
  const sync = syncStamp(
    status
      ? {
          lastSuccessAt: status.lastSuccessAt,
          lastAttemptAt: status.lastAttemptAt,
          // The DAM sync clears lastError on its next success: while it is set, the latest completed attempt failed.
          lastErrorAt: lastError ? (status.lastErrorAt ?? status.lastAttemptAt ?? now.toISOString()) : null,
          lastError,
        }
      : undefined,
    now,
    DAM_SYNC_INTERVAL_MINUTES,
  );
  return {
    source,
    configured: connection.configured,
    lastSuccessAt: sync.lastSuccessAt,
    lastError,
    stale: sync.stale,
    sync,
    running: Boolean(status?.running),
    connectionProblem: connection.configured && !connection.ok ? (connection.message ?? 'The connection is incomplete.') : null,
  };
}

/** The sources a macro shows: the ones its configuration names (every source when it names none) that are connected. */
export function sourcesInScope(configured: readonly AssetSource[] | undefined, freshness: readonly AssetSourceFreshness[]): AssetSource[] {
  const wanted = configured && configured.length > 0 ? configured : freshness.map((f) => f.source);
  return freshness.filter((f) => f.configured && wanted.includes(f.source)).map((f) => f.source);
}
