import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultAppDir, startWorkbench, type Workbench } from '../../../workbench/server';

jest.setTimeout(120_000);

describe('POST /api/sync-assets on the workbench', () => {
  let workbench: Workbench;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-assets-route-'));
    workbench = await startWorkbench({
      port: 0,
      appDir: defaultAppDir,
      dataDir,
      env: { CANTO_SIM_ASSETS: '50', ICONIK_SIM_ASSETS: '30', ICONIK_SIM_RATE_LIMIT: 'off', ICONIK_MAX_REQUESTS_PER_SECOND: '5000' },
    });
  });
  afterAll(async () => {
    await workbench.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('syncs one source from its built-in simulator and answers its sync status', async () => {
    const response = await fetch(`${workbench.url}/api/sync-assets?source=canto`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      status: { canto: { lastError: null, lastSuccessAt: expect.any(String), lastRun: { mode: 'full', counts: { listed: 50 } } } },
    });
  });

  it('syncs both sources without a source parameter', async () => {
    const answer = (await (await fetch(`${workbench.url}/api/sync-assets`, { method: 'POST' })).json()) as { ok: boolean; status: Record<string, { lastRun: { mode: string } }> };
    expect(answer.ok).toBe(true);
    expect(answer.status.canto?.lastRun.mode).toBe('incremental');
    expect(answer.status.iconik?.lastRun.mode).toBe('full');
  });

  it('refuses an unknown source or mode with 400', async () => {
    expect((await fetch(`${workbench.url}/api/sync-assets?source=dropbox`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${workbench.url}/api/sync-assets?source=canto&mode=sometimes`, { method: 'POST' })).status).toBe(400);
  });
});
