import { z } from 'zod';
import type { Deployment, Environment } from '../../sources/governance/schemas';

/**
 * What drift needs from one solution's synced data, prepared by the sync so a spec renders from one small read:
 * per environment its endpoints and, per artifact, the version and status deployed there; and the artifacts'
 * names once. Specs change between syncs, so drift itself is computed when a spec is read, from this.
 */
const environmentItemSchema = z.object({
  k: z.literal('environment'),
  id: z.string(),
  name: z.string(),
  stage: z.string(),
  isProduction: z.boolean(),
  endpoints: z.array(z.object({ name: z.string(), url: z.string(), protocol: z.string() })),
  /** artifactId -> [version, deployment status]. */
  deployments: z.record(z.tuple([z.string(), z.string()])),
});

const artifactNamesItemSchema = z.object({
  k: z.literal('artifacts'),
  /** artifactId -> [name, kind]. */
  artifacts: z.record(z.tuple([z.string(), z.string()])),
});

export const specDriftItemSchema = z.discriminatedUnion('k', [environmentItemSchema, artifactNamesItemSchema]);
export type SpecDriftItem = z.infer<typeof specDriftItemSchema>;
export type SnapshotEnvironment = z.infer<typeof environmentItemSchema>;

export interface SpecDriftSnapshot {
  environments: SnapshotEnvironment[];
  /** artifactId -> [name, kind], across the solution's environments. */
  artifacts: Record<string, [string, string]>;
}

const rank = (deployment: Deployment) => (deployment.status === 'deployed' ? 1 : 0);
const time = (deployment: Deployment) => (deployment.deployedAt ? Date.parse(deployment.deployedAt) : 0);

/** One item per environment plus one of artifact names. Where an environment lists an artifact twice, the deployed one wins, then the latest. */
export function buildSpecDriftItems(environments: readonly Environment[], deployments: readonly Deployment[]): SpecDriftItem[] {
  const chosen = new Map<string, Deployment>();
  const names: Record<string, [string, string]> = {};
  for (const deployment of deployments) {
    names[deployment.artifactId] = [deployment.artifactName, deployment.kind];
    const key = `${deployment.environmentId}\u0000${deployment.artifactId}`;
    const current = chosen.get(key);
    if (!current || rank(deployment) > rank(current) || (rank(deployment) === rank(current) && time(deployment) >= time(current))) {
      chosen.set(key, deployment);
    }
  }
  const items: SpecDriftItem[] = environments.map((environment) => ({
    k: 'environment',
    id: environment.id,
    name: environment.name,
    stage: environment.stage,
    isProduction: environment.isProduction,
    endpoints: environment.endpoints.map(({ name, url, protocol }) => ({ name, url, protocol })),
    deployments: {},
  }));
  const byId = new Map(items.flatMap((item) => (item.k === 'environment' ? [[item.id, item] as const] : [])));
  for (const deployment of chosen.values()) {
    const environment = byId.get(deployment.environmentId);
    if (environment) environment.deployments[deployment.artifactId] = [deployment.version, deployment.status];
  }
  items.push({ k: 'artifacts', artifacts: names });
  return items;
}

export function specDriftSnapshot(items: readonly SpecDriftItem[]): SpecDriftSnapshot {
  const snapshot: SpecDriftSnapshot = { environments: [], artifacts: {} };
  for (const item of items) {
    if (item.k === 'environment') snapshot.environments.push(item);
    else Object.assign(snapshot.artifacts, item.artifacts);
  }
  return snapshot;
}
