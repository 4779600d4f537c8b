import crypto from 'node:crypto';
import { startApp, type AppUnderTest } from '../appHost';
import { validSpec } from '../domain/specs/fixtures';

const SECRET = 'test-specs-secret-0123456789';
const WANDA = '5f0c277e0a9b8e00230c1a5e';

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

describe('the interface-specs webtrigger', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp({ variables: { SPECS_WEBTRIGGER_SECRET: SECRET } });
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(() => jest.restoreAllMocks());

  function pull(options: { authorization?: string; query?: Record<string, string>; method?: string } = {}): Promise<Answer> {
    return app.forge.runWebtrigger('interface-specs', {
      method: options.method ?? 'GET',
      path: '/webtrigger/interface-specs',
      query: options.query ?? {},
      headers: options.authorization === undefined ? {} : { authorization: options.authorization },
      body: '',
    });
  }
  const authorized = (query: Record<string, string> = {}) => pull({ authorization: `Bearer ${SECRET}`, query });
  const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

  async function saveSpec(contentId: string, localId: string, overrides: Record<string, unknown> = {}) {
    const answer = await app.forge.invokeResolver({
      moduleKey: 'interface-spec',
      functionKey: 'saveInterfaceSpec',
      payload: { spec: validSpec(overrides), baseVersion: 0 },
      extension: { type: 'macro', config: {}, content: { id: contentId } },
      accountId: WANDA,
      localId,
    });
    expect(answer).toMatchObject({ ok: true, body: { state: 'saved' } });
  }

  it('answers an empty list before anyone wrote a spec', async () => {
    const answer = await authorized();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['Content-Type']).toMatch(/^application\/json/);
    expect(json(answer)).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a request without the secret with 401 problem+json, saying nothing about the data', async () => {
    const answer = await pull();
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['Content-Type']).toBe('application/problem+json');
    expect(answer.headers['WWW-Authenticate']).toMatch(/^Bearer/);
    expect(json(answer)).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it.each([['a wrong secret', `Bearer ${SECRET}x`], ['a secret of another length', 'Bearer x'], ['another scheme', `Basic ${SECRET}`], ['the secret without a scheme', SECRET]])(
    'refuses %s with 401',
    async (_what, authorization) => {
      expect((await pull({ authorization })).statusCode).toBe(401);
    },
  );

  it('checks the secret before anything else: a bad query without the secret is still 401', async () => {
    expect((await pull({ query: { limit: 'zero' } })).statusCode).toBe(401);
  });

  it('compares the secret with crypto.timingSafeEqual over equal-length digests', async () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    await pull({ authorization: 'Bearer short' });
    await authorized();
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
  });

  it('answers 400 problem+json naming a bad limit, an unknown parameter or a cursor it did not issue', async () => {
    for (const [query, parameter] of [[{ limit: '0' }, 'limit'], [{ limit: '500' }, 'limit'], [{ limit: 'ten' }, 'limit'], [{ space: 'OTC' }, 'space'], [{ cursor: 'made-up' }, 'cursor']] as const) {
      const answer = await authorized(query);
      expect({ query, status: answer.statusCode, type: answer.headers['Content-Type'] }).toEqual({ query, status: 400, type: 'application/problem+json' });
      expect(json(answer)).toMatchObject({ status: 400, parameter });
    }
  });

  it('answers 405 to anything but GET', async () => {
    const answer = await pull({ authorization: `Bearer ${SECRET}`, method: 'POST' });
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.Allow).toBe('GET');
  });

  it('serves each spec with the page it lives on and its drift summary', async () => {
    await saveSpec('70001', 'macro-a');
    const answer = await authorized();
    expect(answer.statusCode).toBe(200);
    const items = json(answer).items as Record<string, unknown>[];
    const item = items.find((i) => i.contentId === '70001' && i.localId === 'macro-a');
    expect(item).toMatchObject({
      version: 1,
      savedBy: { accountId: WANDA, name: 'Wanda Workbench' },
      spec: { name: 'Purchase orders from US retail partners', solutionId: 'sol-otc', message: { type: 'X12 850', version: '4010' } },
      drift: { state: expect.stringMatching(/^(match|drift|gaps)$/), syncedAt: expect.any(String) },
    });
    const environments = (item?.drift as { environments: { environmentId: string; artifacts: { match: number; drift: number; notDeployed: number } }[] }).environments;
    expect(environments.map((e) => e.environmentId)).toEqual(['env-otc-dev', 'env-otc-test', 'env-otc-prod']);
    for (const environment of environments) {
      const { match, drift, notDeployed } = environment.artifacts;
      expect(match + drift + notDeployed).toBe(2);
    }
  });

  it('says why drift is unavailable for a spec whose solution is no longer synced', async () => {
    await saveSpec('70002', 'macro-gone', { solutionId: 'sol-log' });
    const removed = app.sim.data.solutions.findIndex((s) => s.id === 'sol-log');
    const [solution] = app.sim.data.solutions.splice(removed, 1);
    try {
      await app.syncNow();
      const items = json(await authorized()).items as { contentId: string; drift: { state: string; reason: string } }[];
      expect(items.find((i) => i.contentId === '70002')?.drift).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/no solution "sol-log"/) });
    } finally {
      if (solution) app.sim.data.solutions.splice(removed, 0, solution);
      await app.syncNow();
    }
  });

  it('pages through every spec with limit and cursor, each exactly once', async () => {
    for (let i = 0; i < 5; i += 1) await saveSpec(`7100${i}`, `macro-${i}`, { name: `Spec ${i}` });
    const total = (json(await authorized()).items as unknown[]).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await authorized({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(answer.statusCode).toBe(200);
      const body = json(answer) as { items: { contentId: string; localId: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => `${i.contentId}/${i.localId}`));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 2));
  });
});

describe('the interface-specs webtrigger without a configured secret', () => {
  it('refuses every request with 503 until SPECS_WEBTRIGGER_SECRET is set', async () => {
    const app = await startApp();
    try {
      const answer = await app.forge.runWebtrigger('interface-specs', { method: 'GET', path: '/webtrigger/interface-specs', query: {}, headers: { authorization: 'Bearer ' }, body: '' });
      expect(answer.statusCode).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 503, detail: expect.stringMatching(/SPECS_WEBTRIGGER_SECRET/) });
    } finally {
      await app.close();
    }
  });
});
