import type { GovernanceClient, InvalidItem } from '../../sources/governance/client';
import { GovernanceApiError } from '../../sources/governance/client';
import { solutionSchema, type ChangeEvent, type Solution } from '../../sources/governance/schemas';
import { withSensitiveValuesRedacted } from '../../domain/changes/redaction';
import { datasets } from '../../store/datasets';
import {
  discardGeneration,
  newGenerationId,
  publishGeneration,
  readDataset,
  writeDatasetChunks,
  type DatasetIndex,
} from '../../store/snapshots';
import { updateSourceStatus, type InvalidItemRecord } from '../../store/syncStatus';
import { readAppSettings } from '../../store/settings';
import { createViewContext } from './viewContext';
import { solutionViewBuilders } from './viewBuilders';
import { claimStep, MAX_INVALID_ITEMS_KEPT, readJob, saveJob, type SyncEvent, type SyncJob } from './job';
import { HISTORY_DAYS, syncTasks, TIME_BOUNDED_RESOURCES, type SyncTask } from './tasks';

/**
 * Forge allows 100 external requests per runtime-minute per invocation. A step stops at this many, leaving
 * room for the retries of the page in flight, and hands over to a fresh invocation through the queue.
 */
export const REQUEST_BUDGET_PER_STEP = 90;
/** A step starts no new page with less time than this left (one slow page with retries fits in it). */
export const MIN_TIME_FOR_A_PAGE_MS = 200_000;
/** A job whose heartbeat is older than this is abandoned (its consumer died); a new sync replaces it. */
export const ABANDONED_AFTER_MS = 20 * 60_000;
export const PAGE_SIZE = 200;
/** Retries of a failing step through the queue before the run is declared failed. */
export const MAX_STEP_RETRIES = 3;

export interface SyncDeps {
  now(): Date;
  /**
   * Builds a client whose every HTTP request first calls `beforeRequest`; a message when unconfigured. May answer a
   * promise: on Forge the connection comes from the settings record and secret storage.
   */
  createClient(beforeRequest: () => void): { client: GovernanceClient } | { error: string } | Promise<{ client: GovernanceClient } | { error: string }>;
  enqueue(event: SyncEvent): Promise<void>;
  remainingTimeMs(): number;
  random?: () => number;
}

export type StartOutcome =
  | { outcome: 'started'; jobId: string }
  | { outcome: 'already-running'; jobId: string }
  | { outcome: 'not-configured'; message: string };

export type StepOutcome =
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'continued'; jobId: string; seq: number }
  | { outcome: 'published'; jobId: string; counts: Record<string, number> }
  | { outcome: 'failed'; jobId: string; error: string }
  | { outcome: 'retry'; jobId: string; error: string; retryAfterSeconds: number };

class RequestBudgetExhausted extends Error {}

export async function startGovernanceSync(deps: SyncDeps, trigger: string): Promise<StartOutcome> {
  const now = deps.now();
  const existing = await readJob();
  if (existing && (existing.phase === 'fetch' || existing.phase === 'finalize')) {
    if (now.getTime() - Date.parse(existing.heartbeatAt) < ABANDONED_AFTER_MS) {
      return { outcome: 'already-running', jobId: existing.jobId };
    }
    await discardGeneration(existing.jobId, existing.datasets);
  }
  const configured = await deps.createClient(() => undefined);
  if ('error' in configured) {
    await recordFailure(now, configured.error, null);
    return { outcome: 'not-configured', message: configured.error };
  }
  const job: SyncJob = {
    jobId: newGenerationId(now, deps.random),
    trigger,
    startedAt: now.toISOString(),
    heartbeatAt: now.toISOString(),
    seq: 0,
    phase: 'fetch',
    since: new Date(now.getTime() - HISTORY_DAYS * 86_400_000).toISOString(),
    solutionIds: [],
    solutionsComplete: false,
    taskIndex: 0,
    cursor: null,
    pages: 0,
    requests: 0,
    invocations: 0,
    datasets: {},
    invalidItems: [],
    invalidCount: 0,
    error: null,
  };
  await saveJob(job);
  await updateSourceStatus('governance', (status) => ({ ...status, lastAttemptAt: job.startedAt }));
  await deps.enqueue({ source: 'governance', jobId: job.jobId, seq: 0 });
  return { outcome: 'started', jobId: job.jobId };
}

