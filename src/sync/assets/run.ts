/**
 * One DAM sync run per source, saved after every page so a run cut short (time, egress budget, a crash) resumes from
 * its cursor. The run's chain (list pages, failed jobs, recount) is sequential: each event carries the `seq` it
 * continues and claims (run, seq) once, so a duplicate or stale delivery does nothing. Enrichment fans out beside the
 * chain; each batch leaves a marker, and whoever sees the last marker arrive hands over to the recount.
 */
import { z } from 'zod';
import { damSourceSchema, type DamSource } from '../../sources/dam/asset';
import { damRunCountsSchema, damRunModeSchema, recordDamRunFailed, type DamRunCounts } from '../../store/assets/syncStatus';
import { key } from '../../store/keys';
import { deleteKeys, readJson, readMany, writeIfAbsent, writeJson } from '../../store/kvsJson';

const isoTime = z.string().datetime({ offset: true });

export const damRunSchema = z.object({
  runId: z.string().min(1),
  source: damSourceSchema,
  mode: damRunModeSchema,
  trigger: z.string(),
  startedAt: isoTime,
  heartbeatAt: isoTime,
  /** The listing's modified-since bound (watermark less overlap); null for a full pass. */
  since: isoTime.nullable(),
  /** The full pass number stamped on every asset seen (null: incremental). */
  pass: z.number().int().positive().nullable(),
  seq: z.number().int().nonnegative(),
  phase: z.enum(['list', 'failed-jobs', 'enrich-wait', 'recount', 'done', 'failed']),
  /** Canto: the next start offset; iconik: the next search_after values; failed jobs: the next page. */
  cursor: z.unknown().nullable(),
  recountState: z.unknown().nullable(),
  /** Enrichment batches pushed so far (numbered 0..n-1). */
  enrichBatches: z.number().int().nonnegative(),
  /** Asset ids waiting to fill the next enrichment batch (fewer than a batch; pushed when listing ends). */
  enrichCarry: z.array(z.string()).max(100).default([]),
  pushLedger: z.object({ minute: z.number().int(), count: z.number().int().nonnegative() }).nullable(),
  counts: damRunCountsSchema,
  /** Incremental runs: how many assets the platform counted when listing ended (deletions show as a shortfall). */
  upstreamTotal: z.number().int().nonnegative().nullable().default(null),
  /** False once something makes "not seen in this pass" unreliable (an asset listed but invalid): no tombstones then. */
  tombstonesSafe: z.boolean(),
  notes: z.array(z.string().max(500)).max(20),
  error: z.string().nullable(),
});
export type DamRun = z.infer<typeof damRunSchema>;

export const EMPTY_COUNTS: DamRunCounts = Object.freeze({
  listed: 0,
  written: 0,
  unchanged: 0,
  skippedOlder: 0,
  invalid: 0,
  enriched: 0,
  failedJobs: 0,
  requests: 0,
  steps: 0,
});

/** Claims and markers only need to outlive redelivery and the run. */
const MARKER_TTL_SECONDS = 3 * 24 * 60 * 60;

const runKey = (source: DamSource) => key('sync', 'dam', source, 'run');

export async function readRun(source: DamSource): Promise<DamRun | undefined> {
  return readJson(runKey(source), damRunSchema);
}

export async function saveRun(run: DamRun): Promise<void> {
  await writeJson(runKey(run.source), damRunSchema.parse(run));
}

/** A failed run keeps every asset it stored and the old watermark, so the next run reads the same changes again. */
export async function recordRunFailure(run: DamRun, message: string, now: Date): Promise<void> {
  run.phase = 'failed';
  run.error = message;
  run.heartbeatAt = now.toISOString();
  await saveRun(run);
  await recordDamRunFailed(run.source, run.runId, message, now);
}

export function addNote(run: DamRun, note: string): void {
  if (!run.notes.includes(note) && run.notes.length < 20) run.notes.push(note.slice(0, 500));
}

/** First delivery of a step wins; a duplicate delivery finds the claim and stops. */
export async function claim(source: DamSource, runId: string, step: string, at: Date): Promise<boolean> {
  return writeIfAbsent(key('sync', 'dam', source, 'claim', runId, step), { at: at.toISOString() }, MARKER_TTL_SECONDS);
}

const enrichMarkerSchema = z.object({ at: isoTime, enriched: z.number().int().nonnegative(), error: z.string().nullable() });
export type EnrichMarker = z.infer<typeof enrichMarkerSchema>;
const enrichMarkerKey = (runId: string, batch: number) => key('sync', 'dam', 'iconik', 'enriched', runId, String(batch));
const progressKey = (runId: string) => key('sync', 'dam', 'iconik', 'enrich-progress', runId);
const progressSchema = z.object({ through: z.number().int().nonnegative(), at: isoTime, enriched: z.number().int().nonnegative(), errors: z.array(z.string()).max(5) });
export type EnrichProgress = z.infer<typeof progressSchema>;

/** A batch is done (enriched, or given up on with its error); written once per batch. */
export async function markBatchDone(runId: string, batch: number, marker: EnrichMarker): Promise<void> {
  await writeIfAbsent(enrichMarkerKey(runId, batch), marker, MARKER_TTL_SECONDS);
}

export async function readEnrichProgress(runId: string): Promise<EnrichProgress | undefined> {
  return readJson(progressKey(runId), progressSchema);
}

/**
 * How far enrichment got: every batch below `through` is done. Scans the markers from the last known point and stops
 * at the first missing one, so checking costs a few reads, not one per batch.
 */
export async function advanceEnrichProgress(runId: string, totalBatches: number, now: Date): Promise<EnrichProgress> {
  const progress = (await readEnrichProgress(runId)) ?? { through: 0, at: now.toISOString(), enriched: 0, errors: [] };
  const start = progress.through;
  let through = start;
  while (through < totalBatches) {
    const batchNumbers = Array.from({ length: Math.min(20, totalBatches - through) }, (_, i) => through + i);
    const found = await readMany(batchNumbers.map((batch) => enrichMarkerKey(runId, batch)));
    let complete = true;
    for (const batch of batchNumbers) {
      const parsed = enrichMarkerSchema.safeParse(found.get(enrichMarkerKey(runId, batch)));
      if (!parsed.success) {
        complete = false;
        break;
      }
      through = batch + 1;
      progress.enriched += parsed.data.enriched;
      if (parsed.data.error && progress.errors.length < 5) progress.errors.push(parsed.data.error);
    }
    if (!complete) break;
  }
  const next = { ...progress, through, at: now.toISOString() };
  if (through !== start) await writeJson(progressKey(runId), next);
  return next;
}

const heartbeatKey = (runId: string) => key('sync', 'dam', 'iconik', 'enrich-heartbeat', runId);
const heartbeatSchema = z.object({ at: isoTime });

/** A sign of life of a run's enrichment, whose events never write the run record (they run in parallel). */
export async function touchEnrichHeartbeat(runId: string, now: Date): Promise<void> {
  await writeJson(heartbeatKey(runId), { at: now.toISOString() });
}

export async function readEnrichHeartbeat(runId: string): Promise<string | null> {
  return (await readJson(heartbeatKey(runId), heartbeatSchema))?.at ?? null;
}

/** The per-run bookkeeping of enrichment, once the run is over (markers and claims expire by themselves). */
export async function forgetEnrichBookkeeping(runId: string): Promise<void> {
  await deleteKeys([progressKey(runId), heartbeatKey(runId)]);
}
