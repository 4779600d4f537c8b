import { z } from 'zod';
import {
  ENVIRONMENT_STATUSES,
  isKnown,
  type Deployment,
  type Environment,
  type MaintenanceWindow,
} from '../../sources/governance/schemas';

/**
 * The env-status view's rows, prepared by the sync so a macro render reads one small dataset per solution
 * instead of every deployment and window. Maintenance windows are kept as a short list and the current or
 * next one is picked at render time, because "next" depends on when the page is viewed.
 */
export const UPCOMING_WINDOWS_KEPT = 5;

const maintenanceSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type StoredMaintenance = z.infer<typeof maintenanceSchema>;

export const storedEnvStatusRowSchema = z.object({
  id: z.string(),
  solutionId: z.string(),
  name: z.string(),
  stage: z.string(),
  isProduction: z.boolean(),
  status: z.string(),
  statusMessage: z.string().nullable(),
  endpoints: z.array(z.object({ name: z.string(), url: z.string(), protocol: z.string() })),
  lastDeployment: z
    .object({
      artifactName: z.string(),
      version: z.string(),
      status: z.string(),
      deployedAt: z.string(),
      deployedBy: z.string().nullable(),
    })
    .nullable(),
  maintenance: z.array(maintenanceSchema),
  updatedAt: z.string(),
});
export type StoredEnvStatusRow = z.infer<typeof storedEnvStatusRowSchema>;

export function buildEnvStatusRows(
  environments: readonly Environment[],
  deployments: readonly Deployment[],
  windows: readonly MaintenanceWindow[],
  now: Date,
): StoredEnvStatusRow[] {
  return environments.map((environment) => ({
    id: environment.id,
    solutionId: environment.solutionId,
    name: environment.name,
    stage: environment.stage,
    isProduction: environment.isProduction,
    status: environment.status,
    statusMessage: environment.statusMessage ?? null,
    endpoints: environment.endpoints.map(({ name, url, protocol }) => ({ name, url, protocol })),
    lastDeployment: lastDeploymentOf(environment.id, deployments),
    maintenance: openWindowsOf(environment.id, windows, now),
    updatedAt: environment.updatedAt,
  }));
}

function lastDeploymentOf(environmentId: string, deployments: readonly Deployment[]): StoredEnvStatusRow['lastDeployment'] {
  let latest: Deployment | null = null;
  for (const deployment of deployments) {
    if (deployment.environmentId !== environmentId || !deployment.deployedAt) continue;
    if (!latest || Date.parse(deployment.deployedAt) > Date.parse(latest.deployedAt as string)) latest = deployment;
  }
  if (!latest?.deployedAt) return null;
  return {
    artifactName: latest.artifactName,
    version: latest.version,
    status: latest.status,
    deployedAt: latest.deployedAt,
    deployedBy: latest.deployedBy?.name ?? null,
  };
}

/** Windows that are not over: in progress or still to come, soonest first. */
function openWindowsOf(environmentId: string, windows: readonly MaintenanceWindow[], now: Date): StoredMaintenance[] {
  return windows
    .filter((window) => window.environmentIds.includes(environmentId))
    .filter((window) => window.status !== 'cancelled' && window.status !== 'completed')
    .filter((window) => Date.parse(window.endsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, UPCOMING_WINDOWS_KEPT)
    .map(({ id, title, kind, status, startsAt, endsAt }) => ({ id, title, kind, status, startsAt, endsAt }));
}

/** The window in progress at `now`, else the next one to start. */
export function currentOrNextWindow(windows: readonly StoredMaintenance[], now: Date): StoredMaintenance | null {
  const t = now.getTime();
  const open = windows.filter((window) => Date.parse(window.endsAt) > t);
  const inProgress = open.find((window) => window.status === 'in_progress' || Date.parse(window.startsAt) <= t);
  return inProgress ?? open.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0] ?? null;
}

export function isKnownEnvironmentStatus(status: string): boolean {
  return isKnown(ENVIRONMENT_STATUSES, status);
}
