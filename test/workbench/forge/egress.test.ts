import { startTestHost, type TestHost } from './helpers';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

describe('egress from handler code', () => {
  let test: TestHost;
  let server: http.Server;
  let loopbackUrl: string;
  const transported: string[] = [];

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    loopbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sim`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    transported.length = 0;
  });
  afterEach(async () => {
    await test.dispose();
  });

  const fetchFromResolver = async (url: string, times = 1) => {
    const result = await test.host.invokeResolver({ moduleKey: 'fixture-macro', functionKey: 'fetch', payload: { url, times }, extension: {}, accountId: null });
    if (!result.ok) throw new Error(result.error);
    return result.body as { statuses: number[]; error?: { name: string; message: string } };
  };

  const stubTransport: typeof fetch = async (input) => {
    transported.push(String(input));
    return new Response('stub', { status: 200 });
  };

  it('lets handlers reach declared hosts (wildcards too), loopback simulators and the workbench origin', async () => {
    test = await startTestHost({ egressTransport: stubTransport });
    expect(await fetchFromResolver('https://api.fixture.example/v1/solutions')).toEqual({ statuses: [200] });
    expect(await fetchFromResolver('https://eu.wild.example/x')).toEqual({ statuses: [200] });
    expect(transported).toEqual(['https://api.fixture.example/v1/solutions', 'https://eu.wild.example/x']);
    expect(await fetchFromResolver(loopbackUrl)).toEqual({ statuses: [200] });
    expect(transported).toHaveLength(2); // the simulator on loopback went over the real network
  });

  it('refuses undeclared hosts with the @forge/api error', async () => {
    test = await startTestHost({ egressTransport: stubTransport });
    const result = await fetchFromResolver('https://evil.example.org/steal');
    expect(result.error).toEqual({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR', message: expect.stringContaining('URL not included in the external fetch backend permissions: https://evil.example.org/steal') });
    expect(await fetchFromResolver('http://api.fixture.example/plain-http')).toMatchObject({ error: { name: 'REQUEST_EGRESS_ALLOWLIST_ERR' } });
    expect(transported).toEqual([]);
  });

  it('answers the 101st request in one runtime minute with 429 FETCH_LIMIT_EXCEEDED, and resets the next minute', async () => {
    let now = Date.UTC(2026, 10, 3);
    test = await startTestHost({ now: () => now });
    const result = await fetchFromResolver(loopbackUrl, 101);
    expect(result.statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
    expect(result.statuses[100]).toBe(429);

    // A fresh invocation has a fresh budget; within one, the budget renews each runtime minute.
    const again = await fetchFromResolver(loopbackUrl, 1);
    expect(again.statuses).toEqual([200]);
    now += 61_000;
    expect((await fetchFromResolver(loopbackUrl, 1)).statuses).toEqual([200]);
  });

  it('gives each of two concurrent invocations its own 100-request budget', async () => {
    test = await startTestHost({ now: () => Date.UTC(2026, 10, 3) });
    const [first, second] = await Promise.all([fetchFromResolver(loopbackUrl, 100), fetchFromResolver(loopbackUrl, 100)]);
    expect(first.statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(second.statuses.filter((status) => status === 200)).toHaveLength(100);
  });

  it('leaves fetch outside invocations alone', async () => {
    test = await startTestHost({ egressTransport: stubTransport });
    const response = await fetch(loopbackUrl);
    expect(await response.text()).toBe('ok');
    expect(transported).toEqual([]);
  });
});
