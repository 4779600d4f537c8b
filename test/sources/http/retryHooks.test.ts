import { fetchWithRetry, type FetchLike } from '../../../src/sources/http/retry';

const URL = 'https://upstream.example/API/assets/v1/assets/';

function scripted(answers: (Response | Error)[]): FetchLike {
  let call = 0;
  return async () => {
    const next = answers[Math.min(call++, answers.length - 1)];
    if (next instanceof Error) throw next;
    return next as Response;
  };
}

describe('fetchWithRetry hooks (pacing and rate-limit headers)', () => {
  it('awaits beforeAttempt before every attempt and shows every answer to onResponse', async () => {
    const events: string[] = [];
    await fetchWithRetry(URL, {}, {
      fetch: scripted([new Response('', { status: 429, headers: { 'ratelimit-remaining': '0' } }), new Response('ok', { status: 200, headers: { 'ratelimit-remaining': '7' } })]),
      sleep: async (ms) => void events.push(`sleep ${ms}`),
      random: () => 0.5,
      beforeAttempt: async ({ attempt }) => void events.push(`attempt ${attempt}`),
      onResponse: (response, { attempt }) => void events.push(`answer ${attempt}: ${response.status} remaining ${response.headers.get('ratelimit-remaining')}`),
    });
    expect(events).toEqual(['attempt 1', 'answer 1: 429 remaining 0', 'sleep 250', 'attempt 2', 'answer 2: 200 remaining 7']);
  });

  it('tells onRetry how long it will wait and whether Retry-After asked for it', async () => {
    const retries: unknown[] = [];
    await fetchWithRetry(URL, {}, {
      fetch: scripted([new Response('', { status: 429, headers: { 'retry-after': '3' } }), new TypeError('fetch failed'), new Response('ok')]),
      sleep: async () => undefined,
      random: () => 0.5,
      onRetry: ({ attempt, status, delayMs, retryAfterMs }) => void retries.push({ attempt, status, delayMs, retryAfterMs }),
    });
    expect(retries).toEqual([
      { attempt: 1, status: 429, delayMs: 3000, retryAfterMs: 3000 },
      { attempt: 2, status: null, delayMs: 500, retryAfterMs: undefined },
    ]);
  });
});
