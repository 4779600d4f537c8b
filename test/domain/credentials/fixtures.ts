import type { ChangeEvent, Credential, Person } from '../../../src/sources/governance/schemas';
import type { SodEnvironment, SodInput } from '../../../src/domain/credentials/segregationOfDuties';

export const NOW = new Date('2026-11-22T12:00:00Z');
export const DAY = 86_400_000;
export const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString().replace('.000Z', 'Z');

const person = (id: string, name: string): Person => ({ id, name, email: `${id}@example.com` });
export const ana = person('u-ana', 'Ana Silva');
export const bo = person('u-bo', 'Bo Chen');
export const cy = person('u-cy', 'Cy Park');
export const dee = person('u-dee', 'Dee Okoro');

export const ENVIRONMENTS: SodEnvironment[] = [
  { id: 'env-dev', name: 'OTC Development', stage: 'dev', isProduction: false },
  { id: 'env-test', name: 'OTC Test', stage: 'test', isProduction: false },
  { id: 'env-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
];

/** A well-governed production credential: owner, a different backup owner, an independent approver. */
export function credential(overrides: Partial<Credential> = {}): Credential {
  return {
    id: 'cred-1',
    name: 'Order API OAuth client (prod)',
    kind: 'oauth_client',
    environmentId: 'env-prod',
    system: 'Order API',
    owner: ana,
    backupOwner: bo,
    approvers: [cy],
    lastRotatedBy: ana,
    scopes: ['orders:read'],
    status: 'active',
    lastRotatedAt: daysFromNow(-30),
    rotationPolicyDays: 90,
    expiresAt: null,
    usedBy: ['art-order-api'],
    ...overrides,
  };
}

export function promotion(overrides: Partial<ChangeEvent> & { approvedBy?: Person[]; to?: string; state?: string } = {}): ChangeEvent {
  const { approvedBy = [ana], to = 'env-prod', state = 'succeeded', ...rest } = overrides;
  return {
    id: 'chg-1',
    occurredAt: daysFromNow(-3),
    actor: bo,
    action: 'promoted',
    target: { kind: 'api', id: 'art-order-api', name: 'Order API' },
    environmentId: to,
    reason: null,
    ticketRef: 'CHG-100',
    diff: [],
    impact: { severity: 'medium', summary: '', affectedSystems: [], affectedPartners: [], affectedEnvironments: [to] },
    promotion: { fromEnvironmentId: 'env-test', toEnvironmentId: to, state, approvedBy },
    ...rest,
  };
}

export function input(credentials: Credential[], changeEvents: ChangeEvent[] = []): SodInput {
  return { credentials, environments: ENVIRONMENTS, changeEvents };
}
