/**
 * The `dam-asset` custom entity through @forge/kvs: storage keys, batched reads and writes (<= 25 items per batch, the
 * documented maximum), and one index query with the range semantics the planner expects. Every record read is
 * validated; a damaged one is reported naming its key, never passed on.
 */
import { createHash } from 'node:crypto';
import { kvs, WhereConditions, Sort } from '@forge/kvs';
import { ASSET_ENTITY, assetRecordSchema, type AssetRecord } from '../../domain/assets/assetRecord';
import { rangeCondition, withinRange } from '../../domain/assets/assetPagePlan';
import type { IndexRead } from '../../domain/assets/assetPageRun';
import { INDEX_RANGE } from '../../domain/assets/assetRecord';
import type { DamSource } from '../../sources/dam/asset';
import { keyPart } from '../keys';
import { parseStored } from '../kvsJson';

export const ENTITY_BATCH = 25;
/** Encoded ids longer than this are hashed, so the key (and the sort strings that end with it) stay well under 500. */
const MAX_ENCODED_ID = 300;

/** `<source>:<id encoded to the key alphabet>`; very long ids become `<source>:#h<sha256>` ('#h' is never an escape). */
export function assetStorageKey(source: DamSource, id: string): string {
  const encoded = keyPart(id);
  if (encoded.length <= MAX_ENCODED_ID) return `${source}:${encoded}`;
  return `${source}:#h${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}

export function parseRecord(storageKey: string, value: unknown): AssetRecord {
  return parseStored(`${ASSET_ENTITY}/${storageKey}`, assetRecordSchema, value);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Stored records by storage key (absent keys are simply missing), raw: validation is the caller's choice. */
export async function readRawRecords(storageKeys: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const unique = [...new Set(storageKeys)];
  // A few batches in flight at once: a 100-asset sync page costs one round trip, not four.
  const groups = chunks(chunks(unique, ENTITY_BATCH), 4);
  for (const group of groups) {
    const answers = await Promise.all(group.map((slice) => kvs.batchGet<unknown>(slice.map((key) => ({ key, entityName: ASSET_ENTITY })))));
    for (const answer of answers) {
      for (const item of answer.successfulKeys) found.set(item.key, item.value);
      const failed = answer.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed.length > 0) throw new Error(`Reading assets failed for "${failed[0]?.key}": ${failed[0]?.error.code} ${failed[0]?.error.message}`);
    }
  }
  return found;
}

export async function readRecords(storageKeys: string[]): Promise<Map<string, AssetRecord>> {
  const raw = await readRawRecords(storageKeys);
  return new Map([...raw].map(([key, value]) => [key, parseRecord(key, value)]));
}

/** Writes records in batches; fails naming the keys the store refused (the others of that batch are written). */
export async function writeRecords(records: Array<{ key: string; record: AssetRecord }>): Promise<void> {
  const groups = chunks(chunks(records, ENTITY_BATCH), 4);
  for (const group of groups) {
    const answers = await Promise.all(
      group.map((slice) => kvs.batchSet(slice.map(({ key, record }) => ({ key, value: record, entityName: ASSET_ENTITY })))),
    );
    const failed = answers.flatMap((answer) => answer.failedKeys);
    if (failed.length > 0) {
      throw new Error(`Storage refused ${failed.length} asset(s), first "${failed[0]?.key}": ${failed[0]?.error.code} ${failed[0]?.error.message}`);
    }
  }
}

/** One entity query for the planner: records strictly within `read.range` (BETWEEN's inclusive end dropped here). */
export async function queryIndex(read: IndexRead): Promise<{ records: AssetRecord[]; cursor: string | null }> {
  let query = kvs
    .entity<AssetRecord>(ASSET_ENTITY)
    .query()
    .index(read.index, { partition: read.partition })
    .sort(read.order === 'ASC' ? Sort.ASC : Sort.DESC)
    .limit(read.limit);
  const condition = rangeCondition(read.range);
  if (condition) {
    query =
      condition.condition === 'BETWEEN'
        ? query.where(WhereConditions.between(condition.values[0], condition.values[1]))
        : query.where(
            {
              GREATER_THAN: WhereConditions.greaterThan,
              GREATER_THAN_EQUAL_TO: WhereConditions.greaterThanEqualTo,
              LESS_THAN: WhereConditions.lessThan,
              LESS_THAN_EQUAL_TO: WhereConditions.lessThanEqualTo,
            }[condition.condition](condition.values[0]),
          );
  }
  if (read.cursor) query = query.cursor(read.cursor);
  const page = await query.getMany();
  const attribute = INDEX_RANGE[read.index];
  const records = page.results
    .map((result) => parseRecord(result.key, result.value))
    .filter((record) => withinRange(record[attribute], read.range));
  return { records, cursor: page.nextCursor ?? null };
}
