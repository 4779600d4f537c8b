import { planAssetPage, recordMatches, withinRange, type PlannerCounts } from '../../../src/domain/assets/assetPagePlan';
import { runAssetPage, type IndexRead } from '../../../src/domain/assets/assetPageRun';
import { INDEX_RANGE, liveRecord, type AssetIndexName, type AssetRecord } from '../../../src/domain/assets/assetRecord';
import { countAsset, emptySummaryCounts, expiryCounts, facetCount, type SummaryCounts } from '../../../src/domain/assets/assetSummaryCounts';
import { expiryBounds } from '../../../src/domain/assets/expiry';
import type { AssetFilters, AssetSortKey, AssetSortOrder } from '../../../src/shared/assetLifecycleContract';
import type { DamSource } from '../../../src/sources/dam/asset';
import { RARE_CAMPAIGN, seedAssets } from '../../fixtures/assetStoreSeed';

const now = new Date('2026-03-10T12:00:00Z');
const instants = expiryBounds(now, 30);
const PARTITIONS: Record<AssetIndexName, Array<keyof AssetRecord>> = {
  'by-name': ['scope'],
  'by-expiry': ['scope'],
  'by-activity': ['scope'],
  'by-campaign': ['scope', 'campaignKey'],
  'by-approval': ['scope', 'approvalKey'],
  'by-failed': ['scope', 'failedKey'],
  'by-region': ['scope', 'regionKey'],
};

const records: AssetRecord[] = (['canto', 'iconik'] as const).flatMap((source) =>
  seedAssets(source, 1500, now).map((asset) => liveRecord(asset, { storageKey: `${source}:${asset.id.replace(/[^a-z0-9]/gi, '_')}`, writtenAt: now.toISOString() })),
);

const summaries = new Map<DamSource, SummaryCounts>();
for (const record of records) {
  const source = record.asset.source;
  if (!summaries.has(source)) summaries.set(source, emptySummaryCounts(source, now));
  countAsset(summaries.get(source) as SummaryCounts, record);
}
const plannerCounts = new Map<DamSource, PlannerCounts>(
  [...summaries].map(([source, s]) => [
    source,
    {
      total: s.total,
      failed: s.failed,
      facet: (kind, value) => facetCount(s[({ approval: 'approvals', campaign: 'campaigns', region: 'regions', productLine: 'productLines' } as const)[kind]], value),
      expiry: (filter) => expiryCounts(s.expiry, now, 30)[filter],
    },
  ]),
);

/** The entity index, in memory: partition, range, order, limit, cursor (an offset). */
const sortedPartitions = new Map<string, AssetRecord[]>();

function memoryIndex() {
  const reads: IndexRead[] = [];
  const readIndex = async (read: IndexRead) => {
    reads.push(read);
    const attribute = INDEX_RANGE[read.index];
    const id = JSON.stringify([read.index, read.partition, read.order]);
    let partition = sortedPartitions.get(id);
    if (!partition) {
      partition = records
        .filter((r) => PARTITIONS[read.index].every((attr, i) => r[attr] === read.partition[i]) && r[attribute] !== undefined)
        .sort((a, b) => ((a[attribute] as string) < (b[attribute] as string) ? -1 : 1));
      if (read.order === 'DESC') partition.reverse();
      sortedPartitions.set(id, partition);
    }
    const rows = partition.filter((r) => withinRange(r[attribute] as string | undefined, read.range));
    const offset = read.cursor ? Number(read.cursor) : 0;
    const page = rows.slice(offset, offset + read.limit);
    return { records: page, cursor: offset + read.limit < rows.length ? String(offset + read.limit) : null };
  };
  return { reads, readIndex };
}

function expected(filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder): string[] {
  const attribute = ({ name: 'sortName', expiry: 'sortExpiry', activity: 'sortActivity' } as const)[sort];
  const rows = records.filter((r) => recordMatches(r, filters, instants)).sort((a, b) => ((a[attribute] as string) < (b[attribute] as string) ? -1 : 1));
  if (order === 'DESC') rows.reverse();
  return rows.map((r) => r.sortName);
}

