import {
  createIconikClient,
  IconikApiError,
  type IconikAsset,
  type IconikClientOptions,
} from '../../../src/sources/iconik/client';
import type { FetchLike } from '../../../src/sources/http/retry';
import { startIconikSimulator, type IconikSimulator } from '../../../workbench/simulators/iconik/simulator';

const START = Date.parse('2026-11-22T10:00:00Z');
const DAY = 86_400_000;
let clock = START;
let url: string;
let sim: IconikSimulator;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ url, sim, close } = await startIconikSimulator({ seed: 42, assets: 300, now: () => new Date(clock) }));
});
afterAll(() => close());
beforeEach(() => sim.reset());

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
}

/** A client on the shared fake clock: its sleeps move the clock, so the simulator's rate-limit windows pass too. */
function clientFor(overrides: Partial<IconikClientOptions> = {}) {
  const waits: number[] = [];
  const calls: Call[] = [];
  const recordingFetch: FetchLike = (target, init) => {
    calls.push({ url: target, method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } });
    return fetch(target, init);
  };
  const client = createIconikClient({
    connection: { baseUrl: url, appId: sim.appId, authToken: sim.authToken },
    fetch: recordingFetch,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, waits, calls };
}

async function failureOf(promise: Promise<unknown>): Promise<IconikApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof IconikApiError)) throw new Error(`expected an IconikApiError, got ${String(error)}`);
  return error;
}

async function readAll(client: ReturnType<typeof clientFor>['client'], perPage: number, since: Date | null = null, between?: (page: number) => void) {
  const assets: IconikAsset[] = [];
  let searchAfter: unknown[] | null = null;
  for (let page = 1; page < 500; page++) {
    const result = await client.searchModified({ since, searchAfter, perPage });
    assets.push(...result.assets);
    if (result.nextSearchAfter === null) return assets;
    searchAfter = result.nextSearchAfter;
    between?.(page);
  }
  throw new Error('search never ended');
}

const catalog = () => sim.catalog();
const liveIds = () => catalog().order.map((index) => catalog().assetId(index));
const times = (assets: IconikAsset[]) => assets.map((asset) => Date.parse(asset.date_modified.replace('000+00:00', 'Z')));
/** A position in search order whose asset has the same date_modified as the one before it (seeded bulk updates). */
const tiePosition = () => {
  const order = catalog().order;
  const position = order.findIndex((index, at) => at > 0 && catalog().modifiedAt(order[at - 1] ?? 0) === catalog().modifiedAt(index));
  if (position <= 0) throw new Error('the seeded data has no tie');
  return position;
};
const indexWhere = (predicate: (index: number) => boolean) => {
  const index = catalog().order.find(predicate);
  if (index === undefined) throw new Error('no asset in the seeded data matches');
  return index;
};

describe('iconik client: requests', () => {
  it('sends the App-ID and Auth-Token headers with every request', async () => {
    const { client, calls } = clientFor();
    const id = sim.assetId(0);
    await client.searchModified({ since: null, searchAfter: null, perPage: 5 });
    await client.getAsset(id);
    await client.getApproval(id);
    await client.listHistory(id);
    expect(calls).toHaveLength(4);
    for (const call of calls) expect(call.headers).toMatchObject({ 'App-ID': sim.appId, 'Auth-Token': sim.authToken, accept: 'application/json' });
    expect(sim.stats().unauthorized).toBe(0);
  });

  it('ends every path with exactly one slash, so iconik never has to redirect', async () => {
    const { client, calls } = clientFor();
    const id = sim.assetId(1);
    await client.searchModified({ since: null, searchAfter: null, perPage: 5 });
    await Promise.all([
      client.getAsset(id),
      client.getApproval(id),
      client.listHistory(id),
      client.getMetadata(id, sim.marketingViewId()),
      client.listFailedJobs({ since: null, page: 1 }),
      client.listStorages(),
      client.getUser(catalog().userId(0)),
    ]);
    for (const call of calls) {
      const { pathname } = new URL(call.url);
      expect(pathname).toMatch(/^\/API\/[a-z]+\/v1\/.*[^/]\/$/);
      expect(pathname).not.toContain('//');
    }
    expect(sim.stats().missingSlash).toBe(0);
  });

  it('works under a base URL with a path prefix and a trailing slash (the workbench mounts iconik at /sim/iconik/)', async () => {
    const { client, calls } = clientFor({ connection: { baseUrl: `${url}/`, appId: sim.appId, authToken: sim.authToken } });
    expect(await client.getAsset(sim.assetId(2))).toMatchObject({ id: sim.assetId(2) });
    expect(new URL(calls[0]?.url ?? '').pathname).toBe(`/API/assets/v1/assets/${sim.assetId(2)}/`);
  });
});

