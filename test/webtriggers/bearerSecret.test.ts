import crypto from 'node:crypto';
import { bearerToken, secretMatches } from '../../src/webtriggers/bearerSecret';

describe('secretMatches', () => {
  afterEach(() => jest.restoreAllMocks());

  it('accepts the same secret and refuses any other', () => {
    expect(secretMatches('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true);
    expect(secretMatches('s3cret-s3cret-s3creT', 's3cret-s3cret-s3cret')).toBe(false);
    expect(secretMatches('', 's3cret-s3cret-s3cret')).toBe(false);
  });

  it('compares in constant time over two equal-length digests, whatever the lengths presented', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    secretMatches('short', 'a much longer expected secret');
    secretMatches('a much longer expected secret', 'a much longer expected secret');
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, in any case of the scheme', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('has no token for a missing header, another scheme or an empty token', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });
});
