/**
 * Canto's date strings: `yyyyMMddHHmmssSSS` (e.g. "20150415063836418"), read as UTC (the reference leaves the zone
 * UNCONFIRMED; UTC is what integrators assume). Parsing is strict: "20151345..." is not a date, whatever
 * `Date.UTC` would roll it over to.
 */

/** A Canto `yyyyMMddHHmmssSSS` string as a Date, or null when it is not exactly one. */
export function parseCantoDate(text: string): Date | null {
  // Digit arithmetic rather than a regex and splits: a sync reads several dates per asset, 100,000 assets at a time.
  const value = text.length === 17 ? text : text.trim();
  if (value.length !== 17) return null;
  const digit = (at: number, count: number): number => {
    let number = 0;
    for (let i = at; i < at + count; i++) {
      const code = value.charCodeAt(i) - 48;
      if (code < 0 || code > 9) return Number.NaN;
      number = number * 10 + code;
    }
    return number;
  };
  const parts = [digit(0, 4), digit(4, 2), digit(6, 2), digit(8, 2), digit(10, 2), digit(12, 2), digit(14, 3)] as const;
  if (parts.some(Number.isNaN)) return null;
  return utcDate(...parts);
}

/** A Date as Canto writes it (UTC), for the lastModified range filter. */
export function formatCantoDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    pad(date.getUTCMilliseconds(), 3)
  );
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date an admin typed into a Canto custom field (the expiration date), in any of the formats seen in the wild:
 * `yyyyMMddHHmmssSSS`, ISO 8601 with a time and zone, `yyyy-MM-dd`, `MM/dd/yyyy`. A day without a time means the
 * start of that day in UTC. Null when the text is none of these (the asset then has no expiration date; the
 * unreadable text is not guessed at).
 */
export function parseFieldDate(text: string): Date | null {
  const value = text.trim();
  const canto = parseCantoDate(value);
  if (canto) return canto;
  if (ISO_DATE_TIME.test(value)) {
    const [day] = value.split('T') as [string];
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    if (!utcDate(year, month, date, 0, 0, 0, 0)) return null;
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time);
  }
  const iso = ISO_DAY.exec(value);
  if (iso) return utcDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), 0, 0, 0, 0);
  const us = US_DAY.exec(value);
  if (us) return utcDate(Number(us[3]), Number(us[1]), Number(us[2]), 0, 0, 0, 0);
  return null;
}

function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): Date | null {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31 April over to 1 May: a date that does not come back as written was not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}
