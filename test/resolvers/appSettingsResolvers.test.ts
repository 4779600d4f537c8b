import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, type AppUnderTest } from '../appHost';
import { SECRET_KEYS } from '../../src/config/connections';
import { SEED_USERS } from '../../workbench/forge/confluence/users';
import type { SettingsOk, SolutionsAnswer, TestConnectionAnswer } from '../../src/shared/appSettingsContract';
import { appSettingsKey } from '../../src/store/settings';
import { CANTO_TOKEN_SECRET_KEY } from '../../src/sync/assets/forgeDeps';

const ADMIN = SEED_USERS.find((user) => user.confluenceAdmin)!.accountId;
const NON_ADMIN = SEED_USERS.find((user) => !user.confluenceAdmin)!.accountId;

/** Every value that must never reach the browser. */
const SECRETS = ['typed-client-secret-1', 'replacement-app-secret-2', 'wrong-secret-typed-3', 'iconik-token-4'];

const RESOLVERS: [string, unknown][] = [
  ['settings.get', {}],
  ['settings.save', { summary: { cadence: 'daily' } }],
  ['settings.setSecret', { name: 'cantoAppSecret', value: 'non-admin-secret' }],
  ['settings.clearSecret', { name: 'governanceClientSecret' }],
  ['settings.testConnection', { source: 'governance' }],
  ['settings.listSolutions', {}],
];

