/** The freshness of the data a view shows: drives "synced N minutes ago" and the stale warning. */
export interface SyncStamp {
  /** When the last complete sync was published; null when none ever completed. */
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  /** The scheduled sync interval; data older than two intervals is stale. */
  intervalMinutes: number;
  stale: boolean;
  staleReason: 'never-synced' | 'last-sync-failed' | 'too-old' | null;
  /** Server time of the answer, so the view computes ages without trusting the browser clock. */
  now: string;
}
