import { checkArtifact, checkEndpoint, interfaceSpecDrift } from '../../../src/domain/specs/specDrift';
import { parsedSpec, snapshot } from './fixtures';

const artifact = { artifactId: 'art-otc-850-in', expectedVersion: '2.4.0' };
const spec = { environmentId: 'env-otc-prod', url: 'https://as2.otc.example-retail.com/as2/receive', protocol: 'AS2' };

describe('checkArtifact', () => {
  it('matches when the environment runs the expected version', () => {
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['2.4.0', 'deployed'] } }, 'PO map')).toEqual({
      artifactId: 'art-otc-850-in',
      artifactName: 'PO map',
      expected: '2.4.0',
      state: 'match',
      deployed: '2.4.0',
    });
  });

  it('reports drift with both versions when another version is deployed', () => {
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['2.3.9', 'deployed'] } }, null)).toMatchObject({ state: 'drift', expected: '2.4.0', deployed: '2.3.9' });
  });

  it('does not take 2.4.01 or v2.4.0 for 2.4.0', () => {
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['2.4.01', 'deployed'] } }, null).state).toBe('drift');
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['v2.4.0', 'deployed'] } }, null).state).toBe('drift');
  });

  it('reports "not deployed" when the environment has no deployment of the artifact', () => {
    expect(checkArtifact(artifact, { deployments: {} }, null)).toMatchObject({ state: 'not-deployed', deploymentStatus: null, version: null });
  });

  it('counts a failed, scheduled or absent deployment as not deployed, keeping its status and version', () => {
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['2.4.0', 'failed'] } }, null)).toMatchObject({ state: 'not-deployed', deploymentStatus: 'failed', version: '2.4.0' });
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['2.4.0', 'scheduled'] } }, null)).toMatchObject({ state: 'not-deployed', deploymentStatus: 'scheduled' });
    expect(checkArtifact(artifact, { deployments: { 'art-otc-850-in': ['', 'absent'] } }, null)).toMatchObject({ state: 'not-deployed', deploymentStatus: 'absent', version: null });
  });
});

describe('checkEndpoint', () => {
  const env = (url: string, protocol = 'AS2') => [{ name: 'AS2 inbound', url, protocol }];

  it('matches the same URL, ignoring host case, a default port and a trailing slash', () => {
    expect(checkEndpoint(spec, env('https://AS2.otc.example-retail.com:443/as2/receive/')).state).toBe('match');
  });

  it('reports drift with both URLs when the environment serves the same host at another path', () => {
    expect(checkEndpoint(spec, env('https://as2.otc.example-retail.com/as2/v2/receive'))).toEqual({
      state: 'drift',
      expected: spec,
      actual: { name: 'AS2 inbound', url: 'https://as2.otc.example-retail.com/as2/v2/receive', protocol: 'AS2' },
      differs: ['url'],
    });
  });

  it('does not ignore a path whose case differs', () => {
    expect(checkEndpoint(spec, env('https://as2.otc.example-retail.com/AS2/receive')).state).toBe('drift');
  });

  it('reports drift on the protocol when the URL is the same', () => {
    expect(checkEndpoint(spec, env(spec.url, 'HTTPS'))).toMatchObject({ state: 'drift', differs: ['protocol'] });
  });

  it('reports drift against an endpoint of the same protocol on another host', () => {
    expect(checkEndpoint(spec, env('https://as2-new.example-retail.com/receive'))).toMatchObject({ state: 'drift', differs: ['url'] });
  });

  it('reports the endpoint missing when nothing in the environment resembles it', () => {
    expect(checkEndpoint(spec, env('sftp://sftp.otc.example-retail.com:22/inbound', 'SFTP'))).toEqual({ state: 'missing', expected: spec, available: 1 });
    expect(checkEndpoint(spec, [])).toEqual({ state: 'missing', expected: spec, available: 0 });
  });

  it('has nothing to check when the spec names no endpoint for the environment', () => {
    expect(checkEndpoint(undefined, env(spec.url))).toEqual({ state: 'not-specified' });
  });
});

describe('interfaceSpecDrift', () => {
  it('compares every environment of the solution, dev to prod', () => {
    const drift = interfaceSpecDrift(parsedSpec(), snapshot());
    expect(drift.environments.map((e) => [e.environmentId, e.state])).toEqual([
      ['env-otc-dev', 'gaps'],
      ['env-otc-test', 'match'],
      ['env-otc-prod', 'drift'],
    ]);
    expect(drift.state).toBe('drift');
  });

  it('names the drifting artifact with both versions and counts per environment', () => {
    const prod = interfaceSpecDrift(parsedSpec(), snapshot()).environments.find((e) => e.environmentId === 'env-otc-prod');
    expect(prod?.artifacts[0]).toMatchObject({ artifactId: 'art-otc-850-in', artifactName: 'X12 850 Purchase Order (inbound)', state: 'drift', expected: '2.4.0', deployed: '2.3.9' });
    expect(prod?.counts).toEqual({ match: 1, drift: 1, notDeployed: 0 });
    expect(prod?.endpoint.state).toBe('match');
  });

  it('leaves the endpoint unchecked where the spec names none (dev)', () => {
    const dev = interfaceSpecDrift(parsedSpec(), snapshot()).environments.find((e) => e.environmentId === 'env-otc-dev');
    expect(dev?.endpoint).toEqual({ state: 'not-specified' });
    expect(dev?.counts).toEqual({ match: 1, drift: 0, notDeployed: 1 });
  });

  it('is a match everywhere when every environment runs what the spec says', () => {
    const spec = parsedSpec({ artifacts: [{ artifactId: 'art-otc-850-in', expectedVersion: '2.4.0' }], endpoints: [] });
    const data = snapshot();
    for (const environment of data.environments) environment.deployments['art-otc-850-in'] = ['2.4.0', 'deployed'];
    const drift = interfaceSpecDrift(spec, data);
    expect(drift.state).toBe('match');
    expect(drift.environments.every((e) => e.state === 'match')).toBe(true);
  });

  it('reports gaps, not drift, when something is only missing', () => {
    const spec = parsedSpec({ artifacts: [{ artifactId: 'art-unknown', expectedVersion: '1.0.0' }], endpoints: [] });
    const drift = interfaceSpecDrift(spec, snapshot());
    expect(drift.state).toBe('gaps');
    expect(drift.environments[0]?.artifacts[0]).toMatchObject({ state: 'not-deployed', artifactName: null });
  });

  it('has nothing to check for a spec without artifacts or endpoints', () => {
    const drift = interfaceSpecDrift(parsedSpec({ artifacts: [], endpoints: [] }), snapshot());
    expect(drift.state).toBe('unchecked');
    expect(drift.environments.every((e) => e.state === 'unchecked')).toBe(true);
  });

  it('shows only the configured stages', () => {
    expect(interfaceSpecDrift(parsedSpec(), snapshot(), { stages: ['prod'] }).environments.map((e) => e.environmentId)).toEqual(['env-otc-prod']);
  });

  it('lists endpoints for environments the solution does not have', () => {
    const spec = parsedSpec({ endpoints: [{ environmentId: 'env-otc-staging', url: 'https://s.example.com', protocol: 'HTTPS' }] });
    expect(interfaceSpecDrift(spec, snapshot()).unknownEnvironments).toEqual(['env-otc-staging']);
    expect(interfaceSpecDrift(parsedSpec(), snapshot()).unknownEnvironments).toEqual([]);
  });
});
