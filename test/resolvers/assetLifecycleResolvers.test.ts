import { startApp, type AppUnderTest } from '../appHost';
import type { AssetAudit, AssetPage, AssetRow } from '../../src/shared/assetLifecycleContract';
import type { ResolverError } from '../../src/shared/resolverError';
import type { DamAsset } from '../../src/sources/dam/asset';
import { readAssetSummary, recountStep, upsertAssets, writeAuditTrail } from '../../src/store/assets';
import { recordDamRunFailed, recordDamRunStarted, recordDamRunSucceeded } from '../../src/store/assets/syncStatus';
import { auditTrail, makeAssets } from '../fixtures/assetLifecycleAssets';

const MODULE = 'asset-lifecycle';

/** Both platforms connected (the resolvers never call them: they read what the sync stored). */
const CONNECTED = {
  CANTO_BASE_URL: 'https://acme.canto.com',
  CANTO_APP_ID: 'canto-app',
  CANTO_APP_SECRET: 'canto-secret-value',
  ICONIK_BASE_URL: 'https://app.iconik.io',
  ICONIK_APP_ID: 'iconik-app',
  ICONIK_AUTH_TOKEN: 'iconik-token-value',
};

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

async function markSynced(source: 'canto' | 'iconik', at: Date) {
  const runId = `run-${source}-${at.getTime()}`;
  await recordDamRunStarted(source, { runId, mode: 'full', startedAt: at.toISOString() }, null);
  await recordDamRunSucceeded(
    source,
    { runId, mode: 'full', startedAt: at.toISOString(), counts: { listed: 0, written: 0, unchanged: 0, skippedOlder: 0, invalid: 0, enriched: 0, failedJobs: 0, requests: 0, steps: 0 }, notes: [] },
    at,
  );
}

async function recount(source: 'canto' | 'iconik') {
  let state: unknown = null;
  for (let i = 0; i < 100; i += 1) {
    const step = await recountStep(source, state);
    state = step.state;
    if (step.done) return;
  }
  throw new Error('recount did not finish');
}

