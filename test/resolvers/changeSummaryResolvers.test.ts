import { startApp, type AppUnderTest } from '../appHost';
import { decodeCursor } from '../../src/domain/changes/changeStreams';
import type { ChangeEvent } from '../../src/sources/governance/schemas';
import type { ChangeSummaryConfigOptions, ChangeSummaryResponse } from '../../src/shared/changeSummaryContract';

type Ok = Extract<ChangeSummaryResponse, { state: 'ok' }>;

describe('change-summary resolvers on the workbench host', () => {
  let app: AppUnderTest;
  const LEAK = 'sk-live-DO-NOT-SHOW-9f8e7d';

  beforeAll(async () => {
    app = await startApp();
    // An adapter that breaks the contract: a sensitive entry with its real values. The view must not show them.
    const template = app.sim.data.changeEvents.find((e) => e.environmentId === 'env-otc-dev') as ChangeEvent;
    app.sim.data.changeEvents.push({
      ...template,
      id: 'chg-leaky-adapter',
      occurredAt: new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      action: 'updated',
      target: { kind: 'connection', id: 'conn-otc-as2', name: 'AS2 gateway connection' },
      diff: [
        { op: 'replace', path: '/auth/apiKey', before: LEAK, after: `${LEAK}-new`, sensitive: true },
        { op: 'replace', path: '/auth/password', before: LEAK, after: LEAK, sensitive: false },
        { op: 'replace', path: '/retry/maxAttempts', before: 3, after: 5, sensitive: false },
      ],
      promotion: null,
    });
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  async function summary(config: Record<string, unknown>, payload: Record<string, unknown> = {}) {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'change-summary',
      functionKey: 'getChangeSummary',
      payload,
      extension: { type: 'macro', config, content: { id: '1001' }, space: { key: 'OTC', id: '1' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(`getChangeSummary failed: ${answer.status} ${answer.error}`);
    return answer.body as ChangeSummaryResponse & { fields?: { path: string }[] };
  }

  const eventsOf = (solutionId: string, since: number) => {
    const environments = new Set(app.sim.data.environments.filter((e) => e.solutionId === solutionId).map((e) => e.id));
    return app.sim.data.changeEvents.filter((e) => environments.has(e.environmentId) && Date.parse(e.occurredAt) >= since);
  };

  it('says the macro is not configured before a solution is picked', async () => {
    expect(await summary({})).toMatchObject({ state: 'not-configured' });
  });

  it('lists the newest changes first, with pending production promotions on top', async () => {
    const answer = (await summary({ solutionId: 'sol-otc', window: '90d' })) as Ok;
    expect(answer.state).toBe('ok');
    expect(answer.changes.length).toBe(20);
    const times = answer.changes.map((c) => Date.parse(c.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(answer.pending?.length).toBeGreaterThan(0);
    expect(answer.pending?.every((p) => ['requested', 'approved', 'scheduled'].includes(p.state) && p.to.id === 'env-otc-prod')).toBe(true);
    expect(answer.nextCursor).not.toBeNull();
  });

  it('flags the pending production promotion that runs into the peak season freeze', async () => {
    const answer = (await summary({ solutionId: 'sol-otc' })) as Ok;
    const orders = answer.pending?.find((p) => p.target.id === 'art-otc-orders-in');
    expect(orders).toMatchObject({ state: 'scheduled', freezeConflicts: [expect.objectContaining({ windowId: 'mw-peak-freeze', inProgress: false })] });
    expect(answer.pending?.[0]?.freezeConflicts.length).toBeGreaterThan(0);
  });

  it('never returns a sensitive value, even when the backend sent one', async () => {
    const answer = (await summary({ solutionId: 'sol-otc', window: '24h' })) as Ok;
    const leaky = answer.changes.find((c) => c.id === 'chg-leaky-adapter');
    expect(leaky?.diff).toEqual([
      { op: 'replace', path: '/auth/apiKey', before: null, after: null, sensitive: true },
      { op: 'replace', path: '/auth/password', before: null, after: null, sensitive: true },
      { op: 'replace', path: '/retry/maxAttempts', before: '3', after: '5', sensitive: false },
    ]);
    expect(JSON.stringify(answer)).not.toContain(LEAK);
  });

  it('pages through the whole window with the cursor: every change once, newest first', async () => {
    const config = { solutionId: 'sol-otc', window: '90d' };
    const first = (await summary(config, { pageSize: 50 })) as Ok;
    const expected = eventsOf('sol-otc', Date.parse(first.windowStart));
    const seen = [...first.changes];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await summary(config, { pageSize: 50, cursor })) as Ok;
      expect(page.pending).toBeNull();
      seen.push(...page.changes);
      cursor = page.nextCursor;
    }
    expect(seen.map((c) => c.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    const times = seen.map((c) => Date.parse(c.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('keeps to the chosen environments, and to production only when asked', async () => {
    const prodOnly = (await summary({ solutionId: 'sol-otc', window: '30d', onlyProduction: true })) as Ok;
    expect(prodOnly.environments.map((e) => e.id)).toEqual(['env-otc-prod']);
    expect(prodOnly.changes.every((c) => c.environment.id === 'env-otc-prod')).toBe(true);
    const devOnly = (await summary({ solutionId: 'sol-otc', window: '30d', environmentIds: ['env-otc-dev'] })) as Ok;
    expect(devOnly.changes.every((c) => c.environment.id === 'env-otc-dev')).toBe(true);
    expect(devOnly.pending).toEqual([]);
  });

  it('names each bad paging field, refuses a forged cursor and caps the page size', async () => {
    const bad = await summary({ solutionId: 'sol-otc' }, { pageSize: 0, cursor: 'forged', extra: true });
    expect(bad).toMatchObject({ state: 'error' });
    expect((bad.fields ?? []).map((f) => f.path).sort()).toEqual(['payload', 'payload.cursor', 'payload.pageSize']);
    expect(await summary({ solutionId: 'sol-otc' }, { pageSize: 500 })).toMatchObject({ state: 'error', fields: [{ path: 'payload.pageSize' }] });
  });

  it('names a bad saved macro configuration', async () => {
    const answer = await summary({ solutionId: 'sol-otc', window: 'forever', onlyProduction: 'yes' });
    expect((answer.fields ?? []).map((f) => f.path).sort()).toEqual(['macro configuration.onlyProduction', 'macro configuration.window']);
  });

  it('treats a solution that is not in the backend as "no data"', async () => {
    expect(await summary({ solutionId: 'sol-gone' })).toMatchObject({ state: 'no-data', message: expect.stringMatching(/no solution/) });
  });

  it('continues an older page after a new sync was published, without repeating changes', async () => {
    const config = { solutionId: 'sol-otc', window: '90d' };
    const first = (await summary(config)) as Ok;
    const before = decodeCursor(first.nextCursor as string);
    await app.syncNow();
    const second = (await summary(config, { cursor: first.nextCursor })) as Ok;
    expect(second.changes.some((c) => first.changes.some((f) => f.id === c.id))).toBe(false);
    expect(Date.parse(second.changes[0]?.occurredAt ?? '')).toBeLessThanOrEqual(before?.anchor.time ?? 0);
  });

  it('offers the solutions, the chosen solution’s environments and the windows to the config panel', async () => {
    const call = async (payload: unknown) => {
      const answer = await app.forge.invokeResolver({
        moduleKey: 'change-summary',
        functionKey: 'getChangeSummaryConfigOptions',
        payload,
        extension: { type: 'macro', config: {} },
        accountId: 'user-ana',
      });
      if (!answer.ok) throw new Error(answer.error);
      return answer.body as ChangeSummaryConfigOptions;
    };
    const withoutSolution = await call({});
    expect(withoutSolution.solutions.map((s) => s.id).sort()).toEqual(app.sim.data.solutions.map((s) => s.id).sort());
    expect(withoutSolution.environments).toEqual([]);
    const otc = await call({ solutionId: 'sol-otc' });
    expect(otc.environments.map((e) => e.id).sort()).toEqual(
      app.sim.data.environments.filter((e) => e.solutionId === 'sol-otc').map((e) => e.id).sort(),
    );
    expect(otc.windows.map((w) => w.value)).toEqual(['24h', '7d', '30d', '90d']);
    expect(await call({ solutionId: 'sol-otc', extra: 1 })).toMatchObject({ state: 'error' });
  });

  it('exports the pending promotions and the most recent changes to PDF, saying how many more there are', async () => {
    const exported = await app.forge.runAdfExport('change-summary', {
      extension: { type: 'macro', config: { solutionId: 'sol-otc', window: '90d' }, content: { id: '1001' } },
      exportType: 'pdf',
    });
    const json = JSON.stringify(exported);
    expect(json).toContain('Change summary: Retail Order-to-Cash');
    expect(json).toContain('FREEZE AHEAD: Peak season change freeze');
    expect(json).toMatch(/Showing the 50 most recent changes; \d+ older changes in this window are not included/);
    expect(json).not.toContain(LEAK);
  });
});

describe('change-summary at scale: a render reads the directory and a few chunks, not the history', () => {
  let app: AppUnderTest;
  const EVENTS = 5_000;

  beforeAll(async () => {
    app = await startApp();
    const own = app.sim.data.changeEvents.filter((e) => e.environmentId.startsWith('env-otc-'));
    for (let n = 0; app.sim.data.changeEvents.length < EVENTS; n += 1) {
      for (const event of own) app.sim.data.changeEvents.push({ ...event, id: `${event.id}-x${n}` });
    }
    await app.syncNow();
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  async function page(payload: Record<string, unknown>) {
    const before = app.forge.kvs.stats();
    const answer = await app.forge.invokeResolver({
      moduleKey: 'change-summary',
      functionKey: 'getChangeSummary',
      payload,
      extension: { type: 'macro', config: { solutionId: 'sol-otc', window: '90d' } },
      accountId: 'user-ana',
    });
    const after = app.forge.kvs.stats();
    if (!answer.ok) throw new Error(answer.error);
    return { answer: answer.body as Ok, reads: after.reads - before.reads, bytes: after.bytesRead - before.bytesRead };
  }

  it('reads a small, bounded amount for the newest page and for a page deep in the history', async () => {
    const historyBytes = JSON.stringify(app.sim.data.changeEvents.filter((e) => e.environmentId.startsWith('env-otc-'))).length;
    const first = await page({ pageSize: 20 });
    expect(first.answer.changes).toHaveLength(20);
    expect(first.bytes).toBeLessThan(historyBytes / 20);

    let cursor = first.answer.nextCursor;
    for (let i = 0; i < 30 && cursor; i += 1) cursor = (await page({ pageSize: 50, cursor })).answer.nextCursor;
    const deep = await page({ pageSize: 20, cursor });
    expect(deep.answer.changes).toHaveLength(20);
    expect(deep.bytes).toBeLessThan(historyBytes / 20);
    expect(deep.reads).toBeLessThanOrEqual(first.reads + 3);
  });
});
