import { GOVERNANCE_SYNC_INTERVAL_MINUTES } from '../config/governanceConnection';
import { syncStamp } from '../domain/sync/syncStamp';
import type { SyncStamp } from '../shared/syncStamp';
import { readPointer, type SnapshotPointer } from '../store/snapshots';
import { readSourceStatus, type SourceStatus } from '../store/syncStatus';

/** What every view starts from: the last published governance sync (if any) and how fresh it is. */
export interface GovernanceSnapshot {
  pointer: SnapshotPointer | undefined;
  sync: SyncStamp;
  /** The governance source status the stamp was made from: pass it on (readLiveEvents) instead of reading it again. */
  status: SourceStatus | undefined;
}

export async function readGovernanceSnapshot(now: Date): Promise<GovernanceSnapshot> {
  const [pointer, status] = await Promise.all([readPointer(), readSourceStatus('governance')]);
  return { pointer, sync: syncStamp(status, now, GOVERNANCE_SYNC_INTERVAL_MINUTES), status };
}

/** Why there is nothing to show before the first sync completes. */
export function noGovernanceDataMessage(sync: SyncStamp, purpose = ''): string {
  const what = `No governance data yet${purpose ? ` ${purpose}` : ''}`;
  return sync.lastError ? `${what}: the sync failed (${sync.lastError}).` : `${what}: the first sync has not completed.`;
}

export function unknownSolutionMessage(solutionId: string): string {
  return `The governance backend has no solution "${solutionId}" (any more). Edit the macro to pick another one.`;
}

export type OpenedSolutionView =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | { state: 'ready'; sync: SyncStamp; pointer: SnapshotPointer; solutionId: string; status: SourceStatus | undefined };

/**
 * The opening every solution view shares: no solution chosen yet, no sync published yet, or ready to read the
 * solution's prepared datasets from `pointer`.
 */
export async function openSolutionView(solutionId: string | undefined, now: Date, purpose = ''): Promise<OpenedSolutionView> {
  const { pointer, sync, status } = await readGovernanceSnapshot(now);
  if (!solutionId) return { state: 'not-configured', sync };
  if (!pointer) return { state: 'no-data', sync, message: noGovernanceDataMessage(sync, purpose) };
  return { state: 'ready', sync, pointer, solutionId, status };
}
