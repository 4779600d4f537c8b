/**
 * What kind of run the DAM sync does and from when it reads. Pure: the sync and its tests share it.
 */
import { FULL_PASS_EVERY_MS, OVERLAP_MS, RUN_ABANDONED_AFTER_MS } from './budgets';

export type RunMode = 'full' | 'incremental';
export type RequestedMode = RunMode | 'auto';

export interface WatermarkState {
  watermark: string | null;
  lastFullPassAt: string | null;
}

/**
 * A full pass when asked for, when there is no watermark yet (the first sync) or when the last full pass is older
 * than a day (the daily reconcile that tombstones deleted assets webhooks missed); otherwise incremental.
 */
export function chooseRunMode(state: WatermarkState, now: Date, requested: RequestedMode = 'auto', fullEveryMs = FULL_PASS_EVERY_MS): RunMode {
  if (requested !== 'auto') return state.watermark === null ? 'full' : requested;
  if (state.watermark === null || state.lastFullPassAt === null) return 'full';
  return now.getTime() - Date.parse(state.lastFullPassAt) >= fullEveryMs ? 'full' : 'incremental';
}

/** The modified-since bound of a run's listing: none for a full pass, else the watermark less the overlap window. */
export function listSince(mode: RunMode, watermark: string | null, overlapMs = OVERLAP_MS): Date | null {
  if (mode === 'full' || watermark === null) return null;
  return new Date(Date.parse(watermark) - overlapMs);
}

/** Whether a run that says it is running still shows signs of life (its latest heartbeat is recent). */
export function isRunAlive(heartbeats: (string | null | undefined)[], now: Date, abandonedAfterMs = RUN_ABANDONED_AFTER_MS): boolean {
  const latest = Math.max(...heartbeats.map((at) => (at ? Date.parse(at) : Number.NEGATIVE_INFINITY)));
  return Number.isFinite(latest) && now.getTime() - latest < abandonedAfterMs;
}

/** A full pass starts early (counts disagreed) at most this often. */
export const EARLY_RECONCILE_MIN_GAP_MS = 60 * 60_000;

/**
 * Whether an incremental run should be followed at once by a full pass: neither platform lists deleted assets, so
 * more live assets stored than the platform counts means some were deleted. At most once an hour, so counts that
 * disagree for another reason cannot make every run a full pass.
 */
export function reconcileEarly(storedLive: number, upstreamTotal: number | null, lastEarlyReconcileAt: string | null, now: Date, minGapMs = EARLY_RECONCILE_MIN_GAP_MS): boolean {
  if (upstreamTotal === null || storedLive <= upstreamTotal) return false;
  return lastEarlyReconcileAt === null || now.getTime() - Date.parse(lastEarlyReconcileAt) >= minGapMs;
}
