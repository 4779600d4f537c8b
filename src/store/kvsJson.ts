import { kvs } from '@forge/kvs';
import type { z } from 'zod';

/**
 * Typed access to KVS values. Every read is validated: stored data written by an older version of the app,
 * or damaged, is reported as an error naming the key and field instead of flowing into a view.
 */
/** Items per KVS batch call: kept at the smallest documented batch size so no call is refused for size. */
const BATCH_SIZE = 20;

export class StoredDataError extends Error {
  constructor(
    readonly storageKey: string,
    readonly issues: string[],
  ) {
    super(`Stored value "${storageKey}" is not in the expected shape: ${issues.join('; ')}`);
    this.name = 'StoredDataError';
  }
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(value)'}: ${issue.message}`);
}

export function parseStored<S extends z.ZodTypeAny>(storageKey: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredDataError(storageKey, describeIssues(parsed.error));
  return parsed.data as z.output<S>;
}

export async function readJson<S extends z.ZodTypeAny>(storageKey: string, schema: S): Promise<z.output<S> | undefined> {
  const value = await kvs.get<unknown>(storageKey);
  if (value === undefined) return undefined;
  return parseStored(storageKey, schema, value);
}

/** Reads several keys in one round trip; missing keys are absent from the map. */
export async function readMany(keys: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    const slice = keys.slice(i, i + BATCH_SIZE);
    const result = await kvs.batchGet<unknown>(slice.map((k) => ({ key: k })));
    for (const item of result.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}

export async function writeJson(storageKey: string, value: unknown): Promise<void> {
  await kvs.set(storageKey, value);
}

/** Writes only if the key does not exist yet; answers false when it already did (someone else claimed it). */
export async function writeIfAbsent(storageKey: string, value: unknown, ttlSeconds?: number): Promise<boolean> {
  try {
    await kvs.set(storageKey, value, {
      keyPolicy: 'FAIL_IF_EXISTS',
      ...(ttlSeconds ? { ttl: { value: ttlSeconds, unit: 'SECONDS' as const } } : {}),
    });
    return true;
  } catch (error) {
    if (isKeyExistsError(error)) return false;
    throw error;
  }
}

function isKeyExistsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /EXIST|CONFLICT|PRECONDITION/i.test(code);
}

/** Writes several values; fails naming the keys KVS refused, so a half-written dataset is never published. */
export async function writeMany(entries: { key: string; value: unknown }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH_SIZE) {
    const result = await kvs.batchSet(entries.slice(i, i + BATCH_SIZE));
    if (result.failedKeys.length > 0) {
      const first = result.failedKeys[0];
      throw new Error(
        `Storage refused ${result.failedKeys.length} value(s), first "${first?.key}": ${first?.error.code} ${first?.error.message}`,
      );
    }
  }
}

export async function deleteKeys(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    await kvs.batchDelete(keys.slice(i, i + BATCH_SIZE).map((k) => ({ key: k })));
  }
}
