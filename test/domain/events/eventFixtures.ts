import type { ChangeEvent, Environment, Failure, MaintenanceWindow } from '../../../src/sources/governance/schemas';

/** Governance data as the backend pushes it (contract v1), for the events tests. */
export const ANA = { id: 'u-ana', name: 'Ana Silva', email: 'ana@example.com' };

export function changeEvent(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: 'chg-live-1',
    occurredAt: '2026-11-22T10:15:00Z',
    actor: ANA,
    action: 'updated',
    target: { kind: 'map', id: 'map-850', name: 'X12 850 to IDOC ORDERS05' },
    environmentId: 'env-otc-prod',
    reason: 'Partner added a segment',
    ticketRef: 'CHG-4711',
    diff: [
      { op: 'replace', path: '/version', before: '4.2.0', after: '4.3.0', sensitive: false },
      { op: 'replace', path: '/connection/password', before: '***', after: '***', sensitive: true },
    ],
    impact: { severity: 'high', summary: 'Orders from ACME pass the new segment', affectedSystems: ['SAP ECC'], affectedPartners: ['ACME Retail'], affectedEnvironments: ['env-otc-prod'] },
    promotion: { fromEnvironmentId: 'env-otc-test', toEnvironmentId: 'env-otc-prod', state: 'succeeded', approvedBy: [{ id: 'u-bo', name: 'Bo Chen', email: 'bo@example.com' }] },
    ...overrides,
  };
}

export function failure(overrides: Partial<Failure> = {}): Failure {
  return {
    id: 'fail-live-1',
    environmentId: 'env-otc-prod',
    direction: 'inbound',
    messageType: 'X12 850',
    partner: { id: 'p-acme', name: 'ACME Retail' },
    endpoint: 'AS2 inbound',
    errorCode: 'MAP-017',
    errorMessage: 'Segment N1 missing',
    occurrences: 3,
    firstSeenAt: '2026-11-22T09:00:00Z',
    lastSeenAt: '2026-11-22T10:00:00Z',
    state: 'open',
    severity: 'high',
    correlationId: 'corr-1',
    remediation: null,
    ...overrides,
  };
}

export function environment(overrides: Partial<Environment> = {}): Environment {
  return {
    id: 'env-otc-prod',
    solutionId: 'sol-otc',
    name: 'OTC Production',
    stage: 'prod',
    isProduction: true,
    status: 'outage',
    statusMessage: 'AS2 gateway down',
    endpoints: [{ name: 'AS2 inbound', url: 'https://as2.example.com/otc', protocol: 'AS2' }],
    updatedAt: '2026-11-22T10:20:00Z',
    ...overrides,
  };
}

export function maintenanceWindow(overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id: 'mw-live-1',
    environmentIds: ['env-otc-prod'],
    kind: 'planned',
    title: 'Certificate renewal',
    description: null,
    startsAt: '2026-11-24T20:00:00Z',
    endsAt: '2026-11-24T22:00:00Z',
    status: 'scheduled',
    ...overrides,
  };
}

export function cloudEvent(type: string, data: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: `evt-${Math.random().toString(36).slice(2)}`,
    source: 'https://governance.example.com/v1',
    type,
    time: '2026-11-22T10:16:00Z',
    subject: 'sol-otc',
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}
