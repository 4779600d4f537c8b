import { storedEnvStatusRowSchema } from '../../domain/environments/envStatusRows';
import type { GovernanceEvent } from '../../domain/events/governanceEvents';
import type { LiveEvents } from '../../domain/events/liveOverlay';
import { datasets } from '../../store/datasets';
import { readLiveEventsOf } from '../../store/liveEvents';
import { readDataset } from '../../store/snapshots';
import { readGovernanceSnapshot } from '../../views/governanceSnapshot';
import { readSolutions, type SolutionView } from '../../views/solutionsView';

/**
 * What the events consumer needs to know about the landscape: which solution an environment belongs to, its name and
 * whether it is production. Change events and failures name only their environment, so the solution comes from the
 * last sync (plus environments pushed since); `subject` is used as a solution id when the environment is unknown.
 */
export interface KnownEnvironment {
  solutionId: string;
  name: string;
  isProduction: boolean;
}

export interface Landscape {
  solutions: SolutionView[];
  environments: Map<string, KnownEnvironment>;
  live: Map<string, LiveEvents>;
}

export async function loadLandscape(now: Date): Promise<Landscape> {
  const { pointer } = await readGovernanceSnapshot(now);
  const solutions = pointer ? await readSolutions(pointer) : [];
  const environments = new Map<string, KnownEnvironment>();
  const rows = await Promise.all(solutions.map((solution) => readDataset(datasets.envStatusView(solution.id), storedEnvStatusRowSchema, pointer)));
  for (const read of rows) {
    for (const row of read?.items ?? []) environments.set(row.id, { solutionId: row.solutionId, name: row.name, isProduction: row.isProduction });
  }
  const live = await readLiveEventsOf(solutions.map((solution) => solution.id));
  for (const overlay of live.values()) {
    for (const { environment } of overlay.environments) {
      environments.set(environment.id, { solutionId: environment.solutionId, name: environment.name, isProduction: environment.isProduction });
    }
  }
  return { solutions, environments, live };
}

function subjectSolution(event: GovernanceEvent, landscape: Landscape): string[] {
  if (!event.subject) return [];
  if (landscape.solutions.length === 0 || landscape.solutions.some((solution) => solution.id === event.subject)) return [event.subject];
  return [];
}

/** The solutions an event concerns (usually one; a maintenance window may span several). */
export function solutionsOfEvent(event: GovernanceEvent, landscape: Landscape): string[] {
  const ofEnvironment = (id: string) => landscape.environments.get(id)?.solutionId;
  let found: (string | undefined)[];
  switch (event.type) {
    case 'governance.environment.status_changed':
      return [event.data.solutionId];
    case 'governance.change.created':
      found = [ofEnvironment(event.data.environmentId), ...(event.data.promotion ? [ofEnvironment(event.data.promotion.toEnvironmentId)] : [])];
      break;
    case 'governance.failure.opened':
    case 'governance.failure.resolved':
      found = [ofEnvironment(event.data.environmentId)];
      break;
    case 'governance.maintenance.scheduled':
      found = event.data.environmentIds.map(ofEnvironment);
      break;
  }
  const solutions = [...new Set(found.filter((id): id is string => id !== undefined))];
  // A change's own environment decides; its promotion target only when the environment is unknown.
  if (event.type === 'governance.change.created' && solutions.length > 1) return solutions.slice(0, 1);
  return solutions.length > 0 ? solutions : subjectSolution(event, landscape);
}

/** Environment names of one solution as the views show them (synced, then pushed). */
export function environmentNamesOf(solutionId: string, landscape: Landscape): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, environment] of landscape.environments) if (environment.solutionId === solutionId) names.set(id, environment.name);
  return names;
}