/**
 * One queue delivery: fetches pages until the egress budget or the time runs low, saving progress after
 * each page, then either enqueues the continuation or builds the views and publishes the generation.
 */
export async function runGovernanceSyncStep(event: SyncEvent, deps: SyncDeps, retryCount = 0): Promise<StepOutcome> {
  const job = await readJob();
  if (!job || job.jobId !== event.jobId) return { outcome: 'ignored', reason: 'superseded job' };
  if (job.seq !== event.seq) return { outcome: 'ignored', reason: `step ${event.seq} already done (now at ${job.seq})` };
  if (job.phase === 'done' || job.phase === 'failed') return { outcome: 'ignored', reason: `job already ${job.phase}` };
  // A retry redelivers the event whose step failed: it was claimed by the failed attempt, so it may proceed.
  if (retryCount === 0 && !(await claimStep(job.jobId, job.seq, deps.now()))) {
    return { outcome: 'ignored', reason: 'duplicate delivery' };
  }

  let requests = 0;
  const made = await deps.createClient(() => {
    if (requests >= REQUEST_BUDGET_PER_STEP) throw new RequestBudgetExhausted('egress budget for this invocation used');
    requests += 1;
  });
  if ('error' in made) return fail(job, made.error, deps);
  job.invocations += 1;

  try {
    while (job.phase === 'fetch') {
      const tasks = syncTasks(job.solutionsComplete ? job.solutionIds : []);
      if (job.taskIndex >= tasks.length) {
        job.phase = 'finalize';
        break;
      }
      if (deps.remainingTimeMs() < MIN_TIME_FOR_A_PAGE_MS || requests >= REQUEST_BUDGET_PER_STEP - 5) break;
      const task = tasks[job.taskIndex] as SyncTask;
      try {
        await fetchPage(made.client, job, task);
      } catch (error) {
        if (error instanceof RequestBudgetExhausted) break;
        throw error;
      }
      job.heartbeatAt = deps.now().toISOString();
      await saveJob({ ...job, requests: job.requests + requests });
    }
    job.requests += requests;
    if (job.phase === 'finalize') return await finalize(job, deps);
    job.seq += 1;
    job.heartbeatAt = deps.now().toISOString();
    await saveJob(job);
    await deps.enqueue({ source: 'governance', jobId: job.jobId, seq: job.seq });
    return { outcome: 'continued', jobId: job.jobId, seq: job.seq };
  } catch (error) {
    job.requests += requests;
    const message = describeError(error);
    const retryable = error instanceof GovernanceApiError ? error.retryable : !(error instanceof Error && error.name === 'ZodError');
    if (retryable && retryCount < MAX_STEP_RETRIES) {
      job.heartbeatAt = deps.now().toISOString();
      await saveJob(job);
      return { outcome: 'retry', jobId: job.jobId, error: message, retryAfterSeconds: 30 * (retryCount + 1) };
    }
    return fail(job, message, deps);
  }
}

