import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createGovernanceClient,
  GovernanceApiError,
  type GovernanceClientOptions,
  type TokenCache,
} from '../../../src/sources/governance/client';
import type { FetchLike } from '../../../src/sources/http/retry';
import { startGovernanceSimulator, type GovernanceSimulator } from '../../../workbench/simulators/governance/simulator';

let url: string;
let sim: GovernanceSimulator;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ url, sim, close } = await startGovernanceSimulator({ seed: 42 }));
});
afterAll(() => close());
beforeEach(() => {
  sim.reset();
  sim.setFaults([]);
});

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

function clientFor(overrides: Partial<GovernanceClientOptions> = {}) {
  const { waits, sleep } = recordingSleep();
  const client = createGovernanceClient({
    connection: { baseUrl: url, clientId: sim.clientId, clientSecret: sim.clientSecret },
    fetch,
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  return { client, waits };
}

async function failureOf(promise: Promise<unknown>): Promise<GovernanceApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GovernanceApiError)) throw new Error(`expected a GovernanceApiError, got ${String(error)}`);
  return error;
}

const otcCredentialIds = () =>
  sim.data.credentials.filter((credential) => credential.environmentId.startsWith('env-otc-')).map((credential) => credential.id);

describe('governance client: authentication', () => {
  it('uses one access token for many requests', async () => {
    const { client } = clientFor();
    await client.listPage('solutions');
    await client.listAll('environments', { solutionId: 'sol-otc' });
    await client.listAll('credentials', { solutionId: 'sol-log' });
    await Promise.all(['sol-otc', 'sol-log', 'sol-fin'].map((solutionId) => client.listPage('releases', { solutionId })));
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('fetches a single token when the first requests start together', async () => {
    const { client } = clientFor();
    await Promise.all(Array.from({ length: 5 }, () => client.listPage('solutions')));
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('gets a new token before the old one expires, without waiting for a 401', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const running = await startGovernanceSimulator({ tokenTtlSeconds: 600 });
    try {
      const client = createGovernanceClient({
        connection: { baseUrl: running.url, clientId: running.sim.clientId, clientSecret: running.sim.clientSecret },
        fetch,
        now: () => now,
      });
      await client.listPage('solutions');
      now += 8 * 60_000;
      await client.listPage('solutions');
      expect(running.sim.stats().tokensIssued).toBe(1);
      now += 2 * 60_000;
      await client.listPage('solutions');
      expect(running.sim.stats()).toMatchObject({ tokensIssued: 2, byPath: { '/v1/solutions': 3 } });
    } finally {
      await running.close();
    }
  });

  it('keeps tokens in the cache it is given, so another client instance reuses them', async () => {
    let stored: { accessToken: string; expiresAt: number } | undefined;
    const cache: TokenCache = {
      get: async () => stored,
      set: async (token) => void (stored = token),
      clear: async () => void (stored = undefined),
    };
    await clientFor({ tokenCache: cache }).client.listPage('solutions');
    await clientFor({ tokenCache: cache }).client.listPage('solutions');
    expect(stored?.accessToken).toMatch(/^sim_/);
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('does not share tokens between client instances by default', async () => {
    await clientFor().client.listPage('solutions');
    await clientFor().client.listPage('solutions');
    expect(sim.stats().tokensIssued).toBe(2);
  });

  it('fetches a new token once when the backend says the token expired, and carries on', async () => {
    const { client } = clientFor();
    await client.listPage('solutions');
    sim.setFaults([{ path: '/v1/environments', expireTokens: true }]);
    const page = await client.listPage('environments', { solutionId: 'sol-otc' });
    expect(page.items.map((environment) => environment.id)).toEqual(['env-otc-dev', 'env-otc-test', 'env-otc-prod']);
    expect(sim.stats().tokensIssued).toBe(2);
  });

  it('fails clearly when a fresh token is refused too, after exactly one renewal', async () => {
    const { client } = clientFor();
    sim.setFaults([{ path: '/v1/environments', status: 401 }]);
    const error = await failureOf(client.listPage('environments', { solutionId: 'sol-otc' }));
    expect(error.message).toContain('the governance backend rejected the client credentials of client id "sim-client"');
    expect(error.message).toContain('GET /v1/environments?solutionId=sol-otc');
    expect(error).toMatchObject({ status: 401, retryable: false, operation: 'GET /v1/environments?solutionId=sol-otc' });
    expect(sim.stats().byPath).toEqual({ '/oauth2/token': 2, '/v1/environments': 2 });
  });

  it('names the client id, never the secret, when the token endpoint refuses the credentials', async () => {
    const secret = 'not-the-right-secret';
    const { client } = clientFor({ connection: { baseUrl: url, clientId: sim.clientId, clientSecret: secret } });
    const error = await failureOf(client.listPage('solutions'));
    expect(error.message).toBe(
      'the governance backend rejected the client credentials of client id "sim-client"; check the client id and secret ' +
        '(POST /oauth2/token answered HTTP 401 Unauthorized): Invalid client credentials: The client id or client secret is not valid.',
    );
    expect(error.message).not.toContain(secret);
    expect(error).toMatchObject({ operation: 'POST /oauth2/token', status: 401, retryable: false });
    expect(sim.stats().byPath['/v1/solutions']).toBeUndefined();
  });

  it('hides the secret even when an error page echoes it back', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 500, body: `upstream rejected secret=${sim.clientSecret}`, contentType: 'text/plain' }]);
    const error = await failureOf(clientFor().client.listPage('solutions'));
    expect(error.message).toContain('upstream rejected secret=***');
    expect(error.message).not.toContain(sim.clientSecret);
  });
});

describe('governance client: paging', () => {
  it('reads every page of a listing to the end', async () => {
    const { client } = clientFor();
    const { items, invalid } = await client.listAll('changeEvents', { solutionId: 'sol-otc', limit: 7 });
    const expected = sim.data.changeEvents.filter((event) => event.environmentId.startsWith('env-otc-')).map((event) => event.id);
    expect(expected.length).toBeGreaterThan(70);
    expect(items.map((event) => event.id)).toEqual(expected);
    expect(invalid).toEqual([]);
    expect(sim.stats().byPath['/v1/change-events']).toBe(Math.ceil(expected.length / 7));
  });

  it('passes the filters on every page', async () => {
    const since = sim.data.changeEvents[Math.floor(sim.data.changeEvents.length / 2)]?.occurredAt ?? '';
    const { items } = await clientFor().client.listAll('changeEvents', { solutionId: 'sol-log', since, limit: 5 });
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((event) => event.occurredAt >= since && event.environmentId.startsWith('env-log-'))).toBe(true);
  });

  it('hands back one page and the cursor to the next', async () => {
    const { client } = clientFor();
    const first = await client.listPage('deployments', { solutionId: 'sol-otc', limit: 10 });
    const second = await client.listPage('deployments', { solutionId: 'sol-otc', limit: 10, cursor: first.nextCursor });
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).toEqual(expect.any(String));
    const firstKeys = first.items.map((d) => `${d.environmentId}/${d.artifactId}`);
    expect(second.items.some((d) => firstKeys.includes(`${d.environmentId}/${d.artifactId}`))).toBe(false);
  });

  it('stops with an error when the backend sends a cursor it already sent', async () => {
    let firstCursor: string | null = null;
    const loopingFetch: FetchLike = async (requestUrl, init) => {
      const response = await fetch(requestUrl, init);
      if (!requestUrl.includes('/v1/change-events')) return response;
      const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
      firstCursor ??= body.nextCursor;
      return Response.json({ ...body, nextCursor: firstCursor });
    };
    const error = await failureOf(clientFor({ fetch: loopingFetch }).client.listAll('changeEvents', { solutionId: 'sol-otc', limit: 10 }));
    expect(error.message).toBe(
      'GET /v1/change-events?solutionId=sol-otc sent a cursor it had already sent (page 2); stopped reading to avoid an endless loop',
    );
    expect(sim.stats().byPath['/v1/change-events']).toBe(2);
  });

  it('refuses a page size outside 1..500 and a missing solutionId without calling the backend', async () => {
    const { client } = clientFor();
    expect((await failureOf(client.listPage('solutions', { limit: 0 }))).message).toContain('limit must be a whole number from 1 to 500');
    expect((await failureOf(client.listPage('solutions', { limit: 501 }))).message).toContain('limit');
    expect((await failureOf(client.listPage('environments', {}))).message).toBe(
      'GET /v1/environments needs a solutionId: /v1/environments lists one solution at a time',
    );
    expect(sim.stats().requests).toBe(0);
  });
});

