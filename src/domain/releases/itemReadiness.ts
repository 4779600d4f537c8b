import { READINESS_STATE_ORDER, type ReadinessStateName } from '../../shared/releaseReadinessContract';
import type { Deployment } from '../../sources/governance/schemas';

/**
 * The readiness of one release item in its target environment, worst first:
 * - failed: the latest deployment attempt of the artifact there failed;
 * - missing: the artifact is absent or was never deployed there;
 * - mismatch: another version is deployed;
 * - scheduled: a deployment of the expected version is scheduled;
 * - ready: the expected version is deployed.
 * When several apply, the first of ready, scheduled, failed, mismatch, missing wins: a running expected version is
 * ready whatever happened to later attempts, and a scheduled retry of a failed deployment counts as on its way.
 */
export const READINESS_STATES = READINESS_STATE_ORDER;
export type ReadinessState = ReadinessStateName;

/** What the backend records for one artifact in one environment. */
export interface ArtifactInEnvironment {
  /** The version running there: the latest successful deployment; null when none. */
  deployedVersion: string | null;
  deployedAt: string | null;
  /** The latest attempt, when it failed. */
  failure: { version: string; at: string | null } | null;
  /** A scheduled deployment: of the expected version when there is one, else the first. */
  scheduledVersion: string | null;
  /** What the latest record says (deployed, failed, scheduled, pending, absent or a newer value); null with no record. */
  latestStatus: string | null;
}

const NOTHING: ArtifactInEnvironment = { deployedVersion: null, deployedAt: null, failure: null, scheduledVersion: null, latestStatus: null };

/** Versions compare as written, ignoring surrounding spaces: "1.2" and "1.2.0" are different releases of a map. */
export function sameVersion(a: string | null | undefined, b: string | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && a.trim() !== '' && a.trim() === b.trim();
}

function time(at: string | null): number {
  return at === null ? Number.NEGATIVE_INFINITY : Date.parse(at);
}

function attemptTime(record: Deployment): number {
  return record.status === 'failed' && record.deployedAt === null ? Number.POSITIVE_INFINITY : time(record.deployedAt);
}

/**
 * Folds the backend's deployment records of one artifact in one environment (one current record, or a history) into
 * what readiness needs. Records without a time order before dated ones, except a failure without a time, which is
 * taken as the latest attempt: the backend reports it, and hiding it would be the riskier mistake.
 */
export function artifactInEnvironment(records: readonly Deployment[], expectedVersion?: string): ArtifactInEnvironment {
  if (records.length === 0) return NOTHING;
  let deployed: Deployment | null = null;
  let attempt: Deployment | null = null;
  let latest: Deployment | null = null;
  const scheduled: string[] = [];
  for (const record of records) {
    if (!latest || time(record.deployedAt) >= time(latest.deployedAt)) latest = record;
    if (record.status === 'deployed' && (!deployed || time(record.deployedAt) >= time(deployed.deployedAt))) deployed = record;
    if ((record.status === 'deployed' || record.status === 'failed') && (!attempt || attemptTime(record) >= attemptTime(attempt))) {
      attempt = record;
    }
    if (record.status === 'scheduled') scheduled.push(record.version);
  }
  return {
    deployedVersion: deployed ? deployed.version : null,
    deployedAt: deployed?.deployedAt ?? null,
    failure: attempt?.status === 'failed' ? { version: attempt.version, at: attempt.deployedAt } : null,
    scheduledVersion: scheduled.find((version) => sameVersion(version, expectedVersion)) ?? scheduled[0] ?? null,
    latestStatus: latest?.status ?? null,
  };
}

export function readinessState(expectedVersion: string, target: ArtifactInEnvironment): ReadinessState {
  if (sameVersion(target.deployedVersion, expectedVersion)) return 'ready';
  if (sameVersion(target.scheduledVersion, expectedVersion)) return 'scheduled';
  if (target.failure) return 'failed';
  if (target.deployedVersion !== null) return 'mismatch';
  return 'missing';
}

/** Deployment records grouped by "<environmentId>\n<artifactId>", for looking items up without scanning. */
export function deploymentsByEnvironmentAndArtifact(deployments: readonly Deployment[]): Map<string, Deployment[]> {
  const grouped = new Map<string, Deployment[]>();
  for (const deployment of deployments) {
    const key = slotKey(deployment.environmentId, deployment.artifactId);
    const list = grouped.get(key);
    if (list) list.push(deployment);
    else grouped.set(key, [deployment]);
  }
  return grouped;
}

export function slotKey(environmentId: string, artifactId: string): string {
  return `${environmentId}\n${artifactId}`;
}
