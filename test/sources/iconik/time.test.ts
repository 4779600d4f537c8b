import { describeErrorText } from '../../../src/sources/iconik/errors';
import { iconikTimeToIso, parseIconikTime } from '../../../src/sources/iconik/time';
import { apiPath, iconikUrl } from '../../../src/sources/iconik/urls';

describe('iconik times', () => {
  it.each([
    ['2026-11-22T10:15:00.123456+00:00', '2026-11-22T10:15:00.123Z'],
    ['2026-11-22T10:15:00Z', '2026-11-22T10:15:00.000Z'],
    ['2026-11-22T12:15:00+02:00', '2026-11-22T10:15:00.000Z'],
    ['2026-11-22T15:45:00+0530', '2026-11-22T10:15:00.000Z'],
    ['2026-11-22T10:15:00.5', '2026-11-22T10:15:00.500Z'],
    ['2026-11-22 10:15', '2026-11-22T10:15:00.000Z'],
    ['2027-03-31', '2027-03-31T00:00:00.000Z'],
  ])('reads %s as %s (no offset means UTC)', (text, iso) => {
    expect(iconikTimeToIso(text)).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-13-40', '20261122101500', '2026-11-22T25:00:00Z'])('refuses %j', (text) => {
    expect(parseIconikTime(text)).toBeNull();
  });
});

describe('iconik paths', () => {
  it('ends every path with one slash and never doubles one', () => {
    expect(apiPath('assets', 'assets/{id}/approvals/request', { id: 'abc' })).toBe('/API/assets/v1/assets/abc/approvals/request/');
    expect(apiPath('search', '/search/')).toBe('/API/search/v1/search/');
    expect(apiPath('files', '//storages//')).toBe('/API/files/v1/storages/');
  });

  it('keeps an id one segment, whatever it holds', () => {
    expect(apiPath('users', 'users/{id}', { id: 'a/b?c' })).toBe('/API/users/v1/users/a%2Fb%3Fc/');
    expect(() => apiPath('users', 'users/{id}', { id: '' })).toThrow(/non-empty "id"/);
  });

  it('joins the base URL, path and query', () => {
    expect(iconikUrl('http://127.0.0.1:4000/sim/iconik/', '/API/jobs/v1/jobs/', { status: 'FAILED', page: 2, skipped: undefined })).toBe(
      'http://127.0.0.1:4000/sim/iconik/API/jobs/v1/jobs/?status=FAILED&page=2',
    );
  });
});

describe('iconik error bodies', () => {
  it('reads {"errors": [...]}', () => {
    expect(describeErrorText('{"errors":["Token is invalid"]}')).toEqual({ errors: ['Token is invalid'], summary: 'Token is invalid' });
  });

  it('reads {"errors": {"field": [...]}}', () => {
    expect(describeErrorText('{"errors":{"title":["Required.","Too short."],"status":"Unknown"}}')).toEqual({
      errors: ['title: Required., Too short.', 'status: Unknown'],
      summary: 'title: Required., Too short.; status: Unknown',
    });
  });

  it('reads other JSON, HTML and nothing at all', () => {
    expect(describeErrorText('{"message":"Internal error"}').summary).toBe('Internal error');
    expect(describeErrorText('<html><style>p{}</style><h1>503</h1> Service Unavailable</html>').summary).toBe('503 Service Unavailable');
    expect(describeErrorText('', 'Bad Gateway').summary).toBe('Bad Gateway');
    expect(describeErrorText('').summary).toBe('no details given');
  });
});
