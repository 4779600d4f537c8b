import type { ChangeEvent, MaintenanceWindow } from '../../../src/sources/governance/schemas';
import { NOW, environment, hoursFromNow } from '../../fixtures/governance';

export { NOW, hoursFromNow };

export const ana = { id: 'u-ana', name: 'Ana Silva', email: 'ana@example.com' };
export const bo = { id: 'u-bo', name: 'Bo Lindqvist', email: 'bo@example.com' };

export const environments = [
  environment({ id: 'otc-dev', name: 'OTC Development', stage: 'dev', isProduction: false }),
  environment({ id: 'otc-test', name: 'OTC Test', stage: 'test', isProduction: false }),
  environment({ id: 'otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true }),
];

export function changeEvent(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: 'chg-1',
    occurredAt: hoursFromNow(-1),
    actor: ana,
    action: 'updated',
    target: { kind: 'map', id: 'map-850', name: 'X12 850 to IDOC ORDERS05' },
    environmentId: 'otc-dev',
    reason: 'Partner asked for it',
    ticketRef: 'CHG-1000',
    diff: [{ op: 'replace', path: '/validation/strict', before: false, after: true, sensitive: false }],
    impact: { severity: 'low', summary: 'Stricter validation', affectedSystems: ['SAP'], affectedPartners: ['Acme'], affectedEnvironments: ['otc-dev'] },
    promotion: null,
    ...overrides,
  };
}

/** A promotion of map-850 from test to prod in the given state. */
export function promotion(state: string, overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return changeEvent({
    action: 'promoted',
    environmentId: 'otc-prod',
    diff: [{ op: 'replace', path: '/version', before: '4.1.0', after: '4.2.0', sensitive: false }],
    impact: { severity: 'high', summary: 'New map in production', affectedSystems: [], affectedPartners: [], affectedEnvironments: ['otc-prod'] },
    promotion: { fromEnvironmentId: 'otc-test', toEnvironmentId: 'otc-prod', state, approvedBy: state === 'requested' ? [] : [bo] },
    ...overrides,
  });
}

export function freeze(overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id: 'mw-freeze',
    environmentIds: ['otc-prod'],
    kind: 'freeze',
    title: 'Peak season change freeze',
    description: 'No production changes without CAB approval.',
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(24 * 10),
    status: 'scheduled',
    ...overrides,
  };
}
