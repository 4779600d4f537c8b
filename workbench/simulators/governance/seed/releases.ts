/** Releases and what they expect to find deployed; some are ready, some are not. */
import type { Release } from '../../../../src/sources/governance/schemas';
import { SOLUTIONS, type Stage } from './catalog';
import type { Versions } from './landscape';
import { DAY, iso, roundToHour } from './time';

export function seedReleases(now: number, versions: Versions): Release[] {
  const day = roundToHour(now);
  const artifacts = new Map(SOLUTIONS.flatMap((solution) => solution.artifacts).map((artifact) => [artifact.id, artifact]));
  const item = (artifactId: string, stage: Stage, bumpMinor = false) => {
    const artifact = artifacts.get(artifactId);
    if (!artifact) throw new Error(`Unknown artifact ${artifactId}`);
    const version = versions[artifactId]?.[stage] ?? '1.0.0';
    const [major = 1, minor = 0] = version.split('.').map(Number);
    return {
      artifactId,
      artifactName: artifact.name,
      kind: artifact.kind,
      expectedVersion: bumpMinor ? `${major}.${minor + 1}.0` : version,
    };
  };
  return [
    {
      id: 'rel-otc-holiday-readiness',
      name: 'OTC Holiday Readiness',
      targetEnvironmentId: 'env-otc-prod',
      plannedFor: iso(day + 5 * DAY),
      items: [
        item('art-otc-855-out', 'test'),
        item('art-otc-856-out', 'test'),
        item('art-otc-810-out', 'test'),
        // Not even in test yet: the release is not ready.
        item('art-otc-order-api', 'test', true),
        // Already live in production: ready.
        item('art-otc-uom-xref', 'prod'),
        // Its production deployment is scheduled (landscape.ts): scheduled.
        item('art-otc-orders-in', 'test'),
      ],
    },
    {
      id: 'rel-otc-850-hotfix',
      name: 'OTC 850 hotfix',
      targetEnvironmentId: 'env-otc-test',
      plannedFor: iso(day - 2 * DAY),
      items: [item('art-otc-850-in', 'test')],
    },
    {
      id: 'rel-log-nordic-onboarding',
      name: 'Nordic Freight onboarding',
      targetEnvironmentId: 'env-log-prod',
      plannedFor: iso(day + 12 * DAY),
      items: [
        item('art-log-desadv-out', 'test'),
        item('art-log-214-in', 'test'),
        item('art-log-nordic-profile', 'test'),
        item('art-log-nordic-sftp', 'test'),
      ],
    },
    {
      id: 'rel-fin-remittance-v3',
      name: 'Remittance v3',
      targetEnvironmentId: 'env-fin-test',
      plannedFor: iso(day + 2 * DAY),
      items: [item('art-fin-820-out', 'dev'), item('art-fin-pain001-out', 'dev'), item('art-fin-payments-api', 'test')],
    },
  ];
}
