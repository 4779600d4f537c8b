import { artifactCheckWords, endpointCheckWords } from '../../static/src/interface-spec/driftWording';

const base = { artifactId: 'a', artifactName: null, expected: '2.0.0' };

describe('drift wording', () => {
  it('gives drift both versions', () => {
    expect(artifactCheckWords({ ...base, state: 'drift', deployed: '1.9.0' })).toEqual({ label: 'Drift', appearance: 'removed', detail: 'spec 2.0.0, deployed 1.9.0' });
  });

  it('says what a failed or scheduled deployment carries, and nothing for an absent one', () => {
    expect(artifactCheckWords({ ...base, state: 'not-deployed', deploymentStatus: 'failed', version: '2.0.0' }).detail).toBe('spec 2.0.0; failed 2.0.0');
    expect(artifactCheckWords({ ...base, state: 'not-deployed', deploymentStatus: 'absent', version: null }).detail).toBe('spec 2.0.0');
  });

  it('shows both endpoints on endpoint drift, and how many others there are when it is missing', () => {
    const expected = { environmentId: 'e', url: 'https://a.example.com/x', protocol: 'AS2' };
    expect(endpointCheckWords({ state: 'drift', expected, actual: { name: 'n', url: 'https://a.example.com/y', protocol: 'AS2' }, differs: ['url'] }).lines).toEqual([
      'spec https://a.example.com/x (AS2)',
      'environment https://a.example.com/y (AS2)',
    ]);
    expect(endpointCheckWords({ state: 'missing', expected, available: 2 }).lines[1]).toBe('the environment has 2 other endpoints, none like it');
    expect(endpointCheckWords({ state: 'missing', expected, available: 0 }).lines[1]).toBe('the environment has no endpoints');
  });
});
