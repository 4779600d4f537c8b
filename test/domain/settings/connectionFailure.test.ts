import { describeConnectionFailure, failureKind, redactSecrets } from '../../../src/domain/settings/connectionFailure';

describe('failureKind', () => {
  it.each([
    ['URL not included in the external fetch backend permissions: https://x.example. Visit go.atlassian.com/forge-egress', 'egress'],
    ['GET /v1/solutions could not reach the governance backend: fetch failed: getaddrinfo ENOTFOUND gov.invalid (after 2 attempts)', 'dns'],
    ['GET /v1/solutions could not reach the governance backend: fetch failed: connect ECONNREFUSED 127.0.0.1:9 (after 2 attempts)', 'refused'],
    ['POST /oauth2/token could not reach the governance backend: no answer within 15000 ms (the connection test’s time limit)', 'timeout'],
    ['the governance backend rejected the client credentials of client id "x"; check the client id and secret (POST /oauth2/token answered HTTP 401 Unauthorized): invalid_client', 'unauthorized'],
    ['GET /v1/solutions failed (HTTP 404 Not Found): no such route', 'not-found'],
    ['GET /v1/solutions failed (HTTP 503 Service Unavailable after 2 attempts): down', 'server-error'],
    ['GET /v1/solutions failed (HTTP 429 Too Many Requests): slow down', 'rate-limited'],
    ['iconik connection test (search for assets) failed: 500 something broke', 'server-error'],
    ['GET /v1/solutions answered something that is not JSON (text/html): <html>', 'bad-answer'],
    ['unable to verify the first certificate', 'tls'],
    ['something nobody expected', 'other'],
  ])('reads %s as %s', (message, kind) => {
    expect(failureKind(message)).toBe(kind);
  });
});

describe('describeConnectionFailure', () => {
  it('leads with what failed in words, then the client’s detail', () => {
    const { kind, message } = describeConnectionFailure({
      detail: 'connect ECONNREFUSED 127.0.0.1:9',
      sourceName: 'Canto',
      host: '127.0.0.1:9',
      timeoutSeconds: 15,
      secrets: [],
    });
    expect(kind).toBe('refused');
    expect(message).toMatch(/^Nothing answered at 127\.0\.0\.1:9 \(connection refused or reset\)\..* Details: connect ECONNREFUSED/);
  });

  it('never repeats a secret, plain or percent-encoded', () => {
    const secret = 's3cret/with+chars';
    const { message } = describeConnectionFailure({
      detail: `token request ?app_secret=${encodeURIComponent(secret)} failed with 401; echoed ${secret}`,
      sourceName: 'Canto',
      host: 'acme.canto.com',
      timeoutSeconds: 15,
      secrets: [secret],
    });
    expect(message).not.toContain(secret);
    expect(message).not.toContain(encodeURIComponent(secret));
    expect(message).toContain('***');
  });

  it('shortens a very long detail', () => {
    const { message } = describeConnectionFailure({ detail: 'x'.repeat(5000), sourceName: 'iconik', host: null, timeoutSeconds: 15, secrets: [] });
    expect(message.length).toBeLessThan(500);
  });
});

describe('redactSecrets', () => {
  it('ignores secrets too short to be told apart from ordinary text', () => {
    expect(redactSecrets('abc appears here', ['abc'])).toBe('abc appears here');
  });
});
