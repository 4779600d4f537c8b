import { expirySortRange, facetKey, nameSortText, NAME_WIDTH, sortableTime, sortActivityOf, sortExpiryOf, sortNameOf } from '../../../src/domain/assets/assetIndexKeys';
import { expiryBounds, expiryState } from '../../../src/domain/assets/expiry';
import { withinRange } from '../../../src/domain/assets/assetPagePlan';

describe('asset sort strings', () => {
  const sorted = (names: string[]) => names.map((name, i) => ({ name, s: sortNameOf(name, `canto:k${i}`) })).sort((a, b) => (a.s < b.s ? -1 : 1)).map((x) => x.name);

  it('sorts names case- and accent-insensitively, shorter prefixes first', () => {
    expect(sorted(['banner', 'Ab c', 'Élan', 'ab', 'Zebra', 'alpha', 'elan 2'])).toEqual(['ab', 'Ab c', 'alpha', 'banner', 'Élan', 'elan 2', 'Zebra']);
  });

  it('makes every sort string unique and printable ASCII, whatever the name', () => {
    const a = sortNameOf('東京 ☃ tab\there', 'iconik:x#2fy');
    const b = sortNameOf('東京 ☃ tab\there', 'iconik:x#2fz');
    expect(a).not.toBe(b);
    for (const s of [a, b, sortExpiryOf(null, 'canto:1'), sortActivityOf({ lastActivity: null, modifiedAt: '2026-01-01T00:00:00Z' }, 'canto:1')]) {
      expect(s).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(nameSortText('x'.repeat(500))).toHaveLength(NAME_WIDTH);
    expect(nameSortText('東京').startsWith('~')).toBe(true);
  });

  it('puts assets without an expiry date after every dated one', () => {
    const dated = sortExpiryOf('9999-12-31T23:59:59Z', 'canto:a');
    expect(sortExpiryOf(null, 'canto:a') > dated).toBe(true);
    expect(sortExpiryOf('not a date', 'canto:a')).toBe(sortExpiryOf(null, 'canto:a'));
  });

  it('orders times as instants whatever their offset, and keeps four-digit years', () => {
    expect(sortableTime('2026-03-01T01:00:00+02:00')).toBe('2026-02-28T23:00:00.000Z');
    expect(sortableTime('+012000-01-01T00:00:00Z')).toBe('9999-12-31T23:59:59.999Z');
  });

  it('uses the last activity when known, else the modification time', () => {
    expect(sortActivityOf({ lastActivity: { who: null, what: 'x', detail: null, when: '2026-02-01T00:00:00Z' }, modifiedAt: '2025-01-01T00:00:00Z' }, 'k')).toBe('2026-02-01T00:00:00.000Z|k');
    expect(sortActivityOf({ lastActivity: null, modifiedAt: '2025-01-01T00:00:00Z' }, 'k')).toBe('2025-01-01T00:00:00.000Z|k');
  });

  it('keys facets so "Approved" and "APPROVED " are one approval, and blanks are none', () => {
    expect(facetKey('Approved')).toBe(facetKey(' APPROVED '));
    expect(facetKey('Spring  2026')).toBe('spring 2026');
    expect(facetKey('   ')).toBeNull();
    expect(facetKey(null)).toBeNull();
  });

  it('puts exactly the expired and the expiring assets in the expiry ranges, agreeing with the expiry state', () => {
    const now = new Date('2026-03-10T12:34:56.789Z');
    const days = 30;
    const bounds = expiryBounds(now, days);
    const expired = expirySortRange('expired', bounds);
    const expiring = expirySortRange('expiring', bounds);
    const times = [
      now.getTime() - 1,
      now.getTime(),
      now.getTime() + 1,
      bounds.expiringBefore.getTime() - 1,
      bounds.expiringBefore.getTime(),
      ...Array.from({ length: 500 }, (_, i) => now.getTime() + (i - 100) * 3_700_000),
    ];
    for (const time of times) {
      const iso = new Date(time).toISOString();
      const sortString = sortExpiryOf(iso, 'canto:zzz');
      const state = expiryState(iso, now, days);
      expect([iso, withinRange(sortString, expired)]).toEqual([iso, state === 'expired']);
      expect([iso, withinRange(sortString, expiring)]).toEqual([iso, state === 'expiring']);
    }
    expect(withinRange(sortExpiryOf(null, 'k'), expired) || withinRange(sortExpiryOf(null, 'k'), expiring)).toBe(false);
  });
});