async function allPages(filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder, pageSize = 25, budget?: number) {
  const sources: DamSource[] = filters.sources ?? ['canto', 'iconik'];
  const plan = planAssetPage({ filters, sort, order }, sources, plannerCounts, instants);
  const index = memoryIndex();
  const seen: string[] = [];
  const pages: Array<{ rows: number; reads: number; partial: boolean }> = [];
  let after: string | null = null;
  do {
    const run = await runAssetPage(plan, { after, pageSize, readIndex: index.readIndex, matches: (r) => recordMatches(r, filters, instants), ...(budget ? { budget } : {}) });
    expect(run.rows.length).toBeLessThanOrEqual(pageSize);
    seen.push(...run.rows.map((r) => r.sortName));
    pages.push({ rows: run.rows.length, reads: run.reads, partial: run.partial });
    after = run.next;
  } while (after !== null && pages.length < 1000);
  return { seen, pages, plan };
}

describe('running an asset page plan', () => {
  const cases: Array<[string, AssetFilters, AssetSortKey, AssetSortOrder]> = [
    ['everything by name', {}, 'name', 'ASC'],
    ['everything by activity, newest first', {}, 'activity', 'DESC'],
    ['one source by expiry, latest first', { sources: ['iconik'] }, 'expiry', 'DESC'],
    ['an approval across vocabularies', { approval: 'approved' }, 'name', 'DESC'],
    ['a campaign sorted by expiry', { campaign: 'Campaign 0' }, 'expiry', 'ASC'],
    ['a rare campaign sorted by activity', { campaign: RARE_CAMPAIGN }, 'activity', 'DESC'],
    ['expiring soon by expiry', { expiry: 'expiring' }, 'expiry', 'ASC'],
    ['expired by name', { expiry: 'expired' }, 'name', 'ASC'],
    ['failed jobs by name', { failedOnly: true }, 'name', 'ASC'],
    ['region and product line by activity', { region: 'emea', productLine: 'Line 3' }, 'activity', 'ASC'],
    ['nothing matches', { campaign: 'No such campaign' }, 'name', 'ASC'],
  ];

  it.each(cases)('pages through %s exactly as a full sort and filter would, without gaps or repeats', async (_name, filters, sort, order) => {
    const { seen } = await allPages(filters, sort, order);
    expect(seen).toEqual(expected(filters, sort, order));
  });

  it('reads a first page of everything with a couple of queries per source', async () => {
    const { pages } = await allPages({}, 'name', 'ASC');
    expect(pages[0]).toEqual({ rows: 25, reads: 2, partial: false });
    expect(Math.max(...pages.map((p) => p.reads))).toBeLessThanOrEqual(4);
  });

  it('stops a sparse scan at the budget and resumes exactly where it stopped', async () => {
    const filters: AssetFilters = { productLine: 'Line 7', sources: ['canto'] };
    const { seen, pages, plan } = await allPages(filters, 'expiry', 'ASC', 25, 5);
    expect(plan.streams[0]).toMatchObject({ index: 'by-expiry', mode: 'ordered', exact: false });
    expect(pages.some((p) => p.partial)).toBe(true);
    expect(Math.max(...pages.map((p) => p.reads))).toBeLessThanOrEqual(5);
    expect(seen).toEqual(expected(filters, 'expiry', 'ASC'));
  });

  it('sorts small partitions of both sources in memory within one page budget, or scans when it cannot afford them', async () => {
    const filters: AssetFilters = { region: 'emea', approval: 'approved' };
    const roomy = await allPages(filters, 'expiry', 'DESC', 25);
    expect(roomy.plan.streams.map((s) => s.mode)).toEqual(['collect', 'collect']);
    expect(roomy.seen).toEqual(expected(filters, 'expiry', 'DESC'));
    const tight = await allPages(filters, 'expiry', 'DESC', 25, 12);
    expect(Math.max(...tight.pages.map((p) => p.reads))).toBeLessThanOrEqual(12);
    expect(tight.seen).toEqual(expected(filters, 'expiry', 'DESC'));
  });

  it('falls back to scanning in order when a "small" partition turns out large', async () => {
    const stale = new Map(plannerCounts);
    const real = plannerCounts.get('canto') as PlannerCounts;
    stale.set('canto', { ...real, facet: () => ({ count: 10, exact: false }) });
    const filters: AssetFilters = { sources: ['canto'], campaign: 'Campaign 0' };
    const plan = planAssetPage({ filters, sort: 'activity', order: 'DESC' }, ['canto'], stale, instants);
    expect(plan.streams[0]?.mode).toBe('collect');
    const index = memoryIndex();
    const run = await runAssetPage(plan, { after: null, pageSize: 10, readIndex: index.readIndex, matches: (r) => recordMatches(r, filters, instants) });
    expect(run.rows.map((r) => r.sortName)).toEqual(expected(filters, 'activity', 'DESC').slice(0, 10));
  });
});
