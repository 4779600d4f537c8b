import type { SummaryCadence, Weekday } from '../../shared/appSettingsContract';
import { WEEKDAYS } from '../../shared/appSettingsContract';

/**
 * When a solution's status summary is due. The scheduled trigger runs daily (at a time Forge picks within the day),
 * so dates are compared, not times, in UTC:
 *  - daily: due once per UTC day;
 *  - weekly: due once the configured weekday has come since the last summary, so a day the trigger missed (Forge
 *    does not retry a failed trigger run) is caught up the next day;
 *  - off: never.
 * A solution that never had a summary gets one at the next run, whatever the weekday.
 */
const DAY_MS = 86_400_000;

const utcDay = (time: number) => Math.floor(time / DAY_MS);

/** Monday = 0 ... Sunday = 6, as WEEKDAYS lists them. */
function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function summaryDue(input: { cadence: SummaryCadence; weekday: Weekday; lastPublishedAt: string | null; now: Date }): boolean {
  if (input.cadence === 'off') return false;
  if (input.lastPublishedAt === null) return true;
  const last = Date.parse(input.lastPublishedAt);
  if (Number.isNaN(last)) return true;
  const today = utcDay(input.now.getTime());
  if (input.cadence === 'daily') return utcDay(last) < today;
  const wanted = WEEKDAYS.indexOf(input.weekday);
  const latestOccurrence = today - ((weekdayIndex(today) - wanted + 7) % 7);
  return utcDay(last) < latestOccurrence;
}

/** Where "changes since the last summary" starts: the last summary, else one period back. */
export function summaryPeriodStart(cadence: SummaryCadence, lastPublishedAt: string | null, now: Date): Date {
  const last = lastPublishedAt === null ? Number.NaN : Date.parse(lastPublishedAt);
  if (!Number.isNaN(last)) return new Date(last);
  return new Date(now.getTime() - (cadence === 'daily' ? 1 : 7) * DAY_MS);
}

/** "2026-11-22" */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
