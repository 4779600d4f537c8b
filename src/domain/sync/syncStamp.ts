import type { SyncStamp } from '../../shared/syncStamp';

export interface SourceSyncState {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}

/** Data is stale when no sync ever completed, the latest attempt failed, or the last success is older than two intervals. */
export function syncStamp(state: SourceSyncState | undefined, now: Date, intervalMinutes: number): SyncStamp {
  const lastSuccessAt = state?.lastSuccessAt ?? null;
  const lastErrorAt = state?.lastErrorAt ?? null;
  let staleReason: SyncStamp['staleReason'] = null;
  if (!lastSuccessAt) staleReason = 'never-synced';
  else if (lastErrorAt && Date.parse(lastErrorAt) > Date.parse(lastSuccessAt)) staleReason = 'last-sync-failed';
  else if (now.getTime() - Date.parse(lastSuccessAt) > 2 * intervalMinutes * 60_000) staleReason = 'too-old';
  return {
    lastSuccessAt,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastErrorAt,
    lastError: state?.lastError ?? null,
    intervalMinutes,
    stale: staleReason !== null,
    staleReason,
    now: now.toISOString(),
  };
}
