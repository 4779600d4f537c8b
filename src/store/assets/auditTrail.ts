/**
 * An asset's audit trail (who accessed, moved, approved or exported it, and when): one plain KVS value per asset,
 * newest first, at most MAX_ENTRIES entries and well under the 240 KiB value limit. Read only by the audit view of one
 * asset, so it stays out of the entity that every page query reads.
 */
import { z } from 'zod';
import { damActivitySchema, type DamActivity, type DamSource } from '../../sources/dam/asset';
import { readJson, writeJson } from '../kvsJson';
import { assetStorageKey } from './assetEntity';

export const MAX_AUDIT_ENTRIES = 200;
const MAX_AUDIT_BYTES = 200 * 1024;

const auditTrailSchema = z.object({ entries: z.array(damActivitySchema) });

const auditKey = (source: DamSource, id: string) => `asset-audit:${assetStorageKey(source, id)}`;

/** Newest first (same time: the platform's order), capped in count and in bytes (the oldest entries go). */
export function boundedTrail(entries: DamActivity[]): DamActivity[] {
  const sorted = entries
    .map((entry, index) => ({ entry: damActivitySchema.parse(entry), index, time: Date.parse(entry.when) || 0 }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ entry }) => entry)
    .slice(0, MAX_AUDIT_ENTRIES);
  let bytes = 16;
  let keep = 0;
  for (const entry of sorted) {
    bytes += Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (bytes > MAX_AUDIT_BYTES) break;
    keep++;
  }
  return sorted.slice(0, keep);
}

export async function writeAuditTrail(source: DamSource, id: string, entries: DamActivity[]): Promise<void> {
  await writeJson(auditKey(source, id), { entries: boundedTrail(entries) });
}

/** Null when the trail has not been read from the platform yet. */
export async function readAuditTrail(source: DamSource, id: string): Promise<DamActivity[] | null> {
  const stored = await readJson(auditKey(source, id), auditTrailSchema);
  return stored ? stored.entries : null;
}
