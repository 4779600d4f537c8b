import { startTestHost, type TestHost } from './helpers';
import { Queue, PayloadTooBigError, TooManyEventsError, InvalidPushSettingsError, InternalServerError } from '@forge/events';
import { kvs } from '@forge/kvs';

describe('async events through the real @forge/events Queue', () => {
  let test: TestHost;
  beforeEach(async () => {
    test = await startTestHost();
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('delivers a pushed event to the consumer with its body, ids and queue name', async () => {
    const { jobId } = await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'hello' } });
    expect(test.host.queues.pending()).toHaveLength(1);
    expect(test.host.kvs.keys('delivery:')).toEqual([]); // nothing runs inside push

    const result = await test.host.queues.drain();

    expect(result).toEqual({ delivered: 1, retried: 0, failed: 0, deadLetters: [] });
    expect(test.host.kvs.get('delivery:hello:0')).toEqual({ eventId: expect.any(String), retryContext: null });
    expect(await new Queue({ key: 'fixture-queue' }).getStats(jobId)).toEqual({ success: 1, failed: 0, inProgress: 0 });
  });

  it('rejects 51 events and pushes over 200 KB, as Forge does', async () => {
    const queue = new Queue({ key: 'fixture-queue' });
    const events = Array.from({ length: 51 }, (_, i) => ({ body: { label: `e${i}` } }));
    await expect(queue.push(events)).rejects.toBeInstanceOf(TooManyEventsError);
    await expect(queue.push({ body: { label: 'big', pad: 'x'.repeat(201 * 1024) } })).rejects.toBeInstanceOf(PayloadTooBigError);
    await expect(queue.push({ body: { label: 'late' }, delayInSeconds: 901 })).rejects.toBeInstanceOf(InvalidPushSettingsError);
    expect(test.host.queues.pending()).toEqual([]);
  });

  it('enforces the push limits on the service side too', async () => {
    const publish = (payload: unknown[]) =>
      test.host.queues.handleApi('/webhook/queue/publish/x/y/z/1', { method: 'POST', body: JSON.stringify({ queueName: 'fixture-queue', jobId: 'j1', payload }) });
    expect((await publish(Array.from({ length: 51 }, () => ({ body: {} })))).status).toBe(400);
    expect((await publish([{ body: { pad: 'x'.repeat(201 * 1024) } }])).status).toBe(413);
    const partial = await publish([{ body: {} }, { body: {}, delayInSeconds: 901 }]);
    expect(partial.status).toBe(202);
    expect(await partial.json()).toEqual({ failedEvents: [{ index: 1, errorMessage: expect.stringContaining('900') }] });
  });

  it('answers a push to a queue nobody consumes with an error', async () => {
    await expect(new Queue({ key: 'nobody-listens' }).push({ body: { label: 'lost' } })).rejects.toBeInstanceOf(InternalServerError);
  });

  it('redelivers after a thrown error with an increasing retryCount', async () => {
    await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'flaky', failTimes: 2 } });

    const result = await test.host.queues.drain();

    expect(result).toMatchObject({ delivered: 1, retried: 2, failed: 0 });
    expect(test.host.kvs.get('delivery:flaky:1')).toMatchObject({ retryContext: { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' } });
    expect(test.host.kvs.get('delivery:flaky:2')).toMatchObject({ retryContext: { retryCount: 2 } });
  });

  it('gives up after 4 retries and reports the event as a dead letter', async () => {
    await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'doomed', failTimes: 99 } });

    const result = await test.host.queues.drain();

    expect(result).toMatchObject({ delivered: 0, retried: 4, failed: 1 });
    expect(result.deadLetters).toEqual([expect.objectContaining({ attempts: 5, error: 'fail 4', event: expect.objectContaining({ body: { label: 'doomed', failTimes: 99 } }) })]);
    expect(test.host.kvs.keys('delivery:doomed:')).toHaveLength(5);
    expect(test.host.queues.pending()).toEqual([]);
  });

  it('honours a returned InvocationError: reason, retryData and retryAfter', async () => {
    const pushedAt = Date.UTC(2026, 10, 2, 12);
    await test.dispose();
    test = await startTestHost({ now: () => pushedAt });
    await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'polite', askForRetry: true } });
    expect(await test.host.queues.drain({ maxDeliveries: 1 })).toMatchObject({ delivered: 0, retried: 1 });
    expect(test.host.queues.pending()).toEqual([expect.objectContaining({ attempt: 1, dueAt: new Date(pushedAt + 30_000).toISOString() })]);

    await test.host.queues.drain();
    expect(test.host.kvs.get('delivery:polite:1')).toMatchObject({
      retryContext: { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 'page-2' } },
    });
  });

  it('delivers events pushed by a resolver during drain, and delivers in the background when enabled', async () => {
    await test.host.invokeResolver({ moduleKey: 'fixture-macro', functionKey: 'push', payload: { label: 'from-resolver' }, extension: {}, accountId: 'u1' });
    expect((await test.host.queues.drain()).delivered).toBe(1);

    test.host.queues.startBackground();
    await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'background' } });
    await waitFor(() => test.host.kvs.get('delivery:background:0') !== undefined);
    expect(test.host.queues.pending()).toEqual([]);
  });

  describe('concurrent delivery, as Forge delivers', () => {
    // The fixture consumer counts its deliveries in flight on this global (it is loaded once per test file).
    const inFlight = () => ((globalThis as Record<string, unknown>).__fixtureInFlight ??= {}) as Record<string, { now: number; peak: number }>;
    beforeEach(() => {
      for (const group of Object.keys(inFlight())) delete inFlight()[group];
    });

    it('delivers up to the host maximum at once, and every event exactly once', async () => {
      await test.dispose();
      test = await startTestHost({ queueConcurrency: 4 });
      const events = Array.from({ length: 12 }, (_, i) => ({ body: { label: `p${i}`, holdMs: 30, group: 'all' } }));
      await new Queue({ key: 'fixture-queue' }).push(events);

      const result = await test.host.queues.drain();

      expect(result).toMatchObject({ delivered: 12, failed: 0 });
      expect(inFlight().all?.peak).toBe(4);
      expect(test.host.queues.peakConcurrency()).toBe(4);
      expect(test.host.kvs.keys('delivery:p')).toHaveLength(12);
    });

    it('keeps a concurrency key within its limit while other events run beside it', async () => {
      const queue = new Queue({ key: 'fixture-queue' });
      await queue.push(Array.from({ length: 6 }, (_, i) => ({ body: { label: `k${i}`, holdMs: 30, group: 'keyed' }, concurrency: { key: 'upstream', limit: 2 } })));
      await queue.push(Array.from({ length: 4 }, (_, i) => ({ body: { label: `f${i}`, holdMs: 30, group: 'free' } })));

      const result = await test.host.queues.drain();

      expect(result.delivered).toBe(10);
      expect(inFlight().keyed?.peak).toBe(2);
      expect(inFlight().free?.peak).toBe(4);
    });

    it('delivers one at a time in due order when drain asks for concurrency 1', async () => {
      await new Queue({ key: 'fixture-queue' }).push(Array.from({ length: 5 }, (_, i) => ({ body: { label: `s${i}`, holdMs: 5, group: 'serial' } })));
      await test.host.queues.drain({ concurrency: 1 });
      expect(inFlight().serial?.peak).toBe(1);
    });

    it('refuses a concurrency setting without a key or with a limit below 1', async () => {
      const publish = (payload: unknown[]) =>
        test.host.queues.handleApi('/webhook/queue/publish/x/y/z/1', { method: 'POST', body: JSON.stringify({ queueName: 'fixture-queue', jobId: 'j2', payload }) });
      const partial = await publish([{ body: {}, concurrency: { key: 'a', limit: 1 } }, { body: {}, concurrency: { key: '', limit: 0 } }]);
      expect(partial.status).toBe(202);
      expect(await partial.json()).toEqual({ failedEvents: [{ index: 1, errorMessage: expect.stringContaining('concurrency') }] });
    });

    it('delivers concurrently in the background too, within the key limit', async () => {
      test.host.queues.startBackground();
      await new Queue({ key: 'fixture-queue' }).push(Array.from({ length: 6 }, (_, i) => ({ body: { label: `b${i}`, holdMs: 20, group: 'bg' }, concurrency: { key: 'bg', limit: 3 } })));
      await waitFor(() => test.host.kvs.keys('delivery:b').length === 6);
      expect(inFlight().bg?.peak).toBe(3);
    });
  });

  it('gives a consumer the manifest timeoutSeconds as its remaining time', async () => {
    await new Queue({ key: 'long-queue' }).push({ body: {} });
    await test.host.queues.drain();
    const remaining = test.host.kvs.get('long-remaining') as number;
    expect(remaining).toBeGreaterThan(890_000);
    expect(remaining).toBeLessThanOrEqual(900_000);
  });

  it('keeps pending events across a restart', async () => {
    await new Queue({ key: 'fixture-queue' }).push({ body: { label: 'survivor' } });
    await test.close();
    test = await startTestHost({ dataDir: test.dataDir });
    expect(test.host.queues.pending()).toEqual([expect.objectContaining({ body: { label: 'survivor' } })]);
    expect((await test.host.queues.drain()).delivered).toBe(1);
    expect(await kvs.get('delivery:survivor:0')).toBeDefined();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
