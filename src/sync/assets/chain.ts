/**
 * The sequential chain of a run: list pages, then (iconik) failed jobs, then the recount. One queue event per step;
 * each step works until its egress budget, its time or its push allowance runs low, saving the run after every page,
 * then hands over to the next event. A duplicate or stale delivery is recognised by (run, seq) and does nothing.
 */
import { MAX_STEP_RETRIES } from '../../domain/assetSync/budgets';
import { requestBudget, type AssetSyncDeps, type RequestBudget } from './deps';
import type { ChainEvent } from './events';
import { maybeHandOverToRecount, runRecountStep } from './finish';
import { listFailedJobsStep } from './failedJobsStep';
import { listStep } from './listStep';
import { describeError, done, ignored, isRetryable, retryDelaySeconds, type StepOutcome } from './outcome';
import { claim, readRun, recordRunFailure, saveRun, type DamRun } from './run';

/** What a step reports when it stops: the next event may have to wait (push allowance, for the next minute). */
export interface StepStop {
  delaySeconds?: number;
}

type Phase = DamRun['phase'];
const PHASE_OF_KIND: Record<ChainEvent['kind'], Phase> = { list: 'list', 'failed-jobs': 'failed-jobs', recount: 'recount' };
const KIND_OF_PHASE: Partial<Record<Phase, ChainEvent['kind']>> = { list: 'list', 'failed-jobs': 'failed-jobs', recount: 'recount' };

export async function runChainStep(event: ChainEvent, deps: AssetSyncDeps, retryCount = 0): Promise<StepOutcome> {
  const run = await readRun(event.source);
  if (!run || run.runId !== event.runId) return ignored('superseded run');
  if (run.phase === 'done' || run.phase === 'failed') return ignored(`run already ${run.phase}`);
  if (run.seq !== event.seq) return ignored(`step ${event.seq} already done (the run is at ${run.seq})`);
  if (run.phase !== PHASE_OF_KIND[event.kind]) return ignored(`a ${event.kind} step does not continue the ${run.phase} phase`);
  // A retry redelivers the event whose step failed: the failed attempt claimed it, so it may proceed.
  if (retryCount === 0 && !(await claim(run.source, run.runId, `step-${run.seq}`, deps.now()))) return ignored('duplicate delivery');

  const budget = requestBudget();
  run.counts.steps += 1;
  const phaseBefore = run.phase;
  try {
    const stop = await stepOf(run.phase)(run, deps, budget);
    run.counts.requests += budget.used;
    run.heartbeatAt = deps.now().toISOString();
    // The step moves the phase on (TypeScript cannot see the mutation through the call).
    const phase = run.phase as Phase;
    if (phase === 'done') {
      await saveRun(run);
      return done(`run ${run.runId} completed`);
    }
    if (phase === 'failed') return { outcome: 'failed', error: run.error ?? 'the run failed' };
    if (phase === 'enrich-wait') {
      run.seq += 1;
      await saveRun(run);
      // Written before looking at the markers: an enrichment event finishing now sees this phase, or we see its marker.
      return (await maybeHandOverToRecount(run, deps)) ? done('listing complete; recount started') : done('listing complete; waiting for enrichment');
    }
    const next = KIND_OF_PHASE[run.phase];
    if (!next) throw new Error(`no step continues the ${run.phase} phase`);
    run.seq += 1;
    await saveRun(run);
    await deps.push([{ body: { kind: next, source: run.source, runId: run.runId, seq: run.seq }, ...(stop.delaySeconds ? { delayInSeconds: stop.delaySeconds } : {}) }]);
    return done(phaseBefore === run.phase ? `continues at step ${run.seq}` : `${phaseBefore} complete; ${run.phase} at step ${run.seq}`);
  } catch (error) {
    const message = describeError(error);
    // What the step saved after its last complete page is the truth; the page in flight is read again.
    const saved = (await readRun(run.source)) ?? run;
    if (saved.runId !== run.runId) return ignored('superseded run');
    saved.counts.requests += budget.used;
    if (isRetryable(error) && retryCount < MAX_STEP_RETRIES) {
      saved.heartbeatAt = deps.now().toISOString();
      await saveRun(saved);
      return { outcome: 'retry', error: message, retryAfterSeconds: retryDelaySeconds(retryCount) };
    }
    return failRun(saved, message, deps);
  }
}

function stepOf(phase: Phase): (run: DamRun, deps: AssetSyncDeps, budget: RequestBudget) => Promise<StepStop> {
  if (phase === 'list') return listStep;
  if (phase === 'failed-jobs') return listFailedJobsStep;
  if (phase === 'recount') return runRecountStep;
  throw new Error(`no step for the ${phase} phase`);
}

async function failRun(run: DamRun, message: string, deps: Pick<AssetSyncDeps, 'now'>): Promise<StepOutcome> {
  await recordRunFailure(run, message, deps.now());
  return { outcome: 'failed', error: message };
}
