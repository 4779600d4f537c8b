import { publishDueStatusSummaries } from '../publishing/statusSummary';

/**
 * Scheduled trigger (daily): publishes the "Integration status — <solution>" pages that are due under the
 * configured cadence. Runs once a day at a time Forge picks; a run Forge skips is caught up by the next one
 * (src/domain/statusSummary/cadence.ts), and a duplicate run finds each solution already claimed for the day.
 */
export async function statusSummarySchedule(): Promise<{ statusCode: number; body: string }> {
  const run = await publishDueStatusSummaries(new Date());
  const published = run.published.map((p) => `${p.solutionId} -> ${p.spaceKey} page ${p.pageId} v${p.version}`).join(', ');
  console.log(
    `status summary (${run.cadence}): published ${run.published.length}${published ? ` (${published})` : ''}, not due ${run.notDue.length}, ` +
      `skipped ${run.skipped.length}${run.skipped.length ? ` (${run.skipped.map((s) => `${s.solutionId}: ${s.reason}`).join('; ')})` : ''}`,
  );
  for (const failure of run.failed) console.error(`status summary of ${failure.solutionId} failed: ${failure.error}`);
  return { statusCode: run.failed.length > 0 ? 500 : 204, body: '' };
}
