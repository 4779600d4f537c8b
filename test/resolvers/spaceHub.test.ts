import { startApp, type AppUnderTest } from '../appHost';
import type { SpaceHubResponse } from '../../src/shared/spaceHubContract';
import { validSpec } from '../domain/specs/fixtures';

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

describe('space hub specs tab', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  const specFor = (solutionId: string, name: string) => ({ ...validSpec(), solutionId, name });

  async function call(moduleKey: string, functionKey: string, payload: unknown, extension: Record<string, unknown>, localId?: string) {
    const answer = await app.forge.invokeResolver({ moduleKey, functionKey, payload, extension, accountId: '5f0c277e0a9b8e00230c1a5e', ...(localId ? { localId } : {}) });
    if (!answer.ok) throw new Error(answer.error);
    return answer.body as Record<string, unknown>;
  }

  it('lists the specs saved for the space’s solution, and moves a spec when its solution changes', async () => {
    const macro = { type: 'macro', content: { id: '2001' }, space: { key: 'OTC', id: '1' }, config: {} };
    const saved = await call('interface-spec', 'saveInterfaceSpec', { baseVersion: 0, spec: specFor('sol-otc', 'Orders inbound') }, macro, 'spec-a');
    expect(saved).not.toMatchObject({ state: 'error' });
    const hubExtension = { type: 'confluence:spacePage', space: { key: 'OTC', id: '1' } };
    const listed = await call('space-hub', 'getSolutionSpecs', { solutionId: 'sol-otc' }, hubExtension);
    const partners = (validSpec().partners as { name: string }[]).map((partner) => partner.name);
    expect(listed).toMatchObject({
      state: 'ok',
      specs: [expect.objectContaining({ contentId: '2001', localId: 'spec-a', name: 'Orders inbound', messageType: 'X12 850 4010', direction: 'inbound', partners, version: 1 })],
    });

    const other = app.sim.data.solutions.find((s) => s.id !== 'sol-otc') as { id: string };
    expect(await call('interface-spec', 'saveInterfaceSpec', { baseVersion: 1, spec: specFor(other.id, 'Orders inbound') }, macro, 'spec-a')).not.toMatchObject({ state: 'error' });
    expect(await call('space-hub', 'getSolutionSpecs', { solutionId: 'sol-otc' }, hubExtension)).toMatchObject({ state: 'ok', specs: [] });
  });

  it('refuses to list another space’s solution', async () => {
    const other = app.sim.data.solutions.find((s) => s.spaceKey !== 'OTC') as { id: string };
    const answer = await call('space-hub', 'getSolutionSpecs', { solutionId: other.id }, { type: 'confluence:spacePage', space: { key: 'OTC', id: '1' } });
    expect(answer).toMatchObject({ state: 'error', message: expect.stringMatching(/not mapped/) });
  });
});
