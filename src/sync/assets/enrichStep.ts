/**
 * iconik enrichment: approval and newest history entries of new and changed assets, two requests each, fanned out in
 * events of ~40 assets that run in parallel lanes (a queue concurrency key), each lane throttled so that all of them
 * together stay near iconik's 50 requests/s. Each batch leaves a marker when done; the last one hands over to the
 * recount. Idempotent: a duplicate batch rewrites the same values.
 */
import { ICONIK_ENRICH_LANES, MAX_STEP_RETRIES } from '../../domain/assetSync/budgets';
import { chunk, recordPushed } from '../../domain/assetSync/fanOut';
import { patchAssets, writeAuditTrail, type AssetPatch } from '../../store/assets';
import { readAppSettings } from '../../store/settings';
import { RequestBudgetExhausted, requestBudget, type AssetSyncDeps } from './deps';
import type { EnrichEvent, QueuedEvent } from './events';
import { maybeHandOverToRecount } from './finish';
import { enrichmentPlan, readIconikDetails, trailOf, userNamesFor, type EnrichmentPlan, type IconikDetails } from './iconikReads';
import { describeError, done, ignored, isRetryable, retryDelaySeconds, type StepOutcome } from './outcome';
import { pushAll } from './pushing';
import { claim, markBatchDone, readRun, touchEnrichHeartbeat, type DamRun } from './run';
import { upsertDetails } from './refetchStep';

/** The queue concurrency key of enrichment events: at most ICONIK_ENRICH_LANES run at once. */
export const ENRICH_CONCURRENCY = { key: 'dam-sync-iconik-enrich', limit: ICONIK_ENRICH_LANES };
/** Requests kept back from an event's budget for user names and a retry. */
const REQUESTS_KEPT = 6;

function enrichEvent(body: EnrichEvent): QueuedEvent {
  return { body, concurrency: ENRICH_CONCURRENCY };
}

/**
 * Queues enrichment of these assets in full batches, numbered within the run; a remainder smaller than a batch waits
 * in the run (`enrichCarry`) for the next page, unless `flush` (listing ended). The caller saves the run afterwards.
 */
export async function pushEnrichment(run: DamRun, ids: string[], plan: EnrichmentPlan, deps: AssetSyncDeps, options: { flush: boolean }): Promise<void> {
  const waiting = [...run.enrichCarry, ...ids];
  const full = options.flush ? waiting.length : waiting.length - (waiting.length % plan.batchSize);
  run.enrichCarry = waiting.slice(full);
  if (full === 0) return;
  const events = chunk(waiting.slice(0, full), plan.batchSize).map((batchIds, index) =>
    enrichEvent({ kind: 'enrich', source: 'iconik', runId: run.runId, batch: run.enrichBatches + index, part: 0, ids: batchIds, enrichedBefore: 0 }),
  );
  await pushAll(deps, events);
  run.enrichBatches += events.length;
  run.pushLedger = recordPushed(run.pushLedger, deps.now(), events.length);
}

export async function runEnrichStep(event: EnrichEvent, deps: AssetSyncDeps, retryCount = 0): Promise<StepOutcome> {
  const now = deps.now();
  if (retryCount === 0 && !(await claim('iconik', event.runId, `enrich-${event.batch}-${event.part}`, now))) return ignored('duplicate delivery');
  await touchEnrichHeartbeat(event.runId, now);
  const budget = requestBudget();
  const connected = await deps.iconik({ purpose: 'enrich', beforeRequest: budget.take });
  if (!connected.ok) return finishBatch(event, event.enrichedBefore, connected.message, deps);
  const { settings } = await readAppSettings();
  const plan = enrichmentPlan(settings);

  const details: IconikDetails[] = [];
  const gone: string[] = [];
  let rest: string[] = [];
  let error: string | null = null;
  for (const [index, id] of event.ids.entries()) {
    if (budget.remaining() < plan.requestsPerAsset + REQUESTS_KEPT) {
      rest = event.ids.slice(index);
      break;
    }
    try {
      const read = await readIconikDetails(connected.client, id, { withAsset: plan.metadataViewId !== null, metadataViewId: plan.metadataViewId });
      if (read === 'gone') gone.push(id);
      else details.push(read);
    } catch (failure) {
      if (failure instanceof RequestBudgetExhausted) {
        rest = event.ids.slice(index);
        break;
      }
      if (isRetryable(failure) && retryCount < MAX_STEP_RETRIES) {
        return { outcome: 'retry', error: describeError(failure), retryAfterSeconds: retryDelaySeconds(retryCount) };
      }
      error = `iconik approval or history of asset ${id}: ${describeError(failure)}`;
      break;
    }
  }

  const users = await userNamesFor(connected.client, details, budget);
  const written = await writeDetails(details, users, plan, settings, connected.baseUrl, deps.now());
  if (gone.length > 0) console.log(`iconik enrichment: ${gone.length} asset(s) no longer in iconik; the next full pass removes them`);
  if (error === null && rest.length > 0) {
    await pushAll(deps, [enrichEvent({ ...event, part: event.part + 1, ids: rest, enrichedBefore: event.enrichedBefore + written })]);
    return done(`enriched ${written}; ${rest.length} continue in part ${event.part + 1}`);
  }
  return finishBatch(event, event.enrichedBefore + written, error, deps);
}

/** Approval, newest activity and audit trail onto the stored assets; with a metadata view, the whole asset again. */
async function writeDetails(
  details: IconikDetails[],
  users: Map<string, string>,
  plan: EnrichmentPlan,
  settings: Awaited<ReturnType<typeof readAppSettings>>['settings'],
  baseUrl: string,
  now: Date,
): Promise<number> {
  if (details.length === 0) return 0;
  if (plan.metadataViewId !== null) return upsertDetails(details, { settings, baseUrl, users, now });
  const patches: AssetPatch[] = [];
  for (const detail of details) {
    const trail = trailOf(detail, users);
    await writeAuditTrail('iconik', detail.id, trail);
    patches.push({
      source: 'iconik',
      id: detail.id,
      patch: { approval: detail.approval?.status ?? 'N/A', lastActivity: trail[0] ?? null, enrichedAt: now.toISOString() },
    });
  }
  const result = await patchAssets(patches);
  return result.patched;
}

/** The batch is done (or given up on with its error); the last batch of a finished listing starts the recount. */
async function finishBatch(event: EnrichEvent, enriched: number, error: string | null, deps: AssetSyncDeps): Promise<StepOutcome> {
  const now = deps.now();
  await markBatchDone(event.runId, event.batch, { at: now.toISOString(), enriched, error });
  // Marker first, then the run: if the listing ended meanwhile, either it sees this marker or this sees its phase.
  const run = await readRun('iconik');
  if (run && run.runId === event.runId && run.phase === 'enrich-wait') await maybeHandOverToRecount(run, deps);
  return error ? { outcome: 'failed', error } : done(`enriched ${enriched} asset(s) of batch ${event.batch}`);
}
