import { z } from 'zod';
import { datasetInfoSchema } from '../../store/snapshots';
import { invalidItemRecordSchema } from '../../store/syncStatus';
import { key } from '../../store/keys';
import { readJson, writeIfAbsent, writeJson } from '../../store/kvsJson';

/**
 * The progress of one governance sync, saved after every page so a run cut short (time, egress budget,
 * a crash) resumes from its cursor. `seq` numbers the queue events of a job: each event carries the seq
 * it continues, so a duplicate or stale delivery is recognised and does nothing.
 */
export const syncJobSchema = z.object({
  jobId: z.string().min(1),
  trigger: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  seq: z.number().int().nonnegative(),
  phase: z.enum(['fetch', 'finalize', 'done', 'failed']),
  /** Lower bound for time-bounded resources (change events, failures), fixed for the whole job. */
  since: z.string(),
  solutionIds: z.array(z.string()),
  solutionsComplete: z.boolean(),
  taskIndex: z.number().int().nonnegative(),
  cursor: z.string().nullable(),
  pages: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  invocations: z.number().int().nonnegative(),
  datasets: z.record(datasetInfoSchema),
  invalidItems: z.array(invalidItemRecordSchema),
  invalidCount: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type SyncJob = z.infer<typeof syncJobSchema>;

export const syncEventSchema = z.object({
  source: z.literal('governance'),
  jobId: z.string().min(1),
  seq: z.number().int().nonnegative(),
});
export type SyncEvent = z.infer<typeof syncEventSchema>;

const JOB_KEY = key('sync', 'governance', 'job');
/** Claims only need to outlive redelivery of the same event. */
const CLAIM_TTL_SECONDS = 24 * 60 * 60;

export async function readJob(): Promise<SyncJob | undefined> {
  return readJson(JOB_KEY, syncJobSchema);
}

export async function saveJob(job: SyncJob): Promise<void> {
  await writeJson(JOB_KEY, job);
}

/** First delivery of (jobId, seq) wins; a duplicate delivery of the same step finds the claim and stops. */
export async function claimStep(jobId: string, seq: number, at: Date): Promise<boolean> {
  return writeIfAbsent(key('sync', 'governance', 'claim', jobId, String(seq)), { at: at.toISOString() }, CLAIM_TTL_SECONDS);
}

export const MAX_INVALID_ITEMS_KEPT = 50;
