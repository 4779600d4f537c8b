/**
 * Async events (@forge/events): the push/stats/cancel API the package calls through
 * `__forge_fetch__({type:'fpp', provider:'app', remote:'stargate'}, '/webhook/queue/...')`, and delivery to the consumer
 * function the manifest binds to each queue.
 *
 * Time: background delivery (on while the workbench runs) honours delayInSeconds and retryAfter in real time.
 * `drain()` fast-forwards instead: it delivers everything pending, earliest due first, without waiting, including events
 * pushed or retried while it runs, so tests are fast and deterministic. Pending events survive a restart (dataDir).
 *
 * Concurrency: Forge runs queue deliveries in parallel. Both background delivery and drain() start up to
 * `maxConcurrentDeliveries` at once (default 10) and honour each event's `concurrency: {key, limit}` (at most `limit`
 * deliveries of one key in flight). `drain({concurrency: 1})` delivers strictly one at a time, in due order.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Journal } from './journal';
import { isRecord, jsonResponse, emptyResponse, readJsonBody } from './http-response';
import { outsideInvocation } from './invocation';
import { byteLength, type ForgeLimits } from './limits';
import type { AppManifest } from './manifest';

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

/** What a consumer function receives (the AsyncEvent of @forge/events types.d.ts). */
export interface AsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: unknown;
  retryContext?: RetryContext;
}

export type DeliveryOutcome = { kind: 'ok' } | { kind: 'retry'; reason: string; retryAfterSeconds: number; retryData?: unknown; error?: string };

export type Deliver = (consumer: { key: string; function: string }, event: AsyncEvent) => Promise<DeliveryOutcome>;

export interface DeadLetter {
  event: AsyncEvent;
  attempts: number;
  reason: string;
  error?: string;
}

export interface DrainResult {
  /** Deliveries that succeeded. */
  delivered: number;
  /** Failed deliveries that were scheduled again. */
  retried: number;
  /** Events given up on after their last retry. */
  failed: number;
  deadLetters: DeadLetter[];
}

export interface PendingEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  body: Record<string, unknown>;
  dueAt: string;
  attempt: number;
  state: 'waiting' | 'delivering';
}

interface ConcurrencyLimit {
  key: string;
  limit: number;
}

interface StoredEvent {
  event: AsyncEvent;
  dueAt: number;
  attempt: number;
  sequence: number;
}

interface Job {
  queueName: string;
  total: number;
  success: number;
  failed: number;
  cancelled: number;
}

/** Parallel deliveries when the host does not say (Forge documents no number; its queues are plainly parallel). */
export const DEFAULT_MAX_CONCURRENT_DELIVERIES = 10;
const MAX_DRAIN_DELIVERIES = 10_000;

export class QueueEmulator {
  private readonly waiting = new Map<string, StoredEvent>();
  private readonly delivering = new Map<string, { stored: StoredEvent; done: Promise<void> }>();
  private readonly jobs = new Map<string, Job>();
  private readonly observers = new Set<DrainResult>();
  private readonly dead: DeadLetter[] = [];
  private sequence = 0;
  private background = false;
  private draining = 0;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private pushWindow = { minute: -1, count: 0 };
  private liveBytes = 0;
  /** Deliveries in flight per concurrency key. */
  private readonly inFlightByKey = new Map<string, number>();
  private peakInFlight = 0;

  private constructor(
    private readonly journal: Journal,
    private readonly manifest: AppManifest,
    private readonly limits: ForgeLimits,
    private readonly now: () => number,
    private readonly deliver: Deliver,
    private readonly maxConcurrent: number,
  ) {}

  static async open(options: {
    dataDir: string;
    manifest: AppManifest;
    limits: ForgeLimits;
    now: () => number;
    deliver: Deliver;
    /** Deliveries in flight at once, all queues together (default 10). */
    maxConcurrentDeliveries?: number;
  }): Promise<QueueEmulator> {
    const restored = new Map<string, StoredEvent>();
    const journal = await Journal.open(path.join(options.dataDir, 'queue.jsonl'), (header, payload) => {
      const record = header as { id?: string; d?: string };
      if (typeof record.d === 'string') restored.delete(record.d);
      else if (typeof record.id === 'string' && payload !== undefined) restored.set(record.id, JSON.parse(payload) as StoredEvent);
    });
    const maxConcurrent = Math.max(1, Math.floor(options.maxConcurrentDeliveries ?? DEFAULT_MAX_CONCURRENT_DELIVERIES));
    const queue = new QueueEmulator(journal, options.manifest, options.limits, options.now, options.deliver, maxConcurrent);
    for (const stored of [...restored.values()].sort((a, b) => a.sequence - b.sequence)) {
      queue.enqueue(stored);
      queue.liveBytes += JSON.stringify(stored).length;
    }
    return queue;
  }

