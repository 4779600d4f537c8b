import { endpointOrigin, sameEndpointUrl } from './endpointUrl';
import type { InterfaceSpec, SpecEndpoint } from './interfaceSpec';
import type { SnapshotEnvironment, SpecDriftSnapshot } from './specDriftSnapshot';

/**
 * Drift: what the synced environments run and expose, compared with what the spec says they should. Versions are
 * compared exactly as written ("2.3.1" and "v2.3.1" differ): the spec names the version the backend reports.
 */

/** Roll-up of one environment or a whole spec: any drift wins, then gaps (not deployed, endpoint missing). */
export type DriftState = 'match' | 'drift' | 'gaps' | 'unchecked';

interface ArtifactCheckBase {
  artifactId: string;
  /** From the synced deployments; null when no environment of the solution knows the artifact. */
  artifactName: string | null;
  expected: string;
}

export type ArtifactCheck =
  | (ArtifactCheckBase & { state: 'match'; deployed: string })
  | (ArtifactCheckBase & { state: 'drift'; deployed: string })
  /** No deployment, or one that is not (yet) in place: absent, failed, scheduled, pending. */
  | (ArtifactCheckBase & { state: 'not-deployed'; deploymentStatus: string | null; version: string | null });

export interface EnvironmentEndpoint {
  name: string;
  url: string;
  protocol: string;
}

export type EndpointCheck =
  | { state: 'match'; expected: SpecEndpoint; actual: EnvironmentEndpoint }
  /** The environment has an endpoint on the same server or with the same protocol, at another URL or protocol. */
  | { state: 'drift'; expected: SpecEndpoint; actual: EnvironmentEndpoint; differs: ('url' | 'protocol')[] }
  /** Nothing in the environment resembles the spec's endpoint. */
  | { state: 'missing'; expected: SpecEndpoint; available: number }
  /** The spec names no endpoint for this environment. */
  | { state: 'not-specified' };

export interface EnvironmentDrift {
  environmentId: string;
  name: string;
  stage: string;
  isProduction: boolean;
  state: DriftState;
  artifacts: ArtifactCheck[];
  endpoint: EndpointCheck;
  counts: { match: number; drift: number; notDeployed: number };
}

export interface SpecDrift {
  state: DriftState;
  environments: EnvironmentDrift[];
  /** Environments the spec names an endpoint for that the solution does not have (a typo, or one since removed). */
  unknownEnvironments: string[];
}

const STAGE_ORDER: Record<string, number> = { dev: 0, test: 1, prod: 2 };

export function checkArtifact(
  artifact: InterfaceSpec['artifacts'][number],
  environment: Pick<SnapshotEnvironment, 'deployments'>,
  artifactName: string | null,
): ArtifactCheck {
  const base = { artifactId: artifact.artifactId, artifactName, expected: artifact.expectedVersion };
  const deployment = environment.deployments[artifact.artifactId];
  if (!deployment) return { ...base, state: 'not-deployed', deploymentStatus: null, version: null };
  const [version, status] = deployment;
  if (status !== 'deployed') return { ...base, state: 'not-deployed', deploymentStatus: status, version: version || null };
  return version.trim() === artifact.expectedVersion.trim() ? { ...base, state: 'match', deployed: version } : { ...base, state: 'drift', deployed: version };
}

const sameProtocol = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checkEndpoint(expected: SpecEndpoint | undefined, endpoints: readonly EnvironmentEndpoint[]): EndpointCheck {
  if (!expected) return { state: 'not-specified' };
  const exact = endpoints.find((endpoint) => sameEndpointUrl(endpoint.url, expected.url));
  if (exact) {
    return sameProtocol(exact.protocol, expected.protocol)
      ? { state: 'match', expected, actual: exact }
      : { state: 'drift', expected, actual: exact, differs: ['protocol'] };
  }
  const origin = endpointOrigin(expected.url);
  const nearest =
    endpoints.find((endpoint) => origin !== null && endpointOrigin(endpoint.url) === origin) ??
    endpoints.find((endpoint) => sameProtocol(endpoint.protocol, expected.protocol));
  if (!nearest) return { state: 'missing', expected, available: endpoints.length };
  return {
    state: 'drift',
    expected,
    actual: nearest,
    differs: sameProtocol(nearest.protocol, expected.protocol) ? ['url'] : ['url', 'protocol'],
  };
}

function rollUp(states: readonly ('match' | 'drift' | 'gap')[]): DriftState {
  if (states.includes('drift')) return 'drift';
  if (states.includes('gap')) return 'gaps';
  return states.length > 0 ? 'match' : 'unchecked';
}

const asCheck = (state: ArtifactCheck['state'] | EndpointCheck['state']): 'match' | 'drift' | 'gap' | null =>
  state === 'match' ? 'match' : state === 'drift' ? 'drift' : state === 'not-specified' ? null : 'gap';

export function environmentDrift(spec: InterfaceSpec, environment: SnapshotEnvironment, names: SpecDriftSnapshot['artifacts']): EnvironmentDrift {
  const artifacts = spec.artifacts.map((artifact) => checkArtifact(artifact, environment, names[artifact.artifactId]?.[0] ?? null));
  const endpoint = checkEndpoint(
    spec.endpoints.find((e) => e.environmentId === environment.id),
    environment.endpoints,
  );
  const states = [...artifacts.map((a) => asCheck(a.state)), asCheck(endpoint.state)].filter((s): s is 'match' | 'drift' | 'gap' => s !== null);
  return {
    environmentId: environment.id,
    name: environment.name,
    stage: environment.stage,
    isProduction: environment.isProduction,
    state: rollUp(states),
    artifacts,
    endpoint,
    counts: {
      match: artifacts.filter((a) => a.state === 'match').length,
      drift: artifacts.filter((a) => a.state === 'drift').length,
      notDeployed: artifacts.filter((a) => a.state === 'not-deployed').length,
    },
  };
}

/**
 * The spec against every environment of its solution (or only the given stages), dev to prod. An empty `stages`
 * means every stage.
 */
export function interfaceSpecDrift(spec: InterfaceSpec, snapshot: SpecDriftSnapshot, options: { stages?: readonly string[] } = {}): SpecDrift {
  const stages = options.stages ?? [];
  const known = new Set(snapshot.environments.map((e) => e.id));
  const environments = snapshot.environments
    .filter((environment) => stages.length === 0 || stages.includes(environment.stage))
    .sort((a, b) => (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) || a.name.localeCompare(b.name))
    .map((environment) => environmentDrift(spec, environment, snapshot.artifacts));
  const state = rollUp(
    environments.flatMap((e) => (e.state === 'unchecked' ? [] : [e.state === 'gaps' ? ('gap' as const) : e.state])),
  );
  return {
    state,
    environments,
    unknownEnvironments: spec.endpoints.map((e) => e.environmentId).filter((id) => !known.has(id)),
  };
}
