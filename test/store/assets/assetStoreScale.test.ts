import { bruteForce, startAssetHost } from './assetHost';
import { queryAssetPage, recountStep, upsertAssets } from '../../../src/store/assets';
import type { AssetFilters, AssetSortKey, AssetSortOrder } from '../../../src/shared/assetLifecycleContract';
import { damAssetKey, type DamAsset } from '../../../src/sources/dam/asset';
import { RARE_CAMPAIGN, seedAssets } from '../../fixtures/assetStoreSeed';
import { encodePageToken, viewFingerprint } from '../../../src/domain/assets/assetPageToken';
import { sortNameOf } from '../../../src/domain/assets/assetIndexKeys';
import { assetStorageKey } from '../../../src/store/assets/assetEntity';

const now = new Date('2026-03-10T12:00:00Z');
const options = { now, expiringDays: 30 };
const PER_SOURCE = 10_000;

describe('the asset store at 20,000 assets', () => {
  let host: Awaited<ReturnType<typeof startAssetHost>>;
  const assets: DamAsset[] = [...seedAssets('canto', PER_SOURCE, now), ...seedAssets('iconik', PER_SOURCE, now)];

  beforeAll(async () => {
    host = await startAssetHost();
    for (let i = 0; i < assets.length; i += 500) await upsertAssets(assets.slice(i, i + 500), { now, pass: 1 });
    for (const source of ['canto', 'iconik'] as const) {
      let state: unknown = null;
      for (;;) {
        const step = await recountStep(source, state, { now });
        state = step.state;
        if (step.done) break;
      }
    }
  }, 120_000);
  afterAll(async () => {
    await host.close();
  });

  async function page(filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder, after?: string, pageSize = 25) {
    const before = host.forge.kvs.entityStats();
    const answer = await queryAssetPage({ filters, sort, order, pageSize, ...(after ? { after } : {}) }, options);
    const stats = host.forge.kvs.entityStats();
    return { answer, queries: stats.queries - before.queries, items: stats.queryItems - before.queryItems, bytes: stats.bytesRead - before.bytesRead };
  }

  async function pages(filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder, limit = Number.POSITIVE_INFINITY, pageSize = 25) {
    const keys: string[] = [];
    const costs: number[] = [];
    let partial = false;
    let after: string | undefined;
    let count = 0;
    do {
      const { answer, queries } = await page(filters, sort, order, after, pageSize);
      expect(answer.reads).toBe(queries);
      keys.push(...answer.rows.map(damAssetKey));
      costs.push(queries);
      partial ||= answer.partial;
      after = answer.nextAfter ?? undefined;
      count++;
    } while (after && count < limit);
    return { keys, costs, partial, complete: after === undefined };
  }

  const expected = (filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder) => bruteForce(assets, filters, sort, order, now, 30).map(damAssetKey);

  it('serves the first page of the default view with two entity queries, reading about 40 assets', async () => {
    const { answer, queries, items, bytes } = await page({}, 'name', 'ASC');
    expect(answer.rows.map(damAssetKey)).toEqual(expected({}, 'name', 'ASC').slice(0, 25));
    expect(queries).toBe(2);
    expect(items).toBeLessThanOrEqual(40);
    expect(bytes).toBeLessThan(60 * 1024);
    expect(answer.totalMatching).toBe(20_000);
  });

  it('serves a deep page (asset 15,001 on) and the pages after it with at most four queries each', async () => {
    const order = bruteForce(assets, {}, 'name', 'DESC', now, 30);
    const deep = order[15_000 - 1] as DamAsset;
    // A token is a position in the sort order: the one the 600th page of 25 would have handed out.
    const after = encodePageToken(viewFingerprint({}, 'name', 'DESC'), sortNameOf(deep.name, assetStorageKey(deep.source, deep.id)));
    const first = await page({}, 'name', 'DESC', after);
    expect(first.queries).toBeLessThanOrEqual(4);
    expect(first.answer.rows.map(damAssetKey)).toEqual(order.slice(15_000, 15_025).map(damAssetKey));
    const keys = [...first.answer.rows.map(damAssetKey)];
    let next = first.answer.nextAfter;
    while (next) {
      const { answer, queries } = await page({}, 'name', 'DESC', next, 50);
      expect(queries).toBeLessThanOrEqual(4);
      keys.push(...answer.rows.map(damAssetKey));
      next = answer.nextAfter;
    }
    expect(keys).toEqual(order.slice(15_000).map(damAssetKey));
  }, 60_000);

  const selective: Array<[string, AssetFilters, AssetSortKey, AssetSortOrder]> = [
    ['a rare campaign by last activity', { campaign: RARE_CAMPAIGN }, 'activity', 'DESC'],
    ['failed jobs in one region by name', { region: 'EMEA', failedOnly: true }, 'name', 'ASC'],
    ['expiring soon, latest first', { expiry: 'expiring' }, 'expiry', 'DESC'],
    ['expired canto assets of one product line by name', { sources: ['canto'], expiry: 'expired', productLine: 'Line 3' }, 'name', 'ASC'],
    ['one approval status in one region by expiry', { approval: 'pending', region: 'apac' }, 'expiry', 'ASC'],
  ];

  it.each(selective)('answers %s exactly as a full sort and filter would', async (_name, filters, sort, order) => {
    const { keys, costs } = await pages(filters, sort, order);
    expect(keys).toEqual(expected(filters, sort, order));
    expect(Math.max(...costs)).toBeLessThanOrEqual(40);
  }, 60_000);

  const broad: Array<[string, AssetFilters, AssetSortKey, AssetSortOrder]> = [
    ['every approved asset by expiry', { approval: 'APPROVED' }, 'expiry', 'ASC'],
    ['a big campaign by name, descending', { campaign: 'Campaign 0' }, 'name', 'DESC'],
    ['iconik by activity', { sources: ['iconik'] }, 'activity', 'DESC'],
    ['failed jobs by activity', { failedOnly: true }, 'activity', 'DESC'],
  ];

  it.each(broad)('answers the first pages of %s exactly, with a handful of queries each', async (_name, filters, sort, order) => {
    const { keys, costs } = await pages(filters, sort, order, 4);
    expect(keys).toEqual(expected(filters, sort, order).slice(0, keys.length));
    expect(keys.length).toBe(100);
    expect(Math.max(...costs)).toBeLessThanOrEqual(8);
  });
});
