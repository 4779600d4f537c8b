import { startAssetHost } from './assetHost';
import { kvs } from '@forge/kvs';
import {
  AssetPageTokenError,
  patchAssets,
  queryAssetPage,
  readAssets,
  readAssetSummary,
  readAuditTrail,
  recountStep,
  tombstoneAssets,
  upsertAssets,
  writeAuditTrail,
} from '../../../src/store/assets';
import { damAssetKey, type DamActivity, type DamAsset } from '../../../src/sources/dam/asset';
import type { AssetFilters } from '../../../src/shared/assetLifecycleContract';
import { seedAssets } from '../../fixtures/assetStoreSeed';

const now = new Date('2026-03-10T12:00:00Z');
const options = { now, expiringDays: 30 };
const later = (asset: DamAsset, minutes: number, change: Partial<DamAsset> = {}): DamAsset => ({
  ...asset,
  ...change,
  modifiedAt: new Date(Date.parse(asset.modifiedAt) + minutes * 60_000).toISOString(),
});

async function everyKey(filters: AssetFilters, sort: 'name' | 'expiry' | 'activity' = 'name'): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  do {
    const page = await queryAssetPage({ filters, sort, order: 'ASC', pageSize: 50, ...(after ? { after } : {}) }, options);
    keys.push(...page.rows.map(damAssetKey));
    after = page.nextAfter ?? undefined;
  } while (after);
  return keys;
}

