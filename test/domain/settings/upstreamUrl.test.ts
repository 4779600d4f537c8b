import { egressAddressCovers, upstreamUrlProblem } from '../../../src/domain/settings/upstreamUrl';

const EGRESS = ['https://governance.example.com', 'https://*.canto.com', 'https://app.iconik.io'];

describe('egressAddressCovers', () => {
  it('matches a declared host exactly, and a wildcard only below its domain', () => {
    expect(egressAddressCovers('https://governance.example.com', new URL('https://governance.example.com/v1'))).toBe(true);
    expect(egressAddressCovers('https://governance.example.com', new URL('https://evil-governance.example.com'))).toBe(false);
    expect(egressAddressCovers('https://*.canto.com', new URL('https://acme.canto.com'))).toBe(true);
    expect(egressAddressCovers('https://*.canto.com', new URL('https://canto.com'))).toBe(false);
    expect(egressAddressCovers('https://*.canto.com', new URL('https://acme.canto.com.evil.net'))).toBe(false);
  });

  it('reads a wildcard as one subdomain level, so a deeper host needs its own entry', () => {
    expect(egressAddressCovers('https://*.canto.com', new URL('https://acme.au.canto.com'))).toBe(false);
    expect(egressAddressCovers('https://*.au.canto.com', new URL('https://acme.au.canto.com'))).toBe(true);
  });

  it('respects a declared scheme and port', () => {
    expect(egressAddressCovers('https://api.example.com', new URL('http://api.example.com'))).toBe(false);
    expect(egressAddressCovers('https://api.example.com:8443', new URL('https://api.example.com:8443'))).toBe(true);
    expect(egressAddressCovers('https://api.example.com:8443', new URL('https://api.example.com'))).toBe(false);
    expect(egressAddressCovers('*', new URL('https://anything.example'))).toBe(true);
  });
});

describe('upstreamUrlProblem', () => {
  it('accepts https URLs on a declared host, with a path prefix', () => {
    expect(upstreamUrlProblem('https://governance.example.com', EGRESS)).toBeNull();
    expect(upstreamUrlProblem(' https://acme.canto.com/ ', EGRESS)).toBeNull();
    expect(upstreamUrlProblem('https://governance.example.com/tenant-a', EGRESS)).toBeNull();
  });

  it('refuses a host outside the egress list and explains that egress is fixed at deploy time', () => {
    const problem = upstreamUrlProblem('https://governance.acme.org', EGRESS);
    expect(problem).toMatch(/governance\.acme\.org is not one of the hosts this app may call/);
    expect(problem).toMatch(/https:\/\/governance\.example\.com, https:\/\/\*\.canto\.com/);
    expect(problem).toMatch(/fixes egress when the app is deployed/);
  });

  it('refuses plain http, other schemes, relative URLs and credentials in the URL', () => {
    expect(upstreamUrlProblem('http://governance.example.com', EGRESS)).toMatch(/https:\/\//);
    expect(upstreamUrlProblem('ftp://governance.example.com', EGRESS)).toMatch(/https:\/\//);
    expect(upstreamUrlProblem('governance.example.com', EGRESS)).toMatch(/absolute URL/);
    expect(upstreamUrlProblem('https://user:pw@governance.example.com', EGRESS)).toMatch(/user name or password/);
    expect(upstreamUrlProblem('https://governance.example.com/?token=x', EGRESS)).toMatch(/query string/);
  });

  it('lets loopback through, where the workbench runs its simulators', () => {
    expect(upstreamUrlProblem('http://127.0.0.1:4000/sim/governance', EGRESS)).toBeNull();
    expect(upstreamUrlProblem('http://localhost:4000', [])).toBeNull();
  });

  it('says so when the manifest declares no host at all', () => {
    expect(upstreamUrlProblem('https://governance.example.com', [])).toMatch(/backend: none\)/);
  });
});
