import { startApp, type AppUnderTest } from '../../appHost';
import { cantoIds, iconikIds, isLiveRecord, status, storedCount, storedRecord } from './damSyncHelpers';

jest.setTimeout(180_000);

describe('DAM sync, first full pass of both simulators', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({
      canto: { assets: 2000 },
      iconik: { assets: 2000, rateLimit: { enabled: false } },
      variables: { ICONIK_MAX_REQUESTS_PER_SECOND: '5000' },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores every Canto asset exactly once and records the success with a watermark', async () => {
    await app.syncAssets('canto');
    expect(status(app, 'canto')).toMatchObject({ lastError: null, running: null, watermark: expect.any(String), lastFullPassAt: expect.any(String) });
    const ids = cantoIds(app);
    expect(ids).toHaveLength(2000);
    expect(ids.filter((id) => !isLiveRecord(storedRecord(app, 'canto', id)))).toEqual([]);
    expect(storedCount(app)).toBe(2000);
  });

  it('stores every iconik asset exactly once, with approval and last activity read per asset', async () => {
    await app.syncAssets('iconik');
    expect(status(app, 'iconik')).toMatchObject({ lastError: null, running: null, watermark: expect.any(String) });
    const ids = iconikIds(app);
    const records = ids.map((id) => storedRecord(app, 'iconik', id));
    expect(records.filter((record) => !isLiveRecord(record))).toEqual([]);
    expect(records.filter((record) => record?.asset.enrichedAt === null)).toEqual([]);
    expect(records.every((record) => typeof record?.asset.approval === 'string')).toBe(true);
    expect(storedCount(app)).toBe(2000 + ids.length);
  });
});
