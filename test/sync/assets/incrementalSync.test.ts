import { startApp, type AppUnderTest } from '../../appHost';
import { isLiveRecord, status, storedRecord } from './damSyncHelpers';

jest.setTimeout(120_000);

const SIMULATED = { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' };

describe('DAM sync, incremental runs after the first full pass', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ canto: { assets: 400 }, iconik: { assets: 300, rateLimit: { enabled: false } }, variables: SIMULATED });
    await app.syncAssets('canto');
    await app.syncAssets('iconik');
  });
  afterAll(async () => {
    await app.close();
  });

  const audit = (source: 'canto' | 'iconik', id: string) => app.resolve('assetLifecycle.getAudit', { source, id }, { sources: [source] }) as Promise<{ state: string }>;

  it('reads only the Canto assets modified since the last run', async () => {
    const sim = app.canto!.sim;
    const changed = [sim.idAt(3), sim.idAt(100), sim.idAt(250)];
    for (const [n, id] of changed.entries()) sim.modify(id, { name: `Renamed asset ${n}` } as never);
    const watermarkBefore = status(app, 'canto').watermark;

    await app.syncAssets('canto');

    const after = status(app, 'canto');
    expect(after.lastRun).toMatchObject({ mode: 'incremental', counts: { written: 3 } });
    expect(after.lastRun?.counts.listed).toBeLessThan(20);
    expect(Date.parse(after.watermark ?? '')).toBeGreaterThan(Date.parse(watermarkBefore ?? ''));
    expect(changed.map((id) => storedRecord(app, 'canto', id)?.asset.name)).toEqual(['Renamed asset 0', 'Renamed asset 1', 'Renamed asset 2']);
  });

  it('reads only the iconik assets modified since the last run, approval included', async () => {
    const sim = app.iconik!.sim;
    const changed = [sim.assetId(7), sim.assetId(150)];
    sim.modifyAsset(changed[0]!, { title: 'Spring campaign hero' });
    sim.modifyAsset(changed[1]!, { approval: 'APPROVED' });

    await app.syncAssets('iconik');

    expect(status(app, 'iconik').lastRun).toMatchObject({ mode: 'incremental', counts: { written: 2, enriched: 2 } });
    expect(storedRecord(app, 'iconik', changed[0]!)?.asset.name).toBe('Spring campaign hero');
    expect(storedRecord(app, 'iconik', changed[1]!)?.asset).toMatchObject({ approval: 'APPROVED', lastActivity: { what: 'APPROVE' } });
  });

  it('removes deleted assets: the counts disagree, so a full pass follows the incremental run at once', async () => {
    const canto = app.canto!.sim;
    const iconik = app.iconik!.sim;
    const goneCanto = [canto.idAt(10), canto.idAt(11)];
    const goneIconik = iconik.assetId(20);
    for (const id of goneCanto) canto.remove(id);
    iconik.deleteAsset(goneIconik);
    expect((await audit('canto', goneCanto[0]!)).state).toBe('ready');

    await app.syncAssets('canto');
    await app.syncAssets('iconik');

    expect(status(app, 'canto').lastRun).toMatchObject({ mode: 'full' });
    expect(goneCanto.map((id) => isLiveRecord(storedRecord(app, 'canto', id)))).toEqual([false, false]);
    expect(isLiveRecord(storedRecord(app, 'iconik', goneIconik))).toBe(false);
    expect((await audit('canto', goneCanto[0]!)).state).toBe('not-found');
    expect((await audit('iconik', goneIconik)).state).toBe('not-found');
    expect(isLiveRecord(storedRecord(app, 'canto', canto.idAt(12)))).toBe(true);
  });
});
