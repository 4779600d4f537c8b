/**
 * What the DAM sync records per source (Canto, iconik): the asset macro's freshness ("synced N minutes ago", the stale
 * warning with the last error) and the incremental sync's watermark. One small KVS record per source, written by the
 * sync's steps (src/sync/assets/) and read by every render.
 *
 * The watermark only moves when a run completes: a run that fails keeps the old one, so the next run reads again
 * from where the last good one left off.
 */
import { z } from 'zod';
import type { DamSource } from '../../sources/dam/asset';
import { key } from '../keys';
import { readJson, writeJson } from '../kvsJson';

const isoTime = z.string().datetime({ offset: true });

export const damRunModeSchema = z.enum(['full', 'incremental']);
export type DamRunMode = z.infer<typeof damRunModeSchema>;

export const damRunningSchema = z.object({
  runId: z.string().min(1),
  mode: damRunModeSchema,
  startedAt: isoTime,
});
export type DamRunning = z.infer<typeof damRunningSchema>;

/** What the last completed run did, for the settings page and the workbench. */
export const damRunCountsSchema = z.object({
  listed: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skippedOlder: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  enriched: z.number().int().nonnegative(),
  failedJobs: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
});
export type DamRunCounts = z.infer<typeof damRunCountsSchema>;

export const damSyncStatusSchema = z.object({
  lastSuccessAt: isoTime.nullable(),
  lastAttemptAt: isoTime.nullable(),
  /** Why the latest run failed; cleared by the next success. Never holds a secret (clients' messages name what failed). */
  lastError: z.string().max(2000).nullable(),
  lastErrorAt: isoTime.nullable().default(null),
  /** Assets modified after this time are read by the next incremental run (less an overlap window). Null: never synced. */
  watermark: isoTime.nullable(),
  /** When the last completed full pass (the reconcile that tombstones what disappeared) started. */
  lastFullPassAt: isoTime.nullable(),
  running: damRunningSchema.nullable(),
  /** When an incremental run last started a full pass early because deleted assets showed in the counts. */
  lastEarlyReconcileAt: isoTime.nullable().default(null),
  /** The number the next full pass stamps on every asset it sees (the store tombstones what it did not stamp). */
  nextPass: z.number().int().positive().default(1),
  lastRun: z
    .object({ runId: z.string(), mode: damRunModeSchema, startedAt: isoTime, finishedAt: isoTime, counts: damRunCountsSchema, notes: z.array(z.string().max(500)).max(20).default([]) })
    .nullable()
    .default(null),
});
export type DamSyncStatus = z.infer<typeof damSyncStatusSchema>;

export const EMPTY_DAM_SYNC_STATUS: DamSyncStatus = Object.freeze({
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  lastErrorAt: null,
  watermark: null,
  lastFullPassAt: null,
  running: null,
  lastEarlyReconcileAt: null,
  nextPass: 1,
  lastRun: null,
});

export function damSyncStatusKey(source: DamSource): string {
  return key('sync', 'dam', source, 'status');
}

/** The source's sync status; the empty status (all null) before its first run. */
export async function readDamSyncStatus(source: DamSource): Promise<DamSyncStatus> {
  return (await readJson(damSyncStatusKey(source), damSyncStatusSchema)) ?? { ...EMPTY_DAM_SYNC_STATUS };
}

/**
 * Read-modify-write of one source's status. Only the run's sequential chain (start, list, finish) writes it, never
 * its concurrent fan-out events, so two writers do not race in practice; the fields each writer sets are its own.
 */
export async function updateDamSyncStatus(source: DamSource, change: (previous: DamSyncStatus) => DamSyncStatus): Promise<DamSyncStatus> {
  const next = damSyncStatusSchema.parse(change(await readDamSyncStatus(source)));
  await writeJson(damSyncStatusKey(source), next);
  return next;
}

export async function recordDamRunStarted(source: DamSource, running: DamRunning, pass: number | null): Promise<DamSyncStatus> {
  return updateDamSyncStatus(source, (status) => ({
    ...status,
    lastAttemptAt: running.startedAt,
    running,
    nextPass: pass === null ? status.nextPass : Math.max(status.nextPass, pass + 1),
  }));
}

/** A completed run: the watermark moves to the run's start (the overlap window covers clock skew and slow writers). */
export async function recordDamRunSucceeded(
  source: DamSource,
  run: { runId: string; mode: DamRunMode; startedAt: string; counts: DamRunCounts; notes: string[] },
  finishedAt: Date,
  options: { earlyReconcile?: boolean } = {},
): Promise<DamSyncStatus> {
  return updateDamSyncStatus(source, (status) => ({
    ...status,
    lastEarlyReconcileAt: options.earlyReconcile ? finishedAt.toISOString() : status.lastEarlyReconcileAt,
    lastSuccessAt: finishedAt.toISOString(),
    lastError: null,
    lastErrorAt: null,
    watermark: status.watermark && Date.parse(status.watermark) > Date.parse(run.startedAt) ? status.watermark : run.startedAt,
    lastFullPassAt: run.mode === 'full' ? run.startedAt : status.lastFullPassAt,
    running: status.running?.runId === run.runId ? null : status.running,
    lastRun: { runId: run.runId, mode: run.mode, startedAt: run.startedAt, finishedAt: finishedAt.toISOString(), counts: run.counts, notes: run.notes.slice(0, 20) },
  }));
}

/** A failed run (or a run that could not start): the stored assets and the watermark stay as they were. */
export async function recordDamRunFailed(source: DamSource, runId: string | null, message: string, at: Date): Promise<DamSyncStatus> {
  return updateDamSyncStatus(source, (status) => ({
    ...status,
    lastAttemptAt: runId === null ? at.toISOString() : status.lastAttemptAt,
    lastError: message.slice(0, 2000),
    lastErrorAt: at.toISOString(),
    running: runId === null || status.running?.runId !== runId ? status.running : null,
  }));
}
