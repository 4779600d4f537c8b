/**
 * iconik's times: ISO 8601, usually with microseconds and an offset ("2026-11-22T10:15:00.123000+00:00"), sometimes
 * without an offset in search documents, and plain dates ("2027-03-31") in date metadata fields. JavaScript's
 * Date.parse reads a time without an offset as local time, so every time is read here, and a missing offset means UTC.
 */
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch, or null when the text is not an ISO 8601 date or date-time. */
export function parseIconikTime(text: string): number | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, date, hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  const millis = `${fraction}000`.slice(0, 3);
  const offset = zone === 'Z' || zone === 'z' ? 'Z' : normaliseOffset(zone);
  const at = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}${offset}`);
  return Number.isNaN(at) ? null : at;
}

/** The time as an ISO string in UTC ("2026-11-22T10:15:00.123Z"), or null when unreadable. */
export function iconikTimeToIso(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const at = parseIconikTime(text);
  return at === null ? null : new Date(at).toISOString();
}

function normaliseOffset(zone: string): string {
  const sign = zone.slice(0, 1);
  const digits = zone.slice(1).replace(':', '');
  return `${sign}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
}
