import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { key } from './keys';
import { readJson, writeIfAbsent } from './kvsJson';

/**
 * Accepted governance events, one KVS record per CloudEvent `source`+`id`. The record is written with
 * FAIL_IF_EXISTS when the webtrigger accepts an event, so a replay of the same source+id finds it and changes
 * nothing; it also carries the validated event to the queue consumer (queue messages are small, events are not).
 *
 * Records expire after RETENTION_DAYS: a replay older than that would be accepted again, and still adds nothing (the
 * change log and the overlay de-duplicate by the change's own id).
 */
export const EVENT_RETENTION_DAYS = 30;

export const storedEventSchema = z.object({
  source: z.string(),
  id: z.string(),
  type: z.string(),
  receivedAt: z.string(),
  /** The event as validated (sensitive diff values already redacted). */
  event: z.record(z.unknown()),
  processedAt: z.string().nullable().default(null),
  /** What the consumer did, for support: solutions updated, change-log page, or why it did nothing. */
  outcome: z.string().nullable().default(null),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

/** The KVS key of an event: a digest, because source and id are free text of any length. */
export function eventRecordKey(source: string, id: string): string {
  const digest = createHash('sha256').update(JSON.stringify([source, id]), 'utf8').digest('hex');
  return key('governance-event', digest);
}

/** Records an accepted event; false when the same source+id was accepted before (a replay). */
export async function recordEventOnce(record: Omit<StoredEvent, 'processedAt' | 'outcome'>): Promise<{ first: boolean; key: string }> {
  const recordKey = eventRecordKey(record.source, record.id);
  const first = await writeIfAbsent(recordKey, { ...record, processedAt: null, outcome: null }, EVENT_RETENTION_DAYS * 86_400);
  return { first, key: recordKey };
}

/** Forgets an event that could not be queued, so the backend's retry is accepted. */
export async function forgetEvent(recordKey: string): Promise<void> {
  await kvs.delete(recordKey);
}

export async function readEventRecord(recordKey: string): Promise<StoredEvent | undefined> {
  return readJson(recordKey, storedEventSchema);
}

export async function markEventProcessed(recordKey: string, record: StoredEvent, outcome: string, at: Date): Promise<void> {
  // Keeps the record's expiry: KVS has no "update keeping TTL", so the remaining lifetime is set again.
  const received = Date.parse(record.receivedAt);
  const remaining = Math.max(60, Math.round((received + EVENT_RETENTION_DAYS * 86_400_000 - at.getTime()) / 1000));
  await kvs.set(recordKey, { ...record, processedAt: at.toISOString(), outcome: outcome.slice(0, 500) }, { ttl: { value: remaining, unit: 'SECONDS' } });
}
