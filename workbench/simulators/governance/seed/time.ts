export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO 8601 UTC to the second, as the contract writes times: "2026-11-22T10:15:00Z". */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function roundToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

export function roundToHour(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}
