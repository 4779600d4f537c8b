/**
 * When an asset's usage rights run out, in words the asset views use: expired, expiring within N days, ok, or none
 * (no expiration date). Days are whole UTC calendar days, so every reader and the store agree whatever their zone:
 * an asset expiring at 2026-04-01T23:30Z is "1 day" away from 2026-03-31T00:10Z and from 2026-03-31T23:50Z alike.
 */
import type { ExpiryState } from '../../shared/assetLifecycleContract';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day `time` falls on. */
function utcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** Whole UTC calendar days from `now`'s day to `expiresAt`'s day; negative once the day has passed. */
export function daysToExpiry(expiresAt: string, now: Date): number | null {
  const time = Date.parse(expiresAt);
  if (Number.isNaN(time)) return null;
  return Math.round((utcDay(time) - utcDay(now.getTime())) / DAY_MS);
}

/**
 * The two instants that split assets by expiry, for range queries over an expiry index:
 * expired: expiresAt <= `expiredAtOrBefore` (the rights have run out by now);
 * expiring: `expiredAtOrBefore` < expiresAt < `expiringBefore` (the end of the UTC day N days from today).
 */
export function expiryBounds(now: Date, expiringDays: number): { expiredAtOrBefore: Date; expiringBefore: Date } {
  return {
    expiredAtOrBefore: new Date(now.getTime()),
    expiringBefore: new Date(utcDay(now.getTime()) + (expiringDays + 1) * DAY_MS),
  };
}

/** The asset's expiry state at `now`, with `expiringDays` as the "expiring soon" window. */
export function expiryState(expiresAt: string | null, now: Date, expiringDays: number): ExpiryState {
  if (expiresAt === null) return 'none';
  const time = Date.parse(expiresAt);
  if (Number.isNaN(time)) return 'none';
  const { expiredAtOrBefore, expiringBefore } = expiryBounds(now, expiringDays);
  if (time <= expiredAtOrBefore.getTime()) return 'expired';
  if (time < expiringBefore.getTime()) return 'expiring';
  return 'ok';
}
