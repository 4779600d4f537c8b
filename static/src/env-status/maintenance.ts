import type { EnvStatusRow } from '../../../src/shared/envStatusContract';

type Maintenance = NonNullable<EnvStatusRow['nextMaintenance']>;

/**
 * A window is in progress when the backend says so, or when the server clock is inside a scheduled window the
 * backend has not flipped yet (its status lags the clock by up to one sync).
 */
export function isMaintenanceInProgress(maintenance: Maintenance, now: string): boolean {
  if (maintenance.status === 'in_progress' || maintenance.status === 'in-progress') return true;
  if (maintenance.status !== 'scheduled') return false;
  const at = Date.parse(now);
  return Date.parse(maintenance.startsAt) <= at && at < Date.parse(maintenance.endsAt);
}
