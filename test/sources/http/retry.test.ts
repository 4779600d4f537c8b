import { backoffDelay, fetchWithRetry, NetworkError, type FetchLike } from '../../../src/sources/http/retry';

const URL = 'https://upstream.example/v1/things';

/** A fetch that answers from a script, one entry per call: a status (with headers) or an error to throw. */
function scriptedFetch(script: ({ status: number; headers?: Record<string, string>; body?: string } | Error)[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = script[Math.min(calls.length - 1, script.length - 1)];
    if (!next) throw new Error('script is empty');
    if (next instanceof Error) throw next;
    return new Response(next.body ?? `answer ${calls.length}`, { status: next.status, headers: next.headers });
  };
  return { fetch, calls };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const networkError = () => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });

describe('fetchWithRetry', () => {
  it('returns the first answer when it succeeds, without waiting', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 200 }]);
    const { waits, sleep } = recordingSleep();
    const { response, attempts } = await fetchWithRetry(URL, {}, { fetch, sleep });
    expect(response.status).toBe(200);
    expect(attempts).toBe(1);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it.each([429, 502, 503, 504])('retries a %i and returns the success that follows', async (status) => {
    const { fetch, calls } = scriptedFetch([{ status }, { status: 200 }]);
    const { sleep } = recordingSleep();
    const { response, attempts } = await fetchWithRetry(URL, {}, { fetch, sleep, random: () => 0.5 });
    expect(response.status).toBe(200);
    expect(attempts).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422, 500])('never retries a %i', async (status) => {
    const { fetch, calls } = scriptedFetch([{ status }, { status: 200 }]);
    const { waits, sleep } = recordingSleep();
    const { response, attempts } = await fetchWithRetry(URL, {}, { fetch, sleep });
    expect(response.status).toBe(status);
    expect(attempts).toBe(1);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    const { fetch } = scriptedFetch([{ status: 429, headers: { 'retry-after': '7' } }, { status: 200 }]);
    const { waits, sleep } = recordingSleep();
    await fetchWithRetry(URL, {}, { fetch, sleep, random: () => 0.99 });
    expect(waits).toEqual([7000]);
  });

  it('waits until a Retry-After HTTP-date, measured with the injected clock', async () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    const { fetch } = scriptedFetch([{ status: 503, headers: { 'retry-after': 'Sun, 22 Nov 2026 10:00:12 GMT' } }, { status: 200 }]);
    const { waits, sleep } = recordingSleep();
    await fetchWithRetry(URL, {}, { fetch, sleep, now: () => now });
    expect(waits).toEqual([12_000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const { fetch } = scriptedFetch([{ status: 429, headers: { 'retry-after': '3600' } }, { status: 200 }]);
    const { waits, sleep } = recordingSleep();
    await fetchWithRetry(URL, {}, { fetch, sleep, maxRetryAfterMs: 30_000 });
    expect(waits).toEqual([30_000]);
  });

  it('backs off exponentially with full jitter when there is no Retry-After', async () => {
    const { fetch } = scriptedFetch([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    const { waits, sleep } = recordingSleep();
    const draws = [0.5, 0.25, 0.75];
    await fetchWithRetry(URL, {}, { fetch, sleep, random: () => draws.shift() ?? 0, baseDelayMs: 100, maxDelayMs: 10_000 });
    // Ceilings 100, 200, 400 ms, each scaled by its draw.
    expect(waits).toEqual([50, 50, 300]);
  });

  it('never backs off longer than maxDelayMs, however many attempts', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 8_000 };
    const delays = Array.from({ length: 20 }, (_, i) => backoffDelay(i + 1, policy, () => 0.999_999));
    expect(Math.max(...delays)).toBeLessThan(8_000);
    expect(delays[0]).toBeLessThan(500);
    expect(delays.slice(0, 5)).toEqual([499, 999, 1999, 3999, 7999]);
  });

  it('gives up after maxAttempts and hands back the last answer', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 503, body: 'still down' }]);
    const { waits, sleep } = recordingSleep();
    const { response, attempts } = await fetchWithRetry(URL, {}, { fetch, sleep, maxAttempts: 3, random: () => 0 });
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('still down');
    expect(attempts).toBe(3);
    expect(calls).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('retries network errors, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch([networkError(), { status: 200 }]);
    const { sleep } = recordingSleep();
    const { response } = await fetchWithRetry(URL, {}, { fetch, sleep });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('reports a network error that outlasts every attempt with its cause', async () => {
    const { fetch, calls } = scriptedFetch([networkError()]);
    const { sleep } = recordingSleep();
    const failure = await fetchWithRetry(URL, {}, { fetch, sleep, maxAttempts: 2 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as NetworkError).attempts).toBe(2);
    expect((failure as NetworkError).message).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:9 (after 2 attempts)');
    expect(calls).toHaveLength(2);
  });

  it('abandons an attempt that does not answer in time and tries again', async () => {
    let call = 0;
    const fetch: FetchLike = (_url, init) => {
      call += 1;
      if (call === 1) {
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
      }
      return Promise.resolve(new Response('ok'));
    };
    const { response, attempts } = await fetchWithRetry(URL, {}, { fetch, sleep: async () => undefined, attemptTimeoutMs: 20 });
    expect(await response.text()).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('gives up on a fetch that ignores the abort signal and never answers', async () => {
    const fetch: FetchLike = () => new Promise<Response>(() => undefined);
    const failure = await fetchWithRetry(URL, {}, { fetch, sleep: async () => undefined, attemptTimeoutMs: 10, maxAttempts: 2 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as Error).message).toBe('no answer within 10 ms (after 2 attempts)');
  });

  it('does not retry when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user navigated away'));
    const { fetch, calls } = scriptedFetch([new Error('This operation was aborted'), { status: 200 }]);
    const failure = await fetchWithRetry(URL, { signal: controller.signal }, { fetch, sleep: async () => undefined }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(1);
  });

  it('calls beforeRequest before every attempt, retries included', async () => {
    const { fetch } = scriptedFetch([{ status: 502 }, { status: 502 }, { status: 200 }]);
    const seen: string[] = [];
    await fetchWithRetry(URL, { method: 'post' }, {
      fetch,
      sleep: async () => undefined,
      beforeRequest: ({ method, url }) => void seen.push(`${method} ${url}`),
    });
    expect(seen).toEqual([`POST ${URL}`, `POST ${URL}`, `POST ${URL}`]);
  });

  it('stops without sending when beforeRequest throws, and passes its error through', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 503 }, { status: 200 }]);
    const budgetSpent = new Error('egress budget spent');
    let allowed = 1;
    const failure = await fetchWithRetry(URL, {}, {
      fetch,
      sleep: async () => undefined,
      beforeRequest: () => {
        if (allowed-- <= 0) throw budgetSpent;
      },
    }).catch((error: unknown) => error);
    expect(failure).toBe(budgetSpent);
    expect(calls).toHaveLength(1);
  });
});
