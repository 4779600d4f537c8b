import type { Release } from '../../../src/sources/governance/schemas';
import { deployment, environment, hoursFromNow } from '../../fixtures/governance';

export { deployment, environment, hoursFromNow, NOW } from '../../fixtures/governance';

export const devEnv = environment({ id: 'otc-dev', name: 'OTC Development', stage: 'dev', isProduction: false });
export const testEnv = environment({ id: 'otc-test', name: 'OTC Test', stage: 'test', isProduction: false });
export const prodEnv = environment({ id: 'otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true });

export function release(overrides: Partial<Release> = {}): Release {
  return {
    id: 'rel-holiday',
    name: 'Holiday readiness',
    targetEnvironmentId: 'otc-prod',
    plannedFor: hoursFromNow(72),
    items: [{ artifactId: 'map-850', artifactName: 'X12 850 to IDOC ORDERS05', kind: 'map', expectedVersion: '4.2.0' }],
    ...overrides,
  };
}

/** A deployment of map-850 in production at the given version, `hours` from now. */
export function prodDeployment(version: string, status = 'deployed', hours: number | null = -30) {
  return deployment({ version, status, deployedAt: hours === null ? null : hoursFromNow(hours) });
}
