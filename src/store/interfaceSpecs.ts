import { kvs, WhereConditions } from '@forge/kvs';
import { storedInterfaceSpecSchema, type StoredInterfaceSpec } from '../domain/specs/interfaceSpecRecord';
import { key, keyPart } from './keys';
import { parseStored, readJson, writeIfAbsent, writeJson } from './kvsJson';
import { indexSpecUnderSolution } from './specsBySolution';

/**
 * Interface specs: one key per macro (`interface-spec:<contentId>:<localId>`), outside the sync's generations.
 *
 * Saves are optimistic: the caller names the version it edited. Reading the current version and writing the next
 * one are two calls, so two saves of the same version could both pass the check; a claim on the next version number
 * (written only if absent) lets exactly one of them through. Claims expire, so a save that died between claim and
 * write blocks that version for a few minutes at most.
 */
const PREFIX = 'interface-spec';
const CLAIM_PREFIX = 'interface-spec-claim';
const CLAIM_TTL_SECONDS = 300;
/** KVS answers at most 20 keys per query page. */
export const SPEC_QUERY_PAGE_MAX = 20;

export function interfaceSpecKey(contentId: string, localId: string): string {
  return key(PREFIX, keyPart(contentId), keyPart(localId));
}

export async function readInterfaceSpec(contentId: string, localId: string): Promise<StoredInterfaceSpec | undefined> {
  return readJson(interfaceSpecKey(contentId, localId), storedInterfaceSpecSchema);
}

export type SaveSpecOutcome = { ok: true; record: StoredInterfaceSpec } | { ok: false; current: StoredInterfaceSpec | undefined };

/** Stores `record` as version `baseVersion + 1`, unless the stored version is not `baseVersion` (any more). */
export async function saveInterfaceSpec(
  record: Omit<StoredInterfaceSpec, 'version' | 'createdAt' | 'createdBy' | 'createdByName'>,
  baseVersion: number,
): Promise<SaveSpecOutcome> {
  const storageKey = interfaceSpecKey(record.contentId, record.localId);
  const current = await readJson(storageKey, storedInterfaceSpecSchema);
  if ((current?.version ?? 0) !== baseVersion) return { ok: false, current };
  const version = baseVersion + 1;
  const claimed = await writeIfAbsent(key(CLAIM_PREFIX, keyPart(record.contentId), keyPart(record.localId), String(version)), { by: record.savedBy, at: record.savedAt }, CLAIM_TTL_SECONDS);
  if (!claimed) return { ok: false, current: await readJson(storageKey, storedInterfaceSpecSchema) };
  const next: StoredInterfaceSpec = storedInterfaceSpecSchema.parse({
    ...record,
    version,
    createdAt: current?.createdAt ?? record.savedAt,
    createdBy: current?.createdBy ?? record.savedBy,
    createdByName: current ? current.createdByName : record.savedByName,
  });
  await writeJson(storageKey, next);
  await indexSpecUnderSolution(next, current?.spec.solutionId ?? null);
  return { ok: true, record: next };
}

export interface SpecListPage {
  specs: StoredInterfaceSpec[];
  /** Keys whose value is not a valid spec record (written by an older version, or damaged): skipped. */
  invalid: string[];
  nextCursor: string | null;
}

/** One page of every spec of the installation, in key order. `cursor` is KVS's own, from the previous page. */
export async function listInterfaceSpecs(limit: number, cursor?: string): Promise<SpecListPage> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(`${PREFIX}:`)).limit(Math.min(limit, SPEC_QUERY_PAGE_MAX));
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany<unknown>();
  const specs: StoredInterfaceSpec[] = [];
  const invalid: string[] = [];
  for (const result of page.results) {
    try {
      specs.push(parseStored(result.key, storedInterfaceSpecSchema, result.value));
    } catch {
      invalid.push(result.key);
    }
  }
  return { specs, invalid, nextCursor: page.nextCursor ?? null };
}
