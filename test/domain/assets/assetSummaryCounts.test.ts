import { liveRecord } from '../../../src/domain/assets/assetRecord';
import { combineSummaries, countAsset, countFacet, emptySummaryCounts, expiryCounts, facetCount, FACET_CAPACITY, type FacetCounter, type SourceSummary } from '../../../src/domain/assets/assetSummaryCounts';
import { seedAssets } from '../../fixtures/assetStoreSeed';

const now = new Date('2026-03-10T12:00:00Z');

describe('facet counters', () => {
  it('count exactly while there are at most FACET_CAPACITY distinct values, merging spellings', () => {
    const counter: FacetCounter = { entries: [], evicted: false };
    for (const value of ['Approved', 'APPROVED', ' Approved ', 'Pending', null, '  ']) countFacet(counter, value);
    expect(facetCount(counter, 'approved')).toEqual({ count: 3, exact: true });
    expect(facetCount(counter, 'Pending')).toEqual({ count: 1, exact: true });
    expect(facetCount(counter, 'Restricted')).toEqual({ count: 0, exact: true });
    expect(counter.entries.map(([label]) => label)).toEqual(['Approved', 'Pending']);
  });

  it('label a value with its most common spelling', () => {
    const counter: FacetCounter = { entries: [], evicted: false };
    for (const value of ['emea ', 'EMEA', 'EMEA', 'emea', 'EMEA']) countFacet(counter, value);
    expect(counter.entries).toEqual([['EMEA', 5, 0, expect.any(Number)]]);
  });

  it('keep the most frequent values of a long tail and say which counts are estimates', () => {
    const counter: FacetCounter = { entries: [], evicted: false };
    for (let i = 0; i < 5000; i++) countFacet(counter, i % 2 === 0 ? 'Big' : `Tail ${i}`);
    expect(counter.entries.length).toBeLessThanOrEqual(FACET_CAPACITY);
    expect(facetCount(counter, 'Big')).toEqual({ count: 2500, exact: true });
    expect(facetCount(counter, 'Tail 1').exact).toBe(false);
  });

  it('stay within their byte budget with long values', () => {
    const counts = emptySummaryCounts('canto', now);
    for (let i = 0; i < 2000; i++) {
      const long = `${'x'.repeat(190)} ${i}`;
      countAsset(counts, liveRecord({ ...seedAssets('canto', 1, now)[0]!, campaign: long, region: long, productLine: long, approval: long.slice(0, 60), expiresAt: new Date(now.getTime() + i * 86_400_000).toISOString() }, { storageKey: `canto:${i}`, writtenAt: now.toISOString() }));
    }
    expect(Buffer.byteLength(JSON.stringify(counts))).toBeLessThan(100 * 1024);
  });
});

describe('expiry counts', () => {
  it('split expired and expiring by UTC day, for any window', () => {
    const counts = emptySummaryCounts('canto', now);
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
    for (const days of [-1000, -3, -1, 0, 1, 10, 30, 31, 364, 5000]) countAsset(counts, liveRecord({ ...seedAssets('canto', 1, now)[0]!, expiresAt: at(days) }, { storageKey: 'canto:x', writtenAt: now.toISOString() }));
    countAsset(counts, liveRecord({ ...seedAssets('canto', 1, now)[0]!, expiresAt: null }, { storageKey: 'canto:y', writtenAt: now.toISOString() }));
    expect(expiryCounts(counts.expiry, now, 30)).toEqual({ expired: 3, expiring: 4 });
    expect(expiryCounts(counts.expiry, now, 365)).toEqual({ expired: 3, expiring: 6 });
    // A week later, the summary still splits the days it counted one by one.
    expect(expiryCounts(counts.expiry, new Date(now.getTime() + 7 * 86_400_000), 30)).toEqual({ expired: 5, expiring: 3 });
  });
});

describe('combining source summaries', () => {
  it('adds sources up and merges the same value across them, most frequent first', () => {
    const summary = (source: 'canto' | 'iconik', approvals: string[], campaigns: string[]): SourceSummary => {
      const counts = emptySummaryCounts(source, now);
      approvals.forEach((approval, i) =>
        countAsset(counts, liveRecord({ ...seedAssets(source, 1, now)[0]!, approval, campaign: campaigns[i] ?? null, failedJobs: [] }, { storageKey: `${source}:${i}`, writtenAt: now.toISOString() })),
      );
      return { ...counts, v: 1, countedAt: source === 'canto' ? '2026-03-10T10:00:00.000Z' : '2026-03-10T11:00:00.000Z' };
    };
    const combined = combineSummaries([summary('canto', ['Approved', 'Pending', 'Approved'], ['Spring', 'Spring', 'Fall']), summary('iconik', ['APPROVED', 'MIXED'], ['fall', 'Fall'])], ['canto', 'iconik'], now, 30);
    expect(combined).toMatchObject({ total: 5, bySource: { canto: 3, iconik: 2 }, byApproval: { approved: 3, pending: 1, mixed: 1 }, withFailedJobs: 0, countedAt: '2026-03-10T10:00:00.000Z' });
    expect(combined.campaigns).toEqual(['Fall', 'Spring']);
    expect(combined.approvals[0]).toBe('Approved');
    expect(combineSummaries([], ['canto'], now, 30)).toMatchObject({ total: 0, countedAt: null, campaigns: [] });
  });
});
