/** The list resources the simulator serves, and the filters each one honours. */
import type { SimulatorData } from './seed';

export interface ListQuery {
  solutionId: string | null;
  environmentId: string | null;
  /** Epoch milliseconds. */
  since: number | null;
  state: string | null;
}

interface ResourceRoute {
  key: keyof SimulatorData;
  perSolution: boolean;
  /** Query parameters that change the listing, so a cursor is only valid with the same values. */
  filters: (keyof ListQuery)[];
  select(data: SimulatorData, query: ListQuery, solutionOf: (environmentId: string) => string | undefined): unknown[];
}

export const RESOURCE_ROUTES: Record<string, ResourceRoute> = {
  '/v1/solutions': {
    key: 'solutions',
    perSolution: false,
    filters: [],
    select: (data) => data.solutions,
  },
  '/v1/environments': {
    key: 'environments',
    perSolution: true,
    filters: ['solutionId'],
    select: (data, q) => data.environments.filter((e) => e.solutionId === q.solutionId),
  },
  '/v1/deployments': {
    key: 'deployments',
    perSolution: true,
    filters: ['solutionId', 'environmentId'],
    select: (data, q, solutionOf) =>
      data.deployments.filter(
        (d) => solutionOf(d.environmentId) === q.solutionId && (q.environmentId === null || d.environmentId === q.environmentId),
      ),
  },
  '/v1/credentials': {
    key: 'credentials',
    perSolution: true,
    filters: ['solutionId'],
    select: (data, q, solutionOf) => data.credentials.filter((c) => solutionOf(c.environmentId) === q.solutionId),
  },
  '/v1/change-events': {
    key: 'changeEvents',
    perSolution: true,
    filters: ['solutionId', 'since'],
    select: (data, q, solutionOf) =>
      data.changeEvents.filter(
        (c) => solutionOf(c.environmentId) === q.solutionId && (q.since === null || Date.parse(c.occurredAt) >= q.since),
      ),
  },
  '/v1/failures': {
    key: 'failures',
    perSolution: true,
    filters: ['solutionId', 'since', 'state'],
    select: (data, q, solutionOf) =>
      data.failures.filter(
        (f) =>
          solutionOf(f.environmentId) === q.solutionId &&
          (q.since === null || Date.parse(f.lastSeenAt) >= q.since) &&
          (q.state === null || f.state === q.state),
      ),
  },
  '/v1/maintenance-windows': {
    key: 'maintenanceWindows',
    perSolution: true,
    filters: ['solutionId'],
    select: (data, q, solutionOf) => data.maintenanceWindows.filter((w) => w.environmentIds.some((id) => solutionOf(id) === q.solutionId)),
  },
  '/v1/releases': {
    key: 'releases',
    perSolution: true,
    filters: ['solutionId'],
    select: (data, q, solutionOf) => data.releases.filter((r) => solutionOf(r.targetEnvironmentId) === q.solutionId),
  },
};
