/**
 * Time wording for views. Ages are computed against the server's clock (`sync.now`), never the browser's, so a
 * reader with a skewed clock still sees the right "5 minutes ago".
 */

export interface TimeFormatOptions {
  /** BCP 47 locale from the Forge context; English when missing. */
  locale?: string;
  /** IANA zone from the Forge context; the browser's zone when missing. */
  timeZone?: string;
}

const UNITS: { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
];

/** Below this, an age reads "just now" rather than "0 minutes ago". */
const JUST_NOW_MS = 60 * 1000;

function toTime(value: string | Date): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

function largestUnit(ms: number): { unit: Intl.RelativeTimeFormatUnit; count: number } {
  for (const { unit, ms: size } of UNITS) {
    if (ms >= size) return { unit, count: Math.floor(ms / size) };
  }
  return { unit: 'minute', count: Math.floor(ms / (60 * 1000)) };
}

/** "5 minutes ago", "in 2 hours", "just now". Returns "" for an unparseable time. */
export function formatRelativeTime(then: string | Date, now: string | Date, locale = 'en'): string {
  const diff = toTime(then) - toTime(now);
  if (Number.isNaN(diff)) return '';
  if (Math.abs(diff) < JUST_NOW_MS) return 'just now';
  const { unit, count } = largestUnit(Math.abs(diff));
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(diff < 0 ? -count : count, unit);
}

/** A length of time without direction: "5 minutes", "2 hours", "less than a minute". */
export function formatDuration(ms: number, locale = 'en'): string {
  if (Number.isNaN(ms)) return '';
  if (Math.abs(ms) < JUST_NOW_MS) return 'less than a minute';
  const { unit, count } = largestUnit(Math.abs(ms));
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}

/** The age of `then` at `now` as a duration ("5 minutes"). */
export function formatAge(then: string | Date, now: string | Date, locale = 'en'): string {
  return formatDuration(toTime(now) - toTime(then), locale);
}

/** "12 Mar 2026, 14:05 UTC": the exact time shown in tooltips. Returns the input for an unparseable time. */
export function formatAbsoluteTime(iso: string, options: TimeFormatOptions = {}): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  })
    .format(time)
    .concat(' ', zoneName(time, options));
}

function zoneName(time: number, options: TimeFormatOptions): string {
  const part = new Intl.DateTimeFormat(options.locale ?? 'en-GB', { timeZone: options.timeZone, timeZoneName: 'short' })
    .formatToParts(time)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** "12 Mar 2026, 02:00 – 04:00 UTC", or both dates when the window spans days. */
export function formatTimeWindow(startsAt: string, endsAt: string, options: TimeFormatOptions = {}): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return `${startsAt} – ${endsAt}`;
  const locale = options.locale ?? 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: options.timeZone });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: options.timeZone });
  const zone = zoneName(end, options);
  if (day.format(start) === day.format(end)) {
    return `${day.format(start)}, ${clock.format(start)} – ${clock.format(end)} ${zone}`;
  }
  return `${day.format(start)}, ${clock.format(start)} – ${day.format(end)}, ${clock.format(end)} ${zone}`;
}
