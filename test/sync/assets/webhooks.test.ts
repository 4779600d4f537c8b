import { startApp, type AppUnderTest } from '../../appHost';
import { isLiveRecord, startWebtriggerRelay, storedRecord } from './damSyncHelpers';

jest.setTimeout(120_000);

const SIMULATED = { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' };

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; type: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, type: response.headers.get('content-type') };
}

describe('Canto and iconik webhooks', () => {
  let app: AppUnderTest;
  let relay: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    app = await startApp({ canto: { assets: 60 }, iconik: { assets: 40, rateLimit: { enabled: false } }, variables: SIMULATED });
    relay = await startWebtriggerRelay(app);
    await app.syncAssets('canto');
    await app.syncAssets('iconik');
  });
  afterAll(async () => {
    await relay.close();
    await app.close();
  });

  const cantoHook = () => `${relay.url}/webtrigger/canto-webhook`;
  const iconikHook = () => `${relay.url}/webtrigger/iconik-webhook`;
  const pendingDamEvents = () => app.forge.queues.pending().filter((event) => event.queueName === 'dam-sync');

  it('re-reads a Canto asset its webhook names, shortly after answering 202', async () => {
    const sim = app.canto!.sim;
    const id = sim.idAt(5);
    sim.modify(id, { name: 'Edited in Canto' } as never);

    const sent = await sim.sendWebhook({ url: cantoHook(), id });

    expect(sent.status).toBe(202);
    expect(pendingDamEvents()).toEqual([expect.objectContaining({ body: expect.objectContaining({ kind: 'refetch', source: 'canto' }) })]);
    await app.forge.queues.drain();
    expect(storedRecord(app, 'canto', id)?.asset.name).toBe('Edited in Canto');
  });

  it('tombstones a Canto asset deleted since, when its webhook arrives', async () => {
    const sim = app.canto!.sim;
    const id = sim.idAt(6);
    const scheme = String(sim.asset(id)?.scheme);
    sim.remove(id);
    expect((await sim.sendWebhook({ url: cantoHook(), id, scheme })).status).toBe(202);
    await app.forge.queues.drain();
    expect(isLiveRecord(storedRecord(app, 'canto', id))).toBe(false);
  });

  it('refuses a wrong or missing secure_token with 401 and changes nothing', async () => {
    const sim = app.canto!.sim;
    const id = sim.idAt(7);
    const before = storedRecord(app, 'canto', id);
    sim.modify(id, { name: 'Should not be read' } as never);

    const wrong = await sim.sendWebhook({ url: cantoHook(), id, secureToken: 'not-the-token' });
    const missing = await post(cantoHook(), JSON.stringify({ id, scheme: 'image' }));

    expect(wrong.status).toBe(401);
    expect(missing).toMatchObject({ status: 401, type: 'application/problem+json', json: { status: 401, detail: expect.stringMatching(/secure_token/) } });
    expect(JSON.stringify(missing.json)).not.toContain(sim.webhookToken);
    expect(pendingDamEvents()).toEqual([]);
    await app.forge.queues.drain();
    expect(storedRecord(app, 'canto', id)).toEqual(before);
  });

  it('answers 400 to a body that is not JSON or not a Canto delivery, and 413 to an oversized one', async () => {
    const token = app.canto!.sim.webhookToken;
    expect(await post(cantoHook(), 'id=1&scheme=image')).toMatchObject({ status: 400, json: { detail: expect.stringMatching(/not JSON/) } });
    expect(await post(cantoHook(), JSON.stringify({ secure_token: token, scheme: 'image' }))).toMatchObject({ status: 400, json: { detail: expect.stringMatching(/id/) } });
    const huge = JSON.stringify({ secure_token: token, scheme: 'image', id: '1', displayname: 'x'.repeat(70 * 1024) });
    expect(await post(cantoHook(), huge)).toMatchObject({ status: 413, type: 'application/problem+json' });
    expect(pendingDamEvents()).toEqual([]);
  });

  it('does no harm with replayed deliveries: one refetch per object and bucket, the same result', async () => {
    const sim = app.canto!.sim;
    const id = sim.idAt(8);
    sim.modify(id, { name: 'Replayed edit' } as never);

    const answers = await Promise.all([1, 2, 3].map(() => sim.sendWebhook({ url: cantoHook(), id })));

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(pendingDamEvents()).toHaveLength(1);
    await app.forge.queues.drain();
    const after = storedRecord(app, 'canto', id);
    expect(after?.asset.name).toBe('Replayed edit');
    // A replay after the refetch ran reads Canto again and stores nothing new.
    await sim.sendWebhook({ url: cantoHook(), id });
    await app.forge.queues.drain();
    expect(storedRecord(app, 'canto', id)).toEqual(after);
  });

  it('re-reads an iconik asset named by a webhook with the secret header, approval included', async () => {
    const sim = app.iconik!.sim;
    const id = sim.assetId(3);
    sim.modifyAsset(id, { approval: 'NOT_APPROVED' });

    const sent = await sim.deliverWebhook({ objectId: id, url: iconikHook() });

    expect(sent.status).toBe(202);
    await app.forge.queues.drain();
    expect(storedRecord(app, 'iconik', id)?.asset).toMatchObject({ approval: 'NOT_APPROVED', lastActivity: { what: 'REJECT' } });
  });

  it('attaches a failed iconik job named by a job webhook to its asset', async () => {
    const sim = app.iconik!.sim;
    const assetId = sim.assetId(4);
    const job = sim.failJob(assetId, { type: 'TRANSCODE', error: 'codec not supported' });
    expect(job).not.toBeNull();

    expect((await sim.deliverWebhook({ objectId: String(job?.id), eventType: 'jobs', url: iconikHook() })).status).toBe(202);
    await app.forge.queues.drain();

    expect(storedRecord(app, 'iconik', assetId)?.asset.failedJobs).toEqual([expect.objectContaining({ id: job?.id, type: 'TRANSCODE', error: expect.stringMatching(/codec not supported/) })]);
  });

  it('refuses an iconik delivery without the secret header, or with a wrong one, with 401', async () => {
    const sim = app.iconik!.sim;
    const id = sim.assetId(9);
    expect((await sim.deliverWebhook({ objectId: id, url: iconikHook(), secret: null })).status).toBe(401);
    expect((await sim.deliverWebhook({ objectId: id, url: iconikHook(), secret: 'guessed' })).status).toBe(401);
    const malformed = await post(iconikHook(), JSON.stringify({ event_type: 'assets' }), { [sim.webhookHeader]: sim.webhookSecret });
    expect(malformed).toMatchObject({ status: 400, json: { detail: expect.stringMatching(/object_id/) } });
    expect(pendingDamEvents()).toEqual([]);
  });
});

describe('webhooks that are not configured', () => {
  it('answers 503 saying what to set, for both platforms', async () => {
    const app = await startApp({ canto: { assets: 5 }, iconik: { assets: 5 }, variables: { CANTO_WEBHOOK_TOKEN: '', ICONIK_WEBHOOK_SECRET: '' } });
    const relay = await startWebtriggerRelay(app);
    try {
      const canto = await app.canto!.sim.sendWebhook({ url: `${relay.url}/webtrigger/canto-webhook`, id: app.canto!.sim.idAt(0) });
      const iconik = await post(`${relay.url}/webtrigger/iconik-webhook`, JSON.stringify({ object_id: 'x', event_type: 'assets' }));
      expect(canto.status).toBe(503);
      expect(iconik).toMatchObject({ status: 503, json: { detail: expect.stringMatching(/iconik webhook secret/) } });
      expect(app.forge.queues.pending()).toEqual([]);
    } finally {
      await relay.close();
      await app.close();
    }
  });
});
