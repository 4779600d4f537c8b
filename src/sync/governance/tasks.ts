import type { GovernanceResource } from '../../sources/governance/schemas';

/** What one sync reads, in order: the solutions, then each solution's resources. */
export const PER_SOLUTION_RESOURCES = [
  'environments',
  'deployments',
  'maintenanceWindows',
  'credentials',
  'changeEvents',
  'failures',
  'releases',
] as const satisfies readonly GovernanceResource[];

/** Resources read only from `since` onwards: their history grows without bound. */
export const TIME_BOUNDED_RESOURCES: readonly GovernanceResource[] = ['changeEvents', 'failures'];
export const HISTORY_DAYS = 90;

export interface SyncTask {
  resource: GovernanceResource;
  solutionId: string | null;
}

export function syncTasks(solutionIds: readonly string[]): SyncTask[] {
  return [
    { resource: 'solutions', solutionId: null },
    ...solutionIds.flatMap((solutionId) => PER_SOLUTION_RESOURCES.map((resource) => ({ resource, solutionId }))),
  ];
}
