import { z } from 'zod';
import { key } from './keys';
import { readJson, writeJson } from './kvsJson';

/** Per upstream source: the last success, the last error and what the last good sync counted. */
export const invalidItemRecordSchema = z.object({
  resource: z.string(),
  index: z.number().int(),
  id: z.string().nullable(),
  issues: z.array(z.string()),
  solutionId: z.string().nullable().optional(),
});
export type InvalidItemRecord = z.infer<typeof invalidItemRecordSchema>;

export const sourceStatusSchema = z.object({
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastError: z.string().nullable(),
  counts: z.record(z.number().int().nonnegative()),
  invalidItems: z.array(invalidItemRecordSchema),
  invalidCount: z.number().int().nonnegative(),
  lastDurationMs: z.number().nonnegative().nullable(),
  lastJobId: z.string().nullable(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export type SourceName = 'governance';

const statusKey = (source: SourceName) => key('sync', source, 'status');

export const emptySourceStatus: SourceStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastErrorAt: null,
  lastError: null,
  counts: {},
  invalidItems: [],
  invalidCount: 0,
  lastDurationMs: null,
  lastJobId: null,
};

export async function readSourceStatus(source: SourceName): Promise<SourceStatus | undefined> {
  return readJson(statusKey(source), sourceStatusSchema);
}

export async function updateSourceStatus(
  source: SourceName,
  change: (previous: SourceStatus) => SourceStatus,
): Promise<SourceStatus> {
  const next = change((await readSourceStatus(source)) ?? emptySourceStatus);
  await writeJson(statusKey(source), next);
  return next;
}

export function sourceStatusKey(source: SourceName): string {
  return statusKey(source);
}
