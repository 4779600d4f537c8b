import type { DamAsset, DamFailedJob } from '../../../src/sources/dam/asset';
import type { Failure } from '../../../src/sources/governance/schemas';
import type { ChangeRow } from '../../../src/shared/changeSummaryContract';
import { NOW, hoursFromNow } from '../../fixtures/governance';

export { NOW, hoursFromNow };

export function failure(overrides: Partial<Failure> = {}): Failure {
  return {
    id: 'flr-0042',
    environmentId: 'otc-prod',
    direction: 'inbound',
    messageType: 'X12 850',
    partner: { id: 'ptn-acme', name: 'Acme Retail' },
    endpoint: 'https://as2.example.com/otc',
    errorCode: 'AS2-MDN-TIMEOUT',
    errorMessage: 'No MDN received within 30 minutes for X12 850 interchange',
    occurrences: 17,
    firstSeenAt: hoursFromNow(-3),
    lastSeenAt: hoursFromNow(-0.5),
    state: 'open',
    severity: 'high',
    correlationId: 'tg-1234abcd-ef01',
    remediation: "Check the partner's AS2 receipt URL and our certificate on their side. Then resend the interchange.",
    ...overrides,
  };
}

export function changeRow(overrides: Partial<ChangeRow> = {}): ChangeRow {
  return {
    id: 'chg-1',
    occurredAt: hoursFromNow(-5),
    actor: { id: 'u-ana', name: 'Ana Silva' },
    action: 'promoted',
    target: { kind: 'map', id: 'map-850', name: 'X12 850 to IDOC ORDERS05' },
    environment: { id: 'otc-prod', name: 'OTC Production' },
    reason: 'Partner asked for stricter validation',
    ticketRef: 'CHG-1000',
    diff: [],
    diffOmitted: 0,
    impact: { severity: 'high', summary: 'New map in production', affectedSystems: [], affectedPartners: ['Acme'], affectedEnvironments: [] },
    promotion: { from: { id: 'otc-test', name: 'OTC Test' }, to: { id: 'otc-prod', name: 'OTC Production' }, state: 'succeeded', approvedBy: ['Bo'] },
    ...overrides,
  };
}

export const SOLUTION = { id: 'sol-otc', name: 'Retail Order-to-Cash' };

export function iconikAsset(overrides: Partial<DamAsset> = {}): DamAsset {
  return {
    source: 'iconik',
    id: '6f1c2a9e-0000-4000-8000-000000000001',
    kind: 'ASSET',
    name: 'Spring campaign hero.mov',
    approval: 'APPROVED',
    campaign: 'Spring',
    productLine: null,
    region: null,
    usageRights: null,
    expiresAt: null,
    createdAt: hoursFromNow(-100),
    modifiedAt: hoursFromNow(-2),
    owner: null,
    link: 'https://app.iconik.io/asset/6f1c2a9e-0000-4000-8000-000000000001',
    failedJobs: [failedJob()],
    lastActivity: null,
    enrichedAt: null,
    ...overrides,
  };
}

export function failedJob(overrides: Partial<DamFailedJob> = {}): DamFailedJob {
  return {
    id: 'job-77',
    type: 'TRANSCODE',
    title: 'Proxy transcode',
    status: 'FAILED',
    error: 'ffmpeg exited with code 1',
    at: hoursFromNow(-1),
    steps: [{ label: 'Transcode proxy', status: 'FAILED', error: 'Unsupported codec' }],
    ...overrides,
  };
}
