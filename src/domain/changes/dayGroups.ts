/**
 * Changes grouped by calendar day. The macro groups by the reader's own day (the Forge context's time zone), so
 * "yesterday evening" reads as one day for the person looking; exports have no reader and group by UTC day,
 * saying so. Imported by the Custom UI too: no imports here.
 */
export interface DayGroup<R> {
  /** YYYY-MM-DD in the grouping time zone. */
  day: string;
  rows: R[];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  return format;
}

/** The calendar day of an instant in a time zone (UTC when given 'UTC'; the runtime's zone when undefined). */
export function dayKey(iso: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return 'unknown';
  try {
    return dayFormat(timeZone).format(time);
  } catch {
    // An IANA zone this runtime does not know: fall back to UTC rather than failing the view.
    return dayFormat('UTC').format(time);
  }
}

/** Consecutive rows of the same day form one group; rows must already be newest first. */
export function groupByDay<R extends { occurredAt: string }>(rows: readonly R[], timeZone?: string): DayGroup<R>[] {
  const groups: DayGroup<R>[] = [];
  for (const row of rows) {
    const day = dayKey(row.occurredAt, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.rows.push(row);
    else groups.push({ day, rows: [row] });
  }
  return groups;
}
