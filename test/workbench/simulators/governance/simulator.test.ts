import { startGovernanceSimulator, type GovernanceSimulator } from '../../../../workbench/simulators/governance/simulator';

let url: string;
let sim: GovernanceSimulator;
let close: () => Promise<void>;
let token: string;

beforeAll(async () => {
  ({ url, sim, close } = await startGovernanceSimulator({ seed: 3 }));
  token = await tokenFor(url, sim.clientId, sim.clientSecret);
});
afterAll(() => close());
beforeEach(() => {
  sim.reset();
  sim.setFaults([]);
});

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

function requestToken(base: string, authorization: string, body = 'grant_type=client_credentials') {
  return fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

async function tokenFor(base: string, id: string, secret: string): Promise<string> {
  const response = await requestToken(base, basic(id, secret));
  return ((await response.json()) as { access_token: string }).access_token;
}

function get(path: string, bearer: string | null = token) {
  return fetch(`${url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

async function page(path: string) {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { type: string; title: string; status: number; detail: string; [member: string]: unknown };
}

async function readAll(path: string, limit: number) {
  const ids: unknown[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const body = await page(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...body.items.map((item) => item.id ?? `${String(item.environmentId)}/${String(item.artifactId)}`));
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { ids, pages };
}

describe('governance simulator: OAuth2 client credentials', () => {
  it('issues a bearer token for the right client credentials', async () => {
    const response = await requestToken(url, basic(sim.clientId, sim.clientSecret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: expect.stringMatching(/^sim_[0-9a-f]{32}$/), token_type: 'Bearer', expires_in: 3600 });
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('refuses a wrong secret with invalid_client, without repeating it', async () => {
    const response = await requestToken(url, basic(sim.clientId, 'wrong-secret'));
    expect(response.status).toBe(401);
    const body = await problem(response);
    expect(body).toMatchObject({ status: 401, error: 'invalid_client', title: 'Invalid client credentials' });
    expect(JSON.stringify(body)).not.toContain('wrong-secret');
  });

  it('refuses a grant type other than client_credentials', async () => {
    const response = await requestToken(url, basic(sim.clientId, sim.clientSecret), 'grant_type=password');
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('requires a valid bearer token on every resource', async () => {
    const missing = await get('/v1/solutions', null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await problem(missing)).detail).toBe('The request has no bearer token.');
    const forged = await get('/v1/solutions', 'sim_forged');
    expect((await problem(forged)).detail).toBe('The access token is not valid.');
  });

  it('refuses a token once it has expired', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const running = await startGovernanceSimulator({ tokenTtlSeconds: 60, now: () => now });
    try {
      const shortLived = await tokenFor(running.url, running.sim.clientId, running.sim.clientSecret);
      const auth = { headers: { authorization: `Bearer ${shortLived}` } };
      expect((await fetch(`${running.url}/v1/solutions`, auth)).status).toBe(200);
      now = new Date(now.getTime() + 61_000);
      const expired = await fetch(`${running.url}/v1/solutions`, auth);
      expect(expired.status).toBe(401);
      expect((await problem(expired)).detail).toBe('The access token has expired.');
    } finally {
      await running.close();
    }
  });
});

describe('governance simulator: paging', () => {
  it('answers 100 items by default, with a cursor to the rest', async () => {
    const body = await page('/v1/change-events?solutionId=sol-otc');
    expect(body.items).toHaveLength(100);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('walks a listing to its end without repeating or skipping an item', async () => {
    const expected = sim.data.deployments.filter((d) => d.environmentId.startsWith('env-log-'));
    const { ids, pages } = await readAll('/v1/deployments?solutionId=sol-log', 4);
    expect(ids).toEqual(expected.map((d) => `${d.environmentId}/${d.artifactId}`));
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it.each(['0', '501', 'ten', '2.5', '-1'])('refuses limit=%s with a problem naming limit', async (limit) => {
    const response = await get(`/v1/solutions?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ title: 'Invalid query parameter: limit', parameter: 'limit' });
  });

  it('accepts limit 1 and 500', async () => {
    expect((await page('/v1/solutions?limit=1')).items).toHaveLength(1);
    expect((await page('/v1/change-events?solutionId=sol-otc&limit=500')).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await get('/v1/solutions?cursor=bm90LWEtY3Vyc29y');
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ parameter: 'cursor', detail: 'cursor is not one this server issued' });
  });

  it('refuses a cursor replayed with other filters', async () => {
    const { nextCursor } = await page('/v1/change-events?solutionId=sol-otc&limit=10');
    const response = await get(`/v1/change-events?solutionId=sol-log&limit=10&cursor=${nextCursor}`);
    expect(response.status).toBe(400);
    expect((await problem(response)).detail).toContain('other filters');
  });
});

