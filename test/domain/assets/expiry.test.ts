import { daysToExpiry, expiryBounds, expiryState } from '../../../src/domain/assets/expiry';

const at = (iso: string) => new Date(iso);

describe('usage-rights expiry', () => {
  it('counts whole UTC calendar days, whatever the time of day on either side', () => {
    expect(daysToExpiry('2026-04-01T23:30:00Z', at('2026-03-31T00:10:00Z'))).toBe(1);
    expect(daysToExpiry('2026-04-01T00:30:00Z', at('2026-03-31T23:50:00Z'))).toBe(1);
    expect(daysToExpiry('2026-03-31T12:00:00Z', at('2026-03-31T01:00:00Z'))).toBe(0);
    expect(daysToExpiry('2026-03-28T12:00:00Z', at('2026-03-31T01:00:00Z'))).toBe(-3);
  });

  it('reads offsets as the instant they name, then compares its UTC date', () => {
    // 01:00 on 1 April in Berlin is still 31 March in UTC.
    expect(daysToExpiry('2026-04-01T01:00:00+02:00', at('2026-03-30T12:00:00Z'))).toBe(1);
    // 22:00 on 31 March in New York is already 1 April in UTC.
    expect(daysToExpiry('2026-03-31T22:00:00-04:00', at('2026-03-30T12:00:00Z'))).toBe(2);
  });

  it('is expired once the instant has passed, even on the same day', () => {
    const now = at('2026-03-31T12:00:00Z');
    expect(expiryState('2026-03-31T11:59:59Z', now, 30)).toBe('expired');
    expect(expiryState('2026-03-31T12:00:00Z', now, 30)).toBe('expired');
    expect(expiryState('2025-01-01T00:00:00Z', now, 30)).toBe('expired');
  });

  it('is expiring up to the end of the UTC day N days from today, and ok after it', () => {
    const now = at('2026-03-31T12:00:00Z');
    expect(expiryState('2026-03-31T12:00:01Z', now, 30)).toBe('expiring');
    expect(expiryState('2026-04-30T23:59:59Z', now, 30)).toBe('expiring');
    expect(expiryState('2026-05-01T00:00:00Z', now, 30)).toBe('ok');
    expect(expiryState('2026-04-02T00:00:00Z', now, 1)).toBe('ok');
    expect(expiryState('2026-04-01T23:00:00Z', now, 1)).toBe('expiring');
  });

  it('says none without a date or with one it cannot read', () => {
    expect(expiryState(null, at('2026-03-31T12:00:00Z'), 30)).toBe('none');
    expect(expiryState('not a date', at('2026-03-31T12:00:00Z'), 30)).toBe('none');
    expect(daysToExpiry('not a date', at('2026-03-31T12:00:00Z'))).toBeNull();
  });

  it('gives the store the same two bounds the states use', () => {
    const bounds = expiryBounds(at('2026-03-31T12:00:00Z'), 30);
    expect(bounds.expiredAtOrBefore.toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(bounds.expiringBefore.toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });
});
