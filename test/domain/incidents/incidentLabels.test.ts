import { governanceIncidentFacts, iconikJobIncidentFacts } from '../../../src/domain/incidents/incidentFacts';
import { incidentLabels } from '../../../src/domain/incidents/incidentLabels';
import { failedJob, failure, iconikAsset, SOLUTION } from './incidentFixtures';

describe('incident labels', () => {
  it('label a governance incident by environment, message type, partner, endpoint, failure and state', () => {
    const labels = incidentLabels(governanceIncidentFacts(failure(), { solution: SOLUTION, environmentName: 'OTC Production' }));
    expect(labels).toEqual([
      'incident',
      'failure-flr-0042',
      'incident-open',
      'env-otc-prod',
      'msg-x12-850',
      'partner-ptn-acme',
      'endpoint-https-as2-example-com-otc',
      'solution-sol-otc',
    ]);
  });

  it('mark an incident of an already resolved failure as resolved', () => {
    expect(incidentLabels(governanceIncidentFacts(failure({ state: 'resolved' }), { solution: SOLUTION, environmentName: null }))).toContain('incident-resolved');
  });

  it('count an acknowledged failure as open', () => {
    expect(incidentLabels(governanceIncidentFacts(failure({ state: 'acknowledged' }), { solution: SOLUTION, environmentName: null }))).toContain('incident-open');
  });

  it('label an iconik job by job type and asset, with failure labels that never meet a governance id', () => {
    const labels = incidentLabels(iconikJobIncidentFacts(iconikAsset(), failedJob()));
    expect(labels).toEqual(['incident', 'failure-iconik-job-77', 'incident-open', 'msg-transcode', 'asset-6f1c2a9e-0000-4000-8000-000000000001', 'source-iconik']);
  });

  it('only ever produce labels Confluence accepts, whatever the data holds', () => {
    const hostile = '<script>alert(1)</script> ]]> & ✓ é 🚀 :;,?';
    const labels = incidentLabels(
      governanceIncidentFacts(failure({ id: hostile, messageType: hostile, partner: { id: hostile, name: hostile }, endpoint: hostile, environmentId: '🚀' }), { solution: SOLUTION, environmentName: null }),
    );
    for (const label of labels) expect(label).toMatch(/^[a-z0-9_-]{1,255}$/);
    expect(labels.some((label) => label.startsWith('env-'))).toBe(false);
  });
});