describe('asset-lifecycle resolvers on the workbench host', () => {
  let app: AppUnderTest;
  const now = new Date();
  const canto = makeAssets('canto', 30, now);
  const iconik = makeAssets('iconik', 20, now);
  const all = [...canto, ...iconik];

  const call = async (functionKey: string, payload: unknown, config: Record<string, unknown> = {}) => {
    const answer = await app.forge.invokeResolver({
      moduleKey: MODULE,
      functionKey,
      payload,
      extension: { type: 'macro', config, content: { id: '1001' }, space: { key: 'MKT', id: '7' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    return answer.body as Record<string, unknown>;
  };
  const page = async (payload: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => {
    const answer = await call('assetLifecycle.getPage', payload, config);
    if (answer.state !== 'ready') throw new Error(`expected a page, got ${JSON.stringify(answer).slice(0, 400)}`);
    return answer as unknown as AssetPage;
  };
  const error = async (functionKey: string, payload: unknown, config: Record<string, unknown> = {}) => {
    const answer = await call(functionKey, payload, config);
    if (answer.state !== 'error') throw new Error(`expected an error, got ${JSON.stringify(answer).slice(0, 400)}`);
    return answer as unknown as ResolverError;
  };
  /** Every row of a query, following nextAfter to the end. */
  const everyRow = async (payload: Record<string, unknown>, config: Record<string, unknown> = {}) => {
    const rows: AssetRow[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const answer = await page({ ...payload, ...(after ? { after } : {}) }, config);
      rows.push(...answer.rows);
      if (!answer.nextAfter) return rows;
      after = answer.nextAfter;
    }
    throw new Error('paging did not end');
  };

  beforeAll(async () => {
    app = await startApp({ variables: CONNECTED });
    await upsertAssets(all, { now });
    await recount('canto');
    await recount('iconik');
    await writeAuditTrail('iconik', iconik[1]!.id, auditTrail(now));
    await markSynced('canto', new Date(now.getTime() - 10 * 60_000));
    await markSynced('iconik', new Date(now.getTime() - 10 * 60_000));
  });
  afterAll(async () => {
    await app.close();
  });

  describe('a page', () => {
    it('answers the summary counts over both sources, fresh, with the configured defaults', async () => {
      const answer = await page();
      expect(answer.summary).toMatchObject({ total: 50, bySource: { canto: 30, iconik: 20 } });
      expect(answer.summary.expired).toBe(all.filter((a) => a.expiresAt && Date.parse(a.expiresAt) <= now.getTime()).length);
      expect(answer.summary.withFailedJobs).toBe(iconik.filter((a) => a.failedJobs.length > 0).length);
      expect(answer.freshness.map((f) => [f.source, f.stale])).toEqual([
        ['canto', false],
        ['iconik', false],
      ]);
      expect(answer.request).toMatchObject({ sort: 'name', order: 'ASC', pageSize: 25, after: null, filters: { sources: ['canto', 'iconik'] } });
      expect(answer.scope).toEqual({ sources: ['canto', 'iconik'], title: null });
      expect(answer.rows).toHaveLength(25);
    });

    it('shows each column of an asset, approval verbatim, with its expiry state', async () => {
      const rows = await everyRow({ pageSize: 50 });
      const failed = iconik[1] as DamAsset;
      const row = rows.find((r) => r.id === failed.id) as AssetRow;
      expect(row).toMatchObject({
        source: 'iconik',
        name: failed.name,
        approval: 'REQUESTED',
        campaign: failed.campaign,
        productLine: failed.productLine,
        region: failed.region,
        usageRights: failed.usageRights,
        link: failed.link,
        lastActivity: failed.lastActivity,
        failedJobs: [expect.objectContaining({ type: 'TRANSCODE', status: 'FAILED', error: 'Unsupported codec: ProRes RAW' })],
      });
      expect(rows.find((r) => r.approval === 'Legal review')).toBeDefined();
      for (const r of rows) {
        const expected = !r.expiresAt ? 'none' : Date.parse(r.expiresAt) <= now.getTime() ? 'expired' : r.daysToExpiry !== null && r.daysToExpiry <= 30 ? 'expiring' : 'ok';
        expect([r.id, r.expiryState]).toEqual([r.id, expected]);
      }
    });

    it('pages by name with nextAfter, without gaps or repeats, both ways', async () => {
      const ascending = (await everyRow({ pageSize: 7 })).map((r) => r.name);
      expect(ascending).toEqual(all.map((a) => a.name).sort(byName));
      const descending = (await everyRow({ pageSize: 9, sort: 'name', order: 'DESC' })).map((r) => r.name);
      expect(descending).toEqual([...ascending].reverse());
    });

    it('sorts by expiry, soonest first by default, and by last activity, newest first', async () => {
      const byExpiry = (await everyRow({ sort: 'expiry', pageSize: 50 })).filter((r) => r.expiresAt).map((r) => Date.parse(r.expiresAt as string));
      expect(byExpiry).toEqual([...byExpiry].sort((a, b) => a - b));
      const byActivity = (await everyRow({ sort: 'activity', pageSize: 50 })).map((r) => Date.parse(r.lastActivity?.when ?? '1970-01-01T00:00:00Z'));
      expect(byActivity).toEqual([...byActivity].sort((a, b) => b - a));
    });

    it('filters by approval (any casing), campaign, region, product line, failed jobs and expiry', async () => {
      const approved = await everyRow({ filters: { approval: 'approved' }, pageSize: 50 });
      expect(new Set(approved.map((r) => r.approval))).toEqual(new Set(['Approved', 'APPROVED']));
      const spring = await everyRow({ filters: { campaign: 'Spring 2026', region: 'EMEA', productLine: 'Outdoor' }, pageSize: 50 });
      expect(spring.map((r) => r.id).sort()).toEqual(
        all.filter((a) => a.campaign === 'Spring 2026' && a.region === 'EMEA' && a.productLine === 'Outdoor').map((a) => a.id).sort(),
      );
      const failed = await everyRow({ filters: { failedOnly: true }, pageSize: 50 });
      expect(failed.map((r) => r.id).sort()).toEqual(iconik.filter((a) => a.failedJobs.length > 0).map((a) => a.id).sort());
      const expired = await everyRow({ filters: { expiry: 'expired' }, pageSize: 50 });
      expect(expired.length).toBeGreaterThan(0);
      expect(expired.every((r) => r.expiryState === 'expired')).toBe(true);
      const expiring = await everyRow({ filters: { expiry: 'expiring' }, expiringDays: 60, pageSize: 50 });
      expect(expiring.every((r) => r.expiryState === 'expiring' && (r.daysToExpiry ?? 99) <= 60)).toBe(true);
    });

    it('starts from the configured filters and lets the reader change them', async () => {
      const config = { approval: 'Pending', pageSize: 10, title: 'Pending approvals' };
      const defaults = await page({}, config);
      expect(defaults.request.filters.approval).toBe('Pending');
      expect(defaults.rows.every((r) => r.approval === 'Pending')).toBe(true);
      expect(defaults.scope.title).toBe('Pending approvals');
      const changed = await page({ filters: { approval: 'MIXED' } }, config);
      expect(changed.rows.length).toBeGreaterThan(0);
      expect(changed.rows.every((r) => r.approval === 'MIXED')).toBe(true);
    });
  });

  describe('the configured sources', () => {
    it('can be narrowed by the reader', async () => {
      const rows = await everyRow({ filters: { sources: ['iconik'] }, pageSize: 50 });
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['iconik']));
    });

    it('cannot be widened by the payload: the error names the field', async () => {
      const answer = await error('assetLifecycle.getPage', { filters: { sources: ['canto', 'iconik'] } }, { sources: ['canto'] });
      expect(answer.fields).toEqual([{ path: 'payload.filters.sources', message: expect.stringContaining('iconik') }]);
      const rows = await everyRow({ filters: {}, pageSize: 50 }, { sources: ['canto'] });
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.source === 'canto')).toBe(true);
      const audit = await error('assetLifecycle.getAudit', { source: 'iconik', id: iconik[1]!.id }, { sources: ['canto'] });
      expect(audit.fields[0]?.path).toBe('payload.source');
    });
  });

  describe('validation', () => {
    it.each([
      [{ pageSize: 500 }, 'payload.pageSize'],
      [{ sort: 'size' }, 'payload.sort'],
      [{ filters: { expiry: 'soon' } }, 'payload.filters.expiry'],
      [{ filters: { sources: ['dropbox'] } }, 'payload.filters.sources.0'],
      [{ expiringDays: 0 }, 'payload.expiringDays'],
      [{ after: '' }, 'payload.after'],
    ])('refuses %j, naming %s', async (payload, path) => {
      const answer = await error('assetLifecycle.getPage', payload);
      expect(answer.fields.map((f) => f.path)).toContain(path);
      expect(answer.message).toContain(path);
    });

    it('refuses unknown payload keys and a broken macro configuration', async () => {
      expect((await error('assetLifecycle.getPage', { page: 2 })).message).toMatch(/Unrecognized key/);
      const config = await error('assetLifecycle.getPage', {}, { pageSize: 500 });
      expect(config.fields[0]?.path).toBe('macro configuration.pageSize');
    });

    it('answers a cursor it cannot continue from with an error about payload.after', async () => {
      const answer = await error('assetLifecycle.getPage', { after: 'not-a-cursor' });
      expect(answer.fields[0]?.path).toBe('payload.after');
    });
  });

  describe('the audit view', () => {
    it('gives the asset and its whole audit trail, newest first', async () => {
      const answer = (await call('assetLifecycle.getAudit', { source: 'iconik', id: iconik[1]!.id })) as unknown as AssetAudit;
      expect(answer.state).toBe('ready');
      expect(answer.complete).toBe(true);
      expect(answer.asset).toMatchObject({ id: iconik[1]!.id, name: iconik[1]!.name });
      expect(answer.entries).toHaveLength(30);
      const times = answer.entries.map((e) => Date.parse(e.when));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(answer.entries.some((e) => e.detail === 'moved to /Campaigns/Spring')).toBe(true);
    });

    it('says when the history has not been read yet, and when the asset is gone', async () => {
      const partial = (await call('assetLifecycle.getAudit', { source: 'canto', id: canto[0]!.id })) as unknown as AssetAudit;
      expect(partial).toMatchObject({ state: 'ready', complete: false, entries: [canto[0]!.lastActivity] });
      expect(partial.message).toMatch(/not been read from Canto yet/);
      expect(await call('assetLifecycle.getAudit', { source: 'canto', id: 'no-such-asset' })).toMatchObject({ state: 'not-found' });
      expect((await error('assetLifecycle.getAudit', { source: 'canto' })).fields[0]?.path).toBe('payload.id');
    });
  });

  describe('config options', () => {
    it('lists the connected sources and the values the pickers offer', async () => {
      const options = await call('assetLifecycle.getConfigOptions', {});
      expect(options.sources).toEqual([
        { source: 'canto', label: 'Canto', connected: true, problem: null },
        { source: 'iconik', label: 'iconik', connected: true, problem: null },
      ]);
      expect(new Set(options.campaigns as string[])).toEqual(new Set(['Spring 2026', 'Summer launch', 'Evergreen']));
      expect(new Set(options.regions as string[])).toEqual(new Set(['EMEA', 'AMER', 'APAC']));
      expect(options.approvals).toEqual(expect.arrayContaining(['Approved', 'NOT_APPROVED', 'Legal review', 'MIXED']));
    });
  });

  describe('freshness', () => {
    it('warns with the error when the last sync of a source failed, and keeps its assets', async () => {
      await recordDamRunFailed('iconik', null, 'iconik answered 503 Service Unavailable for /API/search/v1/search/', new Date());
      try {
        const answer = await page({ filters: { sources: ['iconik'] } });
        const iconikFreshness = answer.freshness.find((f) => f.source === 'iconik');
        expect(iconikFreshness).toMatchObject({ stale: true, lastError: expect.stringContaining('503'), sync: { staleReason: 'last-sync-failed' } });
        expect(answer.freshness.find((f) => f.source === 'canto')?.stale).toBe(false);
        expect(answer.rows.length).toBe(20);
      } finally {
        await markSynced('iconik', new Date());
      }
    });
  });

  describe('export', () => {
    it('exports the counts and the first page as a table, with the filters', async () => {
      const adf = JSON.stringify(await app.forge.runAdfExport(MODULE, { extension: { config: { region: 'EMEA', title: 'EMEA assets' } }, exportType: 'pdf' }));
      expect(adf).toContain('EMEA assets');
      expect(adf).toContain('Region: EMEA.');
      expect(adf).toContain('"type":"table"');
      for (const asset of all.filter((a) => a.region === 'EMEA')) expect(adf).toContain(asset.name);
    });
  });

  it('reads only what one page needs: a few small records and one page of the index', async () => {
    const measure = async (payload: Record<string, unknown>) => {
      const before = { kvs: app.forge.kvs.stats(), entity: app.forge.kvs.entityStats() };
      const answer = await page(payload);
      const after = { kvs: app.forge.kvs.stats(), entity: app.forge.kvs.entityStats() };
      return {
        rows: answer.rows.length,
        reads: after.kvs.reads - before.kvs.reads,
        bytesRead: after.kvs.bytesRead - before.kvs.bytesRead,
        queries: after.entity.queries - before.entity.queries,
        queryItems: after.entity.queryItems - before.entity.queryItems,
      };
    };
    const byName = await measure({ pageSize: 25 });
    const filtered = await measure({ pageSize: 10, sort: 'expiry', filters: { region: 'EMEA', failedOnly: true } });
    process.stdout.write(`asset-lifecycle page cost: ${JSON.stringify({ byName, filtered })}\n`);
    // At most a page from each source's index (two sorted streams merged), plus the summaries and sync statuses.
    expect(byName.rows).toBe(25);
    expect(byName.queryItems).toBeLessThanOrEqual(2 * 25 + 2);
    expect(byName.reads).toBeLessThan(2 * 25 + 12);
    expect(filtered.queryItems).toBeLessThanOrEqual(50);
  });
});

describe('asset-lifecycle resolvers before anything is connected or synced', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ variables: { ICONIK_APP_ID: 'iconik-app', ICONIK_AUTH_TOKEN: 'iconik-token-value', ICONIK_BASE_URL: 'https://app.iconik.io' } });
  });
  afterAll(async () => {
    await app.close();
  });
  const call = async (payload: unknown, config: Record<string, unknown>) => {
    const answer = await app.forge.invokeResolver({
      moduleKey: MODULE,
      functionKey: 'assetLifecycle.getPage',
      payload,
      extension: { type: 'macro', config, content: { id: '1001' }, space: { key: 'MKT', id: '7' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(answer.error);
    return answer.body as Record<string, unknown>;
  };

  it('says a Confluence admin connects Canto or iconik when no configured source is connected', async () => {
    const answer = await call({}, { sources: ['canto'] });
    expect(answer).toMatchObject({ state: 'not-configured', message: expect.stringMatching(/Canto is not connected yet\. A Confluence admin connects Canto or iconik/) });
  });

  it('says nothing has been synced yet for a connected source without data', async () => {
    const answer = await call({}, {});
    expect(answer).toMatchObject({ state: 'no-data', message: expect.stringMatching(/iconik is connected, but no assets have been synced yet/) });
    expect(await readAssetSummary(['iconik'], { now: new Date(), expiringDays: 30 })).toMatchObject({ total: 0 });
  });
});