describe('governance client: validation of what comes back', () => {
  it('reports malformed items and keeps the good ones', async () => {
    sim.setFaults([{ path: '/v1/credentials', malformedItems: 2 }]);
    const page = await clientFor().client.listPage('credentials', { solutionId: 'sol-otc' });
    const all = otcCredentialIds();
    expect(page.items).toHaveLength(all.length - 2);
    expect(page.invalid).toHaveLength(2);
    for (const bad of page.invalid) {
      expect(bad).toEqual({ resource: 'credentials', index: all.indexOf(bad.id ?? ''), id: expect.any(String), issues: ['name: Expected string, received number'] });
    }
    expect([...page.items.map((credential) => credential.id), ...page.invalid.map((bad) => bad.id)].sort()).toEqual([...all].sort());
  });

  it('numbers malformed items across the whole listing', async () => {
    const all = otcCredentialIds();
    let credentialPages = 0;
    const client = clientFor({
      beforeRequest: ({ url: requestUrl }) => {
        if (requestUrl.includes('/v1/credentials') && ++credentialPages === 2) {
          sim.setFaults([{ path: '/v1/credentials', malformedItems: 2, times: 1 }]);
        }
      },
    }).client;
    const { items, invalid } = await client.listAll('credentials', { solutionId: 'sol-otc', limit: 2 });
    expect(invalid.map((bad) => [bad.index, bad.id])).toEqual([
      [2, all[2]],
      [3, all[3]],
    ]);
    expect(items.map((credential) => credential.id)).toEqual(all.filter((_, index) => index !== 2 && index !== 3));
  });

  it('names the field at fault, nested ones included', async () => {
    const environment = sim.data.environments.find((candidate) => candidate.id === 'env-otc-prod');
    if (!environment) throw new Error('seed changed');
    Object.assign(environment, { status: undefined, endpoints: [{ name: 'AS2', url: 443, protocol: 'AS2' }] });
    const page = await clientFor().client.listPage('environments', { solutionId: 'sol-otc' });
    expect(page.invalid).toEqual([
      { resource: 'environments', index: 2, id: 'env-otc-prod', issues: ['status: Required', 'endpoints.0.url: Expected string, received number'] },
    ]);
    expect(page.items.map((item) => item.id)).toEqual(['env-otc-dev', 'env-otc-test']);
  });

  it('keeps unknown enum values and unknown fields as they came', async () => {
    const environment = sim.data.environments.find((candidate) => candidate.id === 'env-fin-prod');
    if (!environment) throw new Error('seed changed');
    Object.assign(environment, { stage: 'disaster_recovery', region: 'eu-central' });
    const { items, invalid } = await clientFor().client.listAll('environments', { solutionId: 'sol-fin' });
    expect(invalid).toEqual([]);
    expect(items.find((item) => item.id === 'env-fin-test')?.status).toBe('partial_outage');
    expect(items.find((item) => item.id === 'env-fin-prod')).toMatchObject({ stage: 'disaster_recovery', region: 'eu-central' });
  });

  it('refuses a body that is not a list page', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 200, body: '{"data":[]}', contentType: 'application/json' }]);
    const error = await failureOf(clientFor().client.listPage('solutions'));
    expect(error.message).toBe('GET /v1/solutions answered a body that is not a list page: items: Required');
  });

  it('refuses an answer that is not JSON', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 200, body: '<html>Sign in</html>' }]);
    const error = await failureOf(clientFor().client.listPage('solutions'));
    expect(error.message).toBe('GET /v1/solutions answered something that is not JSON (text/html; charset=utf-8): <html>Sign in</html>');
  });
});