describe('the asset store', () => {
  let host: Awaited<ReturnType<typeof startAssetHost>>;
  const assets = [...seedAssets('canto', 60, now), ...seedAssets('iconik', 40, now)];
  const hero = assets[3] as DamAsset;

  beforeAll(async () => {
    host = await startAssetHost();
  });
  afterAll(async () => {
    await host.close();
  });
  beforeEach(async () => {
    host.forge.kvs.reset();
    await upsertAssets(assets, { now });
  });

  it('reads back what it stored, ids with any characters included, and nothing for unknown ids', async () => {
    const odd = assets.find((asset) => asset.id.includes('/')) as DamAsset;
    const found = await readAssets([{ source: hero.source, id: hero.id }, { source: odd.source, id: odd.id }, { source: 'canto', id: 'no-such-id' }]);
    expect([...found.keys()].sort()).toEqual([damAssetKey(hero), damAssetKey(odd)].sort());
    expect(found.get(damAssetKey(hero))).toEqual(hero);
  });

  it('writes nothing when the same assets arrive again', async () => {
    const before = host.forge.kvs.entityStats().writes;
    const again = await upsertAssets(assets, { now });
    expect(again).toMatchObject({ written: 0, unchanged: assets.length, skippedOlder: 0, changed: [] });
    expect(host.forge.kvs.entityStats().writes).toBe(before);
  });

  it('writes a changed asset and reports it, and keeps the newest of duplicates in one call', async () => {
    const renamed = later(hero, 5, { name: 'Renamed hero' });
    const result = await upsertAssets([renamed, later(hero, 1, { name: 'Stale rename' })], { now });
    expect(result).toMatchObject({ written: 1, changed: [renamed] });
    expect((await readAssets([hero])).get(damAssetKey(hero))?.name).toBe('Renamed hero');
  });

  it('does not let an older update overwrite a newer one', async () => {
    await upsertAssets([later(hero, 10, { name: 'Newest' })], { now });
    const result = await upsertAssets([later(hero, 5, { name: 'In-flight older' })], { now });
    expect(result).toMatchObject({ written: 0, skippedOlder: 1 });
    expect((await readAssets([hero])).get(damAssetKey(hero))?.name).toBe('Newest');
  });

  it('refuses an invalid asset naming it and its field, writing nothing', async () => {
    const before = host.forge.kvs.entityStats().writes;
    await expect(upsertAssets([later(hero, 1), { ...hero, id: 'bad', link: 'not a url' }], { now })).rejects.toThrow(/Asset 1 "bad".*link/);
    expect(host.forge.kvs.entityStats().writes).toBe(before);
  });

  it('takes a deleted asset out of every view, and an older update does not bring it back', async () => {
    const failed = assets.find((asset) => asset.failedJobs.length > 0 && asset.campaign && asset.region && asset.approval) as DamAsset;
    const views: AssetFilters[] = [{}, { campaign: failed.campaign as string }, { region: failed.region as string }, { approval: failed.approval as string }, { failedOnly: true }];
    for (const filters of views) expect(await everyKey(filters)).toContain(damAssetKey(failed));
    const deletedAt = new Date(Date.parse(failed.modifiedAt) + 60_000);
    expect(await tombstoneAssets([{ source: failed.source, id: failed.id }], deletedAt)).toBe(1);
    for (const filters of views) expect(await everyKey(filters)).not.toContain(damAssetKey(failed));
    for (const sort of ['expiry', 'activity'] as const) expect(await everyKey({}, sort)).not.toContain(damAssetKey(failed));
    expect((await readAssets([failed])).size).toBe(0);

    expect(await upsertAssets([later(failed, 0.5)], { now })).toMatchObject({ written: 0, skippedOlder: 1 });
    expect((await readAssets([failed])).size).toBe(0);
    expect(await upsertAssets([later(failed, 2, { name: 'Back again' })], { now })).toMatchObject({ written: 1 });
    expect((await readAssets([failed])).get(damAssetKey(failed))?.name).toBe('Back again');
  });

  it('keeps an asset modified after the deletion it is told about, and blocks an unknown deleted asset from appearing', async () => {
    expect(await tombstoneAssets([{ source: hero.source, id: hero.id }], new Date(Date.parse(hero.modifiedAt) - 60_000))).toBe(0);
    expect((await readAssets([hero])).size).toBe(1);
    const ghost = { ...hero, id: 'ghost-1', modifiedAt: now.toISOString() };
    expect(await tombstoneAssets([{ source: ghost.source, id: ghost.id }], new Date(now.getTime() + 1000))).toBe(1);
    expect(await upsertAssets([ghost], { now })).toMatchObject({ skippedOlder: 1, written: 0 });
    expect((await readAssets([ghost])).size).toBe(0);
  });

  it('patches enrichment onto stored assets, moving them between filter views, and names the missing ones', async () => {
    const iconik = assets.find((asset) => asset.source === 'iconik' && asset.approval !== 'NOT_APPROVED') as DamAsset;
    const result = await patchAssets([
      { source: iconik.source, id: iconik.id, patch: { approval: 'NOT_APPROVED', lastActivity: { who: 'Bo', what: 'APPROVE', detail: null, when: now.toISOString() } } },
      { source: 'iconik', id: 'unknown', patch: { approval: 'APPROVED' } },
    ]);
    expect(result).toEqual({ patched: 1, missing: ['iconik:unknown'] });
    expect(await everyKey({ approval: 'not_approved' })).toContain(damAssetKey(iconik));
    const stored = (await readAssets([iconik])).get(damAssetKey(iconik)) as DamAsset;
    expect(stored).toMatchObject({ approval: 'NOT_APPROVED', name: iconik.name, lastActivity: { what: 'APPROVE' } });
    const page = await queryAssetPage({ filters: { sources: ['iconik'] }, sort: 'activity', order: 'DESC', pageSize: 1 }, options);
    expect(page.rows.map(damAssetKey)).toEqual([damAssetKey(iconik)]);
  });

  it('keeps an audit trail per asset, newest first and capped at 200 entries', async () => {
    expect(await readAuditTrail(hero.source, hero.id)).toBeNull();
    const entries: DamActivity[] = Array.from({ length: 250 }, (_, i) => ({ who: `user ${i}`, what: 'DOWNLOAD', detail: null, when: new Date(now.getTime() - i * 60_000).toISOString() }));
    await writeAuditTrail(hero.source, hero.id, [...entries].reverse());
    const trail = (await readAuditTrail(hero.source, hero.id)) as DamActivity[];
    expect(trail).toHaveLength(200);
    expect(trail[0]?.who).toBe('user 0');
    expect(trail[199]?.who).toBe('user 199');
  });

  it('refuses a page token of another view, naming after', async () => {
    const page = await queryAssetPage({ filters: {}, sort: 'name', order: 'ASC', pageSize: 10 }, options);
    await expect(queryAssetPage({ filters: {}, sort: 'expiry', order: 'ASC', after: page.nextAfter as string }, options)).rejects.toBeInstanceOf(AssetPageTokenError);
    await expect(queryAssetPage({ filters: {}, sort: 'name', order: 'ASC', after: 'garbage' }, options)).rejects.toThrow(/^after: /);
  });
});

