import crypto from 'node:crypto';
import { governanceSignature, signGovernanceEvent, verifyGovernanceSignature } from '../../../src/domain/events/signature';

const SECRET = 'whsec-test-0123456789';
const BODY = '{"specversion":"1.0","id":"e1"}';
const NOW = 1_795_000_000;

const check = (header: string | undefined, overrides: Partial<Parameters<typeof verifyGovernanceSignature>[0]> = {}) =>
  verifyGovernanceSignature({ header, rawBody: BODY, secret: SECRET, nowSeconds: NOW, ...overrides });

describe('the Governance-Signature check', () => {
  it('computes HMAC-SHA256 over "<t>.<raw body>" as hex, as the contract says', () => {
    const expected = crypto.createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(governanceSignature(SECRET, NOW, BODY)).toBe(expected);
    expect(signGovernanceEvent(SECRET, BODY, NOW)).toBe(`t=${NOW},v1=${expected}`);
  });

  it('accepts a header signed now with the configured secret', () => {
    expect(check(signGovernanceEvent(SECRET, BODY, NOW))).toEqual({ ok: true, timestamp: NOW });
  });

  it('accepts any one matching v1 value, as sent while the backend rotates its secret', () => {
    expect(check(signGovernanceEvent(['old-secret', SECRET], BODY, NOW)).ok).toBe(true);
    expect(check(signGovernanceEvent([SECRET, 'new-secret'], BODY, NOW)).ok).toBe(true);
  });

  it('tolerates spaces and unknown schemes in the header', () => {
    const v1 = governanceSignature(SECRET, NOW, BODY);
    expect(check(` t=${NOW} , v0=abc, v1=${v1.toUpperCase()} `).ok).toBe(true);
  });

  it('refuses a missing or empty header', () => {
    expect(check(undefined)).toMatchObject({ ok: false, reason: 'missing' });
    expect(check('  ')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it.each([
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no v1 value', `t=${NOW}`],
    ['a timestamp that is not a number', `t=soon,v1=${'a'.repeat(64)}`],
    ['two timestamps', `t=${NOW},t=${NOW},v1=${'a'.repeat(64)}`],
    ['a bare token', 'sha256=abc'],
  ])('refuses a malformed header: %s', (_what, header) => {
    expect(check(header)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a signature made with another secret, over another body or another timestamp', () => {
    expect(check(signGovernanceEvent('not-the-secret', BODY, NOW))).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(check(signGovernanceEvent(SECRET, `${BODY} `, NOW))).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(check(`t=${NOW + 1},v1=${governanceSignature(SECRET, NOW, BODY)}`)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses v1 values that are not 64 hex digits without throwing', () => {
    for (const v1 of ['', 'zz', governanceSignature(SECRET, NOW, BODY).slice(0, 63), `${governanceSignature(SECRET, NOW, BODY)}00`]) {
      expect(check(`t=${NOW},v1=${v1}`)).toMatchObject({ ok: false, reason: 'mismatch' });
    }
  });

  it('accepts a timestamp exactly 300 s away and refuses 301 s, in the past and in the future', () => {
    expect(check(signGovernanceEvent(SECRET, BODY, NOW - 300)).ok).toBe(true);
    expect(check(signGovernanceEvent(SECRET, BODY, NOW + 300)).ok).toBe(true);
    expect(check(signGovernanceEvent(SECRET, BODY, NOW - 301))).toMatchObject({ ok: false, reason: 'expired', detail: expect.stringContaining('301 s old') });
    expect(check(signGovernanceEvent(SECRET, BODY, NOW + 301))).toMatchObject({ ok: false, reason: 'future' });
  });

  it('checks the signature before the clock: a forged old header is a mismatch, not "expired"', () => {
    expect(check(`t=${NOW - 10_000},v1=${'0'.repeat(64)}`)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('compares with crypto.timingSafeEqual over equal-length buffers, every candidate', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      check(`t=${NOW},v1=${'0'.repeat(64)},v1=short,v1=${governanceSignature(SECRET, NOW, BODY)}`);
      expect(spy).toHaveBeenCalledTimes(3);
      for (const [a, b] of spy.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    } finally {
      spy.mockRestore();
    }
  });

  it('never puts the secret or the presented signature in its answer', () => {
    const presented = signGovernanceEvent('not-the-secret', BODY, NOW);
    const answer = JSON.stringify(check(presented));
    expect(answer).not.toContain(SECRET);
    expect(answer).not.toContain(presented.split('v1=')[1]);
  });
});
