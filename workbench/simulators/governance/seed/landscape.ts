/** Solutions, their dev/test/prod environments, and which version of each artifact runs where. */
import type { Deployment, Environment, Person, Solution } from '../../../../src/sources/governance/schemas';
import type { Random } from '../random';
import { RELEASE_PIPELINE, SOLUTIONS, STAGE_NAMES, STAGE_ORDER, endpointUrl, environmentId, type ArtifactSpec, type Stage } from './catalog';
import { DAY, HOUR, MINUTE, iso, roundToMinute } from './time';

export type Versions = Record<string, Record<Stage, string>>;

export interface Landscape {
  solutions: Solution[];
  environments: Environment[];
  deployments: Deployment[];
  /** artifactId -> stage -> the version that stage runs (or would run, for a failed or scheduled deployment). */
  versions: Versions;
}

/** Deployments that are not simply "deployed", keyed "<environmentId>/<artifactId>". */
const DEPLOYMENT_EXCEPTIONS: Record<string, string> = {
  'env-otc-prod/art-otc-856-out': 'failed',
  'env-otc-prod/art-otc-orders-in': 'scheduled',
  'env-log-prod/art-log-214-in': 'absent',
  'env-log-dev/art-log-iftsta-in': 'failed',
  'env-fin-test/art-fin-pain001-out': 'pending',
};

const DEPLOYED_DAYS_AGO: Record<Stage, [number, number]> = { dev: [0, 5], test: [1, 14], prod: [3, 45] };

export function seedLandscape(random: Random, now: number): Landscape {
  const solutions: Solution[] = SOLUTIONS.map(({ id, name, description, spaceKey }) => ({ id, name, description, spaceKey }));
  const environments: Environment[] = [];
  const deployments: Deployment[] = [];
  const versions: Versions = {};

  for (const solution of SOLUTIONS) {
    for (const stage of STAGE_ORDER) {
      const state = solution.status[stage];
      environments.push({
        id: environmentId(solution, stage),
        solutionId: solution.id,
        name: `${solution.label} ${STAGE_NAMES[stage]}`,
        stage,
        isProduction: stage === 'prod',
        status: state?.status ?? 'operational',
        statusMessage: state?.message ?? null,
        endpoints: solution.endpoints.map((endpoint) => ({
          name: endpoint.name,
          url: endpointUrl(endpoint.url, stage),
          protocol: endpoint.protocol,
        })),
        updatedAt: iso(roundToMinute(now - random.int(state ? 5 : 60, state ? 90 : 3 * 24 * 60) * MINUTE)),
      });
    }

    for (const artifact of solution.artifacts) {
      const promotedLater = STAGE_ORDER.some((stage) => DEPLOYMENT_EXCEPTIONS[`${environmentId(solution, stage)}/${artifact.id}`]);
      const prod = [random.int(1, 4), random.int(0, 9), random.int(0, 5)] as const;
      const test = promotedLater || random.chance(0.55) ? [prod[0], prod[1] + 1, 0] : [...prod];
      const dev = random.chance(0.5) ? [test[0], test[1], (test[2] ?? 0) + 1] : [...test];
      versions[artifact.id] = { prod: prod.join('.'), test: test.join('.'), dev: dev.join('.') };

      for (const stage of STAGE_ORDER) {
        const envId = environmentId(solution, stage);
        const status = DEPLOYMENT_EXCEPTIONS[`${envId}/${artifact.id}`] ?? 'deployed';
        deployments.push(deployment(random, now, artifact, envId, stage, status, versions[artifact.id] as Record<Stage, string>, solution.engineers));
      }
    }
  }
  return { solutions, environments, deployments, versions };
}

function deployment(
  random: Random,
  now: number,
  artifact: ArtifactSpec,
  environmentId: string,
  stage: Stage,
  status: string,
  versions: Record<Stage, string>,
  engineers: Person[],
): Deployment {
  const base = { artifactId: artifact.id, artifactName: artifact.name, kind: artifact.kind, environmentId };
  if (status === 'absent') return { ...base, version: '', status, deployedAt: null, deployedBy: null };
  // A failed or waiting deployment to production carries the version coming from test.
  const version = stage === 'prod' && status !== 'deployed' ? versions.test : versions[stage];
  if (status === 'scheduled' || status === 'pending') return { ...base, version, status, deployedAt: null, deployedBy: null };
  const [minDays, maxDays] = DEPLOYED_DAYS_AGO[stage];
  const deployedAt = status === 'failed' ? now - 2 * HOUR : now - random.int(minDays * DAY, maxDays * DAY + 8 * HOUR);
  return {
    ...base,
    version,
    status,
    deployedAt: iso(roundToMinute(deployedAt)),
    deployedBy: random.chance(0.6) ? RELEASE_PIPELINE : random.pick(engineers),
  };
}