describe('iconik client: searching modified assets', () => {
  it('reads every asset exactly once, oldest modification first, page after page with search_after', async () => {
    const { client, calls } = clientFor();
    const assets = await readAll(client, 50);
    expect(assets.map((asset) => asset.id).sort()).toEqual(liveIds().sort());
    expect(new Set(assets.map((asset) => asset.id)).size).toBe(assets.length);
    const modified = times(assets);
    expect(modified).toEqual([...modified].sort((a, b) => a - b));
    // 300 assets in pages of 50, and one more request that finds nothing.
    expect(calls).toHaveLength(7);
    const bodies = calls.map((call) => call.url);
    expect(bodies.every((target) => target.endsWith('/API/search/v1/search/?per_page=50'))).toBe(true);
  });

  it('keeps assets that share a date_modified across a page boundary (id is the tiebreaker)', async () => {
    const { client } = clientFor();
    const assets = await readAll(client, tiePosition()); // the first page ends between two assets of the same time
    expect(new Set(assets.map((asset) => asset.id))).toEqual(new Set(liveIds()));
  });

  it('asks only for assets modified since the watermark', async () => {
    const since = new Date(catalog().modifiedAt(catalog().order[250] ?? 0));
    const { client } = clientFor();
    const first = await client.searchModified({ since, searchAfter: null, perPage: 100 });
    const expected = catalog().order.filter((index) => catalog().modifiedAt(index) >= since.getTime());
    expect(first.total).toBe(expected.length);
    expect(first.assets.map((asset) => asset.id)).toEqual(expected.map((index) => catalog().assetId(index)));
    expect(first.nextSearchAfter).toBeNull();
  });

  it('loses nothing when assets change while the pages are being read', async () => {
    const { client } = clientFor();
    const before = liveIds();
    const alreadyRead = before[10] ?? '';
    const notYetRead = before[200] ?? '';
    const assets = await readAll(client, 50, null, (page) => {
      if (page !== 2) return;
      clock += 60_000;
      sim.modifyAsset(alreadyRead, { title: 'Renamed while the sync ran' });
      sim.modifyAsset(notYetRead, { fields: { campaign: 'Moved to Holiday Glow' } });
    });
    expect(new Set(assets.map((asset) => asset.id))).toEqual(new Set(before));
    // Both changes come round again at the end, with their new date_modified.
    const lastTwo = assets.slice(-2);
    expect(lastTwo.map((asset) => asset.id).sort()).toEqual([alreadyRead, notYetRead].sort());
    expect(lastTwo.find((asset) => asset.id === alreadyRead)?.title).toBe('Renamed while the sync ran');
    expect(lastTwo.find((asset) => asset.id === notYetRead)?.metadata).toMatchObject({ campaign: ['Moved to Holiday Glow'] });
  });

  it('falls back to date_modified alone when iconik refuses to sort by id, and still loses none of the tied assets', async () => {
    sim.setSortById(false);
    const { client } = clientFor();
    const assets = await readAll(client, tiePosition()); // the first page ends inside a group of assets with one time
    expect(new Set(assets.map((asset) => asset.id))).toEqual(new Set(liveIds()));
    // iconik refused the id sort once; the client remembered and did not ask again.
    expect(sim.stats().byStatus['400']).toBe(1);
  });

  it('treats 404 "Requested page does not exist" as the end of the list', async () => {
    sim.setFaults([{ path: '/API/search', status: 404, body: '{"errors":["Requested page does not exist"]}', contentType: 'application/json', times: 1 }]);
    const { client } = clientFor();
    expect(await client.searchModified({ since: null, searchAfter: [Date.now(), 'z'], perPage: 50 })).toEqual({
      assets: [],
      invalid: [],
      total: 0,
      nextSearchAfter: null,
    });
  });

  it('reports a malformed asset by its position and id, keeps the rest of the page and carries on paging', async () => {
    sim.setFaults([{ path: '/API/search', malformedItems: 1, times: 1 }]);
    const { client } = clientFor();
    const page = await client.searchModified({ since: null, searchAfter: null, perPage: 20 });
    expect(page.assets).toHaveLength(19);
    expect(page.invalid).toEqual([{ index: expect.any(Number), id: expect.any(String), problem: expect.stringMatching(/^date_modified: /) }]);
    expect(page.nextSearchAfter).not.toBeNull();
    const next = await client.searchModified({ since: null, searchAfter: page.nextSearchAfter, perPage: 20 });
    expect(next.assets[0]?.id).toBe(liveIds()[20]);
  });
});

