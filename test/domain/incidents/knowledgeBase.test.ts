import { filterLabels, incidentState, kbFilterOptions, knownFixesFirst, mostUrgentFirst } from '../../../src/domain/incidents/knowledgeBase';
import { remediationSteps, splitRemediation } from '../../../src/domain/incidents/remediationSteps';
import { governanceIncidentFacts } from '../../../src/domain/incidents/incidentFacts';
import { failure, hoursFromNow, SOLUTION } from './incidentFixtures';

describe('knowledge base filters', () => {
  it('ask for the label each filter value maps to', () => {
    expect(filterLabels({ messageType: 'X12 850', partnerId: 'ptn-acme', endpoint: 'https://as2.example.com/otc', environmentId: 'otc-prod', state: 'resolved' })).toEqual([
      'msg-x12-850',
      'endpoint-https-as2-example-com-otc',
      'env-otc-prod',
      'partner-ptn-acme',
      'incident-resolved',
    ]);
    expect(filterLabels({})).toEqual([]);
  });

  it('match nothing for a value that cannot be a label', () => {
    expect(filterLabels({ messageType: '🚀' })).toBeNull();
  });

  it('offer every value the space’s failures use, once, sorted by name', () => {
    const options = kbFilterOptions(
      [failure(), failure({ id: 'f2', messageType: 'EDIFACT ORDERS', environmentId: 'otc-test', partner: { id: 'ptn-b', name: 'Beta' } }), failure({ id: 'f3' })],
      new Map([['otc-prod', 'OTC Production']]),
    );
    expect(options.messageTypes.map((o) => o.value)).toEqual(['EDIFACT ORDERS', 'X12 850']);
    expect(options.environments).toEqual([
      { value: 'otc-prod', label: 'OTC Production' },
      { value: 'otc-test', label: 'otc-test' },
    ]);
    expect(options.partners.map((o) => o.label)).toEqual(['Acme Retail', 'Beta']);
  });
});

describe('an incident’s state', () => {
  it('follows the failure’s current state when the app knows the failure', () => {
    expect(incidentState(['incident', 'incident-open'], 'resolved')).toEqual({ state: 'resolved', source: 'failure' });
    expect(incidentState(['incident', 'incident-resolved'], 'acknowledged')).toEqual({ state: 'open', source: 'failure' });
  });

  it('falls back to the page’s label', () => {
    expect(incidentState(['incident', 'incident-resolved'], null)).toEqual({ state: 'resolved', source: 'label' });
    expect(incidentState(['incident'], null)).toEqual({ state: 'open', source: 'label' });
  });
});

describe('ordering', () => {
  it('offers the most severe, most recently seen open failures first', () => {
    const list = [
      failure({ id: 'low', severity: 'low' }),
      failure({ id: 'crit-old', severity: 'critical', lastSeenAt: hoursFromNow(-5) }),
      failure({ id: 'crit-new', severity: 'critical', lastSeenAt: hoursFromNow(-1) }),
      failure({ id: 'odd', severity: 'unheard-of' }),
    ];
    expect(list.sort(mostUrgentFirst).map((f) => f.id)).toEqual(['crit-new', 'crit-old', 'low', 'odd']);
  });

  it('shows similar incidents with a known fix first', () => {
    const ranked = knownFixesFirst([
      { id: 'open-no-cause', rootCause: null, state: 'open' as const, createdAt: hoursFromNow(-1) },
      { id: 'resolved-cause', rootCause: 'cert', state: 'resolved' as const, createdAt: hoursFromNow(-100) },
      { id: 'resolved-no-cause', rootCause: null, state: 'resolved' as const, createdAt: hoursFromNow(-2) },
      { id: 'open-cause', rootCause: 'disk', state: 'open' as const, createdAt: hoursFromNow(-3) },
    ]);
    expect(ranked.map((i) => i.id)).toEqual(['resolved-cause', 'open-cause', 'resolved-no-cause', 'open-no-cause']);
  });
});

describe('remediation steps', () => {
  it('split advice by lines and bullets, or a single paragraph by sentences', () => {
    expect(splitRemediation('- Check the cert\n- Resend\n\n')).toEqual(['Check the cert', 'Resend']);
    expect(splitRemediation('1. Call them\n2) Wait')).toEqual(['Call them', 'Wait']);
    expect(splitRemediation('Check v1.2 of the map. Then resend it.')).toEqual(['Check v1.2 of the map.', 'Then resend it.']);
  });

  it('are capped, and always end with recording the root cause', () => {
    const facts = governanceIncidentFacts(failure({ remediation: Array.from({ length: 30 }, (_, i) => `Step ${i}`).join('\n') }), { solution: SOLUTION, environmentName: null });
    const { steps, fromUpstream } = remediationSteps(facts);
    expect(fromUpstream).toBe(true);
    expect(steps).toHaveLength(12);
    expect(steps[11]).toMatch(/Root cause section/);
  });
});
