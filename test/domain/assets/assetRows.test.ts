import { newestFirst, toAssetRow } from '../../../src/domain/assets/assetRows';
import type { DamAsset } from '../../../src/sources/dam/asset';

const asset = (patch: Partial<DamAsset> = {}): DamAsset => ({
  source: 'canto',
  id: 'img-1',
  kind: 'image',
  name: 'Spring hero.jpg',
  approval: 'Approved',
  campaign: 'Spring 2026',
  productLine: 'Outdoor',
  region: 'EMEA',
  usageRights: 'Web and print, EU only',
  expiresAt: '2026-04-10T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  modifiedAt: '2026-03-01T00:00:00Z',
  owner: 'Ana',
  link: 'https://acme.canto.com/allfiles?display=fitView&viewIndex=0&column=image&id=img-1',
  failedJobs: [],
  lastActivity: { who: 'Ana', what: 'Download', detail: null, when: '2026-03-30T09:00:00Z' },
  enrichedAt: null,
  ...patch,
});

describe('an asset row', () => {
  const now = new Date('2026-03-31T12:00:00Z');

  it('adds the expiry state and whole days to expiry for the reader\'s window', () => {
    expect(toAssetRow(asset(), now, 30)).toMatchObject({ expiryState: 'expiring', daysToExpiry: 10, approval: 'Approved', link: expect.stringMatching(/^https:/) });
    expect(toAssetRow(asset(), now, 5)).toMatchObject({ expiryState: 'ok', daysToExpiry: 10 });
    expect(toAssetRow(asset({ expiresAt: null }), now, 30)).toMatchObject({ expiryState: 'none', daysToExpiry: null });
  });

  it('keeps an approval status it does not know, verbatim', () => {
    expect(toAssetRow(asset({ approval: 'Legal review' }), now, 30).approval).toBe('Legal review');
  });

  it('drops a link that is not https, except http on loopback (the workbench simulators)', () => {
    expect(toAssetRow(asset({ link: 'javascript:alert(1)' as string }), now, 30).link).toBeNull();
    expect(toAssetRow(asset({ link: 'http://acme.canto.com/x' }), now, 30).link).toBeNull();
    expect(toAssetRow(asset({ link: 'http://127.0.0.1:4000/sim/canto/x' }), now, 30).link).toBe('http://127.0.0.1:4000/sim/canto/x');
  });

  it('orders an audit trail newest first, keeping the platform order for equal times', () => {
    const trail = newestFirst([
      { who: 'a', what: 'VIEW', detail: null, when: '2026-03-01T00:00:00Z' },
      { who: 'b', what: 'EXPORT', detail: null, when: '2026-03-05T00:00:00Z' },
      { who: 'c', what: 'APPROVE', detail: null, when: '2026-03-05T00:00:00Z' },
    ]);
    expect(trail.map((e) => e.who)).toEqual(['b', 'c', 'a']);
  });
});
