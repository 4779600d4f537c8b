/**
 * iconik FAILED jobs (transcodes, transfers, exports, ...) modified since the run's bound, attached to the assets they
 * are about. Jobs older than the admin's window (settings assets.failedJobsWindowDays) drop off; a full pass also walks
 * the assets that show failed jobs and removes those that aged out since.
 */
import { z } from 'zod';
import { MIN_TIME_LEFT_MS } from '../../domain/assetSync/budgets';
import { mergeFailedJobs, sameFailedJobs } from '../../domain/assetSync/failedJobs';
import { damAssetKey } from '../../sources/dam/asset';
import { failedJobsByAsset } from '../../sources/iconik/mapAsset';
import { patchAssets, queryAssetPage, readAssets, type AssetPatch } from '../../store/assets';
import { readAppSettings } from '../../store/settings';
import { DEFAULT_EXPIRING_DAYS } from '../../shared/assetLifecycleContract';
import { RequestBudgetExhausted, SourceNotConnected, type AssetSyncDeps, type RequestBudget } from './deps';
import type { StepStop } from './chain';
import { failedJobsFor } from './iconikReads';
import { addNote, saveRun, type DamRun } from './run';

const JOBS_PER_PAGE = 100;
const PRUNE_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const cursorSchema = z.union([
  z.object({ stage: z.literal('jobs'), page: z.number().int().positive(), until: z.string() }),
  z.object({ stage: z.literal('prune'), after: z.string().nullable() }),
]);
type Cursor = z.infer<typeof cursorSchema>;

export async function listFailedJobsStep(run: DamRun, deps: AssetSyncDeps, budget: RequestBudget): Promise<StepStop> {
  const connected = await deps.iconik({ purpose: 'list', beforeRequest: budget.take });
  if (!connected.ok) throw new SourceNotConnected(connected.message);
  const { settings } = await readAppSettings();
  const windowDays = settings.assets.failedJobsWindowDays;
  const parsed = cursorSchema.safeParse(run.cursor);
  let cursor: Cursor | null = parsed.success ? parsed.data : { stage: 'jobs', page: 1, until: run.startedAt };
  while (cursor && deps.remainingTimeMs() >= MIN_TIME_LEFT_MS && budget.remaining() > 5) {
    const now = deps.now();
    const windowStart = new Date(now.getTime() - windowDays * DAY_MS);
    if (cursor.stage === 'jobs') {
      const since = run.since && Date.parse(run.since) > windowStart.getTime() ? new Date(run.since) : windowStart;
      let page;
      try {
        page = await connected.client.listFailedJobs({ since, until: new Date(cursor.until), page: cursor.page, perPage: JOBS_PER_PAGE });
      } catch (error) {
        if (error instanceof RequestBudgetExhausted) break;
        throw error;
      }
      const byAsset = failedJobsByAsset(page.jobs);
      const stored = await readAssets([...byAsset.keys()].map((id) => ({ source: 'iconik' as const, id })));
      const patches: AssetPatch[] = [];
      for (const [id, jobs] of byAsset) {
        const asset = stored.get(damAssetKey({ source: 'iconik', id }));
        if (!asset) continue; // not stored (yet): the next run that lists it attaches nothing, the next job read does
        const failedJobs = mergeFailedJobs(asset.failedJobs, failedJobsFor(id, jobs, settings, connected.baseUrl), { now, windowDays });
        if (!sameFailedJobs(failedJobs, asset.failedJobs)) patches.push({ source: 'iconik', id, patch: { failedJobs } });
      }
      if (patches.length > 0) await patchAssets(patches);
      run.counts.failedJobs += page.jobs.length;
      if (page.invalid.length > 0) addNote(run, `skipped ${page.invalid.length} unreadable iconik job(s), e.g. ${page.invalid[0]?.problem ?? ''}`);
      cursor = page.nextPage !== null ? { stage: 'jobs', page: page.nextPage, until: cursor.until } : run.mode === 'full' ? { stage: 'prune', after: null } : null;
    } else {
      // Sorted by activity, the failed-only walk reads the by-failed index (one query per 20 failed assets) instead of
      // scanning every asset by name for the few with failed jobs.
      const answer = await queryAssetPage(
        { filters: { sources: ['iconik'], failedOnly: true }, sort: 'activity', order: 'ASC', pageSize: PRUNE_PAGE_SIZE, ...(cursor.after ? { after: cursor.after } : {}) },
        { now, expiringDays: DEFAULT_EXPIRING_DAYS },
      );
      const patches: AssetPatch[] = [];
      for (const asset of answer.rows) {
        const failedJobs = mergeFailedJobs(asset.failedJobs, [], { now, windowDays });
        if (!sameFailedJobs(failedJobs, asset.failedJobs)) patches.push({ source: asset.source, id: asset.id, patch: { failedJobs } });
      }
      if (patches.length > 0) await patchAssets(patches);
      cursor = answer.nextAfter ? { stage: 'prune', after: answer.nextAfter } : null;
    }
    run.cursor = cursor;
    if (cursor === null) run.phase = 'enrich-wait';
    run.heartbeatAt = now.toISOString();
    await saveRun(run);
  }
  return {};
}
