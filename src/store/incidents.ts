import { z } from 'zod';
import { shortHash } from '../domain/incidents/incidentPage';
import { key, keyPart } from './keys';
import { deleteKeys, parseStored, readJson, readMany, writeMany } from './kvsJson';

/**
 * Which incident page belongs to which failure: `incident:g:<failureId>` / `incident:i:<assetId>:<jobId>`, and the
 * reverse `incident-page:<pageId>`, so the knowledge base knows which failure a listed page is about (labels are
 * lower-cased and cleaned, they cannot give the id back). Outside the sync's generations: user data, never dropped
 * by a sync. Confluence stays the truth: a record whose page is gone is forgotten and the page made again.
 */
export type FailureRef = { kind: 'governance'; failureId: string } | { kind: 'iconik-job'; assetId: string; jobId: string };

export const incidentRecordSchema = z.object({
  kind: z.enum(['governance', 'iconik-job']),
  solutionId: z.string().nullable(),
  failureId: z.string(),
  assetId: z.string().nullable(),
  pageId: z.string().min(1),
  spaceKey: z.string(),
  title: z.string(),
  url: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  messageType: z.string().nullable(),
  partner: z.object({ id: z.string(), name: z.string() }).nullable(),
  endpoint: z.string().nullable(),
  environment: z.object({ id: z.string(), name: z.string() }).nullable(),
  severity: z.string().nullable(),
});
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;

/** A key part for any id: encoded, or for very long ids a hash (keys stay under KVS's 500 characters). */
function idPart(id: string): string {
  const encoded = keyPart(id);
  return encoded.length <= 150 ? encoded : `h.${shortHash(id)}`;
}

export function incidentKey(ref: FailureRef): string {
  return ref.kind === 'governance' ? key('incident', 'g', idPart(ref.failureId)) : key('incident', 'i', idPart(ref.assetId), idPart(ref.jobId));
}

function pageKey(pageId: string): string {
  return key('incident-page', idPart(pageId));
}

export function refOfRecord(record: IncidentRecord): FailureRef {
  return record.kind === 'governance'
    ? { kind: 'governance', failureId: record.failureId }
    : { kind: 'iconik-job', assetId: record.assetId ?? '', jobId: record.failureId };
}

export function sameFailure(a: FailureRef, b: FailureRef): boolean {
  return incidentKey(a) === incidentKey(b);
}

export async function readIncident(ref: FailureRef): Promise<IncidentRecord | undefined> {
  return readJson(incidentKey(ref), incidentRecordSchema);
}

/** Reads the records of many values (by failure or by page) in batches; a damaged record reads as absent. */
async function readRecords<T>(items: readonly T[], keyOf: (item: T) => string): Promise<Map<T, IncidentRecord>> {
  const keys = items.map(keyOf);
  const values = await readMany([...new Set(keys)]);
  const found = new Map<T, IncidentRecord>();
  items.forEach((item, index) => {
    const storageKey = keys[index] as string;
    const value = values.get(storageKey);
    if (value === undefined) return;
    try {
      found.set(item, parseStored(storageKey, incidentRecordSchema, value));
    } catch {
      // Written by another version or damaged: the page is looked up again when someone asks for it.
    }
  });
  return found;
}

/** Answers records by `incidentKey(ref)`. */
export async function readIncidentsByFailure(refs: readonly FailureRef[]): Promise<Map<string, IncidentRecord>> {
  const byRef = await readRecords(refs, incidentKey);
  return new Map([...byRef].map(([ref, record]) => [incidentKey(ref), record]));
}

export function readIncidentsByPage(pageIds: readonly string[]): Promise<Map<string, IncidentRecord>> {
  return readRecords(pageIds, pageKey);
}

/** Both directions; written after the page exists, so a record always names a real page (or one deleted since). */
export async function saveIncident(record: IncidentRecord): Promise<void> {
  const value = incidentRecordSchema.parse(record);
  await writeMany([
    { key: incidentKey(refOfRecord(value)), value },
    { key: pageKey(value.pageId), value },
  ]);
}

/** The page is gone (deleted in Confluence): forget it so the next create makes a new one. */
export async function forgetIncident(record: IncidentRecord): Promise<void> {
  await deleteKeys([incidentKey(refOfRecord(record)), pageKey(record.pageId)]);
}