describe('iconik client: one asset and what belongs to it', () => {
  it('reads an asset, reports a deleted one with status DELETED, and answers null for one iconik does not know', async () => {
    const { client } = clientFor();
    const [kept, deleted, purged] = [sim.assetId(3), sim.assetId(4), sim.assetId(5)];
    sim.deleteAsset(deleted);
    sim.deleteAsset(purged, { purge: true });
    expect(await client.getAsset(kept)).toMatchObject({ id: kept, status: 'ACTIVE' });
    expect(await client.getAsset(deleted)).toMatchObject({ id: deleted, status: 'DELETED', date_deleted: expect.any(String) });
    expect(await client.getAsset(purged)).toBeNull();
    expect(await client.getAsset('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('reads the approval request, and null (no approval requested) when iconik answers 404', async () => {
    const approved = indexWhere((index) => catalog().approval(index)?.status === 'MIXED');
    const none = indexWhere((index) => catalog().approval(index) === null);
    const { client } = clientFor();
    const approval = await client.getApproval(catalog().assetId(approved));
    expect(approval).toMatchObject({ status: 'MIXED', approvals_by: [{ status: 'APPROVED' }, { status: 'NOT_APPROVED' }] });
    expect(await client.getApproval(catalog().assetId(none))).toBeNull();
  });

  it('reads the history newest first and names each user, fetching every user only once', async () => {
    const busy = indexWhere((index) => catalog().history(index).length >= 4);
    const { client } = clientFor();
    const { entries, pages } = await client.listHistory(catalog().assetId(busy));
    expect(pages).toBe(1);
    const created = entries.map((entry) => entry.date_created ?? '');
    expect(created).toEqual([...created].sort().reverse());
    const ids = entries.map((entry) => entry.user_id ?? '');
    const names = await client.userNames(ids);
    await client.userNames(ids);
    const distinct = new Set(ids).size;
    expect(names.size).toBe(distinct);
    expect([...names.values()].every((name) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name))).toBe(true);
    expect(sim.stats().byRoute['GET /API/users/v1/users/{id}/']).toBe(distinct);
  });

  it('pages through a long history and answers an empty page past the end instead of failing', async () => {
    const busy = indexWhere((index) => catalog().history(index).length >= 5);
    const { client } = clientFor();
    const id = catalog().assetId(busy);
    const first = await client.listHistory(id, { page: 1, perPage: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.pages).toBe(Math.ceil(catalog().history(busy).length / 2));
    expect(await client.listHistory(id, { page: first.pages + 1, perPage: 2 })).toEqual({ entries: [], invalid: [], pages: first.pages });
  });

  it('reads a metadata view as field => values, and a 404 as "no values"', async () => {
    const withValues = indexWhere((index) => catalog().fields(index)?.campaign != null);
    const without = indexWhere((index) => catalog().fields(index) === null);
    const { client } = clientFor();
    const values = await client.getMetadata(catalog().assetId(withValues), sim.marketingViewId());
    expect(values?.campaign).toEqual([catalog().fields(withValues)?.campaign]);
    expect(await client.getMetadata(catalog().assetId(without), sim.marketingViewId())).toBeNull();
  });

  it('answers null for a user iconik does not know, and remembers it', async () => {
    const { client } = clientFor();
    const stranger = '11111111-2222-4333-8444-555555555555';
    expect(await client.getUser(stranger)).toBeNull();
    expect(await client.getUser(stranger)).toBeNull();
    expect((await client.userNames([stranger])).size).toBe(0);
    expect(sim.stats().byRoute['GET /API/users/v1/users/{id}/']).toBe(1);
  });
});

describe('iconik client: failed jobs and storages', () => {
  it('lists FAILED jobs of the window, newest first, with their steps and errors, transfers included', async () => {
    const since = new Date(clock - 30 * DAY);
    const until = new Date(clock);
    const { client, calls } = clientFor();
    const jobs = [];
    for (let page: number | null = 1; page !== null; ) {
      const result = await client.listFailedJobs({ since, until, page, perPage: 10 });
      jobs.push(...result.jobs);
      expect(result.invalid).toEqual([]);
      page = result.nextPage;
    }
    const expected = catalog().jobs.filter((job) => job.status === 'FAILED' && job.modifiedAt >= since.getTime() && job.modifiedAt <= until.getTime());
    expect(jobs).toHaveLength(expected.length);
    expect(jobs.every((job) => job.status === 'FAILED')).toBe(true);
    expect(jobs.some((job) => job.type === 'TRANSFER')).toBe(true);
    const modified = jobs.map((job) => job.date_modified ?? '');
    expect(modified).toEqual([...modified].sort().reverse());
    for (const job of jobs) expect(job.steps?.find((step) => step.status === 'FAILED')?.error_message).toBeTruthy();
    const query = new URL(calls[0]?.url ?? '').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      status: 'FAILED',
      date_modified: `${since.toISOString()};${until.toISOString()}`,
      per_page: '10',
      page: '1',
      sort: 'date_modified,desc',
    });
  });

  it('finds a job that just failed on the first page', async () => {
    const { client } = clientFor();
    clock += 1000;
    const failed = sim.failJob(sim.assetId(7), { type: 'TRANSFER', error: 'Access denied writing to s3://media-archive/ (403)' });
    const { jobs } = await client.listFailedJobs({ since: new Date(clock - DAY), page: 1 });
    expect(jobs[0]).toMatchObject({ id: failed?.id, type: 'TRANSFER', object_id: sim.assetId(7), error_message: expect.stringContaining('Access denied') });
  });

  it('reports storages with their status, and drops their settings (credentials) on read', async () => {
    const { client } = clientFor();
    const { storages, invalid } = await client.listStorages();
    expect(invalid).toEqual([]);
    expect(storages.map((storage) => storage.status)).toContain('FAILING');
    expect(storages.find((storage) => storage.status === 'FAILING')?.status_message).toMatch(/Connection refused/);
    for (const storage of storages) expect(storage).not.toHaveProperty('settings');
  });
});