describe('governance simulator: filters', () => {
  it.each(['/v1/environments', '/v1/deployments', '/v1/credentials', '/v1/change-events', '/v1/failures', '/v1/maintenance-windows', '/v1/releases'])(
    'requires solutionId on %s',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(await problem(response)).toMatchObject({ parameter: 'solutionId' });
    },
  );

  it('lists only the asked solution', async () => {
    const { items } = await page('/v1/credentials?solutionId=sol-fin');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => String(item.environmentId).startsWith('env-fin-'))).toBe(true);
  });

  it('lists an unknown solution as empty', async () => {
    expect(await page('/v1/environments?solutionId=sol-nope')).toEqual({ items: [], nextCursor: null });
  });

  it('narrows deployments to one environment', async () => {
    const { items } = await page('/v1/deployments?solutionId=sol-otc&environmentId=env-otc-prod');
    expect(items.length).toBe(11);
    expect(new Set(items.map((item) => item.environmentId))).toEqual(new Set(['env-otc-prod']));
  });

  it('lists change events at or after `since`', async () => {
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const { items } = await page(`/v1/change-events?solutionId=sol-otc&limit=500&since=${since}`);
    const all = (await page('/v1/change-events?solutionId=sol-otc&limit=500')).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.length);
    expect(items.every((item) => String(item.occurredAt) >= since.replace(/\.\d+Z$/, 'Z'))).toBe(true);
  });

  it('lists failures by state and by last sighting', async () => {
    const open = (await page('/v1/failures?solutionId=sol-log&state=open')).items;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((item) => item.state === 'open')).toBe(true);
    const since = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const recent = (await page(`/v1/failures?solutionId=sol-log&since=${since}`)).items;
    expect(recent.map((item) => item.errorCode)).toContain('SFTP-CONNECTION-REFUSED');
    expect(recent.every((item) => Date.parse(String(item.lastSeenAt)) >= Date.parse(since) - 1000)).toBe(true);
  });

  it('refuses a `since` that is not an ISO time', async () => {
    const response = await get('/v1/change-events?solutionId=sol-otc&since=yesterday');
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ parameter: 'since' });
  });

  it('answers 404 for an unknown resource and 405 for a write', async () => {
    expect((await get('/v1/widgets')).status).toBe(404);
    const write = await fetch(`${url}/v1/solutions`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(write.status).toBe(405);
  });

  it('shows changes made to its data in the next answer', async () => {
    const environment = sim.data.environments.find((e) => e.id === 'env-otc-prod');
    if (environment) environment.status = 'outage';
    const { items } = await page('/v1/environments?solutionId=sol-otc');
    expect(items.find((item) => item.id === 'env-otc-prod')?.status).toBe('outage');
  });
});

describe('governance simulator: faults and control', () => {
  it('answers a configured 429 with Retry-After, the given number of times', async () => {
    sim.setFaults([{ path: '/v1/environments', status: 429, retryAfterSeconds: 2, times: 1 }]);
    const limited = await get('/v1/environments?solutionId=sol-otc');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await problem(limited)).title).toBe('Too Many Requests');
    expect((await get('/v1/environments?solutionId=sol-otc')).status).toBe(200);
  });

  it('corrupts the asked number of items in an answer', async () => {
    sim.setFaults('malformed=2@/v1/releases');
    const { items } = await page('/v1/releases?solutionId=sol-otc');
    expect(items.filter((item) => item.name === 42)).toHaveLength(2);
  });

  it('forces a token refresh by revoking every token once', async () => {
    sim.setFaults([{ expireTokens: true }]);
    const mine = await tokenFor(url, sim.clientId, sim.clientSecret);
    expect((await get('/v1/solutions', mine)).status).toBe(401);
    expect((await get('/v1/solutions', mine)).status).toBe(401);
    const fresh = await tokenFor(url, sim.clientId, sim.clientSecret);
    expect((await get('/v1/solutions', fresh)).status).toBe(200);
    token = fresh;
  });

  it('hangs until the client gives up', async () => {
    sim.setFaults('hang@/v1/solutions');
    await expect(fetch(`${url}/v1/solutions`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    sim.setFaults([]);
    expect((await get('/v1/solutions')).status).toBe(200);
  });

  it('is controlled over HTTP: faults, stats and reset', async () => {
    const set = await fetch(`${url}/__sim/faults`, { method: 'POST', body: JSON.stringify('503@/v1/solutions') });
    expect(await set.json()).toEqual({ faults: [{ path: '/v1/solutions', status: 503, retryAfterSeconds: 1 }] });
    expect((await get('/v1/solutions')).status).toBe(503);
    expect(await (await fetch(`${url}/__sim/stats`)).json()).toEqual({ requests: 1, byPath: { '/v1/solutions': 1 }, tokensIssued: 0 });

    await fetch(`${url}/__sim/faults`, { method: 'POST', body: '[]' });
    expect((await get('/v1/solutions')).status).toBe(200);

    sim.data.solutions.length = 0;
    await fetch(`${url}/__sim/reset`, { method: 'POST' });
    expect((await page('/v1/solutions')).items).toHaveLength(3);
    expect(sim.stats().requests).toBe(1);
  });

  it('refuses unreadable fault rules over HTTP', async () => {
    const response = await fetch(`${url}/__sim/faults`, { method: 'POST', body: JSON.stringify('teapot@/v1') });
    expect(response.status).toBe(400);
    expect((await problem(response)).detail).toContain('Unreadable fault "teapot@/v1"');
  });

  it('replays the same answers and fault draws for the same seed', async () => {
    const run = async () => {
      const running = await startGovernanceSimulator({ seed: 11, faults: '503:0.5', now: () => new Date('2026-11-22T10:00:00Z') });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) statuses.push((await fetch(`${running.url}/v1/solutions`)).status);
        return { statuses, data: JSON.stringify(running.sim.data) };
      } finally {
        await running.close();
      }
    };
    const [first, second] = [await run(), await run()];
    expect(second).toEqual(first);
    expect(first.statuses).toContain(503);
    expect(first.statuses).toContain(401);
  });
});
