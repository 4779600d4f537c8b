/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
 * Returns the wait in milliseconds, or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a weekday and a month, so a bare number-ish string never parses as one here.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
