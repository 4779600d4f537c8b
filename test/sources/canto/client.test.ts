/**
 * The Canto client over real HTTP against the Canto simulator on loopback: auth, paging, batches, details,
 * error bodies and faults. Time is injected: nothing here waits for real.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CantoApiError, createCantoClient, PAGE_OVERLAP, type CantoClientOptions } from '../../../src/sources/canto/client';
import type { FetchLike } from '../../../src/sources/http/retry';
import type { CachedToken, TokenStore } from '../../../src/store/tokenCache';
import { startCantoSimulator, type CantoSimulator } from '../../../workbench/simulators/canto/simulator';

const REFERENCE = new Date('2026-11-22T10:00:00Z');
const ASSETS = 250;
const TOKEN_PATH = '/oauth/api/oauth2/token';

let url: string;
let sim: CantoSimulator;
let close: () => Promise<void>;
let simNow: Date;

beforeAll(async () => {
  ({ url, sim, close } = await startCantoSimulator({ seed: 7, assets: ASSETS, referenceTime: REFERENCE, now: () => simNow }));
});
afterAll(() => close());
beforeEach(() => {
  simNow = REFERENCE;
  sim.setScale(ASSETS);
  sim.reset();
  sim.setFaults([]);
});

function memoryStore(initial?: CachedToken): TokenStore & { value: () => CachedToken | undefined } {
  let stored = initial;
  return {
    get: async () => stored,
    set: async (token) => void (stored = token),
    clear: async () => void (stored = undefined),
    value: () => stored,
  };
}

function clientFor(overrides: Partial<CantoClientOptions> = {}) {
  const waits: number[] = [];
  const client = createCantoClient({
    connection: { baseUrl: url, oauthUrl: url, appId: sim.appId, appSecret: sim.appSecret },
    fetch,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...overrides,
  });
  return { client, waits };
}

async function failureOf(promise: Promise<unknown>): Promise<CantoApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CantoApiError)) throw new Error(`expected a CantoApiError, got ${String(error)}`);
  return error;
}

/** A fetch that lets a test rewrite Canto's JSON answers on their way to the client. */
function rewritingFetch(rewrite: (body: Record<string, unknown>, requestUrl: string) => unknown): FetchLike {
  return async (requestUrl, init) => {
    const response = await fetch(requestUrl, init);
    if (!requestUrl.includes('/api/v1/') || !response.ok) return response;
    return Response.json(rewrite((await response.json()) as Record<string, unknown>, requestUrl));
  };
}

async function readAll(client: ReturnType<typeof clientFor>['client'], since: Date | null, limit: number) {
  const ids: string[] = [];
  let start: number | null = 0;
  let pages = 0;
  while (start !== null) {
    const page = await client.listModified({ since, start, limit });
    ids.push(...page.assets.map((asset) => asset.id));
    start = page.nextStart;
    pages += 1;
  }
  return { ids, pages };
}

const allIdsInTimeOrder = () => Array.from({ length: sim.catalog().liveCount }, (_, position) => sim.idAt(position));