describe('settings resolvers (confluence:globalSettings app-settings)', () => {
  let app: AppUnderTest;
  const answers: unknown[] = [];

  async function call(functionKey: string, payload: unknown = {}, accountId: string | null = ADMIN) {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'app-settings',
      functionKey,
      payload,
      extension: { type: 'confluence:globalSettings' },
      accountId,
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    answers.push(answer.body);
    return answer.body as Record<string, unknown>;
  }
  const settings = async () => (await call('settings.get')) as unknown as SettingsOk;
  const storedSecret = (name: keyof typeof SECRET_KEYS) => app.forge.kvs.secrets.get(SECRET_KEYS[name]);

  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows an administrator every section, with secrets as set / not set and the Forge variables they fall back to', async () => {
    const answer = await settings();
    expect(answer.state).toBe('ok');
    expect(answer.settings.connections.governance.baseUrl).toEqual({ saved: null, fromEnv: app.simUrl });
    expect(answer.settings.secrets.governanceClientSecret).toEqual({ stored: false, fromEnv: true });
    expect(answer.settings.secrets.cantoAppSecret).toEqual({ stored: false, fromEnv: false });
    expect(answer.settings.summary).toEqual({ cadence: 'weekly', weekday: 'monday' });
    expect(answer.settings.credentials.rules).toEqual({
      productionOwnerMissing: true,
      ownerOnlyApprover: true,
      rotatorOnlyApprover: true,
      ownerApprovedPromotion: true,
      ownerAcrossStages: false,
    });
    expect(answer.egress).toContain('https://governance.example.com');
  });

  describe('as a reader who is not a Confluence administrator', () => {
    it.each(RESOLVERS)('%s refuses and changes nothing', async (functionKey, payload) => {
      const before = { record: app.forge.kvs.get(appSettingsKey), secrets: app.forge.kvs.secrets.keys() };
      for (const who of [NON_ADMIN, null]) {
        expect(await call(functionKey, payload, who)).toEqual({ state: 'forbidden', message: expect.stringMatching(/only confluence administrators/i) });
      }
      expect({ record: app.forge.kvs.get(appSettingsKey), secrets: app.forge.kvs.secrets.keys() }).toEqual(before);
    });

    it('refuses a user Confluence does not know, asking to try again rather than letting them in', async () => {
      expect(await call('settings.get', {}, 'acc-ghost')).toMatchObject({ state: 'error', message: expect.stringMatching(/could not confirm/i) });
    });
  });

  it('saves a connection with its secret: the secret goes to secret storage and comes back only as "set"', async () => {
    const answer = (await call('settings.save', {
      connections: { canto: { baseUrl: 'http://127.0.0.1:9/canto', appId: 'canto-app', oauthUrl: '' } },
      secrets: { cantoAppSecret: SECRETS[1], cantoWebhookToken: '' },
    })) as unknown as SettingsOk & { saved: string[] };
    expect(answer).toMatchObject({ state: 'ok', saved: ['connections.canto', 'secrets.cantoAppSecret'] });
    expect(answer.settings.connections.canto.appId).toEqual({ saved: 'canto-app', fromEnv: null });
    expect(answer.settings.secrets.cantoAppSecret).toEqual({ stored: true, fromEnv: false });
    expect(answer.settings.secrets.cantoWebhookToken).toEqual({ stored: false, fromEnv: false });
    expect(storedSecret('cantoAppSecret')).toBe(SECRETS[1]);
    expect(JSON.stringify(app.forge.kvs.get(appSettingsKey))).not.toContain(SECRETS[1]);
  });

  it('keeps a stored secret when the save leaves it blank, and clears it on request', async () => {
    await call('settings.save', { connections: { canto: { appId: 'canto-app-2' } }, secrets: { cantoAppSecret: '' } });
    expect(storedSecret('cantoAppSecret')).toBe(SECRETS[1]);
    const cleared = (await call('settings.clearSecret', { name: 'cantoAppSecret' })) as unknown as SettingsOk;
    expect(cleared.settings.secrets.cantoAppSecret).toEqual({ stored: false, fromEnv: false });
    expect(storedSecret('cantoAppSecret')).toBeUndefined();
    const set = (await call('settings.setSecret', { name: 'iconikAuthToken', value: `  ${SECRETS[3]} ` })) as unknown as SettingsOk;
    expect(set.settings.secrets.iconikAuthToken.stored).toBe(true);
    expect(storedSecret('iconikAuthToken')).toBe(SECRETS[3]);
  });

  it('forgets the cached Canto token when the Canto connection or app secret changes, so it is never sent to a new host', async () => {
    const cached = { accessToken: 'old-tenant-access-token', refreshToken: 'old-tenant-refresh-token', expiresAt: Date.now() + 3_600_000 };
    const tokenCached = () => app.forge.kvs.secrets.get(CANTO_TOKEN_SECRET_KEY) !== undefined;
    app.forge.kvs.secrets.set(CANTO_TOKEN_SECRET_KEY, cached);
    await call('settings.save', { summary: { cadence: 'daily' } });
    expect(tokenCached()).toBe(true);
    await call('settings.save', { connections: { canto: { baseUrl: 'http://127.0.0.1:9/other-tenant' } } });
    expect(tokenCached()).toBe(false);
    for (const change of [
      () => call('settings.setSecret', { name: 'cantoAppSecret', value: 'rotated-canto-secret' }),
      () => call('settings.clearSecret', { name: 'cantoAppSecret' }),
      () => call('settings.save', { secrets: { cantoAppSecret: 'rotated-canto-secret-2' } }),
    ]) {
      app.forge.kvs.secrets.set(CANTO_TOKEN_SECRET_KEY, cached);
      await change();
      expect(tokenCached()).toBe(false);
    }
    await call('settings.clearSecret', { name: 'cantoAppSecret' });
  });

  it('names every bad field, and refuses a host outside the manifest’s egress list saying egress is fixed at deploy time', async () => {
    const before = app.forge.kvs.get(appSettingsKey);
    const answer = await call('settings.save', {
      connections: { governance: { baseUrl: 'https://governance.acme.org' }, iconik: { baseUrl: 'ftp://app.iconik.io' } },
      summary: { cadence: 'hourly' },
      secrets: { nope: 'x' },
    });
    expect(answer.state).toBe('error');
    const fields = (answer.fields as { path: string; message: string }[]).map((field) => field.path).sort();
    expect(fields).toEqual(['payload.connections.governance.baseUrl', 'payload.connections.iconik.baseUrl', 'payload.secrets', 'payload.summary.cadence']);
    expect((answer.fields as { path: string; message: string }[])[0]?.message).toMatch(/not one of the hosts this app may call.*redeploy/);
    expect(app.forge.kvs.get(appSettingsKey)).toEqual(before);
    expect((await call('settings.setSecret', { name: 'cantoAppSecret', value: '   ' })).fields).toEqual([{ path: 'payload.value', message: expect.stringMatching(/blank/) }]);
    expect((await call('settings.clearSecret', { name: 'password' })).fields).toEqual([{ path: 'payload.name', message: expect.any(String) }]);
  });

  describe('test connection, governance backend (simulator)', () => {
    const test = async (payload: Record<string, unknown>) => ((await call('settings.testConnection', payload)) as TestConnectionAnswer & { state: 'ok' }).result;

    it('connects with the saved values and says what it read', async () => {
      const result = await test({ source: 'governance' });
      expect(result).toMatchObject({ ok: true, source: 'governance', detail: expect.stringMatching(/read \d+ solutions/) });
      expect(result.durationMs).toBeLessThan(15_000);
    });

    it('says the credentials were rejected (401) when the form holds a wrong secret, without repeating it', async () => {
      const result = await test({ source: 'governance', secret: SECRETS[2] });
      expect(result).toMatchObject({ ok: false, kind: 'unauthorized', message: expect.stringMatching(/rejected the credentials \(401\)/) });
    });

    it('says nothing answered when the base URL in the form points at a closed port', async () => {
      const closed = await closedPort();
      const result = await test({ source: 'governance', fields: { baseUrl: `http://127.0.0.1:${closed}/sim/governance` } });
      expect(result).toMatchObject({ ok: false, kind: 'refused', target: `127.0.0.1:${closed}`, message: expect.stringMatching(/connection refused/) });
    });

    it('says 404 when the path is wrong', async () => {
      const result = await test({ source: 'governance', fields: { baseUrl: `${app.simUrl}/nowhere` } });
      expect(result).toMatchObject({ ok: false, kind: 'not-found' });
    });

    it('refuses to call a host outside the egress list, naming the field', async () => {
      const answer = await call('settings.testConnection', { source: 'governance', fields: { baseUrl: 'https://gov.acme.org' } });
      expect(answer).toMatchObject({ state: 'error', fields: [{ path: 'payload.fields.baseUrl', message: expect.stringMatching(/egress|redeploy/) }] });
    });

    it('says what is missing for a source nobody configured', async () => {
      const result = await test({ source: 'iconik', fields: {} });
      expect(result).toMatchObject({ ok: false, kind: 'not-configured', message: expect.stringMatching(/^iconik is not configured: app ID.* not set/) });
    });
  });

  it('lists the synced solutions with the backend’s space, and the site’s spaces', async () => {
    const answer = (await call('settings.listSolutions')) as Extract<SolutionsAnswer, { state: 'ok' }>;
    expect(answer.solutions.map((s) => s.id).sort()).toEqual(app.sim.data.solutions.map((s) => s.id).sort());
    expect(answer.solutions.find((s) => s.id === 'sol-otc')).toMatchObject({ backendSpaceKey: 'OTC' });
    expect(answer.spaces.map((s) => s.key)).toEqual(expect.arrayContaining(['OTC', 'LOG', 'FIN']));
    expect(answer.spacesMessage).toBeNull();
  });

  it('moves a solution to another space for the hub and its tabs, and back', async () => {
    const hub = async (spaceKey: string, functionKey = 'getSpaceHub', payload: unknown = {}) =>
      (
        await app.forge.invokeResolver({ moduleKey: 'space-hub', functionKey, payload, extension: { type: 'confluence:spacePage', space: { key: spaceKey, id: '1' } }, accountId: ADMIN })
      ) as { ok: true; body: Record<string, unknown> };
    await call('settings.save', { spaceMapping: { bySolution: { 'sol-otc': 'LOG' } } });
    expect((await hub('OTC')).body).toMatchObject({ state: 'not-mapped' });
    const moved = (await hub('LOG')).body as { state: string; solutions: { solution: { id: string } }[] };
    expect(moved.solutions.map((s) => s.solution.id)).toContain('sol-otc');
    expect((await hub('LOG', 'getEnvironmentStatus', { solutionId: 'sol-otc' })).body).toMatchObject({ state: 'ok' });
    await call('settings.save', { spaceMapping: { bySolution: { 'sol-otc': null } } });
    expect((await hub('LOG')).body).not.toMatchObject({ solutions: expect.arrayContaining([expect.objectContaining({ solution: expect.objectContaining({ id: 'sol-otc' }) })]) });
    await call('settings.save', { spaceMapping: { bySolution: {} } });
    expect((await hub('OTC')).body).toMatchObject({ state: 'ok' });
  });

  it('makes the sync use the settings page’s governance secret before the Forge variable', async () => {
    type Status = { lastError: string | null; lastErrorAt: string | null; lastSuccessAt: string | null };
    const status = () => app.forge.kvs.get('sync:governance:status') as Status;
    const succeeded = status().lastSuccessAt;
    await call('settings.setSecret', { name: 'governanceClientSecret', value: SECRETS[0] });
    await app.syncNow();
    expect(status()).toMatchObject({ lastSuccessAt: succeeded, lastError: expect.stringMatching(/rejected the client credentials/) });
    expect(status().lastError).not.toContain(SECRETS[0]);
    await call('settings.clearSecret', { name: 'governanceClientSecret' });
    await app.syncNow();
    expect(Date.parse(status().lastSuccessAt ?? '')).toBeGreaterThan(Date.parse(status().lastErrorAt ?? ''));
  });

  it('never answered a secret value, in any answer of this file', () => {
    const all = JSON.stringify(answers);
    for (const secret of [...SECRETS, app.sim.clientSecret]) expect(all).not.toContain(secret);
  });
});

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('test connection, Canto and iconik (simulators)', () => {
  let app: AppUnderTest;
  const test = async (payload: Record<string, unknown>) => {
    const answer = await app.forge.invokeResolver({ moduleKey: 'app-settings', functionKey: 'settings.testConnection', payload, extension: { type: 'confluence:globalSettings' }, accountId: ADMIN });
    if (!answer.ok) throw new Error(answer.error);
    return (answer.body as TestConnectionAnswer & { state: 'ok' }).result;
  };

  beforeAll(async () => {
    app = await startApp({ canto: {}, iconik: {} });
  });
  afterAll(async () => {
    await app.close();
  });

  it('connects to Canto and to iconik with the values they were configured with', async () => {
    expect(await test({ source: 'canto' })).toMatchObject({ ok: true, source: 'canto' });
    expect(await test({ source: 'iconik' })).toMatchObject({ ok: true, source: 'iconik' });
  });

  it('says which secret was wrong, never showing it', async () => {
    const canto = await test({ source: 'canto', secret: 'not-the-canto-secret' });
    expect(canto).toMatchObject({ ok: false, kind: 'unauthorized' });
    const iconik = await test({ source: 'iconik', secret: 'not-the-iconik-token' });
    expect(iconik).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(JSON.stringify([canto, iconik])).not.toMatch(/not-the-(canto|iconik)/);
  });

  it('tries an unsaved base URL from the form', async () => {
    const closed = await closedPort();
    expect(await test({ source: 'iconik', fields: { baseUrl: `http://127.0.0.1:${closed}` } })).toMatchObject({ ok: false, kind: 'refused' });
  });
});
