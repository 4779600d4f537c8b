import { startApp, type AppUnderTest } from '../appHost';
import { CREDENTIALS_AT_SCALE, measureCredentialOwnership, scaleCredentials } from '../../bench/credentials';

jest.setTimeout(60_000);

describe('credential-ownership render cost with 2,000 credentials in one solution', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    scaleCredentials(app, 'sol-otc');
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reads a fixed handful of small values per render, whatever the sort, filter or page', async () => {
    const pointer = app.forge.kvs.get('snapshot:current') as { datasets: Record<string, { count: number; chunks: number }> };
    expect(pointer.datasets['view.credentials.sol-otc.rows']?.count).toBe(CREDENTIALS_AT_SCALE);
    for (const measure of await measureCredentialOwnership(app, 'sol-otc', 3)) {
      // pointer, sync status, summary, the two indexes, and the row chunks of one page of each: never the dataset.
      const pageSizeCase = measure.case.includes('100 rows');
      expect({ case: measure.case, reads: measure.kvsReadsPerRender <= (pageSizeCase ? 12 : 8) }).toEqual({ case: measure.case, reads: true });
      expect({ case: measure.case, kb: measure.kbReadPerRender < (pageSizeCase ? 320 : 260) }).toEqual({ case: measure.case, kb: true });
      expect(measure.responseKb).toBeLessThan(100);
    }
    const rawCredentialChunks = pointer.datasets['view.credentials.sol-otc.rows']?.chunks ?? 0;
    expect(rawCredentialChunks).toBeGreaterThan(20);
  });
});
