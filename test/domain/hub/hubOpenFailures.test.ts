import { buildHubSummary, OPEN_FAILURES_KEPT } from '../../../src/domain/hub/hubSummary';
import type { Failure } from '../../../src/sources/governance/schemas';
import { NOW, hoursFromNow } from '../../fixtures/governance';

function failure(overrides: Partial<Failure> = {}): Failure {
  return {
    id: 'f1', environmentId: 'prod', direction: 'inbound', messageType: 'X12 850', partner: { id: 'p1', name: 'Acme Retail' },
    endpoint: 'AS2 inbound', errorCode: 'MDN-TIMEOUT', errorMessage: 'No MDN', occurrences: 4, firstSeenAt: hoursFromNow(-5),
    lastSeenAt: hoursFromNow(-1), state: 'open', severity: 'high', correlationId: 'c1', remediation: null, ...overrides,
  };
}

const base = { solution: { id: 'sol', name: 'OTC' }, environments: [], failures: [], windows: [], credentials: [], sodFindings: [], pendingPromotions: [], releases: 0 };

describe('the hub’s open failures (for "Create incident page")', () => {
  it('lists open and acknowledged failures by id, most severe and most recent first, never resolved ones', () => {
    const summary = buildHubSummary(
      {
        ...base,
        failures: [
          failure({ id: 'low', severity: 'low' }),
          failure({ id: 'crit-old', severity: 'critical', lastSeenAt: hoursFromNow(-9) }),
          failure({ id: 'crit-new', severity: 'critical', lastSeenAt: hoursFromNow(-2), state: 'acknowledged' }),
          failure({ id: 'done', severity: 'critical', state: 'resolved' }),
        ],
      },
      NOW,
    );
    expect(summary.openFailures?.map((f) => f.failureId)).toEqual(['crit-new', 'crit-old', 'low']);
    expect(summary.openFailures?.[0]).toMatchObject({ title: 'X12 850 inbound failing for Acme Retail', state: 'acknowledged', severity: 'critical' });
  });

  it('keeps at most ten', () => {
    const failures = Array.from({ length: 25 }, (_, i) => failure({ id: `f${i}` }));
    expect(buildHubSummary({ ...base, failures }, NOW).openFailures).toHaveLength(OPEN_FAILURES_KEPT);
  });

  it('names the failure behind each urgent open-failure item', () => {
    const summary = buildHubSummary({ ...base, failures: [failure({ id: 'flr-7' })] }, NOW);
    expect(summary.urgent.find((item) => item.kind === 'open-failure')?.failureId).toBe('flr-7');
  });
});
