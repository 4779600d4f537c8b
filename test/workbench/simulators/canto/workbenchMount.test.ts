import { createCantoClient } from '../../../../src/sources/canto/client';
import { readUpstreamEnv } from '../../../../workbench/upstreams';
import { removeDir, startTestWorkbench } from '../../../e2e/harness';

describe('the Canto simulator in the workbench', () => {
  it('hands the app CANTO_* variables that reach the simulator at /sim/canto and /sim/canto-oauth', async () => {
    const bench = await startTestWorkbench();
    try {
      const variables = readUpstreamEnv({}, () => bench.workbench.url).forgeVariables;
      expect(variables).toMatchObject({
        CANTO_BASE_URL: `${bench.workbench.url}/sim/canto`,
        CANTO_OAUTH_URL: `${bench.workbench.url}/sim/canto-oauth`,
        CANTO_APP_ID: 'workbench-canto-app',
        CANTO_WEBHOOK_TOKEN: 'workbench-canto-webhook-token',
      });
      const client = createCantoClient({
        connection: {
          baseUrl: variables.CANTO_BASE_URL as string,
          oauthUrl: variables.CANTO_OAUTH_URL as string,
          appId: variables.CANTO_APP_ID as string,
          appSecret: variables.CANTO_APP_SECRET as string,
        },
        fetch,
      });
      expect(await client.testConnection()).toEqual({ ok: true, detail: expect.stringMatching(/: 200 assets$/) });
      expect(bench.workbench.cantoSimulator?.stats().byPath).toEqual({ '/oauth/api/oauth2/token': 1, '/api/v1/search': 1 });
    } finally {
      await bench.close();
      await removeDir(bench.dataDir);
    }
  });

  it('passes a real tenant through and leaves the OAuth host to the region default when CANTO_OAUTH_URL is unset', () => {
    const upstreams = readUpstreamEnv({ CANTO_BASE_URL: 'https://acme.canto.de', CANTO_APP_ID: 'app', CANTO_APP_SECRET: 's' }, () => 'http://127.0.0.1:4000');
    expect(upstreams.canto.simulated).toBe(false);
    expect(upstreams.forgeVariables).toMatchObject({ CANTO_BASE_URL: 'https://acme.canto.de', CANTO_APP_ID: 'app', CANTO_WEBHOOK_TOKEN: '' });
    expect('CANTO_OAUTH_URL' in upstreams.forgeVariables).toBe(false);
  });
});