describe('governance client: retries and errors', () => {
  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    sim.setFaults([{ path: '/v1/environments', status: 429, retryAfterSeconds: 2, times: 1 }]);
    const { client, waits } = clientFor();
    const page = await client.listPage('environments', { solutionId: 'sol-log' });
    expect(page.items).toHaveLength(3);
    expect(waits).toEqual([2000]);
  });

  it('retries a 503 and returns the answer that follows', async () => {
    sim.setFaults([{ path: '/v1', status: 503, retryAfterSeconds: 1, times: 1 }]);
    const { client, waits } = clientFor();
    const page = await client.listPage('solutions');
    expect(page.items.map((solution) => solution.spaceKey)).toEqual(['OTC', 'LOG', null]);
    expect(waits).toEqual([1000]);
  });

  it('backs off exponentially with jitter when no Retry-After comes', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 502, times: 3 }]);
    const draws = [0.5, 0.5, 0.999];
    const { client, waits } = clientFor({ random: () => draws.shift() ?? 0 });
    await client.listPage('solutions');
    // Default policy: base 500 ms doubling; each wait drawn from [0, ceiling).
    expect(waits).toEqual([250, 500, 1998]);
  });

  it('gives up after maxAttempts with an error naming the operation', async () => {
    sim.setFaults([{ path: '/v1/environments', status: 503, retryAfterSeconds: 1 }]);
    const { client, waits } = clientFor({ maxAttempts: 3 });
    const error = await failureOf(client.listPage('environments', { solutionId: 'sol-otc' }));
    expect(error.message).toBe(
      'GET /v1/environments?solutionId=sol-otc failed (HTTP 503 Service Unavailable after 3 attempts): ' +
        'Service Unavailable: Simulated fault on GET /v1/environments.',
    );
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(waits).toEqual([1000, 1000]);
    expect(sim.stats().byPath['/v1/environments']).toBe(3);
  });

  it('turns a problem+json answer into a readable error, without retrying it', async () => {
    const { client } = clientFor();
    const error = await failureOf(client.listPage('failures', { solutionId: 'sol-otc', cursor: 'not-a-cursor' }));
    expect(error.message).toBe(
      'GET /v1/failures?solutionId=sol-otc&cursor=not-a-cursor failed (HTTP 400 Bad Request): ' +
        'Invalid query parameter: cursor: cursor is not one this server issued',
    );
    expect(error.problem).toMatchObject({ status: 400, title: 'Invalid query parameter: cursor', parameter: 'cursor' });
    expect(error.retryable).toBe(false);
    expect(sim.stats().byPath['/v1/failures']).toBe(1);
  });

  it('makes an HTML error page readable', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 500, body: '<html><head><style>h1{}</style></head><body><h1>500 Internal Server Error</h1><hr>nginx</body></html>' }]);
    const error = await failureOf(clientFor().client.listPage('solutions'));
    expect(error.message).toBe('GET /v1/solutions failed (HTTP 500 Internal Server Error): 500 Internal Server Error nginx');
    expect(error.problem).toBeNull();
  });

  it('says so when the backend cannot be reached', async () => {
    const gone = await startGovernanceSimulator();
    await gone.close();
    const { client, waits } = clientFor({ connection: { baseUrl: gone.url, clientId: 'sim-client', clientSecret: 'sim-secret' }, maxAttempts: 2 });
    const error = await failureOf(client.listPage('solutions'));
    expect(error.message).toMatch(/^POST \/oauth2\/token could not reach the governance backend: fetch failed: .*ECONNREFUSED.* \(after 2 attempts\)$/);
    expect(error).toMatchObject({ status: null, retryable: true });
    expect(waits).toHaveLength(1);
  });

  it('calls beforeRequest before every request, the token request and retries included', async () => {
    sim.setFaults([{ path: '/v1/solutions', status: 503, retryAfterSeconds: 1, times: 1 }]);
    const seen: string[] = [];
    const { client } = clientFor({ beforeRequest: ({ method, url: requestUrl }) => void seen.push(`${method} ${requestUrl.slice(url.length)}`) });
    await client.listPage('solutions');
    expect(seen).toEqual(['POST /oauth2/token', 'GET /v1/solutions', 'GET /v1/solutions']);
  });

  it('stops when beforeRequest throws, with its own error', async () => {
    const budgetSpent = new Error('egress budget for this minute is spent');
    let allowed = 1;
    const { client } = clientFor({
      beforeRequest: () => {
        if (allowed-- <= 0) throw budgetSpent;
      },
    });
    await expect(client.listPage('solutions')).rejects.toBe(budgetSpent);
    expect(sim.stats().byPath).toEqual({ '/oauth2/token': 1 });
  });
});