  /** Starts real-time delivery in the background, as Forge does; off by default so tests can use drain(). */
  startBackground(): void {
    this.background = true;
    this.scheduleSoon();
  }

  stopBackground(): void {
    this.background = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  pending(): PendingEvent[] {
    const view = (stored: StoredEvent, state: PendingEvent['state']): PendingEvent => ({
      eventId: stored.event.eventId,
      jobId: stored.event.jobId,
      queueName: stored.event.queueName,
      body: stored.event.body,
      dueAt: new Date(stored.dueAt).toISOString(),
      attempt: stored.attempt,
      state,
    });
    return [
      ...[...this.delivering.values()].map(({ stored }) => view(stored, 'delivering')),
      ...[...this.waiting.values()].sort(byDue).map((stored) => view(stored, 'waiting')),
    ];
  }

  /** Events that used up their retries, oldest first. */
  deadLetters(): DeadLetter[] {
    return [...this.dead];
  }

  /** The most deliveries that were ever in flight at once (for tests and benchmarks). */
  peakConcurrency(): number {
    return this.peakInFlight;
  }

  /**
   * Delivers until nothing is pending, or `maxDeliveries` deliveries have started (without it, 10,000 is an error).
   * Up to `concurrency` deliveries (default: the queue's maximum) run at once, started earliest due first, within
   * each event's concurrency-key limit; events pushed or retried meanwhile are delivered too.
   */
  async drain(options: { maxDeliveries?: number; concurrency?: number } = {}): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, retried: 0, failed: 0, deadLetters: [] };
    const maxDeliveries = options.maxDeliveries ?? MAX_DRAIN_DELIVERIES;
    const concurrency = Math.max(1, Math.min(options.concurrency ?? this.maxConcurrent, this.maxConcurrent));
    this.draining++;
    this.observers.add(result);
    try {
      let deliveries = 0;
      for (;;) {
        let limitReached = false;
        for (const next of this.startable(concurrency)) {
          if (deliveries >= maxDeliveries) {
            limitReached = true;
            break;
          }
          deliveries++;
          void this.start(next);
        }
        if (limitReached && options.maxDeliveries === undefined) {
          throw new Error(`drain() stopped after ${maxDeliveries} deliveries: do consumers keep pushing events?`);
        }
        // Nothing in flight means nothing could start: everything is delivered, or the delivery cap is reached.
        if (this.delivering.size === 0) break;
        await Promise.race([...this.delivering.values()].map(({ done }) => done));
      }
      // Deliveries already started finish before drain() answers, so their outcome is in the result.
      await Promise.allSettled([...this.delivering.values()].map(({ done }) => done));
    } finally {
      this.observers.delete(result);
      this.draining--;
      this.scheduleSoon();
    }
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopBackground();
    await Promise.allSettled([...this.delivering.values()].map(({ done }) => done));
    this.journal.close();
  }

  /** The `/webhook/queue/...` API of the stargate remote. */
  async handleApi(apiPath: string, init: RequestInit | undefined): Promise<Response> {
    const body = await readJsonBody(init);
    if (apiPath.startsWith('/webhook/queue/publish/')) return this.publish(body);
    if (apiPath.startsWith('/webhook/queue/stats/')) return this.stats(body);
    if (apiPath.startsWith('/webhook/queue/cancel/')) return this.cancel(body);
    return jsonResponse(404, { message: `Unknown queue API ${apiPath}` });
  }

  private publish(request: unknown): Response {
    if (!isRecord(request) || !Array.isArray(request.payload) || typeof request.queueName !== 'string' || typeof request.jobId !== 'string') {
      return jsonResponse(400, { message: 'Invalid push request' });
    }
    const { queueName, jobId, payload } = request;
    if (!this.consumerFor(queueName)) {
      return jsonResponse(400, { message: `No consumer module in manifest.yml listens to queue "${queueName}"` });
    }
    if (payload.length === 0 || payload.length > this.limits.queueMaxEventsPerPush) {
      return jsonResponse(400, { message: `A push must contain 1 to ${this.limits.queueMaxEventsPerPush} events` });
    }
    if (byteLength(JSON.stringify(payload)) > this.limits.queueMaxPushBytes) {
      return jsonResponse(413, { errorMessage: `The maximum payload size is ${this.limits.queueMaxPushBytes / 1024}KB.` });
    }
    if (!this.admit(payload.length)) return jsonResponse(429, { message: 'Too many requests.' });
    const failedEvents: Array<{ index: number; errorMessage: string }> = [];
    const job = this.jobs.get(jobId) ?? { queueName, total: 0, success: 0, failed: 0, cancelled: 0 };
    this.jobs.set(jobId, job);
    payload.forEach((pushed: unknown, index) => {
      const delay = isRecord(pushed) ? (pushed.delayInSeconds ?? 0) : 0;
      if (!isRecord(pushed) || !isRecord(pushed.body)) return failedEvents.push({ index, errorMessage: 'Event body must be an object.' });
      if (typeof delay !== 'number' || delay < 0 || delay > this.limits.queueMaxDelaySeconds) {
        return failedEvents.push({ index, errorMessage: 'The delayInSeconds setting must be between 0 and 900.' });
      }
      if (pushed.concurrency !== undefined && !concurrencyOf(pushed.concurrency)) {
        return failedEvents.push({ index, errorMessage: 'The concurrency setting must be {key: non-empty string, limit: positive integer}.' });
      }
      job.total++;
      const event: AsyncEvent = {
        body: pushed.body,
        queueName,
        jobId,
        eventId: randomUUID(),
        ...(delay ? { delayInSeconds: delay } : {}),
        ...(pushed.concurrency ? { concurrency: pushed.concurrency } : {}),
      };
      this.persist(this.enqueue({ event, dueAt: this.now() + delay * 1000, attempt: 0, sequence: this.sequence }));
      return undefined;
    });
    this.scheduleSoon();
    return failedEvents.length > 0 ? jsonResponse(202, { failedEvents }) : jsonResponse(201, {});
  }

  private stats(request: unknown): Response {
    const job = isRecord(request) && typeof request.jobId === 'string' ? this.jobs.get(request.jobId) : undefined;
    if (!job) return jsonResponse(404, { message: 'Job not found' });
    return jsonResponse(200, { success: job.success, failed: job.failed, inProgress: job.total - job.success - job.failed - job.cancelled });
  }

  private cancel(request: unknown): Response {
    const jobId = isRecord(request) && typeof request.jobId === 'string' ? request.jobId : '';
    const job = this.jobs.get(jobId);
    if (!job) return jsonResponse(404, { message: 'Job not found' });
    for (const stored of [...this.waiting.values()]) {
      if (stored.event.jobId !== jobId) continue;
      this.waiting.delete(stored.event.eventId);
      this.forget(stored);
      job.cancelled++;
    }
    return emptyResponse(204);
  }

  private admit(events: number): boolean {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.pushWindow.minute) this.pushWindow = { minute, count: 0 };
    if (this.pushWindow.count + events > this.limits.queueEventsPerMinute) return false;
    this.pushWindow.count += events;
    return true;
  }

  private consumerFor(queueName: string): { key: string; function: string } | undefined {
    return this.manifest.modules.consumer?.find((consumer) => consumer.queue === queueName);
  }

  private enqueue(stored: StoredEvent): StoredEvent {
    this.sequence = Math.max(this.sequence, stored.sequence) + 1;
    this.waiting.set(stored.event.eventId, stored);
    return stored;
  }

  /** Waiting events that may start now, earliest due first, up to `concurrency` in flight and within key limits. */
  private startable(concurrency: number, dueBy = Number.POSITIVE_INFINITY): StoredEvent[] {
    const chosen: StoredEvent[] = [];
    const planned = new Map<string, number>();
    for (const stored of [...this.waiting.values()].sort(byDue)) {
      if (this.delivering.size + chosen.length >= concurrency) break;
      if (stored.dueAt > dueBy) break;
      const limit = concurrencyOf(stored.event.concurrency);
      if (limit) {
        const inFlight = (this.inFlightByKey.get(limit.key) ?? 0) + (planned.get(limit.key) ?? 0);
        if (inFlight >= limit.limit) continue;
        planned.set(limit.key, (planned.get(limit.key) ?? 0) + 1);
      }
      chosen.push(stored);
    }
    return chosen;
  }

  private start(stored: StoredEvent): Promise<void> {
    this.waiting.delete(stored.event.eventId);
    const limit = concurrencyOf(stored.event.concurrency);
    if (limit) this.inFlightByKey.set(limit.key, (this.inFlightByKey.get(limit.key) ?? 0) + 1);
    const delivery = outsideInvocation(() => this.deliverOne(stored)).finally(() => {
      this.delivering.delete(stored.event.eventId);
      if (limit) {
        const left = (this.inFlightByKey.get(limit.key) ?? 1) - 1;
        if (left > 0) this.inFlightByKey.set(limit.key, left);
        else this.inFlightByKey.delete(limit.key);
      }
      this.scheduleSoon();
    });
    this.delivering.set(stored.event.eventId, { stored, done: delivery });
    this.peakInFlight = Math.max(this.peakInFlight, this.delivering.size);
    return delivery;
  }

  private async deliverOne(stored: StoredEvent): Promise<void> {
    const { event } = stored;
    const job = this.jobs.get(event.jobId);
    const consumer = this.consumerFor(event.queueName);
    const outcome: DeliveryOutcome = consumer
      ? await this.deliver(consumer, event).catch((error: unknown) => ({ kind: 'retry' as const, reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryAfterSeconds: 1, error: String(error) }))
      : { kind: 'retry', reason: 'NO_CONSUMER', retryAfterSeconds: 1, error: `No consumer for queue ${event.queueName}` };
    if (outcome.kind === 'ok') {
      if (job) job.success++;
      this.forget(stored);
      this.observe((result) => result.delivered++);
      return;
    }
    if (stored.attempt >= this.limits.queueMaxRetries || !consumer) {
      const letter: DeadLetter = { event, attempts: stored.attempt + 1, reason: outcome.reason, ...(outcome.error ? { error: outcome.error } : {}) };
      if (job) job.failed++;
      this.dead.push(letter);
      this.forget(stored);
      this.observe((result) => {
        result.failed++;
        result.deadLetters.push(letter);
      });
      return;
    }
    const attempt = stored.attempt + 1;
    const retryContext: RetryContext = { retryCount: attempt, retryReason: outcome.reason, ...(outcome.retryData === undefined ? {} : { retryData: outcome.retryData }) };
    this.liveBytes -= JSON.stringify(stored).length;
    const retryAfter = Math.min(Math.max(outcome.retryAfterSeconds, 1), this.limits.queueMaxDelaySeconds);
    this.persist(this.enqueue({ event: { ...event, retryContext }, dueAt: this.now() + retryAfter * 1000, attempt, sequence: this.sequence }));
    this.observe((result) => result.retried++);
  }

  private observe(update: (result: DrainResult) => void): void {
    for (const result of this.observers) update(result);
  }

  private persist(stored: StoredEvent): void {
    const payload = JSON.stringify(stored);
    this.liveBytes += payload.length;
    this.journal.append({ id: stored.event.eventId }, payload);
  }

  private forget(stored: StoredEvent): void {
    this.liveBytes -= JSON.stringify(stored).length;
    this.journal.append({ d: stored.event.eventId });
    this.journal.compactIfWasteful(Math.max(this.liveBytes, 0), () =>
      [...this.waiting.values()].map((event) => [{ id: event.event.eventId }, JSON.stringify(event)] as const),
    );
  }

  private scheduleSoon(): void {
    if (!this.background || this.closed || this.draining > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = outsideInvocation(() => setTimeout(() => this.pump(), 0));
    this.timer.unref();
  }

  private pump(): void {
    this.timer = null;
    if (!this.background || this.closed || this.draining > 0) return;
    for (const stored of this.startable(this.maxConcurrent, this.now())) void this.start(stored);
    if (this.delivering.size >= this.maxConcurrent) return; // a finishing delivery pumps again
    const now = this.now();
    const next = [...this.waiting.values()].filter((stored) => stored.dueAt > now).sort(byDue)[0];
    if (next) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, next.dueAt - now));
      this.timer.unref();
    }
  }
}

function byDue(a: StoredEvent, b: StoredEvent): number {
  return a.dueAt - b.dueAt || a.sequence - b.sequence;
}

function concurrencyOf(value: unknown): ConcurrencyLimit | undefined {
  if (!isRecord(value)) return undefined;
  const { key, limit } = value;
  if (typeof key !== 'string' || key.length === 0 || typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) return undefined;
  return { key, limit };
}
