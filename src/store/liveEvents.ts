import { kvs } from '@forge/kvs';
import { applyLiveUpdate, boundLiveEvents, emptyLiveEvents, liveAfter, liveEventsSchema, supersededBefore, type LiveEvents, type LiveUpdate } from '../domain/events/liveOverlay';
import { key, keyPart } from './keys';
import { readJson, readMany, writeIfAbsent, writeJson } from './kvsJson';
import { readSourceStatus, type SourceStatus } from './syncStatus';

/**
 * The live overlay of pushed governance events, one small KVS record per solution (rules in
 * src/domain/events/liveOverlay.ts). Readers add one read per render; the queue consumer is the only writer.
 *
 * Queue deliveries run in parallel, so two events of one solution may update its record at the same time: a short
 * lock (a FAIL_IF_EXISTS key with a TTL, so a crashed holder cannot block for long) serialises the
 * read-modify-write. A writer that cannot get the lock in time throws, and the consumer asks the queue to retry.
 */
const liveKey = (solutionId: string) => key('live-events', keyPart(solutionId));
const lockKey = (solutionId: string) => key('live-events-lock', keyPart(solutionId));
const LOCK_TTL_SECONDS = 30;

export class LiveEventsBusyError extends Error {
  constructor(solutionId: string) {
    super(`The live events of solution "${solutionId}" stayed locked by another delivery; the queue will retry.`);
    this.name = 'LiveEventsBusyError';
  }
}

/** When the sync whose data is published started: lastSuccessAt less its duration (both written on success only). */
export function publishedSyncStartedAt(status: SourceStatus | undefined): string | null {
  if (!status?.lastSuccessAt) return null;
  const finished = Date.parse(status.lastSuccessAt);
  if (Number.isNaN(finished)) return null;
  return new Date(finished - (status.lastDurationMs ?? 0)).toISOString();
}

async function readRaw(solutionId: string): Promise<LiveEvents> {
  try {
    return (await readJson(liveKey(solutionId), liveEventsSchema)) ?? emptyLiveEvents();
  } catch (error) {
    // A damaged overlay only delays what the next sync brings anyway: start it afresh rather than fail the views.
    console.warn(`live events of ${solutionId}: ignored a stored record that does not validate (${error instanceof Error ? error.message : String(error)})`);
    return emptyLiveEvents();
  }
}

/**
 * What the published sync does not include yet, for one solution. `status` may be passed when the caller has
 * read it already (every view reads the source status).
 */
export async function readLiveEvents(solutionId: string, status?: SourceStatus): Promise<LiveEvents> {
  const [state, sourceStatus] = await Promise.all([readRaw(solutionId), status ? Promise.resolve(status) : readSourceStatus('governance')]);
  return liveAfter(state, supersededBefore(publishedSyncStartedAt(sourceStatus)));
}

/** The overlays of several solutions in one batched read (the status summary, the consumer's environment lookup). */
export async function readLiveEventsOf(solutionIds: readonly string[], status?: SourceStatus): Promise<Map<string, LiveEvents>> {
  const [values, sourceStatus] = await Promise.all([readMany(solutionIds.map(liveKey)), status ? Promise.resolve(status) : readSourceStatus('governance')]);
  const cutoff = supersededBefore(publishedSyncStartedAt(sourceStatus));
  const result = new Map<string, LiveEvents>();
  for (const solutionId of solutionIds) {
    const parsed = liveEventsSchema.safeParse(values.get(liveKey(solutionId)) ?? emptyLiveEvents());
    result.set(solutionId, liveAfter(parsed.success ? parsed.data : emptyLiveEvents(), cutoff));
  }
  return result;
}

export interface LockTiming {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** How long to wait for the lock before giving up. */
  waitMs: number;
}

const defaultTiming: LockTiming = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  waitMs: 20_000,
};

/** Applies pushed events to a solution's overlay; entries the published sync already includes are dropped on the way. */
export async function applyLiveUpdates(solutionId: string, updates: readonly LiveUpdate[], timing: Partial<LockTiming> = {}): Promise<LiveEvents> {
  const { now, sleep, random, waitMs } = { ...defaultTiming, ...timing };
  const owner = `${now()}-${Math.floor(random() * 1e9).toString(36)}`;
  const deadline = now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    if (await writeIfAbsent(lockKey(solutionId), { owner }, LOCK_TTL_SECONDS)) break;
    if (now() >= deadline) throw new LiveEventsBusyError(solutionId);
    await sleep(Math.min(1_000, 25 * 2 ** Math.min(attempt, 5)) * (0.5 + random()));
  }
  try {
    const [current, status] = await Promise.all([readRaw(solutionId), readSourceStatus('governance')]);
    let next = liveAfter(current, supersededBefore(publishedSyncStartedAt(status)));
    for (const update of updates) next = applyLiveUpdate(next, update);
    next = boundLiveEvents(next);
    await writeJson(liveKey(solutionId), next);
    return next;
  } finally {
    const held = (await kvs.get<{ owner?: string }>(lockKey(solutionId)).catch(() => undefined)) ?? undefined;
    if (held?.owner === owner) await kvs.delete(lockKey(solutionId));
  }
}

export const liveEventsKey = liveKey;
