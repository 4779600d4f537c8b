/**
 * The Canto simulator answers as the reference says Canto does (raw HTTP here, no client in between), and its
 * switches (scale, faults, admin changes, webhooks) do what the benches and tests rely on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCantoSimulator, startCantoSimulator, type CantoSimulator } from '../../../../workbench/simulators/canto/simulator';

const REFERENCE = new Date('2026-11-22T10:00:00Z');
let url: string;
let sim: CantoSimulator;
let close: () => Promise<void>;
let simNow = REFERENCE;

beforeAll(async () => {
  ({ url, sim, close } = await startCantoSimulator({ seed: 3, assets: 120, referenceTime: REFERENCE, now: () => simNow }));
});
afterAll(() => close());
beforeEach(() => {
  simNow = REFERENCE;
  sim.setScale(120);
  sim.reset();
  sim.setFaults([]);
});

async function token(compatible = false): Promise<Record<string, unknown>> {
  const path = compatible ? '/oauth/api/oauth2/compatible/token' : '/oauth/api/oauth2/token';
  const query = new URLSearchParams({ app_id: sim.appId, app_secret: sim.appSecret, grant_type: 'client_credentials' });
  const response = await fetch(`${url}${path}?${query}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> & { results?: Record<string, unknown>[] } }> {
  const { accessToken } = await token();
  const response = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${String(accessToken)}`, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : { text } };
}

describe('Canto simulator: auth', () => {
  it('issues camelCase tokens with expiresIn as a string, and snake_case ones on the compatible endpoint', async () => {
    expect(await token()).toEqual({ accessToken: expect.stringMatching(/^cnt_/), expiresIn: '2592000', tokenType: 'Bearer', refreshToken: expect.any(String) });
    expect(await token(true)).toEqual({ access_token: expect.any(String), expires_in: 2592000, token_type: 'Bearer', refresh_token: expect.any(String) });
  });

  it('refuses wrong app credentials and unknown refresh tokens', async () => {
    const wrong = await fetch(`${url}/oauth/api/oauth2/token?app_id=${sim.appId}&app_secret=nope&grant_type=client_credentials`, { method: 'POST' });
    expect(wrong.status).toBe(401);
    const refresh = await fetch(`${url}/oauth/api/oauth2/token?app_id=${sim.appId}&app_secret=${sim.appSecret}&grant_type=refresh_token&refresh_token=x`, { method: 'POST' });
    expect(refresh.status).toBe(400);
  });

  it('answers 404 without a token and 401 with an unknown one', async () => {
    expect((await fetch(`${url}/api/v1/search`)).status).toBe(404);
    const bad = await fetch(`${url}/api/v1/search`, { headers: { authorization: 'Bearer not-issued' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ errors: ['invalid token'] });
  });
});

describe('Canto simulator: search and detail', () => {
  it('answers the search envelope with values as strings and Canto dates', async () => {
    const { status, body } = await api('/api/v1/search?sortBy=time&sortDirection=ascending&start=0&limit=2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ found: 120, limit: 2, sortBy: 'time', sortDirection: 'ascending', facets: [] });
    const [asset] = body.results ?? [];
    expect(asset).toMatchObject({ size: expect.stringMatching(/^\d+$/), time: expect.stringMatching(/^\d{17}$/), created: expect.stringMatching(/^\d{17}$/) });
    expect(Object.keys(asset?.additional as object)).toEqual(expect.arrayContaining(['Campaign', 'Product Line', 'Region', 'Usage Rights']));
  });

  it('leaves `results` out when nothing matches', async () => {
    const { body } = await api('/api/v1/search?lastModified=20300101000000000..');
    expect(body).toEqual({ facets: [], limit: 100, found: 0, sortBy: 'time', sortDirection: 'descending' });
  });

  it('filters approval in lower case only, as Canto does', async () => {
    const approved = await api('/api/v1/search?approval=approved&limit=1000');
    expect(approved.body.found).toBeGreaterThan(0);
    expect(approved.body.results?.every((asset) => asset.approvalStatus === 'Approved')).toBe(true);
    expect((await api('/api/v1/search?approval=Approved')).body.found).toBe(0);
  });

  it('lists one scheme under its case-sensitive path, and sorts by name', async () => {
    const images = await api('/api/v1/image?sortBy=name&sortDirection=ascending&limit=1000');
    const names = images.body.results?.map((asset) => String(asset.name)) ?? [];
    expect(images.body.results?.every((asset) => asset.scheme === 'image')).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect((await api('/api/v1/Image')).status).toBe(404);
  });

  it('filters by lastModified range and pages with start/limit', async () => {
    const all = await api('/api/v1/search?sortBy=time&sortDirection=ascending&limit=1000');
    const times = all.body.results?.map((asset) => String(asset.time)) ?? [];
    expect(times).toEqual([...times].sort());
    const min = times[40] as string;
    const max = times[59] as string;
    const ranged = await api(`/api/v1/search?sortBy=time&sortDirection=ascending&lastModified=${min}..${max}&start=5&limit=10`);
    expect(ranged.body.found).toBe(20);
    expect(ranged.body.results?.map((asset) => asset.id)).toEqual(all.body.results?.slice(45, 55).map((asset) => asset.id));
  });

  it('refuses unreadable paging and ranges with a 400', async () => {
    expect((await api('/api/v1/search?limit=ten')).status).toBe(400);
    expect((await api('/api/v1/search?lastModified=2026-01-01..')).status).toBe(400);
    expect((await api('/api/v1/search?sortDirection=up')).status).toBe(400);
  });

  it('answers a detail, and 404 for the wrong scheme or a deleted asset', async () => {
    const id = sim.idAt(0);
    const scheme = String(sim.asset(id)?.scheme);
    expect((await api(`/api/v1/${scheme}/${id}`)).body).toMatchObject({ id, scheme });
    expect((await api(`/api/v1/${scheme === 'audio' ? 'video' : 'audio'}/${id}`)).status).toBe(404);
    sim.remove(id);
    expect((await api(`/api/v1/${scheme}/${id}`)).status).toBe(404);
  });

  it('answers batch/content with docResult and failed, and refuses more than 100 items', async () => {
    const id = sim.idAt(1);
    const refs = [{ id, scheme: String(sim.asset(id)?.scheme) }, { id: 'missing', scheme: 'image' }];
    const batch = await api('/api/v1/batch/content', { method: 'POST', body: JSON.stringify(refs), headers: { 'content-type': 'application/json' } });
    expect((batch.body.docResult as { id: string }[]).map((asset) => asset.id)).toEqual([id]);
    expect(batch.body.failed).toEqual([{ id: 'missing', scheme: 'image' }]);
    const tooMany = Array.from({ length: 101 }, () => refs[0]);
    const refused = await api('/api/v1/batch/content', { method: 'POST', body: JSON.stringify(tooMany) });
    expect(refused).toEqual({ status: 400, body: { errors: ['At most 100 items per request, got 101.'] } });
  });
});

describe('Canto simulator: switches', () => {
  it('moves a modified asset to the end of the time order with the new time', async () => {
    const id = sim.idAt(0);
    simNow = new Date('2026-11-22T11:00:00Z');
    const response = await fetch(`${url}/__admin/assets/${id}`, { method: 'POST', body: JSON.stringify({ approvalStatus: 'Restricted' }) });
    expect(await response.json()).toMatchObject({ id, approvalStatus: 'Restricted', time: '20261122110000000' });
    expect(sim.idAt(119)).toBe(id);
    await fetch(`${url}/__admin/assets/${id}`, { method: 'DELETE' });
    expect(sim.asset(id)).toBeNull();
    expect(sim.stats().assets).toBe(119);
  });

  it('fails the next N requests with the status and Retry-After asked for, then recovers', async () => {
    await fetch(`${url}/__admin/faults`, { method: 'POST', body: JSON.stringify([{ path: '/api/v1/search', status: 503, retryAfterSeconds: 7, times: 2 }]) });
    const { accessToken } = await token();
    const call = () => fetch(`${url}/api/v1/search`, { headers: { authorization: `Bearer ${String(accessToken)}` } });
    const first = await call();
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '7']);
    expect((await call()).status).toBe(503);
    expect((await call()).status).toBe(200);
    const stats = (await (await fetch(`${url}/__admin/stats`)).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ byPath: { '/api/v1/search': 3 }, byStatus: { '503': 2 } });
  });

  it('posts a Canto webhook body to a URL', async () => {
    const received: unknown[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const id = sim.idAt(2);
      const answer = await fetch(`${url}/__admin/webhook`, { method: 'POST', body: JSON.stringify({ url: target, id }) });
      expect(await answer.json()).toMatchObject({ delivered: 204 });
      expect(received).toEqual([
        { secure_token: sim.webhookToken, scheme: sim.asset(id)?.scheme, album: expect.stringMatching(/^alb-/), displayname: sim.asset(id)?.name, id },
      ]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('generates the same assets from the same seed', () => {
    const again = createCantoSimulator({ seed: 3, assets: 120, referenceTime: REFERENCE });
    expect(again.asset(again.idAt(77))).toEqual(sim.asset(sim.idAt(77)));
  });

  it('holds 100,000 assets in a few MB and serves a page from the end quickly', async () => {
    const before = process.memoryUsage().heapUsed;
    sim.setScale(100_000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
    const started = performance.now();
    const { body } = await api('/api/v1/search?sortBy=time&sortDirection=ascending&start=99900&limit=100');
    expect(body.found).toBe(100_000);
    expect(body.results).toHaveLength(100);
    expect(body.results?.[99]?.id).toBe(sim.idAt(99_999));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