async function fetchPage(client: GovernanceClient, job: SyncJob, task: SyncTask): Promise<void> {
  const page = await client.listPage(task.resource, {
    ...(task.solutionId !== null ? { solutionId: task.solutionId } : {}),
    ...(TIME_BOUNDED_RESOURCES.includes(task.resource) ? { since: job.since } : {}),
    cursor: job.cursor,
    limit: PAGE_SIZE,
  });
  const dataset = datasets.raw(task.resource, task.solutionId);
  const info = job.datasets[dataset] ?? { chunks: 0, count: 0 };
  const items = task.resource === 'changeEvents' ? (page.items as ChangeEvent[]).map(withSensitiveValuesRedacted) : page.items;
  const written = await writeDatasetChunks(job.jobId, dataset, info.chunks, items);
  const oversizedIds = new Set(written.oversized.map((o) => o.index));
  job.datasets[dataset] = { chunks: info.chunks + written.chunks, count: info.count + page.items.length - oversizedIds.size };
  if (task.resource === 'solutions') {
    job.solutionIds.push(...page.items.map((item) => (item as Solution).id).filter((id) => !job.solutionIds.includes(id)));
  }
  const problems: InvalidItemRecord[] = [
    ...page.invalid.map((item: InvalidItem) => ({ ...item, solutionId: task.solutionId })),
    ...written.oversized.map((o) => ({
      resource: task.resource,
      index: o.index,
      id: idOf(page.items[o.index]),
      issues: [`item is ${o.bytes} bytes, larger than one storage value; skipped`],
      solutionId: task.solutionId,
    })),
  ];
  job.invalidCount += problems.length;
  job.invalidItems.push(...problems.slice(0, Math.max(0, MAX_INVALID_ITEMS_KEPT - job.invalidItems.length)));
  job.pages += 1;
  job.cursor = page.nextCursor;
  if (page.nextCursor === null) {
    job.taskIndex += 1;
    if (task.resource === 'solutions') job.solutionsComplete = true;
  }
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/** Builds the prepared views from the fetched raw data and publishes the whole generation at once. */
async function finalize(job: SyncJob, deps: SyncDeps): Promise<StepOutcome> {
  const now = deps.now();
  const staged = { generation: job.jobId, publishedAt: job.startedAt, datasets: job.datasets, previous: null };
  const solutions = (await readDataset(datasets.raw('solutions', null), solutionSchema, staged))?.items ?? [];
  const all: DatasetIndex = { ...job.datasets };
  const problems: InvalidItemRecord[] = [];
  const settingsRead = await readAppSettings();
  if (settingsRead.issues.length > 0) {
    problems.push({ resource: 'settings', index: -1, id: null, issues: settingsRead.issues.map((issue) => `app settings ${issue}; using the defaults`), solutionId: null });
  }
  const solutionViews = [];
  for (const solution of solutions) {
    const context = createViewContext({ generation: job.jobId, staged, solution, solutions, now, written: all, problems, settings: settingsRead.settings });
    for (const build of solutionViewBuilders) await build(context);
    const environments = await context.read('environments');
    solutionViews.push({
      id: solution.id,
      name: solution.name,
      spaceKey: solution.spaceKey ?? null,
      stages: [...new Set(environments.map((environment) => environment.stage))],
      environments: environments.length,
    });
  }
  const viewWrite = await writeDatasetChunks(job.jobId, datasets.solutionsView, 0, solutionViews);
  all[datasets.solutionsView] = { chunks: viewWrite.chunks, count: solutionViews.length };
  job.invalidCount += problems.length;
  job.invalidItems.push(...problems.slice(0, Math.max(0, MAX_INVALID_ITEMS_KEPT - job.invalidItems.length)));

  await publishGeneration(job.jobId, all, now);
  const counts = countsByResource(job.datasets);
  await updateSourceStatus('governance', (status) => ({
    ...status,
    lastAttemptAt: job.startedAt,
    lastSuccessAt: now.toISOString(),
    counts,
    invalidItems: job.invalidItems,
    invalidCount: job.invalidCount,
    lastDurationMs: now.getTime() - Date.parse(job.startedAt),
    lastJobId: job.jobId,
  }));
  job.phase = 'done';
  job.datasets = all;
  job.heartbeatAt = now.toISOString();
  await saveJob(job);
  return { outcome: 'published', jobId: job.jobId, counts };
}

function countsByResource(index: DatasetIndex): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, info] of Object.entries(index)) {
    const resource = name.split('.')[1];
    if (name.startsWith('raw.') && resource) counts[resource] = (counts[resource] ?? 0) + info.count;
  }
  return counts;
}

/** A failed run keeps the last published generation: only its own staged chunks are dropped. */
async function fail(job: SyncJob, message: string, deps: SyncDeps): Promise<StepOutcome> {
  const now = deps.now();
  await discardGeneration(job.jobId, job.datasets);
  job.phase = 'failed';
  job.error = message;
  job.heartbeatAt = now.toISOString();
  await saveJob(job);
  await recordFailure(now, message, job.jobId);
  return { outcome: 'failed', jobId: job.jobId, error: message };
}

async function recordFailure(now: Date, message: string, jobId: string | null): Promise<void> {
  await updateSourceStatus('governance', (status) => ({
    ...status,
    lastAttemptAt: now.toISOString(),
    lastErrorAt: now.toISOString(),
    lastError: message,
    lastJobId: jobId ?? status.lastJobId,
  }));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
