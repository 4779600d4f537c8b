import { buildSpecDriftItems, specDriftItemSchema, specDriftSnapshot } from '../../../src/domain/specs/specDriftSnapshot';
import type { Deployment, Environment } from '../../../src/sources/governance/schemas';

const environment = (id: string, stage: string): Environment => ({
  id,
  solutionId: 'sol-otc',
  name: `OTC ${stage}`,
  stage,
  isProduction: stage === 'prod',
  status: 'operational',
  statusMessage: null,
  endpoints: [{ name: 'Order API', url: `https://api-${stage}.example.com/orders`, protocol: 'HTTPS', extra: 'dropped' } as never],
  updatedAt: '2026-11-20T10:00:00Z',
});

const deployment = (environmentId: string, version: string, status: string, deployedAt: string | null): Deployment => ({
  artifactId: 'art-map',
  artifactName: 'PO map',
  kind: 'map',
  environmentId,
  version,
  status,
  deployedAt,
  deployedBy: null,
});

describe('buildSpecDriftItems', () => {
  it('keeps per environment its endpoints and the version and status of each artifact', () => {
    const items = buildSpecDriftItems([environment('env-dev', 'dev')], [deployment('env-dev', '1.2.0', 'deployed', '2026-11-19T10:00:00Z')]);
    expect(items).toEqual([
      { k: 'environment', id: 'env-dev', name: 'OTC dev', stage: 'dev', isProduction: false, endpoints: [{ name: 'Order API', url: 'https://api-dev.example.com/orders', protocol: 'HTTPS' }], deployments: { 'art-map': ['1.2.0', 'deployed'] } },
      { k: 'artifacts', artifacts: { 'art-map': ['PO map', 'map'] } },
    ]);
    for (const item of items) expect(specDriftItemSchema.safeParse(item).success).toBe(true);
  });

  it('prefers the deployed record over a failed retry of the same artifact', () => {
    const items = buildSpecDriftItems(
      [environment('env-prod', 'prod')],
      [deployment('env-prod', '1.1.0', 'deployed', '2026-11-01T10:00:00Z'), deployment('env-prod', '1.2.0', 'failed', '2026-11-20T10:00:00Z')],
    );
    expect(specDriftSnapshot(items).environments[0]?.deployments['art-map']).toEqual(['1.1.0', 'deployed']);
  });

  it('keeps the latest of two deployed records', () => {
    const items = buildSpecDriftItems(
      [environment('env-prod', 'prod')],
      [deployment('env-prod', '1.2.0', 'deployed', '2026-11-20T10:00:00Z'), deployment('env-prod', '1.1.0', 'deployed', '2026-11-01T10:00:00Z')],
    );
    expect(specDriftSnapshot(items).environments[0]?.deployments['art-map']).toEqual(['1.2.0', 'deployed']);
  });

  it('ignores deployments to environments of other solutions', () => {
    const items = buildSpecDriftItems([environment('env-dev', 'dev')], [deployment('env-elsewhere', '9.9.9', 'deployed', null)]);
    expect(specDriftSnapshot(items).environments[0]?.deployments).toEqual({});
  });
});
