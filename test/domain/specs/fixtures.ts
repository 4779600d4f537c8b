import type { InterfaceSpec } from '../../../src/domain/specs/interfaceSpec';
import type { SpecDriftSnapshot } from '../../../src/domain/specs/specDriftSnapshot';

/** A complete, valid spec for the inbound X12 850 of Retail Order-to-Cash (ids as in the simulator's seed). */
export function validSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    solutionId: 'sol-otc',
    name: 'Purchase orders from US retail partners',
    description: 'X12 850 purchase orders received over AS2 and mapped into the order management service.',
    partners: [
      { id: 'ptn-acme', name: 'Acme Retail' },
      { id: 'ptn-globex', name: 'Globex Wholesale' },
    ],
    direction: 'inbound',
    message: { type: 'X12 850', version: '4010' },
    schema: { kind: 'edi-guideline', name: 'Acme 850 implementation guideline', version: '4010 rev 7' },
    endpoints: [
      { environmentId: 'env-otc-test', url: 'https://as2-test.otc.example-retail.com/as2/receive', protocol: 'AS2' },
      { environmentId: 'env-otc-prod', url: 'https://as2.otc.example-retail.com/as2/receive', protocol: 'AS2' },
    ],
    artifacts: [
      { artifactId: 'art-otc-850-in', expectedVersion: '2.4.0' },
      { artifactId: 'art-otc-acme-as2', expectedVersion: '1.1.0' },
    ],
    businessRules: [
      { id: 'BR-1', text: 'A PO without a ship-to GLN is rejected with a 997 AK5*R.' },
      { id: 'BR-2', text: 'Quantities are converted to each through the UoM cross-reference.' },
    ],
    exceptionHandling: [{ condition: 'Unknown partner ISA id', action: 'Quarantine and alert the OTC support queue.' }],
    owner: { name: 'Priya Nair', email: 'priya.nair@example.com' },
    ...overrides,
  };
}

export function parsedSpec(overrides: Partial<InterfaceSpec> = {}): InterfaceSpec {
  return { ...(validSpec() as unknown as InterfaceSpec), ...overrides };
}

/** dev runs 2.4.0 of the map, test 2.4.0, prod 2.3.9; the AS2 connection is absent in dev. */
export function snapshot(): SpecDriftSnapshot {
  const endpoint = (stage: string) => ({
    name: 'AS2 inbound (US retail partners)',
    url: `https://as2${stage}.otc.example-retail.com/as2/receive`,
    protocol: 'AS2',
  });
  return {
    environments: [
      { k: 'environment', id: 'env-otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true, endpoints: [endpoint('')], deployments: { 'art-otc-850-in': ['2.3.9', 'deployed'], 'art-otc-acme-as2': ['1.1.0', 'deployed'] } },
      { k: 'environment', id: 'env-otc-dev', name: 'OTC Development', stage: 'dev', isProduction: false, endpoints: [endpoint('-dev')], deployments: { 'art-otc-850-in': ['2.4.0', 'deployed'], 'art-otc-acme-as2': ['', 'absent'] } },
      { k: 'environment', id: 'env-otc-test', name: 'OTC Test', stage: 'test', isProduction: false, endpoints: [endpoint('-test')], deployments: { 'art-otc-850-in': ['2.4.0', 'deployed'], 'art-otc-acme-as2': ['1.1.0', 'deployed'] } },
    ],
    artifacts: { 'art-otc-850-in': ['X12 850 Purchase Order (inbound)', 'map'], 'art-otc-acme-as2': ['AS2 Connection: Acme Retail', 'connection'] },
  };
}
