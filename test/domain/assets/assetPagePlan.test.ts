import { planSource, countMatching, rangeAfter, rangeCondition, rangeIsEmpty, type PlannerCounts } from '../../../src/domain/assets/assetPagePlan';
import { expiryBounds } from '../../../src/domain/assets/expiry';

const instants = expiryBounds(new Date('2026-03-10T12:00:00Z'), 30);

function counts(overrides: Partial<{ total: number; failed: number; facets: Record<string, number>; expired: number; expiring: number; inexact: string[] }> = {}): PlannerCounts {
  const facets = overrides.facets ?? {};
  return {
    total: overrides.total ?? 100_000,
    failed: overrides.failed ?? 3_000,
    facet: (kind, value) => ({ count: facets[`${kind}:${value.toLowerCase()}`] ?? 0, exact: !(overrides.inexact ?? []).includes(`${kind}:${value.toLowerCase()}`) }),
    expiry: (filter) => (filter === 'expired' ? (overrides.expired ?? 20_000) : (overrides.expiring ?? 2_000)),
  };
}

describe('the asset page planner', () => {
  it('streams the sort index when nothing is filtered', () => {
    expect(planSource('canto', {}, 'name', counts(), instants)).toMatchObject({ index: 'by-name', partition: ['canto'], mode: 'ordered', exact: true });
    expect(planSource('iconik', {}, 'activity', counts(), instants)).toMatchObject({ index: 'by-activity', partition: ['iconik'], mode: 'ordered', exact: true });
  });

  it('streams a filter partition that is already in the requested order', () => {
    expect(planSource('canto', { campaign: 'Spring' }, 'name', counts({ facets: { 'campaign:spring': 40_000 } }), instants)).toMatchObject({ index: 'by-campaign', partition: ['canto', 'spring'], mode: 'ordered', exact: true });
    expect(planSource('canto', { failedOnly: true }, 'activity', counts(), instants)).toMatchObject({ index: 'by-failed', partition: ['canto', 'yes'], mode: 'ordered', exact: true });
  });

  it('reads an expiry filter as a range of the expiry index when sorting by expiry', () => {
    const plan = planSource('canto', { expiry: 'expiring' }, 'expiry', counts(), instants);
    expect(plan).toMatchObject({ index: 'by-expiry', mode: 'ordered', exact: true, estimate: 2_000 });
    expect(plan.range.low?.value).toBe('2026-03-10T12:00:00.000Z}');
    expect(plan.range.high?.value).toBe('2026-04-10T00:00:00.000Z');
  });

  it('picks the smallest of several filter partitions and checks the other filters in code', () => {
    const plan = planSource('canto', { approval: 'Approved', region: 'EMEA' }, 'name', counts({ facets: { 'approval:approved': 50_000, 'region:emea': 8_000 } }), instants);
    expect(plan).toMatchObject({ index: 'by-region', partition: ['canto', 'emea'], mode: 'ordered', exact: false });
  });

  it('reads a small partition whole and sorts it in memory when the sort differs from its order', () => {
    const plan = planSource('canto', { campaign: 'Rare' }, 'expiry', counts({ facets: { 'campaign:rare': 120 } }), instants);
    expect(plan).toMatchObject({ index: 'by-campaign', partition: ['canto', 'rare'], mode: 'collect', estimate: 120 });
    expect(plan.fallback).toMatchObject({ index: 'by-expiry', mode: 'ordered', exact: false });
  });

  it('scans the sort index with the filter in code when the partition is large', () => {
    expect(planSource('canto', { campaign: 'Big' }, 'expiry', counts({ facets: { 'campaign:big': 30_000 } }), instants)).toMatchObject({ index: 'by-expiry', mode: 'ordered', exact: false });
  });

  it('prefers an in-order filter partition over an in-memory sort of a larger one', () => {
    const plan = planSource('canto', { campaign: 'Rare', expiry: 'expired' }, 'name', counts({ facets: { 'campaign:rare': 120 }, expired: 400 }), instants);
    expect(plan).toMatchObject({ index: 'by-campaign', mode: 'ordered', exact: false });
  });

  it('uses filter partitions even before the first count, when sizes are unknown', () => {
    expect(planSource('canto', { region: 'EMEA' }, 'name', null, instants)).toMatchObject({ index: 'by-region', mode: 'ordered' });
    expect(planSource('canto', { region: 'EMEA' }, 'expiry', null, instants)).toMatchObject({ index: 'by-expiry', mode: 'ordered', exact: false });
  });

  it('knows the number of matches only when one exact count answers the whole filter', () => {
    const all = new Map([
      ['canto' as const, counts({ total: 10, failed: 2, facets: { 'campaign:spring': 4 }, inexact: ['campaign:tail'] })],
      ['iconik' as const, counts({ total: 5, failed: 1, facets: { 'campaign:spring': 1 } })],
    ]);
    expect(countMatching({}, ['canto', 'iconik'], all)).toBe(15);
    expect(countMatching({ failedOnly: true }, ['canto', 'iconik'], all)).toBe(3);
    expect(countMatching({ campaign: 'Spring' }, ['canto'], all)).toBe(4);
    expect(countMatching({ campaign: 'tail' }, ['canto'], all)).toBeNull();
    expect(countMatching({ campaign: 'Spring', failedOnly: true }, ['canto'], all)).toBeNull();
    expect(countMatching({ expiry: 'expired' }, ['canto'], all)).toBeNull();
    expect(countMatching({}, ['canto', 'iconik'], new Map([['canto' as const, counts()]]))).toBeNull();
  });
});

describe('keyset ranges', () => {
  it('resume strictly after the last row in either order, within the filter range', () => {
    const range = { low: { value: 'b', inclusive: false }, high: { value: 'm', inclusive: false } };
    expect(rangeAfter(range, 'd', 'ASC')).toEqual({ low: { value: 'd', inclusive: false }, high: range.high });
    expect(rangeAfter(range, 'd', 'DESC')).toEqual({ low: range.low, high: { value: 'd', inclusive: false } });
    expect(rangeAfter(range, 'a', 'ASC')).toBe(range);
    expect(rangeAfter({}, null, 'ASC')).toEqual({});
    expect(rangeIsEmpty(rangeAfter(range, 'z', 'ASC'))).toBe(true);
    expect(rangeIsEmpty({ low: { value: 'a', inclusive: true }, high: { value: 'a', inclusive: true } })).toBe(false);
  });

  it('become the one range condition Forge takes', () => {
    expect(rangeCondition({})).toBeNull();
    expect(rangeCondition({ low: { value: 'a', inclusive: false } })).toEqual({ condition: 'GREATER_THAN', values: ['a'] });
    expect(rangeCondition({ high: { value: 'a', inclusive: true } })).toEqual({ condition: 'LESS_THAN_EQUAL_TO', values: ['a'] });
    expect(rangeCondition({ low: { value: 'a', inclusive: false }, high: { value: 'b', inclusive: false } })).toEqual({ condition: 'BETWEEN', values: ['a', 'b'] });
  });
});
