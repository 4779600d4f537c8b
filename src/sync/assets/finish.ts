/**
 * The end of a run: once listing (and, for iconik, every enrichment batch) is done, the recount rebuilds the source's
 * summary through the store's bounded recount steps and, after a full pass, tombstones the assets it did not see.
 * Only then does the run count as successful and the watermark move to the run's start.
 */
import { MIN_TIME_LEFT_MS } from '../../domain/assetSync/budgets';
import { recountStep } from '../../store/assets';
import { readDamSyncStatus, recordDamRunSucceeded } from '../../store/assets/syncStatus';
import { reconcileEarly } from '../../domain/assetSync/runPlan';
import type { AssetSyncDeps, RequestBudget } from './deps';
import type { StepStop } from './chain';
import { addNote, advanceEnrichProgress, claim, forgetEnrichBookkeeping, readEnrichProgress, recordRunFailure, saveRun, type DamRun } from './run';

/**
 * Starts the recount when everything before it is done. Called by the chain when listing ends and by every enrichment
 * batch that ends after that; a claim makes sure exactly one of them starts it.
 */
export async function maybeHandOverToRecount(run: DamRun, deps: AssetSyncDeps): Promise<boolean> {
  const now = deps.now();
  if (run.enrichBatches > 0) {
    const progress = await advanceEnrichProgress(run.runId, run.enrichBatches, now);
    if (progress.through < run.enrichBatches) return false;
  }
  if (!(await claim(run.source, run.runId, 'recount', now))) return false;
  run.phase = 'recount';
  run.cursor = null;
  run.heartbeatAt = now.toISOString();
  await saveRun(run);
  await deps.push([{ body: { kind: 'recount', source: run.source, runId: run.runId, seq: run.seq } }]);
  return true;
}

export async function runRecountStep(run: DamRun, deps: AssetSyncDeps, _budget: RequestBudget): Promise<StepStop> {
  // Tombstones only after a full pass that saw every asset it listed.
  const fullPass = run.mode === 'full' && run.tombstonesSafe && run.pass !== null ? run.pass : undefined;
  while (deps.remainingTimeMs() >= MIN_TIME_LEFT_MS) {
    const step = await recountStep(run.source, run.recountState ?? null, {
      ...(fullPass !== undefined ? { fullPass, fullPassStartedAt: new Date(run.startedAt) } : {}),
    });
    run.recountState = (step.state ?? null) as DamRun['recountState'];
    run.heartbeatAt = deps.now().toISOString();
    if (step.done) return finishRun(run, deps, step.state.counts.total);
    await saveRun(run);
  }
  return {};
}

async function finishRun(run: DamRun, deps: AssetSyncDeps, storedLive: number): Promise<StepStop> {
  const now = deps.now();
  const progress = run.enrichBatches > 0 ? await readEnrichProgress(run.runId) : undefined;
  run.counts.enriched = progress?.enriched ?? 0;
  run.recountState = null;
  if (progress && progress.errors.length > 0) {
    // The assets are stored; their approvals and trails are not all current. Keep the watermark so the next run reads them again.
    await recordRunFailure(run, `iconik approvals and history could not be read for some assets: ${progress.errors[0]}`, now);
  } else {
    run.phase = 'done';
    const early = run.mode === 'incremental' && reconcileEarly(storedLive, run.upstreamTotal, (await readDamSyncStatus(run.source)).lastEarlyReconcileAt, now);
    if (early) addNote(run, `${storedLive} assets stored but ${run.upstreamTotal} in ${run.source}: some were deleted, a full pass follows`);
    await saveRun(run);
    await recordDamRunSucceeded(run.source, { runId: run.runId, mode: run.mode, startedAt: run.startedAt, counts: run.counts, notes: run.notes }, now, { earlyReconcile: early });
    if (early) await deps.push([{ body: { kind: 'start', source: run.source, mode: 'full', trigger: 'deletions' } }]);
  }
  if (run.enrichBatches > 0) await forgetEnrichBookkeeping(run.runId);
  return {};
}
