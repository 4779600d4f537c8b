/**
 * Targeted refetches: what webhooks ask for, coalesced per object and time bucket, and what could not be queued
 * (Forge's push limits) kept for the hourly schedule to queue later. Duplicates and replays do no harm: a refetch
 * reads the object as it is now, and the store ignores data older than what it has.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { CANTO_BATCH_SIZE, ICONIK_REFETCH_PER_EVENT } from '../../domain/assetSync/budgets';
import { chunk } from '../../domain/assetSync/fanOut';
import { webhookBucket } from '../../domain/assetSync/webhookRequests';
import type { DamSource } from '../../sources/dam/asset';
import { key, keyPart } from '../../store/keys';
import { deleteKeys, writeIfAbsent } from '../../store/kvsJson';
import type { AssetSyncDeps } from './deps';
import { refetchEventSchema, type QueuedEvent, type RefetchRef } from './events';
import { pushAll } from './pushing';

const WEBHOOK_CLAIM_TTL_SECONDS = 60 * 60;
/** Refetches left for the schedule expire after a week (a full pass has reconciled everything by then). */
const PENDING_TTL_SECONDS = 7 * 24 * 60 * 60;
const PENDING_PER_RUN = 500;

const pendingPrefix = (source: DamSource) => key('sync', 'dam', source, 'refetch-pending');

export type QueueOutcome = 'queued' | 'already-queued' | 'deferred';

/**
 * Queues one refetch for an object, once per bucket: the first delivery in a bucket queues it to run when the bucket
 * closes, later ones in the same bucket find the claim. When the queue refuses the push, the object waits for the
 * hourly schedule instead.
 */
export async function queueWebhookRefetch(source: DamSource, ref: RefetchRef, deps: Pick<AssetSyncDeps, 'now' | 'push'>): Promise<QueueOutcome> {
  const now = deps.now();
  const { bucket, delaySeconds } = webhookBucket(now);
  const claimKey = key('sync', 'dam', source, 'webhook', String(bucket), ref.type ?? 'asset', keyPart(ref.id));
  if (!(await writeIfAbsent(claimKey, { at: now.toISOString() }, WEBHOOK_CLAIM_TTL_SECONDS))) return 'already-queued';
  try {
    await deps.push([{ body: { kind: 'refetch', source, refs: [ref], reason: 'webhook' }, delayInSeconds: delaySeconds }]);
    return 'queued';
  } catch (error) {
    console.warn(`${source} webhook: refetch of ${ref.id} deferred to the schedule: ${error instanceof Error ? error.message : String(error)}`);
    await deleteKeys([claimKey]);
    await kvs.set(`${pendingPrefix(source)}:${keyPart(ref.type ?? 'asset')}:${keyPart(ref.id)}`, ref, { ttl: { value: PENDING_TTL_SECONDS, unit: 'SECONDS' } });
    return 'deferred';
  }
}

/** The refetch events for a list of objects, each within one step's egress budget. */
export function refetchEvents(source: DamSource, refs: RefetchRef[], reason: 'webhook' | 'reconcile'): QueuedEvent[] {
  return chunk(refs, source === 'canto' ? CANTO_BATCH_SIZE : ICONIK_REFETCH_PER_EVENT).map((part) => ({
    body: refetchEventSchema.parse({ kind: 'refetch', source, refs: part, reason }),
  }));
}

/** Queues the refetches webhooks could not queue themselves; called by the hourly schedule. */
export async function flushPendingRefetches(source: DamSource, deps: Pick<AssetSyncDeps, 'push'>): Promise<number> {
  const keys: string[] = [];
  const refs: RefetchRef[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(`${pendingPrefix(source)}:`)).limit(20);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const item of page.results) {
      const parsed = refetchEventSchema.shape.refs.element.safeParse(item.value);
      keys.push(item.key);
      if (parsed.success) refs.push(parsed.data);
    }
    cursor = page.nextCursor;
  } while (cursor && keys.length < PENDING_PER_RUN);
  if (refs.length > 0) await pushAll(deps, refetchEvents(source, refs, 'reconcile'));
  await deleteKeys(keys);
  return refs.length;
}
