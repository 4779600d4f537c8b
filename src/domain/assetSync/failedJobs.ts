/**
 * Which failed jobs an asset shows: the newest failures within the window the admin set
 * (settings assets.failedJobsWindowDays), each job once. Pure.
 */
import type { DamFailedJob } from '../../sources/dam/asset';

export const MAX_FAILED_JOBS_PER_ASSET = 10;

const DAY_MS = 86_400_000;

export function isWithinWindow(job: Pick<DamFailedJob, 'at'>, now: Date, windowDays: number): boolean {
  // A job without a time cannot be aged out by time; it leaves when a full pass no longer finds it.
  return job.at === null || Date.parse(job.at) >= now.getTime() - windowDays * DAY_MS;
}

/**
 * The asset's failed jobs after a sync read `incoming` ones: a job read again replaces the stored copy, jobs older
 * than the window drop off, newest first, at most ten.
 */
export function mergeFailedJobs(
  existing: readonly DamFailedJob[],
  incoming: readonly DamFailedJob[],
  options: { now: Date; windowDays: number; max?: number },
): DamFailedJob[] {
  const byId = new Map<string, DamFailedJob>();
  for (const job of existing) byId.set(job.id, job);
  for (const job of incoming) byId.set(job.id, job);
  return [...byId.values()]
    .filter((job) => isWithinWindow(job, options.now, options.windowDays))
    .sort((a, b) => (b.at === null ? -1 : a.at === null ? 1 : Date.parse(b.at) - Date.parse(a.at)) || a.id.localeCompare(b.id))
    .slice(0, options.max ?? MAX_FAILED_JOBS_PER_ASSET);
}

/** Whether two lists hold the same jobs in the same state (so an unchanged asset is not written again). */
export function sameFailedJobs(a: readonly DamFailedJob[], b: readonly DamFailedJob[]): boolean {
  return a.length === b.length && a.every((job, index) => JSON.stringify(job) === JSON.stringify(b[index]));
}
