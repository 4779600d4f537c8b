/**
 * Targeted refetches (webhook deliveries, and what the schedule queues when a webhook could not): the objects are
 * read from the platform as they are now and stored; what the platform no longer has becomes a tombstone. Canto reads
 * up to 100 assets per batch/content request; iconik reads asset, approval and history per asset. Idempotent, so
 * duplicate and replayed deliveries do no harm, and out-of-order ones lose to newer data in the store.
 */
import { MAX_STEP_RETRIES } from '../../domain/assetSync/budgets';
import { keepEnrichment } from '../../domain/assetSync/enrichment';
import { mergeFailedJobs } from '../../domain/assetSync/failedJobs';
import { damAssetKey, type DamAsset } from '../../sources/dam/asset';
import { cantoAuditTrail, mapCantoAsset } from '../../sources/canto/mapAsset';
import type { CantoAsset, CantoClient } from '../../sources/canto/client';
import type { IconikClient } from '../../sources/iconik/client';
import { patchAssets, readAssets, tombstoneAssets, upsertAssets, writeAuditTrail } from '../../store/assets';
import { readAppSettings, type AppSettings } from '../../store/settings';
import { RequestBudgetExhausted, SourceNotConnected, requestBudget, type AssetSyncDeps, type RequestBudget } from './deps';
import type { RefetchEvent, RefetchRef } from './events';
import { enrichmentPlan, failedJobsFor, mapDetails, readIconikDetails, trailOf, userNamesFor, type IconikDetails } from './iconikReads';
import { describeError, done, isRetryable, retryDelaySeconds, type StepOutcome } from './outcome';

interface RefetchResult {
  stored: number;
  deleted: number;
  /** What the step's egress budget did not cover: queued again. */
  rest: RefetchRef[];
}

export async function runRefetchStep(event: RefetchEvent, deps: AssetSyncDeps, retryCount = 0): Promise<StepOutcome> {
  const budget = requestBudget();
  const { settings } = await readAppSettings();
  try {
    const result = event.source === 'canto' ? await refetchCanto(event.refs, deps, budget, settings) : await refetchIconik(event.refs, deps, budget, settings);
    if (result.rest.length > 0) await deps.push([{ body: { ...event, refs: result.rest } }]);
    return done(`refetched ${event.source}: ${result.stored} stored, ${result.deleted} deleted${result.rest.length ? `, ${result.rest.length} queued again` : ''}`);
  } catch (error) {
    if (isRetryable(error) && retryCount < MAX_STEP_RETRIES) return { outcome: 'retry', error: describeError(error), retryAfterSeconds: retryDelaySeconds(retryCount) };
    // Nothing to record in the sync status: the hourly run reads the same objects again.
    return { outcome: 'failed', error: `refetch of ${event.refs.length} ${event.source} object(s) failed: ${describeError(error)}` };
  }
}

async function refetchCanto(refs: RefetchRef[], deps: AssetSyncDeps, budget: RequestBudget, settings: AppSettings): Promise<RefetchResult> {
  const connected = await deps.canto({ purpose: 'refetch', beforeRequest: budget.take });
  if (!connected.ok) throw new SourceNotConnected(connected.message);
  const client: CantoClient = connected.client;
  const withScheme = refs.filter((ref): ref is RefetchRef & { scheme: string } => typeof ref.scheme === 'string');
  const found: CantoAsset[] = [];
  const missing: { id: string; scheme: string }[] = [];
  const rest: RefetchRef[] = [];
  try {
    const batch = await client.batchContent(withScheme.map(({ id, scheme }) => ({ id, scheme })));
    found.push(...batch.assets);
    // Canto's batch answer leaves out what it cannot return without saying why: ask for each one.
    for (const [index, ref] of batch.failed.entries()) {
      try {
        const asset = await client.getAsset(ref.scheme, ref.id);
        if (asset) found.push(asset);
        else missing.push(ref);
      } catch (error) {
        if (!(error instanceof RequestBudgetExhausted)) throw error;
        rest.push(...batch.failed.slice(index));
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof RequestBudgetExhausted)) throw error;
    return { stored: 0, deleted: 0, rest: refs };
  }
  const now = deps.now();
  const mapped: DamAsset[] = [];
  for (const asset of found) {
    try {
      mapped.push(mapCantoAsset(asset, { fieldMapping: settings.assets.cantoFieldMapping, baseUrl: connected.baseUrl }));
    } catch (error) {
      console.warn(`canto refetch: asset ${asset.id} skipped: ${describeError(error)}`);
    }
  }
  const result = await upsertAssets(mapped, { now });
  const byId = new Map(found.map((asset) => [asset.id, asset]));
  for (const asset of result.changed) {
    const raw = byId.get(asset.id);
    if (raw) await writeAuditTrail('canto', asset.id, cantoAuditTrail(raw));
  }
  const deleted = missing.length > 0 ? await tombstoneAssets(missing.map(({ id }) => ({ source: 'canto' as const, id })), now) : 0;
  return { stored: result.written, deleted, rest };
}

