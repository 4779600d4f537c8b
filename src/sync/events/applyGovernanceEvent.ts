import { toChangeRow } from '../../domain/changes/changeRows';
import type { ChangeLogEntryInput } from '../../domain/changeLog/changeLogEntry';
import type { GovernanceEvent } from '../../domain/events/governanceEvents';
import type { LiveUpdate } from '../../domain/events/liveOverlay';
import { mappedSpaceKey } from '../../domain/hub/spaceMapping';
import { isRetryableConfluenceError } from '../../publishing/reportPages';
import { writeChangeLogEntries } from '../../publishing/changeLog';
import { applyLiveUpdates } from '../../store/liveEvents';
import { readAppSettings } from '../../store/settings';
import { environmentNamesOf, loadLandscape, solutionsOfEvent, type Landscape } from './governanceEventLandscape';

/**
 * What the events consumer does with one accepted event:
 *  1. update the live overlay of each solution it concerns, so the macros show it at once;
 *  2. for a new change, add an entry to the "Integration change log" page of each mapped space.
 * Both steps are idempotent (the overlay keeps the newest state per id, the page de-duplicates by change id), so a
 * redelivered or retried event does no harm.
 */
export type EventOutcome =
  | { kind: 'done'; detail: string }
  /** Try again later (the queue's retry): a lock held by another delivery, Confluence rate limits or outages. */
  | { kind: 'retry'; detail: string };

function liveUpdateOf(event: GovernanceEvent, solutionId: string, landscape: Landscape, receivedAt: string): LiveUpdate {
  const stamp = { receivedAt, eventTime: event.time };
  switch (event.type) {
    case 'governance.change.created':
      return { kind: 'change', entry: { ...stamp, production: isProductionChange(event, landscape), row: toChangeRow(event.data, environmentNamesOf(solutionId, landscape)) } };
    case 'governance.failure.opened':
    case 'governance.failure.resolved':
      return { kind: 'failure', entry: { ...stamp, eventType: event.type, failure: event.data } };
    case 'governance.environment.status_changed':
      return { kind: 'environment', entry: { ...stamp, environment: event.data } };
    case 'governance.maintenance.scheduled':
      return { kind: 'maintenance', entry: { ...stamp, window: event.data } };
  }
}

function isProductionChange(event: Extract<GovernanceEvent, { type: 'governance.change.created' }>, landscape: Landscape): boolean {
  const production = (id: string) => landscape.environments.get(id)?.isProduction === true;
  return production(event.data.environmentId) || (event.data.promotion !== null && production(event.data.promotion.toEnvironmentId));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function applyGovernanceEvent(event: GovernanceEvent, receivedAt: string, now: Date): Promise<EventOutcome> {
  const landscape = await loadLandscape(now);
  const solutionIds = solutionsOfEvent(event, landscape);
  if (solutionIds.length === 0) {
    return { kind: 'done', detail: 'no known solution has this environment yet; the next sync brings it' };
  }
  try {
    for (const solutionId of solutionIds) await applyLiveUpdates(solutionId, [liveUpdateOf(event, solutionId, landscape, receivedAt)]);
  } catch (error) {
    return { kind: 'retry', detail: `live events: ${message(error)}` };
  }
  if (event.type !== 'governance.change.created') return { kind: 'done', detail: `live events of ${solutionIds.join(', ')} updated` };

  const { settings } = await readAppSettings();
  const written: string[] = [];
  const skipped: string[] = [];
  for (const solutionId of solutionIds) {
    const solution = landscape.solutions.find((candidate) => candidate.id === solutionId);
    const spaceKey = solution ? mappedSpaceKey(solution, settings.spaceMapping.bySolution) : null;
    if (!solution || !spaceKey) {
      skipped.push(`${solutionId} is not mapped to a space`);
      continue;
    }
    const entry: ChangeLogEntryInput = {
      row: toChangeRow(event.data, environmentNamesOf(solutionId, landscape)),
      solution: { id: solution.id, name: solution.name },
      production: isProductionChange(event, landscape),
    };
    try {
      const result = await writeChangeLogEntries(spaceKey, [entry]);
      written.push(`${spaceKey} page ${result.pageId}${result.inserted ? '' : ' (already there)'}${result.archived ? `, ${result.archived} archived` : ''}`);
    } catch (error) {
      if (isRetryableConfluenceError(error)) return { kind: 'retry', detail: `change log in ${spaceKey}: ${message(error)}` };
      skipped.push(`change log in ${spaceKey}: ${message(error)}`);
    }
  }
  return { kind: 'done', detail: [written.length ? `change log: ${written.join('; ')}` : '', ...skipped].filter(Boolean).join('; ') };
}