describe('the asset recount', () => {
  let host: Awaited<ReturnType<typeof startAssetHost>>;
  beforeAll(async () => {
    host = await startAssetHost();
  });
  afterAll(async () => {
    await host.close();
  });
  beforeEach(() => host.forge.kvs.reset());

  it('counts every live asset of a source in bounded steps whose state fits in a queue event', async () => {
    const canto = seedAssets('canto', 700, now);
    await upsertAssets(canto, { now });
    await upsertAssets(seedAssets('iconik', 50, now), { now });
    await tombstoneAssets([{ source: 'canto', id: (canto[0] as DamAsset).id }], now);
    let state: unknown = null;
    let steps = 0;
    for (;;) {
      const before = host.forge.kvs.entityStats().queries;
      const step = await recountStep('canto', state, { maxQueries: 10, now });
      expect(host.forge.kvs.entityStats().queries - before).toBeLessThanOrEqual(10);
      expect(Buffer.byteLength(JSON.stringify(step.state))).toBeLessThan(100 * 1024);
      state = JSON.parse(JSON.stringify(step.state));
      steps++;
      if (step.done) break;
    }
    expect(steps).toBe(4);
    const live = canto.slice(1);
    const summary = await readAssetSummary(['canto'], options);
    expect(summary.total).toBe(699);
    expect(summary.bySource).toEqual({ canto: 699, iconik: 0 });
    expect(summary.byApproval.approved).toBe(live.filter((a) => a.approval === 'Approved').length);
    expect(summary.withFailedJobs).toBe(live.filter((a) => a.failedJobs.length > 0).length);
    expect(summary.countedAt).toBe(now.toISOString());
    expect(summary.regions).toEqual(expect.arrayContaining(['EMEA', 'AMER', 'APAC']));
    expect(summary.regions.filter((r) => r.trim().toLowerCase() === 'emea')).toHaveLength(1);
  });

  it('after a complete full pass, tombstones the assets that pass did not list, but not ones written since it started', async () => {
    const canto = seedAssets('canto', 100, now);
    await upsertAssets(canto, { now, pass: 1 });
    const passStart = new Date(now.getTime() + 3_600_000);
    const listedAgain = canto.slice(0, 90);
    const seen = await upsertAssets(listedAgain, { now: passStart, pass: 2 });
    expect(seen).toMatchObject({ written: 0, unchanged: 90, seenMarked: 90 });
    const viaWebhook = canto[95] as DamAsset;
    await upsertAssets([later(viaWebhook, 1, { name: 'Updated mid-pass' })], { now: new Date(passStart.getTime() + 60_000) });
    let state: unknown = null;
    let result;
    do {
      result = await recountStep('canto', state, { fullPass: 2, fullPassStartedAt: passStart, now: passStart });
      state = result.state;
    } while (!result.done);
    expect(result.state.tombstoned).toBe(9);
    expect((await readAssetSummary(['canto'], options)).total).toBe(91);
    expect((await readAssets(canto.slice(90).map((a) => ({ source: a.source, id: a.id })))).size).toBe(1);
  });

  it('refuses a damaged state or one of another source', async () => {
    await expect(recountStep('canto', { v: 1, source: 'canto' })).rejects.toThrow(/Recount state is not valid/);
    const { state } = await recountStep('iconik', null, { maxQueries: 1, now });
    await expect(recountStep('canto', state)).rejects.toThrow(/belongs to iconik/);
  });

  it('answers the number of matches from the summary when it counts them exactly', async () => {
    const canto = seedAssets('canto', 200, now);
    await upsertAssets(canto, { now });
    await recountStep('canto', null, { now });
    const page = await queryAssetPage({ filters: { sources: ['canto'], failedOnly: true }, sort: 'name', order: 'ASC' }, options);
    expect(page.totalMatching).toBe(canto.filter((a) => a.failedJobs.length > 0).length);
    const all = await queryAssetPage({ filters: { sources: ['canto'] }, sort: 'name', order: 'ASC' }, options);
    expect(all.totalMatching).toBe(200);
    await kvs.delete('asset-summary:canto');
    expect((await queryAssetPage({ filters: { sources: ['canto'] }, sort: 'name', order: 'ASC' }, options)).totalMatching).toBeNull();
  });
});
