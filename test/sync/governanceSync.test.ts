import { startApp, type AppUnderTest } from '../appHost';
import type { EnvStatusConfigOptions, EnvStatusResponse } from '../../src/shared/envStatusContract';

type Ok = Extract<EnvStatusResponse, { state: 'ok' }>;

describe('governance sync, end to end on the workbench host', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  async function firstSolution(): Promise<{ id: string; name: string }> {
    const options = (await app.resolve('getEnvStatusConfigOptions')) as EnvStatusConfigOptions;
    const solution = options.solutions[0];
    if (!solution) throw new Error('no solutions synced');
    return solution;
  }

  it('shows "no data yet" before the first sync, and the backend environments after it', async () => {
    const before = (await app.envStatus({ solutionId: 'anything' })) as EnvStatusResponse;
    expect(before).toMatchObject({ state: 'no-data', sync: { stale: true, staleReason: 'never-synced' } });

    await app.syncNow();
    const solution = await firstSolution();
    const answer = (await app.envStatus({ solutionId: solution.id }, { pageSize: 50 })) as Ok;
    const expected = app.sim.data.environments.filter((e) => e.solutionId === solution.id);
    expect(answer.state).toBe('ok');
    expect(answer.solution).toEqual({ id: solution.id, name: solution.name });
    expect(answer.rows.map((r) => [r.id, r.status]).sort()).toEqual(expected.map((e) => [e.id, e.status]).sort());
    expect(answer.sync).toMatchObject({ stale: false, staleReason: null });
  });

  it('lists every backend solution in the config panel options', async () => {
    await app.syncNow();
    const options = (await app.resolve('getEnvStatusConfigOptions')) as EnvStatusConfigOptions;
    expect(options.solutions.map((s) => s.id).sort()).toEqual(app.sim.data.solutions.map((s) => s.id).sort());
    expect(options.stages).toEqual(expect.arrayContaining(['dev', 'test', 'prod']));
  });

  it('shows a status change from the backend after the next sync', async () => {
    await app.syncNow();
    const solution = await firstSolution();
    const target = app.sim.data.environments.find((e) => e.solutionId === solution.id && e.stage === 'prod');
    if (!target) throw new Error('no prod environment in the seed');
    target.status = 'outage';
    target.statusMessage = 'AS2 gateway down since 11:40 UTC';
    await app.syncNow();
    const answer = (await app.envStatus({ solutionId: solution.id }, { sortKey: 'status' })) as Ok;
    expect(answer.rows[0]).toMatchObject({ id: target.id, status: 'outage', statusMessage: 'AS2 gateway down since 11:40 UTC' });
  });

  it('keeps the last good snapshot when a sync fails, and says so with the error', async () => {
    await app.syncNow();
    const solution = await firstSolution();
    const good = (await app.envStatus({ solutionId: solution.id })) as Ok;

    app.sim.setFaults([{ path: '/v1/environments', status: 500 }]);
    await app.syncNow();
    const after = (await app.envStatus({ solutionId: solution.id })) as Ok;
    expect(after.state).toBe('ok');
    expect(after.rows).toEqual(good.rows);
    expect(after.sync).toMatchObject({ stale: true, staleReason: 'last-sync-failed', lastSuccessAt: good.sync.lastSuccessAt });
    expect(after.sync.lastError).toMatch(/environments/);
  });

  it('reports a malformed backend item by resource and field, skips it and keeps the others', async () => {
    app.sim.setFaults([{ path: '/v1/environments', malformedItems: 1 }]);
    await app.syncNow();
    const status = app.forge.kvs.get('sync:governance:status') as {
      invalidItems: { resource: string; issues: string[] }[];
      counts: Record<string, number>;
      lastSuccessAt: string | null;
    };
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.invalidItems.length).toBeGreaterThan(0);
    expect(status.invalidItems[0]).toMatchObject({ resource: 'environments', issues: [expect.stringMatching(/\w+: /)] });
    expect(status.counts.environments).toBe(app.sim.data.environments.length - status.invalidItems.length);
  });

  it('an unconfigured backend is recorded as the sync error, not a crash', async () => {
    await app.forge.close();
    const { createForgeHost } = await import('../../workbench/forge/host');
    const os = await import('node:os');
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-unconfigured-'));
    const forge = await createForgeHost({ appDir: path.resolve(__dirname, '../..'), dataDir, origin: () => 'http://127.0.0.1:4999', variables: {}, backgroundDelivery: false });
    try {
      const result = await forge.runScheduledTrigger('governance-sync-schedule');
      expect(result.ok).toBe(true);
      const answer = await forge.invokeResolver({ moduleKey: 'env-status', functionKey: 'getEnvironmentStatus', payload: {}, extension: { config: { solutionId: 'x' } }, accountId: null });
      expect(answer).toMatchObject({ ok: true, body: { state: 'no-data', sync: { lastError: expect.stringMatching(/GOVERNANCE_BASE_URL/) } } });
    } finally {
      await forge.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('what the sync stores', () => {
  it('never stores a secret the backend leaked into a sensitive diff entry', async () => {
    const app = await startApp();
    try {
      const change = app.sim.data.changeEvents[0];
      if (!change) throw new Error('no change events in the seed');
      change.diff = [{ op: 'replace', path: '/clientSecret', before: 'leaked-old-value', after: 'leaked-new-value', sensitive: true }];
      await app.syncNow();
      const stored = app.forge.kvs
        .keys('snap:')
        .map((key) => JSON.stringify(app.forge.kvs.get(key)))
        .join('\n');
      expect(stored).toContain(change.id);
      expect(stored).not.toContain('leaked-old-value');
      expect(stored).not.toContain('leaked-new-value');
    } finally {
      await app.close();
    }
  });
});
