import { startApp, type AppUnderTest } from '../../appHost';
import { isLiveRecord, status, storedCount, storedRecord } from './damSyncHelpers';

jest.setTimeout(120_000);

const SIMULATED = { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' };

describe('the hourly DAM sync schedule', () => {
  let app: AppUnderTest;
  afterEach(async () => {
    await app.close();
  });

  it('asks for a run of each connected source only: a full pass first, incremental runs after', async () => {
    app = await startApp({ canto: { assets: 80 } });
    const trigger = await app.forge.runScheduledTrigger('dam-sync-schedule');
    expect(trigger.ok).toBe(true);
    expect(app.forge.queues.pending().map((event) => event.body)).toEqual([expect.objectContaining({ kind: 'start', source: 'canto' })]);
    await app.forge.queues.drain();
    expect(status(app, 'canto').lastRun).toMatchObject({ mode: 'full', counts: { listed: 80 } });
    expect(app.forge.kvs.get('sync:dam:iconik:status')).toBeUndefined();

    // The next run (the trigger asks once per hour; here it is asked for by hand): incremental.
    await app.syncAssets('canto');
    expect(status(app, 'canto').lastRun).toMatchObject({ mode: 'incremental' });
  });

  it('starts one run when the trigger fires twice (Forge may run a trigger twice)', async () => {
    app = await startApp({ canto: { assets: 80 } });
    await Promise.all([app.forge.runScheduledTrigger('dam-sync-schedule'), app.forge.runScheduledTrigger('dam-sync-schedule')]);
    await app.forge.queues.drain();
    expect(status(app, 'canto')).toMatchObject({ lastError: null, running: null, lastRun: { mode: 'full' } });
    expect(storedCount(app)).toBe(80);
    expect(app.canto!.sim.stats().byPath['/api/v1/search']).toBe(1);
  });
});

describe('iconik enrichment', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp({ iconik: { assets: 90, rateLimit: { enabled: false } }, variables: SIMULATED });
  });
  afterEach(async () => {
    await app.close();
  });

  it('fails the run when approvals cannot be read, keeping the listed assets and the old watermark', async () => {
    app.iconik!.sim.setFaults([{ path: '/API/assets/v1/assets', status: 403 }]);

    await app.syncAssets('iconik');

    const failed = status(app, 'iconik');
    expect(failed).toMatchObject({ lastSuccessAt: null, watermark: null, running: null });
    expect(failed.lastError).toMatch(/iconik approvals and history could not be read for some assets: .*403/);
    expect(storedCount(app)).toBe(90);

    app.iconik!.sim.setFaults([]);
    await app.syncAssets('iconik');
    expect(status(app, 'iconik')).toMatchObject({ lastError: null, watermark: expect.any(String) });
    const id = app.iconik!.sim.assetId(1);
    expect(storedRecord(app, 'iconik', id)?.asset.enrichedAt).not.toBeNull();
    expect(isLiveRecord(storedRecord(app, 'iconik', id))).toBe(true);
  });

  it('runs enrichment events in parallel lanes, never more than four at once', async () => {
    await app.syncAssets('iconik');
    expect(status(app, 'iconik').lastRun?.counts.enriched).toBe(90);
    expect(app.forge.queues.peakConcurrency()).toBeGreaterThanOrEqual(2);
    expect(app.forge.queues.peakConcurrency()).toBeLessThanOrEqual(4 + 2);
  });
});
