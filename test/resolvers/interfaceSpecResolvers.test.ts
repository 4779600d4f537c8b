import { startApp, type AppUnderTest } from '../appHost';
import { validSpec } from '../domain/specs/fixtures';

const WANDA = '5f0c277e0a9b8e00230c1a5e';
const RAVI = '5f0c277e0a9b8e00230c1a5f';
const PAGE = '65537';

type Answer = Record<string, unknown> & { state: string; message?: string; fields?: { path: string; message: string }[] };

describe('interface-spec resolvers on the workbench host', () => {
  let app: AppUnderTest;
  let macro = 0;

  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh macro instance on the page, so each test starts without a spec. */
  const newMacro = () => `macro-${++macro}`;

  async function call(functionKey: string, payload: unknown, options: { localId: string; accountId?: string | null; contentId?: string; config?: Record<string, unknown> }): Promise<Answer> {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'interface-spec',
      functionKey,
      payload,
      extension: { type: 'macro', config: options.config ?? {}, content: { id: options.contentId ?? PAGE }, space: { key: 'OTC', id: '1' } },
      accountId: options.accountId === undefined ? WANDA : options.accountId,
      localId: options.localId,
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    return answer.body as Answer;
  }

  const get = (localId: string, options: { accountId?: string | null; config?: Record<string, unknown>; contentId?: string } = {}) =>
    call('getInterfaceSpec', {}, { localId, ...options });
  const save = (localId: string, spec: unknown, baseVersion: number, accountId: string | null = WANDA) =>
    call('saveInterfaceSpec', { spec, baseVersion }, { localId, accountId });

  /** The simulator's current version of an artifact in an environment. */
  const deployed = (environmentId: string, artifactId: string) =>
    app.sim.data.deployments.find((d) => d.environmentId === environmentId && d.artifactId === artifactId);

  it('answers "no spec yet" for a new macro, editable by signed-in readers only', async () => {
    const localId = newMacro();
    expect(await get(localId)).toMatchObject({ state: 'ok', spec: null, saved: null, canEdit: true, mode: 'spec-and-drift' });
    expect(await get(localId, { accountId: null })).toMatchObject({ state: 'ok', spec: null, canEdit: false });
  });

  it('saves a valid spec as version 1, recording who saved it and when', async () => {
    const localId = newMacro();
    const before = Date.now();
    const saved = await save(localId, validSpec(), 0);
    expect(saved).toMatchObject({ state: 'saved', saved: { version: 1, savedByName: 'Wanda Workbench', savedByYou: true } });
    const savedAt = Date.parse((saved.saved as { savedAt: string }).savedAt);
    expect(savedAt).toBeGreaterThanOrEqual(before - 1000);

    const view = await get(localId);
    expect(view).toMatchObject({ state: 'ok', spec: { name: 'Purchase orders from US retail partners' }, saved: { version: 1 }, solution: { id: 'sol-otc', name: 'Retail Order-to-Cash' } });
    expect(await get(localId, { accountId: RAVI })).toMatchObject({ saved: { savedByYou: false, savedByName: 'Wanda Workbench' } });
  });

  it('shows drift per environment from the synced deployments', async () => {
    const localId = newMacro();
    const prodMap = deployed('env-otc-prod', 'art-otc-850-in');
    const devMap = deployed('env-otc-dev', 'art-otc-850-in');
    if (!prodMap || !devMap) throw new Error('seed has no 850 map deployments');
    const spec = validSpec({ artifacts: [{ artifactId: 'art-otc-850-in', expectedVersion: prodMap.version }] });
    await save(localId, spec, 0);
    const view = await get(localId);
    const drift = (view.drift as { state: string; drift: { environments: { environmentId: string; artifacts: Record<string, unknown>[]; endpoint: { state: string } }[] } });
    expect(drift.state).toBe('ok');
    const byEnv = Object.fromEntries(drift.drift.environments.map((e) => [e.environmentId, e]));
    expect(Object.keys(byEnv).sort()).toEqual(['env-otc-dev', 'env-otc-prod', 'env-otc-test']);
    expect(byEnv['env-otc-prod']?.artifacts[0]).toMatchObject({ state: 'match', expected: prodMap.version, deployed: prodMap.version });
    expect(byEnv['env-otc-dev']?.artifacts[0]).toMatchObject(
      devMap.version === prodMap.version ? { state: 'match' } : { state: 'drift', expected: prodMap.version, deployed: devMap.version },
    );
    expect(byEnv['env-otc-prod']?.endpoint.state).toBe('match');
    expect(byEnv['env-otc-dev']?.endpoint.state).toBe('not-specified');
  });

  it('follows the next sync: a deployment of the expected version turns drift into a match', async () => {
    const localId = newMacro();
    const testMap = deployed('env-otc-test', 'art-otc-850-in');
    if (!testMap) throw new Error('seed has no test deployment');
    await save(localId, validSpec({ artifacts: [{ artifactId: 'art-otc-850-in', expectedVersion: '9.9.9' }], endpoints: [] }), 0);
    const stateIn = async () =>
      ((await get(localId, { config: { stages: ['test'] } })).drift as { drift: { environments: { artifacts: { state: string }[] }[] } }).drift.environments.map((e) => e.artifacts[0]?.state);
    expect(await stateIn()).toEqual(['drift']);
    const original = testMap.version;
    testMap.version = '9.9.9';
    try {
      await app.syncNow();
      expect(await stateIn()).toEqual(['match']);
    } finally {
      testMap.version = original;
      await app.syncNow();
    }
  });

  it('refuses anonymous saves and stores nothing', async () => {
    const localId = newMacro();
    expect(await save(localId, validSpec(), 0, null)).toMatchObject({ state: 'error', message: expect.stringMatching(/Sign in/) });
    expect(await get(localId)).toMatchObject({ spec: null });
  });

  it('names each bad field of a spec and stores nothing', async () => {
    const localId = newMacro();
    const spec = validSpec();
    (spec.endpoints as Record<string, unknown>[])[1] = { environmentId: 'env-otc-prod', url: 'not a url', protocol: 'AS2' };
    spec.owner = { name: '', email: 'priya.nair@example.com' };
    const answer = await save(localId, spec, 0);
    expect(answer.state).toBe('error');
    expect(answer.fields).toEqual([
      { path: 'endpoints.1.url', message: 'must be a URL' },
      { path: 'owner.name', message: 'is required' },
    ]);
    expect(answer.message).toMatch(/endpoints\.1\.url: must be a URL/);
    expect(await get(localId)).toMatchObject({ spec: null });
  });

  it('refuses a spec for a solution the backend does not have', async () => {
    const answer = await save(newMacro(), validSpec({ solutionId: 'sol-nope' }), 0);
    expect(answer).toMatchObject({ state: 'error', fields: [{ path: 'solutionId', message: 'is not a solution the governance backend has' }] });
  });

  it('refuses a stale save with a clear message and keeps the newer version', async () => {
    const localId = newMacro();
    await save(localId, validSpec(), 0, WANDA);
    expect(await save(localId, validSpec({ name: 'Ravi’s edit' }), 1, RAVI)).toMatchObject({ state: 'saved', saved: { version: 2, savedByYou: true } });
    const stale = await save(localId, validSpec({ name: 'Wanda’s late edit' }), 1, WANDA);
    expect(stale).toMatchObject({ state: 'conflict', current: { version: 2, savedByName: 'Ravi Release-Manager', savedByYou: false } });
    expect(stale.message).toMatch(/you edited version 1, and version 2 was saved/);
    expect(await get(localId)).toMatchObject({ spec: { name: 'Ravi’s edit' }, saved: { version: 2 } });
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    const localId = newMacro();
    await save(localId, validSpec(), 0);
    const answers = await Promise.all([save(localId, validSpec({ name: 'A' }), 1, WANDA), save(localId, validSpec({ name: 'B' }), 1, RAVI)]);
    expect(answers.map((a) => a.state).sort()).toEqual(['conflict', 'saved']);
    const winner = answers.find((a) => a.state === 'saved');
    expect((await get(localId)).saved).toMatchObject({ version: 2, savedByYou: (winner?.saved as { savedByYou: boolean }).savedByYou });
  });

  it('keeps one spec per macro and page', async () => {
    const localId = newMacro();
    await save(localId, validSpec(), 0);
    expect(await get(newMacro())).toMatchObject({ spec: null });
    expect(await get(localId, { contentId: '99999' })).toMatchObject({ spec: null });
  });

  it('names bad payload fields and a bad saved configuration', async () => {
    const localId = newMacro();
    const answer = await call('saveInterfaceSpec', { spec: validSpec(), version: 1 }, { localId });
    expect(answer).toMatchObject({ state: 'error' });
    expect(answer.fields?.map((f) => f.path).sort()).toEqual(['payload', 'payload.baseVersion']);
    expect(await get(localId, { config: { mode: 'everything' } })).toMatchObject({ state: 'error', fields: [{ path: 'macro configuration.mode' }] });
  });

  it('offers the solutions, and the chosen solution’s environments and artifacts, for the form', async () => {
    const answer = (await call('getInterfaceSpecEditOptions', { solutionId: 'sol-otc' }, { localId: newMacro() })) as unknown as {
      solutions: { id: string }[];
      environments: { id: string; stage: string }[];
      artifacts: { id: string; name: string }[];
    };
    expect(answer.solutions.map((s) => s.id).sort()).toEqual(app.sim.data.solutions.map((s) => s.id).sort());
    expect(answer.environments.map((e) => e.stage)).toEqual(['dev', 'test', 'prod']);
    expect(answer.artifacts.map((a) => a.id)).toContain('art-otc-850-in');
  });
});
