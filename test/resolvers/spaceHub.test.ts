import { startApp, type AppUnderTest } from '../appHost';
import type { SpaceHubResponse } from '../../src/shared/spaceHubContract';

type Ok = Extract<SpaceHubResponse, { state: 'ok' }>;

describe('space hub', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  async function hub(functionKey: string, spaceKey: string | null, payload: unknown = {}) {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'space-hub',
      functionKey,
      payload,
      extension: { type: 'confluence:spacePage', ...(spaceKey ? { space: { key: spaceKey, id: '1' } } : {}) },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(answer.error);
    return answer.body as Record<string, unknown>;
  }

  it('shows the solution mapped to the space, with counts that match the backend data', async () => {
    const answer = (await hub('getSpaceHub', 'OTC')) as Ok;
    expect(answer.state).toBe('ok');
    const solution = app.sim.data.solutions.find((s) => s.spaceKey === 'OTC');
    expect(answer.solutions.map((s) => s.solution.id)).toEqual([solution?.id]);
    const summary = answer.solutions[0];
    const envIds = new Set(app.sim.data.environments.filter((e) => e.solutionId === solution?.id).map((e) => e.id));
    expect(summary?.environments.map((e) => e.id).sort()).toEqual([...envIds].sort());
    const openFailures = app.sim.data.failures.filter((f) => envIds.has(f.environmentId) && f.state !== 'resolved');
    expect(summary?.counts.openFailures).toBe(openFailures.length);
    expect(summary?.counts.releases).toBe(app.sim.data.releases.filter((r) => envIds.has(r.targetEnvironmentId)).length);
    expect(summary?.urgent.length).toBeGreaterThan(0);
  });

  it('matches space keys case-insensitively', async () => {
    expect(await hub('getSpaceHub', 'otc')).toMatchObject({ state: 'ok' });
  });

  it('explains when no solution is mapped to the space, listing where each one is', async () => {
    const answer = await hub('getSpaceHub', 'IGH');
    expect(answer).toMatchObject({ state: 'not-mapped', space: { key: 'IGH' } });
    expect((answer.solutions as unknown[]).length).toBe(app.sim.data.solutions.length);
  });

  it('serves its environments tab for a mapped solution and refuses another space’s solution', async () => {
    const mapped = app.sim.data.solutions.find((s) => s.spaceKey === 'OTC');
    const other = app.sim.data.solutions.find((s) => s.spaceKey !== 'OTC');
    expect(await hub('getEnvironmentStatus', 'OTC', { solutionId: mapped?.id })).toMatchObject({ state: 'ok', solution: { id: mapped?.id } });
    expect(await hub('getEnvironmentStatus', 'OTC', { solutionId: other?.id })).toMatchObject({ state: 'error', message: expect.stringMatching(/not mapped to this space/) });
  });

  it('does not let a macro override its configured solution from the payload', async () => {
    const other = app.sim.data.solutions[1];
    expect(await app.envStatus({ solutionId: 'sol-otc' }, { solutionId: other?.id })).toMatchObject({ state: 'error' });
  });
});
