import { removeDir, startTestWorkbench } from '../../../e2e/harness';
import { createIconikClient } from '../../../../src/sources/iconik/client';
import { ICONIK_SIMULATOR_CREDENTIALS, readUpstreamEnv } from '../../../../workbench/upstreams';

describe('the iconik simulator in the workbench', () => {
  it('points the app at the simulator when ICONIK_BASE_URL is unset', () => {
    const { iconik, forgeVariables } = readUpstreamEnv({}, () => 'http://127.0.0.1:4000');
    expect(iconik.simulated).toBe(true);
    expect(forgeVariables).toMatchObject({
      ICONIK_BASE_URL: 'http://127.0.0.1:4000/sim/iconik',
      ICONIK_APP_ID: ICONIK_SIMULATOR_CREDENTIALS.appId,
      ICONIK_AUTH_TOKEN: ICONIK_SIMULATOR_CREDENTIALS.authToken,
      ICONIK_WEBHOOK_SECRET: 'workbench-iconik-webhook-secret',
    });
  });

  it('passes a real tenant through untouched, with no simulator secrets', () => {
    const { iconik, forgeVariables } = readUpstreamEnv({ ICONIK_BASE_URL: 'https://app.iconik.io', ICONIK_APP_ID: 'app', ICONIK_AUTH_TOKEN: 'token' }, () => 'http://127.0.0.1:4000');
    expect(iconik.simulated).toBe(false);
    expect(forgeVariables).toMatchObject({ ICONIK_BASE_URL: 'https://app.iconik.io', ICONIK_APP_ID: 'app', ICONIK_AUTH_TOKEN: 'token', ICONIK_WEBHOOK_SECRET: '' });
  });

  it('serves the iconik API at /sim/iconik on the workbench origin', async () => {
    const bench = await startTestWorkbench();
    try {
      expect(bench.workbench.iconikSimulator).not.toBeNull();
      const client = createIconikClient({
        connection: { baseUrl: `${bench.workbench.url}/sim/iconik`, appId: ICONIK_SIMULATOR_CREDENTIALS.appId, authToken: ICONIK_SIMULATOR_CREDENTIALS.authToken },
        fetch,
      });
      expect(await client.testConnection()).toEqual({ ok: true, detail: 'Connected to iconik: 200 assets.' });
      const webhooks = await fetch(`${bench.workbench.url}/sim/iconik/API/notifications/v1/webhooks/`, {
        headers: { 'App-ID': ICONIK_SIMULATOR_CREDENTIALS.appId, 'Auth-Token': ICONIK_SIMULATOR_CREDENTIALS.authToken },
      }).then((response) => response.json() as Promise<{ objects: { url: string }[] }>);
      expect(webhooks.objects[0]?.url).toBe(`${bench.workbench.url}/webtrigger/iconik-webhook`);
    } finally {
      await bench.close();
      await removeDir(bench.dataDir);
    }
  });
});