describe('iconik client: errors', () => {
  it('says what failed, with iconik\'s own message, and never the auth token', async () => {
    const token = 'not-the-right-token-1234567890';
    const { client } = clientFor({ connection: { baseUrl: url, appId: sim.appId, authToken: token } });
    const id = sim.assetId(0);
    const error = await failureOf(client.getApproval(id));
    expect(error.message).toMatch(new RegExp(`^iconik approvals for asset ${id} failed: 401 Token is invalid`));
    expect(error).toMatchObject({ status: 401, errors: ['Token is invalid'], retryable: false });
    expect(error.message).not.toContain(token);
  });

  it('reads field errors: {"errors": {"field": [...]}}', async () => {
    sim.setFaults([{ path: '/API/jobs', status: 400, body: '{"errors":{"date_modified":["Not a valid range."],"per_page":["Too big."]}}', contentType: 'application/json' }]);
    const error = await failureOf(clientFor().client.listFailedJobs({ since: null, page: 1 }));
    expect(error.message).toBe('iconik failed jobs (page 1) failed: 400 date_modified: Not a valid range.; per_page: Too big.');
    expect(error.errors).toEqual(['date_modified: Not a valid range.', 'per_page: Too big.']);
  });

  it('reads an HTML page from a proxy, after retrying a 502', async () => {
    sim.setFaults([{ path: '/API/assets', status: 502, body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>' }]);
    const { client, waits } = clientFor();
    const error = await failureOf(client.getAsset(sim.assetId(0)));
    expect(error.message).toBe(`iconik asset ${sim.assetId(0)} failed: 502 502 Bad Gateway nginx (after 6 attempts)`);
    expect(error.retryable).toBe(true);
    expect(waits.filter((wait) => wait >= 500)).toEqual([500, 1000, 2000, 4000, 5000]);
  });

  it('removes the auth token even when an error page echoes it', async () => {
    sim.setFaults([{ path: '/API/assets', status: 400, body: `{"errors":["Bad header Auth-Token: ${sim.authToken}"]}`, contentType: 'application/json' }]);
    const error = await failureOf(clientFor().client.getAsset(sim.assetId(0)));
    expect(error.message).not.toContain(sim.authToken);
    expect(error.message).toContain('Bad header Auth-Token: ***');
    expect(JSON.stringify(error.errors)).not.toContain(sim.authToken);
  });

  it('turns an unreachable iconik into a retryable error that says so', async () => {
    const { client } = clientFor({ connection: { baseUrl: 'http://127.0.0.1:9', appId: 'a', authToken: 'b' }, maxAttempts: 2 });
    const error = await failureOf(client.getAsset('x'));
    expect(error.message).toMatch(/^iconik asset x failed: could not reach iconik: /);
    expect(error.retryable).toBe(true);
  });

  it('tests the connection: the asset count when it works, the reason when it does not', async () => {
    expect(await clientFor().client.testConnection()).toEqual({ ok: true, detail: 'Connected to iconik: 300 assets.' });
    const wrong = clientFor({ connection: { baseUrl: url, appId: sim.appId, authToken: 'wrong-token-abcdef' } }).client;
    const answer = await wrong.testConnection();
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/401 Token is invalid/) });
    expect(JSON.stringify(answer)).not.toContain('wrong-token-abcdef');
  });
});

