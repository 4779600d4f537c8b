import { startApp, type AppUnderTest } from '../appHost';
import type { ReleaseReadinessAnswer, ReleaseSignOff } from '../../src/shared/releaseReadinessContract';

type Ok = Extract<ReleaseReadinessAnswer, { state: 'ok' }>;

const HOLIDAY = 'rel-otc-holiday-readiness';
const PINNED = { solutionId: 'sol-otc', releaseMode: 'pinned', releaseId: HOLIDAY };
const ANA = { accountId: 'acc-ana', displayName: 'Ana Ortega', publicName: 'Ana', email: 'ana@example.com' };
const BEN = { accountId: 'acc-ben', displayName: 'Ben Okafor', publicName: 'Ben', email: 'ben@example.com' };

describe('release-readiness resolvers', () => {
  let app: AppUnderTest;

  /** Invokes a resolver of the release-readiness macro as `accountId` (null: an anonymous reader). */
  async function call(functionKey: string, payload: unknown, options: { accountId?: string | null; config?: Record<string, unknown> } = {}) {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'release-readiness',
      functionKey,
      payload,
      extension: { type: 'macro', config: options.config ?? PINNED, content: { id: '1001' }, space: { key: 'OTC', id: '1' } },
      accountId: options.accountId === undefined ? ANA.accountId : options.accountId,
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    return answer.body as Record<string, unknown>;
  }
  const readiness = async (accountId: string | null = ANA.accountId, payload: Record<string, unknown> = {}) =>
    (await call('getReleaseReadiness', payload, { accountId })) as unknown as Ok;
  const signOffs = async (accountId: string | null = ANA.accountId) => (await readiness(accountId)).signOffs;
  const fieldsOf = (answer: Record<string, unknown>) => (answer.fields as { path: string }[]).map((f) => f.path).sort();

  beforeAll(async () => {
    app = await startApp();
    app.forge.confluence.addUser(ANA);
    app.forge.confluence.addUser(BEN);
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(async () => {
    // Each test starts with no sign-offs.
    for (const who of [ANA, BEN]) await call('withdrawReleaseSignOff', { releaseId: HOLIDAY }, { accountId: who.accountId });
  });

  it('serves the release header, one page of items, the readiness figure and the sign-offs, reading little', async () => {
    const before = app.forge.kvs.stats();
    const answer = await readiness(ANA.accountId, { pageSize: 3 });
    const reads = app.forge.kvs.stats().reads - before.reads;
    expect(answer).toMatchObject({
      state: 'ok',
      releaseMode: 'pinned',
      release: { id: HOLIDAY, target: { id: 'env-otc-prod', stage: 'prod' }, previousStage: { stage: 'test' }, readiness: { total: 6 } },
      total: 6,
      pageSize: 3,
      sortKey: 'state',
      signOffs: [],
      viewer: { signedIn: true },
    });
    expect(answer.items).toHaveLength(3);
    expect(answer.items[0]?.state).toBe('failed');
    expect(answer.release.readiness.counts).toMatchObject({ failed: 1, scheduled: 1, ready: expect.any(Number) });
    // pointer, sync status, solutions, release list, items index, one row chunk, the sign-off query.
    expect(reads).toBeLessThanOrEqual(7);
  });

  it('shows the next planned release when the macro asks for it', async () => {
    const answer = (await call('getReleaseReadiness', {}, { config: { solutionId: 'sol-otc', releaseMode: 'next' } })) as unknown as Ok;
    expect(answer).toMatchObject({ state: 'ok', releaseMode: 'next', release: { id: HOLIDAY } });
  });

  it('records a sign-off with the name Confluence gives, the time, the note and the readiness seen', async () => {
    const { release } = await readiness();
    const answer = await call('signOffRelease', { releaseId: HOLIDAY, note: '  Checked with the ops team.\r\nGo.  ', fingerprint: release.fingerprint });
    expect(answer).toMatchObject({ state: 'signed', signOff: { accountId: ANA.accountId, displayName: 'Ana Ortega', note: 'Checked with the ops team.\nGo.', outdated: false, mine: true } });
    const [listed] = await signOffs(BEN.accountId);
    expect(listed).toMatchObject({ displayName: 'Ana Ortega', readiness: release.readiness, outdated: false, mine: false });
    expect(Date.now() - Date.parse((listed as ReleaseSignOff).signedAt)).toBeLessThan(60_000);
  });

  it('refuses an anonymous reader with a clear message and stores nothing', async () => {
    const answer = await call('signOffRelease', { releaseId: HOLIDAY }, { accountId: null });
    expect(answer).toMatchObject({ state: 'error', message: expect.stringMatching(/log in to confluence/i) });
    expect(await call('withdrawReleaseSignOff', { releaseId: HOLIDAY }, { accountId: null })).toMatchObject({ state: 'error', message: expect.stringMatching(/anonymous/i) });
    expect(await signOffs()).toEqual([]);
    expect((await readiness(null)).viewer).toEqual({ signedIn: false });
  });

  it('never takes a display name from the browser', async () => {
    const answer = await call('signOffRelease', { releaseId: HOLIDAY, displayName: 'The CEO' });
    expect(answer).toMatchObject({ state: 'error' });
    expect(answer.message).toMatch(/displayName/);
    expect(await signOffs()).toEqual([]);
  });

  it('names bad input: a missing release, a wrong type, a note over the limit', async () => {
    expect(fieldsOf(await call('signOffRelease', { note: 42 }))).toEqual(['payload.note', 'payload.releaseId']);
    const tooLong = await call('signOffRelease', { releaseId: HOLIDAY, note: 'x'.repeat(501) });
    expect(tooLong).toMatchObject({ state: 'error', fields: [{ path: 'payload.note', message: 'must be at most 500 characters' }] });
    expect(await call('signOffRelease', { releaseId: HOLIDAY, note: 'x'.repeat(500) })).toMatchObject({ state: 'signed' });
    expect(fieldsOf(await call('withdrawReleaseSignOff', { releaseId: '' }))).toEqual(['payload.releaseId']);
    expect(fieldsOf(await call('getReleaseReadiness', { sortKey: 'colour', pageSize: 1000 }))).toEqual(['payload.pageSize', 'payload.sortKey']);
    expect(fieldsOf(await call('getReleaseReadiness', {}, { config: { solutionId: 'sol-otc', releaseMode: 'pinned' } }))).toEqual(['macro configuration.releaseId']);
  });

  it('acts only on the release the macro shows', async () => {
    expect(await call('signOffRelease', { releaseId: 'rel-otc-850-hotfix' })).toMatchObject({ state: 'error', fields: [{ path: 'payload.releaseId' }] });
    expect(await call('withdrawReleaseSignOff', { releaseId: 'é'.repeat(200) })).toMatchObject({ state: 'error', fields: [{ path: 'payload.releaseId' }] });
  });

  it('refuses a sign-off of a readiness the signer was not shown (stale fingerprint)', async () => {
    const answer = await call('signOffRelease', { releaseId: HOLIDAY, fingerprint: '0000000000000000' });
    expect(answer).toMatchObject({ state: 'error', message: expect.stringMatching(/changed since you loaded it/), fields: [{ path: 'payload.fingerprint' }] });
  });

  it('refuses a user Confluence cannot confirm', async () => {
    const answer = await call('signOffRelease', { releaseId: HOLIDAY }, { accountId: 'acc-ghost' });
    expect(answer).toMatchObject({ state: 'error', message: expect.stringMatching(/confirm who you are/) });
  });

  it('replaces a second sign-off by the same user, and keeps two users’ concurrent sign-offs both', async () => {
    await call('signOffRelease', { releaseId: HOLIDAY, note: 'first' });
    await call('signOffRelease', { releaseId: HOLIDAY, note: 'second' });
    expect((await signOffs()).map((s) => s.note)).toEqual(['second']);

    await Promise.all([
      call('signOffRelease', { releaseId: HOLIDAY, note: 'ana again' }, { accountId: ANA.accountId }),
      call('signOffRelease', { releaseId: HOLIDAY, note: 'ben' }, { accountId: BEN.accountId }),
    ]);
    expect((await signOffs()).map((s) => [s.displayName, s.note]).sort()).toEqual([
      ['Ana Ortega', 'ana again'],
      ['Ben Okafor', 'ben'],
    ]);
  });

  it('lets a user withdraw only their own sign-off', async () => {
    await call('signOffRelease', { releaseId: HOLIDAY }, { accountId: ANA.accountId });
    const refused = await call('withdrawReleaseSignOff', { releaseId: HOLIDAY }, { accountId: BEN.accountId });
    expect(refused).toMatchObject({ state: 'error', message: 'You have no sign-off on this release to withdraw.' });
    expect((await signOffs()).map((s) => s.accountId)).toEqual([ANA.accountId]);

    expect(await call('withdrawReleaseSignOff', { releaseId: HOLIDAY }, { accountId: ANA.accountId })).toEqual({ state: 'withdrawn', releaseId: HOLIDAY });
    expect(await signOffs()).toEqual([]);
  });

  it('lists solutions and the chosen solution’s releases for the config panel', async () => {
    const options = await call('getReleaseReadinessConfigOptions', { solutionId: 'sol-otc' });
    expect((options.solutions as { id: string }[]).map((s) => s.id)).toContain('sol-otc');
    expect((options.releases as { id: string; targetName: string }[]).map((r) => r.id)).toEqual(['rel-otc-850-hotfix', HOLIDAY]);
    expect(await call('getReleaseReadinessConfigOptions', { solutionId: 'sol-otc', extra: 1 })).toMatchObject({ state: 'error' });
  });

  it('exports the release, its items and its sign-offs to PDF', async () => {
    await call('signOffRelease', { releaseId: HOLIDAY, note: 'Looks good' });
    const adf = JSON.stringify(await app.forge.runAdfExport('release-readiness', { extension: { type: 'macro', config: PINNED }, exportType: 'pdf' }));
    expect(adf).toContain('Release readiness: OTC Holiday Readiness');
    expect(adf).toContain('X12 856 Ship Notice (outbound)');
    expect(adf).toContain('Ana Ortega');
    expect(adf).toContain('Looks good');
  });

  // Last: it changes the simulator's deployments.
  it('marks a sign-off outdated once the deployments change and a sync brings the change in', async () => {
    await call('signOffRelease', { releaseId: HOLIDAY, note: 'before the fix' }, { accountId: BEN.accountId });
    const before = await readiness();
    expect(before.signOffs[0]).toMatchObject({ outdated: false });

    const failed = app.sim.data.deployments.find((d) => d.environmentId === 'env-otc-prod' && d.artifactId === 'art-otc-856-out');
    if (!failed) throw new Error('the seed has a failed 856 deployment in OTC production');
    Object.assign(failed, { status: 'deployed', deployedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
    expect((await readiness()).signOffs[0]).toMatchObject({ outdated: false });
    await app.syncNow();

    const after = await readiness();
    expect(after.release.fingerprint).not.toBe(before.release.fingerprint);
    expect(after.release.readiness.ready).toBe(before.release.readiness.ready + 1);
    expect(after.signOffs[0]).toMatchObject({ displayName: 'Ben Okafor', outdated: true, readiness: before.release.readiness });

    await call('signOffRelease', { releaseId: HOLIDAY, fingerprint: after.release.fingerprint }, { accountId: BEN.accountId });
    expect((await signOffs())[0]).toMatchObject({ outdated: false });
  });
});
