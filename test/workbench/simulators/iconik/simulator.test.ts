import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../../../workbench/simulators/iconik/rateLimit';
import { startIconikSimulator, type IconikSimulator } from '../../../../workbench/simulators/iconik/simulator';

let clock = Date.parse('2026-11-22T10:00:00Z');
let url: string;
let sim: IconikSimulator;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ url, sim, close } = await startIconikSimulator({ seed: 3, assets: 120, now: () => new Date(clock) }));
});
afterAll(() => close());
beforeEach(() => sim.reset());

const auth = () => ({ 'App-ID': sim.appId, 'Auth-Token': sim.authToken });

async function get(path: string, headers: Record<string, string> = auth()) {
  const response = await fetch(`${url}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

async function post(path: string, body: unknown, headers: Record<string, string> = auth()) {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const search = (body: unknown, query = 'per_page=10') => post(`/API/search/v1/search/?${query}`, { doc_types: ['assets'], ...(body as object) });
const objects = (body: Record<string, unknown> | null) => (body?.objects ?? []) as Record<string, unknown>[];

describe('iconik simulator: the protocol', () => {
  it('refuses requests without a valid App-ID and Auth-Token with iconik\'s 401 body', async () => {
    const path = `/API/assets/v1/assets/${sim.assetId(0)}/`;
    const wrong: Record<string, string>[] = [{}, { 'App-ID': sim.appId }, { 'App-ID': sim.appId, 'Auth-Token': 'nope' }, { 'App-ID': 'other', 'Auth-Token': sim.authToken }];
    for (const headers of wrong) {
      expect(await get(path, headers)).toMatchObject({ status: 401, body: { errors: ['Token is invalid'] } });
    }
    expect((await get(path)).status).toBe(200);
  });

  it('redirects a path without its trailing slash (308, like Flask) and counts it as a client mistake', async () => {
    const answer = await get(`/API/assets/v1/assets/${sim.assetId(0)}?x=1`);
    expect(answer.status).toBe(308);
    expect(answer.headers.get('location')).toBe(`/API/assets/v1/assets/${sim.assetId(0)}/?x=1`);
    expect(sim.stats().missingSlash).toBe(1);
  });

  it('can answer 404 to a path without its trailing slash instead', async () => {
    const strict = await startIconikSimulator({ assets: 5, missingSlash: 'not-found' });
    try {
      const response = await fetch(`${strict.url}/API/files/v1/storages`, { headers: { 'App-ID': strict.sim.appId, 'Auth-Token': strict.sim.authToken } });
      expect(response.status).toBe(404);
    } finally {
      await strict.close();
    }
  });

  it('pages lists in the objects/page/pages envelope and answers 404 past the last page', async () => {
    const first = await get('/API/assets/v1/assets/?per_page=50&page=3');
    expect(first.body).toMatchObject({ page: 3, pages: 3, per_page: 50, total: 120, next_url: null });
    expect(objects(first.body)).toHaveLength(20);
    expect(await get('/API/assets/v1/assets/?per_page=50&page=4')).toMatchObject({ status: 404, body: { errors: ['Requested page does not exist'] } });
  });

  it('caps jobs and storages at 100 per page with a field error', async () => {
    expect(await get('/API/jobs/v1/jobs/?per_page=101')).toMatchObject({ status: 400, body: { errors: { per_page: ['Must be between 1 and 100.'] } } });
  });
});

describe('iconik simulator: search', () => {
  const sort = [{ name: 'date_modified', order: 'asc' }, { name: 'id', order: 'asc' }];

  it('sorts by date_modified then id, and gives each hit the _sort values to pass back as search_after', async () => {
    const first = await search({ sort });
    const hits = objects(first.body);
    const last = hits[hits.length - 1];
    expect(last?._sort).toEqual([Date.parse(String(last?.date_modified).replace('000+00:00', 'Z')), last?.id]);
    const next = await search({ sort, search_after: last?._sort });
    const all = await search({ sort }, 'per_page=20');
    expect([...hits, ...objects(next.body)].map((hit) => hit.id)).toEqual(objects(all.body).map((hit) => hit.id));
  });

  it('filters on a date_modified range', async () => {
    const order = sim.catalog().order;
    const min = new Date(sim.catalog().modifiedAt(order[100] ?? 0)).toISOString();
    const answer = await search({ sort, filter: { operator: 'AND', terms: [{ name: 'date_modified', range: { min } }] } }, 'per_page=50');
    expect(answer.body.total).toBe(20);
    expect(objects(answer.body)[0]?.id).toBe(sim.assetId(order[100] ?? 0));
  });

  it('moves a modified asset to the end and leaves a deleted one out', async () => {
    clock += 1000;
    const changed = sim.assetId(sim.catalog().order[0] ?? 0);
    const deleted = sim.assetId(sim.catalog().order[1] ?? 0);
    sim.modifyAsset(changed, { title: 'New title' });
    sim.deleteAsset(deleted);
    const all = objects((await search({ sort }, 'per_page=500')).body);
    expect(all).toHaveLength(119);
    expect(all[all.length - 1]).toMatchObject({ id: changed, title: 'New title' });
    expect(all.some((hit) => hit.id === deleted)).toBe(false);
    expect((await get(`/API/assets/v1/assets/${deleted}/`)).body).toMatchObject({ status: 'DELETED' });
  });

  it('refuses an id sort when switched off, with a field error like iconik\'s', async () => {
    sim.setSortById(false);
    expect(await search({ sort })).toMatchObject({ status: 400, body: { errors: { sort: [expect.stringMatching(/id/)] } } });
  });

  it('answers the same data for the same seed', async () => {
    const again = await startIconikSimulator({ seed: 3, assets: 120, now: () => new Date(clock) });
    try {
      const theirs = await fetch(`${again.url}/API/assets/v1/assets/?per_page=5`, { headers: auth() }).then((response) => response.json());
      const ours = (await get('/API/assets/v1/assets/?per_page=5')).body;
      expect(theirs).toEqual(ours);
    } finally {
      await again.close();
    }
  });
});

describe('iconik simulator: resources', () => {
  it('answers 404 for approvals never requested, and for metadata views without values', async () => {
    const catalog = sim.catalog();
    const none = catalog.order.find((index) => catalog.approval(index) === null) ?? 0;
    const empty = catalog.order.find((index) => catalog.fields(index) === null) ?? 0;
    expect((await get(`/API/assets/v1/assets/${sim.assetId(none)}/approvals/request/`)).status).toBe(404);
    expect((await get(`/API/metadata/v1/assets/${sim.assetId(empty)}/views/${sim.marketingViewId()}/`)).status).toBe(404);
  });

  it('lists FAILED jobs in a date_modified window, newest first, with steps', async () => {
    const from = new Date(clock - 20 * 86_400_000).toISOString();
    const to = new Date(clock).toISOString();
    const answer = await get(`/API/jobs/v1/jobs/?status=FAILED&date_modified=${from};${to}&per_page=100&sort=date_modified,desc`);
    const jobs = objects(answer.body);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((job) => job.status === 'FAILED' && Array.isArray(job.steps))).toBe(true);
  });

  it('lists storages with one FAILING, and the webhooks with their secret header', async () => {
    expect(objects((await get('/API/files/v1/storages/')).body).map((storage) => storage.status)).toContain('FAILING');
    expect(objects((await get('/API/notifications/v1/webhooks/')).body)[0]).toMatchObject({ status: 'ENABLED', headers: { [sim.webhookHeader]: sim.webhookSecret } });
  });
});

describe('iconik simulator: rate limit', () => {
  it('allows 1000 requests per 20 s window by default, then refuses until the window ends', () => {
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT });
    let last = limiter.check('token', 0);
    // 50 per second is the sustained rate: 1000 requests take the whole 20 s window.
    for (let k = 1; k < 1000; k++) last = limiter.check('token', k * 20);
    expect(last).toEqual({ allowed: true, remaining: 0, retryInMs: 0 });
    expect(limiter.check('token', 19_990)).toEqual({ allowed: false, remaining: 0, retryInMs: 10 });
    expect(limiter.check('other-token', 19_990).allowed).toBe(true);
    expect(limiter.check('token', 20_000).allowed).toBe(true);
  });

  it('answers 429 with Retry-After and RateLimit-Remaining 0 once a window is used up', async () => {
    sim.setRateLimit({ windowLimit: 20, perSecond: 100_000 });
    let remaining = '';
    for (let k = 0; k < 20; k++) remaining = (await get('/API/files/v1/storages/')).headers.get('ratelimit-remaining') ?? '';
    expect(remaining).toBe('0');
    clock += 5_000;
    const refused = await get('/API/files/v1/storages/');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: [expect.any(String)] });
    expect(refused.headers.get('retry-after')).toBe('15');
    clock += 15_000;
    expect((await get('/API/files/v1/storages/')).status).toBe(200);
    expect(sim.stats()).toMatchObject({ served429: 1, requests: 22 });
  });

  it('refuses more than 50 requests within a second, and can leave Retry-After out', async () => {
    sim.setRateLimit({ retryAfter: false });
    const statuses = [];
    for (let k = 0; k < 51; k++) statuses.push((await get('/API/files/v1/storages/')).status);
    const refused = await get('/API/files/v1/storages/');
    expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
    expect(statuses[50]).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(sim.stats().peakPerSecond).toBe(52);
  });

  it('counts each token on its own', async () => {
    const twoTokens = await startIconikSimulator({ assets: 1, extraTokens: ['second-token'], rateLimit: { windowLimit: 1 } });
    try {
      const call = (token: string) => fetch(`${twoTokens.url}/API/files/v1/storages/`, { headers: { 'App-ID': twoTokens.sim.appId, 'Auth-Token': token } }).then((response) => response.status);
      expect([await call(twoTokens.sim.authToken), await call(twoTokens.sim.authToken), await call('second-token')]).toEqual([200, 429, 200]);
    } finally {
      await twoTokens.close();
    }
  });
});

describe('iconik simulator: scale, admin and webhooks', () => {
  it('builds 100,000 assets quickly and compactly, and serves any of them', async () => {
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    sim.setScale(100_000);
    expect(Date.now() - started).toBeLessThan(10_000); // about 0.5 s on an idle machine
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    expect((await get(`/API/assets/v1/assets/${sim.assetId(99_999)}/`)).body).toMatchObject({ id: sim.assetId(99_999) });
    expect((await search({}, 'per_page=1')).body.total).toBe(100_000);
  });

  it('changes data through the admin API', async () => {
    const id = sim.assetId(0);
    clock += 60_000;
    const modified = await post(`/__admin/assets/${id}/modify`, { fields: { campaign: 'Brand Refresh' }, approval: 'APPROVED' }, {});
    expect(modified.body).toMatchObject({ id, date_modified: new Date(clock).toISOString().replace('Z', '000+00:00') });
    expect((await get(`/API/assets/v1/assets/${id}/approvals/request/`)).body).toMatchObject({ status: 'APPROVED' });
    const failed = await post('/__admin/jobs/fail', { assetId: id, type: 'TRANSFER', error: 'Disk full' }, {});
    expect(failed.body).toMatchObject({ type: 'TRANSFER', status: 'FAILED', error_message: 'Disk full' });
    expect((await post(`/__admin/assets/${id}/delete`, { purge: true }, {})).status).toBe(200);
    expect((await get(`/API/assets/v1/assets/${id}/`)).status).toBe(404);
    // Admin calls are not API traffic: only the two GETs count.
    expect((await get('/__admin/stats', {})).body).toMatchObject({ requests: 2 });
  });

  it('delivers a webhook like iconik does, with the secret custom header', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(202).end('queued');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const answer = await post('/__admin/webhook', { url: target, assetId: sim.assetId(2), operation: 'update', requestId: 'req-1' }, {});
      expect(answer.body).toMatchObject({ status: 202, body: 'queued' });
      expect(received[0]?.headers[sim.webhookHeader]).toBe(sim.webhookSecret);
      expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
        object_id: sim.assetId(2),
        event_type: 'assets',
        realm: 'entity',
        operation: 'update',
        request_id: 'req-1',
        system_domain_id: expect.any(String),
        user_id: expect.any(String),
        data: { id: sim.assetId(2) },
      });
      await sim.deliverWebhook({ url: target, objectId: sim.assetId(2), secret: null });
      expect(received[1]?.headers[sim.webhookHeader]).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
