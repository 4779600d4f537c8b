import { formatCantoDate, parseCantoDate, parseFieldDate } from '../../../src/sources/canto/dates';
import { isCantoHost, readCantoHost } from '../../../src/sources/canto/hosts';

describe('Canto dates', () => {
  it('reads yyyyMMddHHmmssSSS as UTC and writes it back the same', () => {
    expect(parseCantoDate('20150415063836418')?.toISOString()).toBe('2015-04-15T06:38:36.418Z');
    expect(formatCantoDate(new Date('2015-04-15T06:38:36.418Z'))).toBe('20150415063836418');
  });

  it.each(['2015041506383641', '201504150638364180', '20151315063836418', '20150431063836418', '20150415243836418', '2015-04-15T06:38', 'abcdefghijklmnopq', ''])(
    'refuses %p instead of rolling it over to another date',
    (text) => {
      expect(parseCantoDate(text)).toBeNull();
    },
  );

  it('reads the date formats admins type into custom fields, and nothing else', () => {
    expect(parseFieldDate('2027-03-31')?.toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(parseFieldDate('03/31/2027')?.toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(parseFieldDate('2027-03-31T23:30:00Z')?.toISOString()).toBe('2027-03-31T23:30:00.000Z');
    expect(parseFieldDate(' 20270331000000000 ')?.toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(parseFieldDate('2027-02-29')).toBeNull();
    expect(parseFieldDate('2027-02-30T10:00:00Z')).toBeNull();
    expect(parseFieldDate('31/03/2027')).toBeNull();
    expect(parseFieldDate('March 31, 2027')).toBeNull();
  });
});

describe('Canto hosts', () => {
  it.each([
    ['https://acme.canto.com', 'https://acme.canto.com'],
    ['https://acme.canto.global/', 'https://acme.canto.global'],
    ['https://acme.canto.de/api/v1/', 'https://acme.canto.de'],
    ['https://acme.au.canto.com', 'https://acme.au.canto.com'],
    ['https://oauth.ca.canto.com/oauth/api/oauth2/token', 'https://oauth.ca.canto.com'],
    ['http://127.0.0.1:4000/sim/canto/', 'http://127.0.0.1:4000/sim/canto'],
    ['http://localhost:4020', 'http://localhost:4020'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(readCantoHost(raw, 'base URL')).toEqual({ ok: true, url: normalised });
  });

  it.each([
    ['https://canto.com', 'is not on a Canto domain'],
    ['https://acme.canto.com.evil.example', 'is not on a Canto domain'],
    ['https://evilcanto.com', 'is not on a Canto domain'],
    ['http://acme.canto.com', 'must start with https://'],
    ['https://user:pw@acme.canto.com', 'must not contain a user name or password'],
    ['ftp://127.0.0.1/', 'must be an http(s) URL'],
  ])('refuses %s', (raw, problem) => {
    const host = readCantoHost(raw, 'base URL');
    expect(host.ok ? '' : host.message).toContain(problem);
  });

  it('knows tenant hosts of every regional domain', () => {
    expect(['a.canto.com', 'a.canto.global', 'a.canto.de', 'a.au.canto.com', 'oauth.ca.canto.com'].every(isCantoHost)).toBe(true);
    expect(['canto.de', 'a.canto.io', 'a.canto.com.au'].some(isCantoHost)).toBe(false);
  });
});
