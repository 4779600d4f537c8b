import { startApp, type AppUnderTest } from '../../appHost';
import { status, storedRecord } from './damSyncHelpers';

jest.setTimeout(120_000);

const SIMULATED = { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' };

describe('iconik with a metadata view holding the mapped fields', () => {
  let app: AppUnderTest;
  afterEach(async () => {
    await app.close();
  });

  it('reads each asset and its view values while enriching, and stores the mapped fields from them', async () => {
    app = await startApp({ iconik: { assets: 60, rateLimit: { enabled: false } }, variables: SIMULATED });
    const sim = app.iconik!.sim;
    app.forge.kvs.set('settings:app', { assets: { iconikMetadataViewId: sim.marketingViewId() } });

    await app.syncAssets('iconik');

    expect(status(app, 'iconik')).toMatchObject({ lastError: null, lastRun: { counts: { enriched: 60 } } });
    const withCampaign = Array.from({ length: 60 }, (_, i) => i).find((i) => sim.catalog().fields(i)?.campaign);
    expect(withCampaign).toBeDefined();
    const expected = sim.catalog().fields(withCampaign!)?.campaign;
    expect(storedRecord(app, 'iconik', sim.assetId(withCampaign!))?.asset).toMatchObject({ campaign: expected, enrichedAt: expect.any(String) });
    const routes = sim.stats().byRoute;
    const metadataReads = Object.entries(routes).filter(([route]) => route.includes('/metadata/')).reduce((sum, [, count]) => sum + count, 0);
    expect(metadataReads).toBe(60);
  });
});

describe('refetches webhooks could not queue', () => {
  it('are queued by the next hourly trigger and then forgotten', async () => {
    const app = await startApp({ canto: { assets: 30 } });
    try {
      await app.syncAssets('canto');
      const sim = app.canto!.sim;
      const id = sim.idAt(2);
      sim.modify(id, { name: 'Missed by a refused push' } as never);
      const scheme = String(sim.asset(id)?.scheme);
      // What a webhook leaves behind when Forge refuses its push (more than 500 events in a minute).
      app.forge.kvs.set(`sync:dam:canto:refetch-pending:asset:${id}`, { id, scheme });

      await app.forge.runScheduledTrigger('dam-sync-schedule');
      const queued = app.forge.queues.pending().map((event) => event.body);
      expect(queued).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'refetch', source: 'canto', reason: 'reconcile', refs: [{ id, scheme }] })]));
      await app.forge.queues.drain();

      expect(storedRecord(app, 'canto', id)?.asset.name).toBe('Missed by a refused push');
      expect(app.forge.kvs.keys('sync:dam:canto:refetch-pending:')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