describe('iconik client: rate limit', () => {
  it('waits as long as Retry-After says after a 429, then carries on', async () => {
    sim.setRateLimit({ windowLimit: 5, windowMs: 20_000, retryAfter: true });
    const { client, waits } = clientFor();
    for (let k = 0; k < 6; k++) expect(await client.getAsset(sim.assetId(k))).not.toBeNull();
    expect(sim.stats().served429).toBe(1);
    expect(waits.filter((wait) => wait >= 1000)).toEqual([20_000]);
    expect(client.rateLimitStats()).toMatchObject({ requests: 7, received429: 1, throttledMs: expect.any(Number) });
    expect(client.rateLimitStats().throttledMs).toBeGreaterThanOrEqual(20_000);
  });

  it('backs off with jitter when iconik sends no Retry-After, until the window passes', async () => {
    sim.setRateLimit({ windowLimit: 5, windowMs: 2_000, retryAfter: false });
    const { client, waits } = clientFor();
    for (let k = 0; k < 6; k++) expect(await client.getAsset(sim.assetId(k))).not.toBeNull();
    // Full jitter with random() = 0.5: half of 1 s, 2 s, 4 s.
    expect(waits.filter((wait) => wait >= 500)).toEqual([500, 1000, 2000]);
    expect(client.rateLimitStats().received429).toBe(3);
  });

  it('spaces its requests 20 ms apart at 50 per second, so the simulator never refuses one', async () => {
    const { client, waits } = clientFor();
    const started = clock;
    for (let k = 0; k < 60; k++) await client.getAsset(sim.assetId(k));
    expect(sim.stats().served429).toBe(0);
    expect(waits.every((wait) => wait === 20)).toBe(true);
    expect(clock - started).toBe(59 * 20);
    expect(sim.stats().peakPerSecond).toBeLessThanOrEqual(50);
  });

  it('slows down when RateLimit-Remaining runs low, instead of running into 429s', async () => {
    sim.setRateLimit({ windowLimit: 14, windowMs: 20_000 });
    const { client, waits } = clientFor();
    for (let k = 0; k < 14; k++) await client.getAsset(sim.assetId(k));
    expect(sim.stats().served429).toBe(0);
    // Remaining 13, 12, ... 10 keep 20 ms; below 10 (a fifth of 50/s) the spacing doubles, at 0 it would quadruple.
    expect(waits).toEqual([20, 20, 20, 20, 20, 40, 40, 40, 40, 40, 40, 40, 40]);
    expect(client.rateLimitStats().lastRemaining).toBe(0);
  });
});
