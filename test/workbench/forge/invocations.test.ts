import { startTestHost, MACRO_EXTENSION, type TestHost } from './helpers';

describe('invoking the app like Forge does', () => {
  let test: TestHost;
  afterEach(async () => {
    await test.dispose();
  });

  const invoke = (functionKey: string, payload: unknown = {}, accountId: string | null = 'user-1') =>
    test.host.invokeResolver({ moduleKey: 'fixture-macro', functionKey, payload, extension: MACRO_EXTENSION, accountId, localId: 'local-1' });

  it('hands the resolver its payload and the context @forge/resolver builds', async () => {
    test = await startTestHost();
    expect(await invoke('echo', { solution: 'otc' })).toEqual({
      ok: true,
      body: { payload: { solution: 'otc' }, accountId: 'user-1', localId: 'local-1', moduleKey: 'fixture-macro', extension: MACRO_EXTENSION },
    });
    expect(await invoke('echo', {}, null)).toMatchObject({ ok: true, body: { accountId: null } });
  });

  it('fails an unknown resolver definition and an unknown module', async () => {
    test = await startTestHost();
    expect(await invoke('nope')).toEqual({ ok: false, status: 500, error: "Resolver has no definition for 'nope'." });
    expect(await test.host.invokeResolver({ moduleKey: 'missing', functionKey: 'echo', payload: {}, extension: {}, accountId: null })).toMatchObject({ ok: false, status: 404 });
  });

  it('rejects a payload over 500 KB before running anything', async () => {
    test = await startTestHost();
    const result = await invoke('sleep', { ms: 0, pad: 'x'.repeat(500 * 1024) });
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(test.host.kvs.get('after-sleep')).toBeUndefined();
  });

  it('fails a response over 5 MB', async () => {
    test = await startTestHost();
    expect(await invoke('big', { bytes: 5 * 1024 * 1024 + 1 })).toMatchObject({ ok: false, status: 500, error: expect.stringContaining('5 MB') });
    expect(await invoke('big', { bytes: 10 })).toEqual({ ok: true, body: 'x'.repeat(10) });
  });

  it('times a slow resolver out and cuts it off from Forge services', async () => {
    test = await startTestHost({ limits: { resolverTimeoutMs: 50 } });
    const result = await invoke('sleep', { ms: 200 });
    expect(result).toEqual({ ok: false, status: 504, error: expect.stringContaining('FUNCTION_TIME_OUT') });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(test.host.kvs.get('after-sleep')).toBeUndefined(); // its late kvs.set failed: the invocation had ended
  });

  it('reports the 25 s resolver budget as remaining time', async () => {
    test = await startTestHost();
    const result = await invoke('remaining');
    expect(result.ok && (result.body as number)).toBeGreaterThan(24_000);
    expect(result.ok && (result.body as number)).toBeLessThanOrEqual(25_000);
  });

  it('exposes variables as process.env, read at each invocation', async () => {
    let value = 'first';
    const variables = {} as Record<string, string>;
    Object.defineProperty(variables, 'FIXTURE_VARIABLE', { enumerable: true, get: () => value });
    test = await startTestHost({ variables });
    expect(await invoke('variable')).toEqual({ ok: true, body: 'first' });
    value = 'second';
    expect(await invoke('variable')).toEqual({ ok: true, body: 'second' });

    // A later host without the variable must not see the earlier host's value.
    await test.dispose();
    test = await startTestHost({ variables: {} });
    expect(await invoke('variable')).toEqual({ ok: true, body: null });
  });

  it('runs the macro adfExport with the export type and page', async () => {
    test = await startTestHost();
    const doc = await test.host.runAdfExport('fixture-macro', { extension: MACRO_EXTENSION, exportType: 'pdf' });
    expect(JSON.stringify(doc)).toContain('pdf export of page 10007');
  });

  it('runs a scheduled trigger with the documented request', async () => {
    test = await startTestHost();
    const run = await test.host.runScheduledTrigger('fixture-schedule');
    expect(run).toEqual({ ok: true, durationMs: expect.any(Number) });
    expect(test.host.kvs.get('scheduled-request')).toEqual({ context: { cloudId: expect.any(String), moduleKey: 'fixture-schedule' }, contextToken: expect.any(String) });
    expect(await test.host.runScheduledTrigger('missing')).toMatchObject({ ok: false });
  });

  it('turns an HTTP request into the webtrigger event and its answer back into HTTP', async () => {
    test = await startTestHost();
    const answer = await test.host.runWebtrigger('fixture-hook', {
      method: 'POST',
      path: '/webtrigger/fixture-hook',
      query: { since: '2026-01-01' },
      headers: { 'x-test': 'yes', 'content-type': 'application/json' },
      body: '{"ping":true}',
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers).toEqual({ 'x-method': 'POST', 'x-many': 'a, b' });
    expect(JSON.parse(answer.body)).toEqual({ query: { since: ['2026-01-01'] }, header: ['yes'], body: '{"ping":true}' });
    expect((await test.host.runWebtrigger('missing', { method: 'GET', path: '/', query: {}, headers: {}, body: '' })).statusCode).toBe(404);
  });
});
