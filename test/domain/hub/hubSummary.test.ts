import { buildHubSummary, upcomingMaintenance, URGENT_ITEMS_KEPT } from '../../../src/domain/hub/hubSummary';
import { buildEnvStatusRows } from '../../../src/domain/environments/envStatusRows';
import type { Failure } from '../../../src/sources/governance/schemas';
import { NOW, environment, hoursFromNow, maintenanceWindow } from '../../fixtures/governance';

const envs = buildEnvStatusRows(
  [
    environment({ id: 'prod', name: 'OTC Production', status: 'outage', statusMessage: 'AS2 down' }),
    environment({ id: 'test', name: 'OTC Test', stage: 'test', isProduction: false, status: 'operational' }),
  ],
  [],
  [],
  NOW,
);

function failure(overrides: Partial<Failure> = {}): Failure {
  return {
    id: 'f1', environmentId: 'prod', direction: 'inbound', messageType: 'X12 850', partner: { id: 'p1', name: 'Acme Retail' },
    endpoint: 'AS2 inbound', errorCode: 'MDN-TIMEOUT', errorMessage: 'No MDN', occurrences: 4, firstSeenAt: hoursFromNow(-5),
    lastSeenAt: hoursFromNow(-1), state: 'open', severity: 'high', correlationId: 'c1', remediation: null, ...overrides,
  };
}

const base = { solution: { id: 'sol', name: 'OTC' }, environments: envs, failures: [], windows: [], credentials: [], sodFindings: [], pendingPromotions: [], releases: 2 };

describe('buildHubSummary', () => {
  it('puts a production outage first, as critical, with its message', () => {
    const summary = buildHubSummary({ ...base, failures: [failure({ severity: 'high' })] }, NOW);
    expect(summary.urgent[0]).toMatchObject({ kind: 'outage', severity: 'critical', title: 'OTC Production is outage', detail: 'AS2 down' });
    expect(summary.counts.environmentsByStatus).toEqual({ outage: 1, operational: 1 });
  });

  it('counts open and acknowledged failures but not resolved ones', () => {
    const summary = buildHubSummary({ ...base, failures: [failure(), failure({ id: 'f2', state: 'acknowledged' }), failure({ id: 'f3', state: 'resolved' })] }, NOW);
    expect(summary.counts.openFailures).toBe(2);
    expect(summary.urgent.filter((u) => u.kind === 'open-failure')).toHaveLength(2);
  });

  it('lists overdue credentials, SoD findings and pending promotions as urgent, with the tab that details them', () => {
    const summary = buildHubSummary(
      {
        ...base,
        credentials: [
          { name: 'AS2 cert', environmentId: 'prod', dueAt: hoursFromNow(-48), state: 'overdue' },
          { name: 'SFTP key', environmentId: 'test', dueAt: hoursFromNow(72), state: 'due-soon' },
          { name: 'API key', environmentId: 'test', dueAt: hoursFromNow(2000), state: 'ok' },
        ],
        sodFindings: [{ rule: 'owner-only-approver', severity: 'high', message: 'Ana owns and alone approves AS2 cert' }],
        pendingPromotions: [{ title: 'X12 850 map 4.3.0', toEnvironmentId: 'prod', state: 'approved', at: hoursFromNow(-2), freezeConflict: true }],
      },
      NOW,
    );
    expect(summary.counts).toMatchObject({ overdueCredentials: 1, credentialsDueSoon: 1, sodFindings: 1, pendingProductionPromotions: 1, releases: 2 });
    expect(summary.urgent.map((u) => [u.kind, u.tab])).toEqual(
      expect.arrayContaining([['overdue-credential', 'credentials'], ['sod-finding', 'credentials'], ['pending-promotion', 'changes']]),
    );
    expect(summary.urgent.find((u) => u.kind === 'pending-promotion')).toMatchObject({ severity: 'high', detail: expect.stringContaining('freeze') });
  });

  it('keeps at most a dozen urgent items, the most severe first', () => {
    const failures = Array.from({ length: 30 }, (_, i) => failure({ id: `f${i}`, severity: i === 29 ? 'critical' : 'low' }));
    const summary = buildHubSummary({ ...base, environments: [], failures }, NOW);
    expect(summary.urgent).toHaveLength(URGENT_ITEMS_KEPT);
    expect(summary.urgent[0]?.severity).toBe('critical');
  });
});

describe('upcomingMaintenance', () => {
  it('shows windows in progress and within two weeks with the environments they affect, not past or cancelled ones', () => {
    const windows = [
      maintenanceWindow({ id: 'now', environmentIds: ['prod', 'test'], status: 'in_progress', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) }),
      maintenanceWindow({ id: 'soon', startsAt: hoursFromNow(48), endsAt: hoursFromNow(50) }),
      maintenanceWindow({ id: 'far', startsAt: hoursFromNow(24 * 30), endsAt: hoursFromNow(24 * 30 + 2) }),
      maintenanceWindow({ id: 'past', startsAt: hoursFromNow(-10), endsAt: hoursFromNow(-8) }),
      maintenanceWindow({ id: 'cancelled', status: 'cancelled' }),
    ];
    const upcoming = upcomingMaintenance(windows, envs, NOW);
    expect(upcoming.map((w) => w.id)).toEqual(['now', 'soon']);
    expect(upcoming[0]).toMatchObject({ inProgress: true, environments: ['OTC Production', 'OTC Test'] });
    expect(upcoming[1]).toMatchObject({ inProgress: false });
  });
});

describe('maintenance across solutions', () => {
  it('names this solution’s environments and counts the others instead of showing their ids', () => {
    const windows = [maintenanceWindow({ environmentIds: ['prod', 'env-log-prod', 'env-fin-prod'] })];
    expect(upcomingMaintenance(windows, envs, NOW)[0]?.environments).toEqual(['OTC Production', '2 environments of other solutions']);
  });
});
