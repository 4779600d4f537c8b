import { startApp, type AppUnderTest } from '../../appHost';
import { isLiveRecord, status, storedCount, storedRecord } from './damSyncHelpers';

jest.setTimeout(120_000);

const SIMULATED = { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' };

describe('DAM sync when upstreams fail', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp({ canto: { assets: 300 }, iconik: { assets: 120, rateLimit: { enabled: false } }, variables: SIMULATED });
  });
  afterEach(async () => {
    await app.close();
  });

  it('retries a Canto page that keeps failing through the queue, and the run still stores every asset once', async () => {
    // The client tries each request 4 times; the 5 failures outlast that, so the queue retries the step.
    app.canto!.sim.setFaults([{ path: '/api/v1/search', status: 503, retryAfterSeconds: 0, times: 5 }]);

    const delivery = await app.syncAssets('canto');

    expect(delivery.retried).toBe(1);
    expect(status(app, 'canto')).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
    expect(storedCount(app)).toBe(300);
    const stats = app.canto!.sim.stats();
    // Four pages of 100 (each starts 5 items early), plus the five failed attempts: no page was read twice.
    expect(stats.byPath['/api/v1/search']).toBe(4 + 5);
  });

  it('retries a failed step in the middle of an iconik run without reading the stored pages again', async () => {
    app.iconik!.sim.setFaults([{ path: '/API/jobs/v1/jobs/', status: 503, retryAfterSeconds: 0, times: 7 }]);

    const delivery = await app.syncAssets('iconik');

    expect(delivery.retried).toBe(1);
    expect(status(app, 'iconik')).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
    expect(storedCount(app)).toBe(120);
    const stats = app.iconik!.sim.stats();
    expect(stats.byRoute['POST /API/search/v1/search/']).toBe(2);
    // The failed-jobs step read its page once it got through (faulted attempts are not routed).
    expect(stats.byRoute['GET /API/jobs/v1/jobs/']).toBe(1);
  });

  it('keeps the last good data and the watermark when a run fails, says why, and reads the change on the next run', async () => {
    await app.syncAssets('canto');
    const good = status(app, 'canto');
    const sim = app.canto!.sim;
    const id = sim.idAt(42);
    const before = storedRecord(app, 'canto', id)?.asset.name;
    sim.modify(id, { name: 'Changed while the sync fails' } as never);
    sim.setFaults([{ path: '/api/v1/search', status: 400, body: '{"errors":["search is switched off"]}', contentType: 'application/json' }]);

    await app.syncAssets('canto');

    const failed = status(app, 'canto');
    expect(failed).toMatchObject({ lastSuccessAt: good.lastSuccessAt, watermark: good.watermark, running: null });
    expect(failed.lastError).toMatch(/Canto search failed: 400 search is switched off/);
    expect(storedRecord(app, 'canto', id)?.asset.name).toBe(before);
    expect(storedCount(app)).toBe(300);

    sim.setFaults([]);
    await app.syncAssets('canto');
    expect(status(app, 'canto')).toMatchObject({ lastError: null });
    expect(storedRecord(app, 'canto', id)?.asset.name).toBe('Changed while the sync fails');
  });

  it('records a half-configured source as its sync error without starting a run', async () => {
    await app.close();
    app = await startApp({ canto: { assets: 10 }, variables: { CANTO_APP_SECRET: '' } });
    await app.syncAssets('canto');
    expect(status(app, 'canto')).toMatchObject({ running: null, lastSuccessAt: null, lastError: expect.stringMatching(/Canto is not connected: app secret is not set/) });
  });
});

describe('duplicate and out-of-order delivery', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp({ iconik: { assets: 150, rateLimit: { enabled: false } }, variables: SIMULATED });
  });
  afterEach(async () => {
    await app.close();
  });

  /** Publishes a copy of every pending event of the dam-sync queue, as a redelivering platform would. */
  async function duplicatePending(): Promise<number> {
    const pending = app.forge.queues.pending().filter((event) => event.queueName === 'dam-sync');
    if (pending.length === 0) return 0;
    const answer = await app.forge.queues.handleApi('/webhook/queue/publish/test', {
      method: 'POST',
      body: JSON.stringify({ queueName: 'dam-sync', jobId: `dup-${Date.now()}`, payload: pending.map((event) => ({ body: event.body })) }),
    });
    expect(answer.status).toBe(201);
    return pending.length;
  }

  it('does every step once although every event arrives twice', async () => {
    const start = app.forge.queues.handleApi('/webhook/queue/publish/test', {
      method: 'POST',
      body: JSON.stringify({ queueName: 'dam-sync', jobId: 'start', payload: [{ body: { kind: 'start', source: 'iconik', mode: 'auto', trigger: 'test' } }] }),
    });
    expect((await start).status).toBe(201);
    // Deliver in rounds; before each round every pending event is queued a second time.
    for (let round = 0; round < 20; round++) {
      const copies = await duplicatePending();
      if (copies === 0 && app.forge.queues.pending().length === 0) break;
      await app.forge.queues.drain({ maxDeliveries: Math.max(1, app.forge.queues.pending().length) });
    }
    await app.forge.queues.drain();

    expect(status(app, 'iconik')).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
    const stats = app.iconik!.sim.stats();
    expect(stats.byRoute['POST /API/search/v1/search/']).toBe(2);
    expect(stats.byRoute['GET /API/assets/v1/assets/{id}/approvals/request/']).toBe(150);
    expect(storedCount(app)).toBe(150);
  });

  it('keeps the newer asset when an older listing arrives after it', async () => {
    await app.syncAssets('iconik');
    const sim = app.iconik!.sim;
    const id = sim.assetId(5);
    sim.modifyAsset(id, { title: 'Newest title' });
    await app.syncAssets('iconik');
    expect(storedRecord(app, 'iconik', id)?.asset.name).toBe('Newest title');

    // A stale refetch event delivered late reads iconik again and finds the same newest state: nothing goes back.
    const older = storedRecord(app, 'iconik', id)!;
    const answer = await app.forge.queues.handleApi('/webhook/queue/publish/test', {
      method: 'POST',
      body: JSON.stringify({ queueName: 'dam-sync', jobId: 'late', payload: [{ body: { kind: 'list', source: 'iconik', runId: 'an-old-run', seq: 0 } }] }),
    });
    expect(answer.status).toBe(201);
    await app.forge.queues.drain();
    expect(storedRecord(app, 'iconik', id)).toEqual(older);
    expect(isLiveRecord(storedRecord(app, 'iconik', id))).toBe(true);
  });
});
