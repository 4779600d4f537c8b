/** "2026-11-22 12:00 UTC" from an ISO time: what incident pages show (readers of a page are in many time zones). */
export function utcTime(value: string | number | Date): string {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time)) return String(value);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
