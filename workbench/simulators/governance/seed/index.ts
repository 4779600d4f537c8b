/** The simulator's data set: the same seed and clock always give the same data. */
import type {
  ChangeEvent,
  Credential,
  Deployment,
  Environment,
  Failure,
  MaintenanceWindow,
  Release,
  Solution,
} from '../../../../src/sources/governance/schemas';
import { createRandom } from '../random';
import { seedChangeEvents } from './changeEvents';
import { seedCredentials } from './credentials';
import { seedFailures } from './failures';
import { seedLandscape } from './landscape';
import { seedMaintenanceWindows } from './maintenanceWindows';
import { seedReleases } from './releases';

/** Keyed like the client's resources (`GovernanceResource`), so tests can reach the data behind any listing. */
export interface SimulatorData {
  solutions: Solution[];
  environments: Environment[];
  deployments: Deployment[];
  credentials: Credential[];
  changeEvents: ChangeEvent[];
  failures: Failure[];
  maintenanceWindows: MaintenanceWindow[];
  releases: Release[];
}

export function seedData(seed: number, now: Date): SimulatorData {
  const random = createRandom(seed);
  const at = now.getTime();
  const landscape = seedLandscape(random, at);
  return {
    solutions: landscape.solutions,
    environments: landscape.environments,
    deployments: landscape.deployments,
    credentials: seedCredentials(random, at),
    changeEvents: seedChangeEvents(random, at, landscape.versions),
    failures: seedFailures(random, at),
    maintenanceWindows: seedMaintenanceWindows(at),
    releases: seedReleases(at, landscape.versions),
  };
}