describe('governance client: base URL', () => {
  async function mountedUnder(prefix: string) {
    const server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      if (!path.startsWith(`${prefix}/`)) return void res.writeHead(404).end();
      req.url = path.slice(prefix.length);
      void sim.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      origin,
      close: () => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    };
  }

  it('accepts a trailing slash', async () => {
    const { client } = clientFor({ connection: { baseUrl: `${url}/`, clientId: sim.clientId, clientSecret: sim.clientSecret } });
    expect(await client.testConnection()).toEqual({ ok: true, solutions: 3 });
  });

  it.each(['/sim/governance', '/sim/governance/'])('works under a path prefix given as "%s"', async (suffix) => {
    const mounted = await mountedUnder('/sim/governance');
    try {
      const { client } = clientFor({ connection: { baseUrl: `${mounted.origin}${suffix}`, clientId: sim.clientId, clientSecret: sim.clientSecret } });
      const { items } = await client.listAll('maintenanceWindows', { solutionId: 'sol-log' });
      expect(items.map((window) => window.status)).toContain('in_progress');
      expect(sim.stats().byPath).toEqual({ '/oauth2/token': 1, '/v1/maintenance-windows': 1 });
    } finally {
      await mounted.close();
    }
  });

  it('reports a base URL that is not http(s) as a failed connection test', async () => {
    const { client } = clientFor({ connection: { baseUrl: 'governance.example.com', clientId: 'x', clientSecret: 'y' } });
    expect(await client.testConnection()).toEqual({ ok: false, message: 'the governance base URL "governance.example.com" is not an absolute URL' });
  });
});

describe('governance client: testConnection', () => {
  it('counts the solutions when the connection works', async () => {
    expect(await clientFor().client.testConnection()).toEqual({ ok: true, solutions: 3 });
  });

  it('explains what is wrong when the credentials are refused', async () => {
    const result = await clientFor({ connection: { baseUrl: url, clientId: 'someone-else', clientSecret: 'guess' } }).client.testConnection();
    expect(result).toEqual({ ok: false, message: expect.stringContaining('rejected the client credentials of client id "someone-else"') });
    expect(JSON.stringify(result)).not.toContain('guess');
  });
});