async function refetchIconik(refs: RefetchRef[], deps: AssetSyncDeps, budget: RequestBudget, settings: AppSettings): Promise<RefetchResult> {
  const connected = await deps.iconik({ purpose: 'refetch', beforeRequest: budget.take });
  if (!connected.ok) throw new SourceNotConnected(connected.message);
  const plan = enrichmentPlan(settings);
  const details: IconikDetails[] = [];
  const gone: string[] = [];
  const rest: RefetchRef[] = [];
  let jobsPatched = 0;
  for (const [index, ref] of refs.entries()) {
    try {
      if (ref.type === 'job') {
        jobsPatched += await refetchJob(connected.client, ref.id, settings, connected.baseUrl, deps.now());
        continue;
      }
      const read = await readIconikDetails(connected.client, ref.id, { withAsset: true, metadataViewId: plan.metadataViewId });
      if (read === 'gone') gone.push(ref.id);
      else details.push(read);
    } catch (error) {
      if (!(error instanceof RequestBudgetExhausted)) throw error;
      rest.push(...refs.slice(index));
      break;
    }
  }
  const now = deps.now();
  const users = await userNamesFor(connected.client, details, budget);
  const stored = await upsertDetails(details, { settings, baseUrl: connected.baseUrl, users, now });
  const deleted = gone.length > 0 ? await tombstoneAssets(gone.map((id) => ({ source: 'iconik' as const, id })), now) : 0;
  return { stored: stored + jobsPatched, deleted, rest };
}

/**
 * A job event: the job's assets get it added (still failing) or removed (it ran again and did not fail) from their
 * failed jobs. Assets the app has not stored yet are left to the next run.
 */
async function refetchJob(client: IconikClient, jobId: string, settings: AppSettings, baseUrl: string, now: Date): Promise<number> {
  const job = await client.getJob(jobId);
  if (!job) return 0;
  const windowDays = settings.assets.failedJobsWindowDays;
  const assetIds = [...new Set([job.object_type && job.object_type !== 'assets' ? null : job.object_id, ...(job.related_objects ?? []).filter((o) => o.object_type === 'assets').map((o) => o.object_id)])].filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
  if (assetIds.length === 0) return 0;
  const stored = await readAssets(assetIds.map((id) => ({ source: 'iconik' as const, id })));
  const patches = [];
  for (const id of assetIds) {
    const asset = stored.get(damAssetKey({ source: 'iconik', id }));
    if (!asset) continue;
    const others = asset.failedJobs.filter((existing) => existing.id !== job.id);
    const failedJobs = job.status === 'FAILED' ? mergeFailedJobs(others, failedJobsFor(id, [job], settings, baseUrl), { now, windowDays }) : others;
    patches.push({ source: 'iconik' as const, id, patch: { failedJobs } });
  }
  return patches.length > 0 ? (await patchAssets(patches)).patched : 0;
}

/** Maps fully read iconik assets and stores them, keeping their failed jobs, and writes their audit trails. */
export async function upsertDetails(details: IconikDetails[], options: { settings: AppSettings; baseUrl: string; users: Map<string, string>; now: Date }): Promise<number> {
  const withAsset = details.filter((detail): detail is IconikDetails & { asset: NonNullable<IconikDetails['asset']> } => detail.asset !== null);
  if (withAsset.length === 0) return 0;
  const stored = await readAssets(withAsset.map(({ id }) => ({ source: 'iconik' as const, id })));
  const mapped: DamAsset[] = [];
  for (const detail of withAsset) {
    try {
      const fresh = mapDetails(detail, options);
      mapped.push(keepEnrichment(fresh, stored.get(damAssetKey(fresh))));
    } catch (error) {
      console.warn(`iconik: asset ${detail.id} skipped: ${describeError(error)}`);
    }
  }
  const result = await upsertAssets(mapped, { now: options.now });
  for (const detail of withAsset) await writeAuditTrail('iconik', detail.id, trailOf(detail, options.users));
  return result.written + result.unchanged;
}