describe('Canto client: authentication', () => {
  it('asks for a token with the app ID and secret in the query string and uses it for many requests', async () => {
    const requested: string[] = [];
    const { client } = clientFor({ beforeRequest: ({ method, url: address }) => void requested.push(`${method} ${address}`) });
    await client.listModified({ since: null, start: 0, limit: 10 });
    await client.getAsset('image', sim.idAt(0));
    await client.batchContent([{ id: sim.idAt(1), scheme: 'image' }]);
    expect(sim.stats().tokensIssued).toBe(1);
    expect(requested[0]).toBe(`POST ${url}${TOKEN_PATH}?app_id=${sim.appId}&app_secret=***&grant_type=client_credentials`);
  });

  it('fetches a single token when the first requests start together', async () => {
    const { client } = clientFor();
    await Promise.all(Array.from({ length: 5 }, (_, start) => client.listModified({ since: null, start, limit: 1 })));
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('renews the token at 90 % of its lifetime with the refresh token, without waiting for a 401', async () => {
    const running = await startCantoSimulator({ assets: 5, tokenTtlSeconds: 1000 });
    try {
      let now = Date.parse('2026-11-22T10:00:00Z');
      const client = createCantoClient({
        connection: { baseUrl: running.url, oauthUrl: running.url, appId: running.sim.appId, appSecret: running.sim.appSecret },
        fetch,
        now: () => now,
      });
      await client.listModified({ since: null, start: 0 });
      now += 899_000;
      await client.listModified({ since: null, start: 0 });
      expect(running.sim.stats()).toMatchObject({ tokensIssued: 1, refreshGrants: 0 });
      now += 2_000;
      await client.listModified({ since: null, start: 0 });
      expect(running.sim.stats()).toMatchObject({ tokensIssued: 2, refreshGrants: 1, byStatus: { '200': 5 } });
    } finally {
      await running.close();
    }
  });

  it('falls back to the app credentials when Canto refuses the refresh token', async () => {
    const store = memoryStore({ accessToken: 'stale', expiresAt: 0, refreshToken: 'revoked-refresh-token' });
    const { client } = clientFor({ tokenStore: store });
    const page = await client.listModified({ since: null, start: 0, limit: 3 });
    expect(page.assets).toHaveLength(3);
    expect(sim.stats()).toMatchObject({ tokensIssued: 1, refreshGrants: 0, byPath: { [TOKEN_PATH]: 2 } });
    expect(store.value()?.refreshToken).toMatch(/^cntr_/);
  });

  it('reads expiresIn as a string (camelCase answer) and as a number (snake_case compatible endpoint)', async () => {
    for (const tokenEndpoint of ['standard', 'compatible'] as const) {
      const store = memoryStore();
      const issuedAt = Date.parse('2026-11-22T10:00:00Z');
      await clientFor({ tokenStore: store, tokenEndpoint, now: () => issuedAt }).client.listModified({ since: null, start: 0, limit: 1 });
      // The simulator issues Canto's 30-day tokens; the client stops using them at 27 days.
      expect(store.value()).toEqual({
        accessToken: expect.stringMatching(/^cnt_/),
        refreshToken: expect.stringMatching(/^cntr_/),
        expiresAt: issuedAt + 0.9 * 30 * 86_400_000,
      });
    }
    expect(sim.stats().byPath).toMatchObject({ [TOKEN_PATH]: 1, '/oauth/api/oauth2/compatible/token': 1 });
  });

  it('keeps the token in the store it is given, so another client instance reuses it', async () => {
    const store = memoryStore();
    await clientFor({ tokenStore: store }).client.listModified({ since: null, start: 0, limit: 1 });
    await clientFor({ tokenStore: store }).client.listModified({ since: null, start: 0, limit: 1 });
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('gets a new token once when Canto says the token is invalid (401), and carries on', async () => {
    const { client } = clientFor();
    await client.listModified({ since: null, start: 0, limit: 1 });
    sim.setFaults([{ path: '/api/v1/search', expireTokens: true }]);
    const page = await client.listModified({ since: null, start: 0, limit: 5 });
    expect(page.assets.map((asset) => asset.id)).toEqual(allIdsInTimeOrder().slice(0, 5));
    expect(sim.stats()).toMatchObject({ tokensIssued: 2, refreshGrants: 1 });
  });

  it('fails clearly when a renewed token is refused too, after exactly one renewal', async () => {
    const { client } = clientFor();
    sim.setFaults([{ path: '/api/v1/search', status: 401, body: '{"errors":["invalid token"]}', contentType: 'application/json' }]);
    const error = await failureOf(client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe(
      'Canto search failed: 401 invalid token; Canto refused a newly issued access token: check that the app is enabled for this tenant',
    );
    expect(error).toMatchObject({ status: 401, retryable: false, operation: 'Canto search' });
    expect(sim.stats().byPath).toEqual({ [TOKEN_PATH]: 2, '/api/v1/search': 2 });
  });

  it('treats a 404 to a request that lost its token as "no token": renews once and carries on', async () => {
    let stripped = 0;
    const losesTheFirstToken: FetchLike = (requestUrl, init) => {
      if (stripped === 0 && requestUrl.includes('/api/v1/search')) {
        stripped += 1;
        const { authorization: _dropped, ...headers } = init?.headers as Record<string, string>;
        return fetch(requestUrl, { ...init, headers });
      }
      return fetch(requestUrl, init);
    };
    const page = await clientFor({ fetch: losesTheFirstToken }).client.listModified({ since: null, start: 0, limit: 2 });
    expect(page.assets).toHaveLength(2);
    expect(sim.stats().byStatus).toMatchObject({ '404': 1 });
  });

  it('says what a lasting 404 means when every request arrives without a token', async () => {
    const neverAuthorized: FetchLike = (requestUrl, init) => {
      const { authorization: _dropped, ...headers } = (init?.headers ?? {}) as Record<string, string>;
      return fetch(requestUrl, { ...init, headers });
    };
    const error = await failureOf(clientFor({ fetch: neverAuthorized }).client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe(
      'Canto search failed: 404 Not Found; Canto answers 404 when a request has no valid access token: ' +
        'check that the base URL is the tenant API host and the app is enabled',
    );
    expect(error.status).toBe(404);
  });

  it('names the app ID, never the secret, when Canto refuses the app credentials', async () => {
    const secret = 'definitely-wrong-secret';
    const requested: string[] = [];
    const { client } = clientFor({
      connection: { baseUrl: url, oauthUrl: url, appId: sim.appId, appSecret: secret },
      beforeRequest: ({ url: address }) => void requested.push(address),
    });
    const error = await failureOf(client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe(
      `Canto token request failed: 401 invalid_client: Unknown app_id or wrong app_secret.; check the Canto app ID "${sim.appId}" and app secret`,
    );
    expect(error).toMatchObject({ operation: 'Canto token request', status: 401, retryable: false });
    expect(JSON.stringify({ message: error.message, requested })).not.toContain(secret);
    expect(sim.stats().byPath['/api/v1/search']).toBeUndefined();
  });

  it('hides the secret even when an error page echoes it back', async () => {
    sim.setFaults([{ path: TOKEN_PATH, status: 400, body: `bad request: app_secret=${sim.appSecret}&x=1 (${sim.appSecret})`, contentType: 'text/plain' }]);
    const error = await failureOf(clientFor().client.listModified({ since: null, start: 0 }));
    expect(error.message).toContain('bad request: app_secret=***&x=1 (***)');
    expect(error.message).not.toContain(sim.appSecret);
  });

  it('hides the access token when an error page echoes the request back', async () => {
    const echoing: FetchLike = async (requestUrl, init) => {
      if (!requestUrl.includes('/api/v1/search')) return fetch(requestUrl, init);
      const { authorization } = init?.headers as Record<string, string>;
      return new Response(`<html><body>Bad request. Headers: Authorization: ${authorization}</body></html>`, { status: 400 });
    };
    const error = await failureOf(clientFor({ fetch: echoing }).client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe('Canto search failed: 400 Bad request. Headers: Authorization: Bearer ***');
  });
});

describe('Canto client: incremental listing', () => {
  it('reads every asset exactly once, oldest modification first, across pages that overlap', async () => {
    const { client } = clientFor();
    const { ids, pages } = await readAll(client, null, 40);
    expect(ids).toEqual(allIdsInTimeOrder());
    // Each page starts a few items back (PAGE_OVERLAP) so a modification between two reads cannot skip an asset.
    expect(pages).toBe(Math.ceil((ASSETS - 40) / (40 - 4)) + 1);
    expect(PAGE_OVERLAP).toBe(5);
  });

  it('sends search with sortBy=time ascending and start/limit paging', async () => {
    const requested: string[] = [];
    const { client } = clientFor({ beforeRequest: ({ url: address }) => void requested.push(address) });
    await client.listModified({ since: null, start: 40, limit: 20 });
    expect(requested[1]).toBe(`${url}/api/v1/search?keyword=&sortBy=time&sortDirection=ascending&start=40&limit=20`);
  });

  it('does not skip an asset that moves to the end of the listing between two pages', async () => {
    const { client } = clientFor();
    const first = await client.listModified({ since: null, start: 0, limit: 50 });
    simNow = new Date(REFERENCE.getTime() + 60_000);
    sim.modify(sim.idAt(10), { approvalStatus: 'Pending' });
    const seen = new Set(first.assets.map((asset) => asset.id));
    let start = first.nextStart;
    while (start !== null) {
      const page = await client.listModified({ since: null, start, limit: 50 });
      for (const asset of page.assets) seen.add(asset.id);
      start = page.nextStart;
    }
    expect(seen.size).toBe(ASSETS);
  });

  it('lists only what changed since the watermark, as a lastModified range in Canto date format', async () => {
    const requested: string[] = [];
    const { client } = clientFor({ beforeRequest: ({ url: address }) => void requested.push(address), now: () => REFERENCE.getTime() + 3_600_000 });
    simNow = new Date(REFERENCE.getTime() + 1_800_000);
    const changed = [sim.idAt(3), sim.idAt(100), sim.idAt(7)];
    for (const id of changed) sim.modify(id, { name: `renamed ${id}` });
    const page = await client.listModified({ since: new Date(REFERENCE.getTime() + 1_700_000), start: 0 });
    // Modified at the same instant: Canto's order among equal times is the simulator's index order.
    expect(page.assets.map((asset) => asset.id)).toEqual([changed[0], changed[2], changed[1]]);
    expect(page.assets.map((asset) => asset.time)).toEqual(changed.map(() => '2026-11-22T10:30:00.000Z'));
    expect(page).toMatchObject({ found: 3, nextStart: null, invalid: [] });
    expect(new URL(requested[1] as string).searchParams.get('lastModified')).toBe('20261122102820000..20261122110000000');
  });

  it('reads a search without `results` as nothing to do', async () => {
    const page = await clientFor().client.listModified({ since: new Date(REFERENCE.getTime() + 86_400_000), start: 0 });
    expect(page).toEqual({ assets: [], invalid: [], found: 0, nextStart: null });
  });

  it('reads found, limit, sizes and dimensions that arrive as strings', async () => {
    const stringly = rewritingFetch((body) => ({ ...body, found: String(body.found), limit: String(body.limit) }));
    const page = await clientFor({ fetch: stringly }).client.listModified({ since: null, start: 0, limit: 5 });
    expect(page.found).toBe(ASSETS);
    const raw = sim.asset(page.assets[0]?.id ?? '') as Record<string, unknown>;
    expect(typeof raw.size).toBe('string');
    expect(page.assets[0]?.size).toBe(Number(raw.size));
  });

  it('parses yyyyMMddHHmmssSSS dates as UTC', async () => {
    const page = await clientFor().client.listModified({ since: null, start: 0, limit: 1 });
    const asset = page.assets[0];
    const raw = sim.asset(asset?.id ?? '') as Record<string, string>;
    expect(raw.time).toMatch(/^\d{17}$/);
    expect(asset?.time).toBe(
      `${raw.time?.slice(0, 4)}-${raw.time?.slice(4, 6)}-${raw.time?.slice(6, 8)}T${raw.time?.slice(8, 10)}:${raw.time?.slice(10, 12)}:${raw.time?.slice(12, 14)}.${raw.time?.slice(14)}Z`,
    );
  });

  it('keeps the newest copy of an asset Canto sends twice in one page', async () => {
    const doubled = rewritingFetch((body) => {
      const results = body.results as Record<string, unknown>[];
      return { ...body, results: [...results, { ...results[0], time: '20261122120000000', name: 'newer copy' }] };
    });
    const page = await clientFor({ fetch: doubled }).client.listModified({ since: null, start: 0, limit: 4 });
    expect(page.assets.map((asset) => asset.id)).toEqual(allIdsInTimeOrder().slice(0, 4));
    expect(page.assets[0]).toMatchObject({ name: 'newer copy', time: '2026-11-22T12:00:00.000Z' });
  });

  it('reports a malformed asset with its position, id and field, and keeps the rest of the page', async () => {
    sim.setFaults([{ path: '/api/v1/search', malformedItems: 1, times: 1 }]);
    const page = await clientFor().client.listModified({ since: null, start: 20, limit: 10 });
    expect(page.assets).toHaveLength(9);
    expect(page.invalid).toEqual([
      { index: expect.any(Number), id: expect.any(String), problem: 'time: "2026-11-22T10:15:00Z" is not a yyyyMMddHHmmssSSS date' },
    ]);
    const bad = page.invalid[0];
    expect(allIdsInTimeOrder()[bad?.index ?? -1]).toBe(bad?.id);
    expect(page.nextStart).toBe(20 + 10 - 1);
  });

  it('refuses a page size outside 1..1000 or a negative start without calling Canto', async () => {
    const { client } = clientFor();
    expect((await failureOf(client.listModified({ since: null, start: 0, limit: 1001 }))).message).toBe(
      'Canto search failed: limit must be a whole number from 1 to 1000, got 1001',
    );
    expect((await failureOf(client.listModified({ since: null, start: -1 }))).message).toContain('start must be a whole number');
    expect(sim.stats().requests).toBe(0);
  });
});

describe('Canto client: batch content and detail', () => {
  it('asks for 250 assets in 3 requests of at most 100', async () => {
    const ids = allIdsInTimeOrder();
    const refs = ids.map((id) => ({ id, scheme: String(sim.asset(id)?.scheme) }));
    const result = await clientFor().client.batchContent(refs);
    expect(result.assets.map((asset) => asset.id).sort()).toEqual([...ids].sort());
    expect(result.failed).toEqual([]);
    expect(sim.stats().byPath['/api/v1/batch/content']).toBe(3);
  });

  it('reports what Canto could not return: unknown ids, deleted assets, the wrong scheme', async () => {
    const [kept, deleted, misfiled] = [sim.idAt(0), sim.idAt(1), sim.idAt(2)];
    const schemeOf = (id: string) => String(sim.asset(id)?.scheme);
    const wrongScheme = schemeOf(misfiled) === 'audio' ? 'video' : 'audio';
    const deletedScheme = schemeOf(deleted);
    sim.remove(deleted);
    const result = await clientFor().client.batchContent([
      { id: kept, scheme: schemeOf(kept) },
      { id: deleted, scheme: deletedScheme },
      { id: misfiled, scheme: wrongScheme },
      { id: 'no-such-asset', scheme: 'image' },
      { id: kept, scheme: schemeOf(kept) },
    ]);
    expect(result.assets.map((asset) => asset.id)).toEqual([kept]);
    expect(result.failed).toEqual([
      { id: deleted, scheme: deletedScheme },
      { id: misfiled, scheme: wrongScheme },
      { id: 'no-such-asset', scheme: 'image' },
    ]);
  });

  it('counts a malformed asset of a batch as failed, with what was wrong', async () => {
    sim.setFaults([{ path: '/api/v1/batch/content', malformedItems: 1, times: 1 }]);
    const refs = [0, 1, 2].map((position) => sim.idAt(position)).map((id) => ({ id, scheme: String(sim.asset(id)?.scheme) }));
    const result = await clientFor().client.batchContent(refs);
    expect(result.assets).toHaveLength(2);
    expect(result.failed).toHaveLength(1);
    expect(result.invalid).toEqual([{ index: expect.any(Number), id: result.failed[0]?.id, problem: expect.stringContaining('time:') }]);
  });

  it('reads one asset, and null once it is deleted', async () => {
    const id = sim.idAt(5);
    const scheme = String(sim.asset(id)?.scheme);
    const { client } = clientFor();
    expect(await client.getAsset(scheme, id)).toMatchObject({ id, scheme });
    sim.remove(id);
    expect(await client.getAsset(scheme, id)).toBeNull();
  });

  it('checks the token once before believing a 404 means "gone"', async () => {
    const result = await clientFor().client.getAsset('image', 'no-such-asset');
    expect(result).toBeNull();
    expect(sim.stats().byPath).toEqual({ [TOKEN_PATH]: 1, '/api/v1/image/:id': 1, '/api/v1/search': 1 });
  });

  it('accepts a scheme in other casing and refuses one Canto does not have', async () => {
    const id = sim.idAt(0);
    const scheme = String(sim.asset(id)?.scheme);
    const { client } = clientFor();
    expect((await client.getAsset(scheme.toUpperCase(), id))?.id).toBe(id);
    expect((await failureOf(client.getAsset('images', id))).message).toBe(
      'Canto asset detail failed: "images" is not a Canto scheme (image, video, audio, document, presentation, other)',
    );
  });
});

describe('Canto client: errors and faults', () => {
  it.each([
    ['{"errors":["keyword is too long"]}', 'application/json', 'Canto search failed: 400 keyword is too long'],
    ['{"errors":[{"message":"start is invalid"},{"message":"limit is invalid"}]}', 'application/json', 'Canto search failed: 400 start is invalid; limit is invalid'],
    ['{"message":"Bad parameters"}', 'application/json', 'Canto search failed: 400 Bad parameters'],
    ['<html><body><h1>Bad Request</h1><p>Your browser sent an invalid request.</p></body></html>', 'text/html', 'Canto search failed: 400 Bad Request Your browser sent an invalid request.'],
    ['', 'text/plain', 'Canto search failed: 400 Bad Request'],
  ])('turns an error body %s into a message that says what failed', async (body, contentType, message) => {
    sim.setFaults([{ path: '/api/v1/search', status: 400, body, contentType }]);
    const error = await failureOf(clientFor().client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe(message);
    expect(error.retryable).toBe(false);
  });

  it('waits as long as Retry-After says on 503 and 429, then carries on', async () => {
    sim.setFaults([
      { path: '/api/v1/search', status: 503, retryAfterSeconds: 2, times: 1 },
      { path: '/api/v1/search', status: 429, retryAfterSeconds: 3, times: 1 },
    ]);
    const { client, waits } = clientFor();
    const page = await client.listModified({ since: null, start: 0, limit: 3 });
    expect(page.assets).toHaveLength(3);
    expect(waits).toEqual([2000, 3000]);
  });

  it('gives up after the shared policy runs out of attempts, with a retryable error that says so', async () => {
    sim.setFaults([{ path: '/api/v1/search', status: 503, retryAfterSeconds: 1 }]);
    const error = await failureOf(clientFor().client.listModified({ since: null, start: 0 }));
    expect(error.message).toBe('Canto search failed: 503 Service Unavailable (after 4 attempts)');
    expect(error).toMatchObject({ status: 503, retryable: true });
  });

  it('does not retry a 500 itself (the shared policy), but marks it retryable for the sync', async () => {
    sim.setFaults([{ path: '/api/v1/batch/content', status: 500, times: 1 }]);
    const error = await failureOf(clientFor().client.batchContent([{ id: sim.idAt(0), scheme: 'image' }]));
    expect(error).toMatchObject({ status: 500, retryable: true, message: 'Canto batch content failed: 500 Internal Server Error' });
    expect(sim.stats().byPath['/api/v1/batch/content']).toBe(1);
  });

  it('reports an unreachable Canto as a retryable error', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const dead = `http://127.0.0.1:${port}`;
    const { client } = clientFor({ connection: { baseUrl: dead, oauthUrl: dead, appId: 'a', appSecret: 'secret-value' }, maxAttempts: 1 });
    const error = await failureOf(client.listModified({ since: null, start: 0 }));
    expect(error.message).toMatch(/^Canto token request failed: Canto could not be reached: fetch failed/);
    expect(error.retryable).toBe(true);
  });

  it('keeps a minimum gap between requests when asked to throttle itself', async () => {
    let now = 1_000_000;
    const sent: number[] = [];
    const { client, waits } = clientFor({
      minRequestIntervalMs: 350,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
      beforeRequest: () => void sent.push(now),
    });
    await client.listModified({ since: null, start: 0, limit: 1 });
    await client.listModified({ since: null, start: 1, limit: 1 });
    expect(sim.stats().requests).toBe(3);
    expect(waits).toEqual([350, 350]);
  });
});

describe('Canto client: connection', () => {
  it('tests the connection with one small search', async () => {
    expect(await clientFor().client.testConnection()).toEqual({ ok: true, detail: `Connected to ${new URL(url).host}: 250 assets` });
  });

  it.each([
    ['https://acme.example.com', 'Canto search failed: the Canto base URL "https://acme.example.com" is not on a Canto domain (canto.com, canto.global, canto.de, au.canto.com, ca.canto.com)'],
    ['http://acme.canto.com', 'Canto search failed: the Canto base URL "http://acme.canto.com" must start with https://'],
    ['acme.canto.com', 'Canto search failed: the Canto base URL "acme.canto.com" is not an absolute URL'],
  ])('refuses the base URL %s before sending anything', async (baseUrl, message) => {
    const calls: string[] = [];
    const { client } = clientFor({
      connection: { baseUrl, oauthUrl: url, appId: sim.appId, appSecret: sim.appSecret },
      fetch: async (address, init) => {
        calls.push(address);
        return fetch(address, init);
      },
    });
    expect(await client.testConnection()).toEqual({ ok: false, message });
    expect(calls).toEqual([]);
  });
});
