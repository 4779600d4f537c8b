import { ConfluenceApiError, ensurePage, getPage, updatePage, type PageRef, type SpaceRef } from '../confluence/pages';
import { emptyLiveEvents } from '../domain/events/liveOverlay';
import { mappedSpaceKey } from '../domain/hub/spaceMapping';
import { summaryDue } from '../domain/statusSummary/cadence';
import { renderStatusSummary, statusPageTitle, statusVersionMessage } from '../domain/statusSummary/statusSummaryPage';
import { readLiveEventsOf } from '../store/liveEvents';
import { readAppSettings } from '../store/settings';
import { claimStatusSummary, readStatusSummaryRecords, releaseStatusSummaryClaim, writeStatusSummaryRecord, type StatusSummaryRecord } from '../store/statusSummaries';
import { readSourceStatus } from '../store/syncStatus';
import { readPointer } from '../store/snapshots';
import { readSolutions } from '../views/solutionsView';
import { expiringAssets } from './expiringAssets';
import { ensureReportsParent, requireSpace } from './reportPages';
import { loadStatusSummaryInput } from './statusSummaryData';

/** Stop starting new pages after this long, well inside the trigger's timeout; the rest stay due for the next run. */
const TIME_BUDGET_MS = 8 * 60_000;

export interface StatusSummaryRun {
  cadence: string;
  published: { solutionId: string; spaceKey: string; pageId: string; version: number }[];
  notDue: string[];
  skipped: { solutionId: string; reason: string }[];
  failed: { solutionId: string; error: string }[];
}

/**
 * Publishes the status summary of every mapped solution that is due under the configured cadence
 * (settings `summary.cadence` / `summary.weekday`). Each solution is claimed for the day first, so a duplicate
 * trigger run does nothing; a failure of one solution does not stop the others.
 */
export async function publishDueStatusSummaries(now: Date, clock: () => number = Date.now): Promise<StatusSummaryRun> {
  const started = clock();
  const { settings } = await readAppSettings();
  const { cadence, weekday } = settings.summary;
  const run: StatusSummaryRun = { cadence: cadence === 'weekly' ? `weekly on ${weekday}` : cadence, published: [], notDue: [], skipped: [], failed: [] };
  if (cadence === 'off') return run;
  const [pointer, status] = await Promise.all([readPointer(), readSourceStatus('governance')]);
  if (!pointer) {
    run.skipped.push({ solutionId: '*', reason: 'no governance data has been synced yet' });
    return run;
  }
  const solutions = await readSolutions(pointer);
  const overrides = settings.spaceMapping.bySolution;
  const mapped = solutions.flatMap((solution) => {
    const spaceKey = mappedSpaceKey(solution, overrides);
    if (!spaceKey) run.skipped.push({ solutionId: solution.id, reason: 'not mapped to a space' });
    return spaceKey ? [{ solution, spaceKey }] : [];
  });
  const records = await readStatusSummaryRecords(mapped.map(({ solution }) => solution.id));
  const due = mapped.filter(({ solution }) => {
    const isDue = summaryDue({ cadence, weekday, lastPublishedAt: records.get(solution.id)?.lastPublishedAt ?? null, now });
    if (!isDue) run.notDue.push(solution.id);
    return isDue;
  });
  if (due.length === 0) return run;

  const [live, assets] = await Promise.all([readLiveEventsOf(due.map(({ solution }) => solution.id), status), expiringAssets(settings, now)]);
  for (const { solution, spaceKey } of due) {
    const record = records.get(solution.id);
    const after = record?.lastPublishedAt ?? null;
    if (clock() - started > TIME_BUDGET_MS) {
      run.skipped.push({ solutionId: solution.id, reason: 'out of time in this run; due again at the next one' });
      continue;
    }
    if (!(await claimStatusSummary(solution.id, after))) {
      run.skipped.push({ solutionId: solution.id, reason: 'another run of the trigger is publishing it' });
      continue;
    }
    try {
      const input = await loadStatusSummaryInput(solution, {
        pointer,
        status,
        settings,
        now,
        live: live.get(solution.id) ?? emptyLiveEvents(),
        assets,
        cadence,
        lastPublishedAt: record?.lastPublishedAt ?? null,
      });
      const sameName = mapped.some((other) => other.solution.id !== solution.id && other.spaceKey.toUpperCase() === spaceKey.toUpperCase() && other.solution.name.trim() === solution.name.trim());
      const title = statusPageTitle(solution.name, sameName ? solution.id : undefined);
      const page = await writeStatusPage(spaceKey, title, renderStatusSummary(input), statusVersionMessage(now), record);
      await writeStatusSummaryRecord(solution.id, { lastPublishedAt: now.toISOString(), pageId: page.id, spaceKey, title: page.title, version: page.version });
      run.published.push({ solutionId: solution.id, spaceKey, pageId: page.id, version: page.version });
    } catch (error) {
      await releaseStatusSummaryClaim(solution.id, after).catch(() => undefined);
      run.failed.push({ solutionId: solution.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

/**
 * Creates the page under "Integration reports", or rewrites it in place: the page of the last run when it still
 * exists in that space (so a renamed solution keeps its page and history), else the page with this title.
 */
async function writeStatusPage(spaceKey: string, title: string, storage: string, message: string, record: StatusSummaryRecord | undefined): Promise<PageRef> {
  const space = await requireSpace(spaceKey);
  const previous = record && record.spaceKey.toUpperCase() === spaceKey.toUpperCase() ? await existingPage(record.pageId, space) : null;
  let target = previous;
  if (!target) {
    const parent = await ensureReportsParent(space);
    const ensured = await ensurePage('app', { spaceId: space.id, title, parentId: parent.id, storage });
    if (ensured.created) return ensured.page;
    target = ensured.page;
  }
  try {
    return (await updatePage('app', target.id, () => ({ storage, title, message }))).page;
  } catch (error) {
    // A renamed solution whose new title is taken in the space keeps its page's old title rather than failing.
    if (!(error instanceof ConfluenceApiError && error.status === 400 && target.title !== title)) throw error;
    return (await updatePage('app', target.id, (current) => ({ storage, title: current.title, message }))).page;
  }
}

async function existingPage(pageId: string, space: SpaceRef): Promise<PageRef | null> {
  try {
    const page = await getPage('app', pageId);
    return page.spaceId === space.id ? page : null;
  } catch (error) {
    if (error instanceof ConfluenceApiError && error.status === 404) return null;
    throw error;
  }
}
