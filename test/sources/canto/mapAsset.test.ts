import { damAssetSchema } from '../../../src/sources/dam/asset';
import { cantoAssetSchema, type CantoAsset } from '../../../src/sources/canto/schemas';
import { cantoAuditTrail, mapCantoAsset } from '../../../src/sources/canto/mapAsset';
import { DEFAULT_CANTO_FIELD_MAPPING, type AssetFieldMapping } from '../../../src/store/settings';

const BASE_URL = 'https://acme.canto.com';

/** A Canto asset as Canto's JSON has it (strings everywhere, yyyyMMddHHmmssSSS dates), read by the client's schema. */
function cantoAsset(overrides: Record<string, unknown> = {}): CantoAsset {
  return cantoAssetSchema.parse({
    id: 'c0ffee42',
    scheme: 'image',
    name: 'spring-launch_hero-banner.jpg',
    size: '2048000',
    width: '1920',
    height: '1080',
    owner: 'u-17',
    ownerName: 'Ana Lopez',
    approvalStatus: 'Approved',
    time: '20261120093000000',
    lastUploaded: '20261118120000000',
    created: '20261101080000000',
    additional: {
      Campaign: 'Spring Launch 2026',
      'Product Line': 'Trading Grid',
      Region: ['EMEA', 'APAC'],
      'Usage Rights': 'Web and social, worldwide',
      'Expiration Date': '20270331000000000',
    },
    default: { Name: 'spring-launch_hero-banner.jpg', 'Uploaded by': 'Ana Lopez' },
    url: { detail: 'https://acme.canto.com/api/v1/image/c0ffee42', preview: 'https://acme.canto.com/api_binary/v1/image/c0ffee42/preview' },
    versionHistory: [
      { version: '1', ownerName: 'Ana Lopez', created: '20261101080000000', comment: '' },
      { version: '2', ownerName: 'Ben Okafor', created: '20261118120000000', comment: 'Legal feedback applied' },
    ],
    ...overrides,
  });
}

const map = (asset: CantoAsset, fieldMapping: AssetFieldMapping = DEFAULT_CANTO_FIELD_MAPPING, baseUrl = BASE_URL) =>
  damAssetSchema.parse(mapCantoAsset(asset, { fieldMapping, baseUrl }));

describe('mapCantoAsset', () => {
  it('maps a Canto asset with the default field labels', () => {
    expect(map(cantoAsset())).toEqual({
      source: 'canto',
      id: 'c0ffee42',
      kind: 'image',
      name: 'spring-launch_hero-banner.jpg',
      approval: 'Approved',
      campaign: 'Spring Launch 2026',
      productLine: 'Trading Grid',
      region: 'EMEA, APAC',
      usageRights: 'Web and social, worldwide',
      expiresAt: '2027-03-31T00:00:00.000Z',
      createdAt: '2026-11-01T08:00:00.000Z',
      modifiedAt: '2026-11-20T09:30:00.000Z',
      owner: 'Ana Lopez',
      link: 'https://acme.canto.com/allfiles?column=image&id=c0ffee42',
      failedJobs: [],
      lastActivity: { who: null, what: 'Modified', detail: 'Approval status: Approved', when: '2026-11-20T09:30:00.000Z' },
      enrichedAt: null,
    });
  });

  it('reads the custom fields under the labels an admin chose, ignoring case and surrounding spaces', () => {
    const asset = cantoAsset({
      additional: { Kampagne: 'Frühjahr', ' produktlinie ': 'Analytics', GEBIET: 'DACH', Nutzungsrechte: 'Print only', Ablaufdatum: '2027-01-15' },
    });
    const mapping = { campaign: 'Kampagne', productLine: 'Produktlinie', region: 'Gebiet', usageRights: 'Nutzungsrechte', expiresAt: 'Ablaufdatum' };
    expect(map(asset, mapping)).toMatchObject({
      campaign: 'Frühjahr',
      productLine: 'Analytics',
      region: 'DACH',
      usageRights: 'Print only',
      expiresAt: '2027-01-15T00:00:00.000Z',
    });
  });

  it('leaves a field empty when the label is missing, blank or an empty list', () => {
    const asset = cantoAsset({ additional: { Campaign: '   ', Region: [], 'Product Line': null } });
    expect(map(asset)).toMatchObject({ campaign: null, productLine: null, region: null, usageRights: null, expiresAt: null });
  });

  it('joins list values and writes numbers as text', () => {
    const asset = cantoAsset({ additional: { Region: ['EMEA', '', 'LATAM'], Campaign: 2026 } });
    expect(map(asset)).toMatchObject({ region: 'EMEA, LATAM', campaign: '2026' });
  });

  it.each([
    ['20270331101500250', '2027-03-31T10:15:00.250Z'],
    ['2027-03-31T12:00:00+02:00', '2027-03-31T10:00:00.000Z'],
    ['2027-03-31', '2027-03-31T00:00:00.000Z'],
    ['03/31/2027', '2027-03-31T00:00:00.000Z'],
    [['2027-03-31'], '2027-03-31T00:00:00.000Z'],
  ])('reads the expiration date %p', (value, expected) => {
    expect(map(cantoAsset({ additional: { 'Expiration Date': value } })).expiresAt).toBe(expected);
  });

  it.each(['31.03.2027', '2027-02-30', 'next spring', '13/01/2027', '20271301000000000'])(
    'leaves the expiration empty rather than guessing at %p',
    (value) => {
      expect(map(cantoAsset({ additional: { 'Expiration Date': value } })).expiresAt).toBeNull();
    },
  );

  it('finds the expiration date in `default` or under another expiration-like key when the mapped label has none', () => {
    expect(map(cantoAsset({ additional: {}, default: { 'expiration date': '20270101000000000' } })).expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(map(cantoAsset({ additional: { 'Expiry Date': '2027-02-01' } })).expiresAt).toBe('2027-02-01T00:00:00.000Z');
    expect(map(cantoAsset({ additional: {}, expirationDate: '20270301000000000' })).expiresAt).toBe('2027-03-01T00:00:00.000Z');
  });

  it('keeps approval statuses verbatim, including a tenant’s own', () => {
    expect(map(cantoAsset({ approvalStatus: 'Legal Review' })).approval).toBe('Legal Review');
    expect(map(cantoAsset({ approvalStatus: 'approved' })).approval).toBe('approved');
    expect(map(cantoAsset({ approvalStatus: undefined })).approval).toBeNull();
  });

  it('keeps hostile strings as plain text, for the renderer to escape', () => {
    const hostile = '<img src=x onerror=alert(1)>"&\'';
    const mapped = map(cantoAsset({ name: hostile, additional: { Campaign: `<script>alert(1)</script>`, Region: hostile } }));
    expect(mapped).toMatchObject({ name: hostile, campaign: '<script>alert(1)</script>', region: hostile });
  });

  it('cuts overlong values to the stored bounds, visibly', () => {
    const mapped = map(cantoAsset({ name: 'n'.repeat(600), approvalStatus: 'A'.repeat(80), additional: { Campaign: 'c'.repeat(300) } }));
    expect(mapped.name).toHaveLength(500);
    expect(mapped.name.endsWith('…')).toBe(true);
    expect(mapped.approval).toHaveLength(60);
    expect(mapped.campaign).toHaveLength(200);
  });

  it('falls back to the default Name and then the id when the asset has no name', () => {
    expect(map(cantoAsset({ name: undefined })).name).toBe('spring-launch_hero-banner.jpg');
    expect(map(cantoAsset({ name: undefined, default: {} })).name).toBe('c0ffee42');
  });

  describe('link', () => {
    it('uses Canto’s detail link when it is a web page on a Canto host', () => {
      const detail = 'https://acme.canto.com/v/library?column=image&id=c0ffee42';
      expect(map(cantoAsset({ url: { detail } })).link).toBe(detail);
    });

    it('builds a deep link into the tenant when the detail link is an API address, on another host, or not https', () => {
      for (const detail of ['https://acme.canto.com/api/v1/image/c0ffee42', 'https://evil.example.com/x', 'http://acme.canto.com/v/x', 'not a url']) {
        expect(map(cantoAsset({ url: { detail } })).link).toBe('https://acme.canto.com/allfiles?column=image&id=c0ffee42');
      }
    });

    it('encodes the id in the deep link and gives no link for a base URL that is not https', () => {
      expect(map(cantoAsset({ id: 'a&b=c', url: null })).link).toBe('https://acme.canto.com/allfiles?column=image&id=a%26b%3Dc');
      expect(map(cantoAsset({ url: null }), DEFAULT_CANTO_FIELD_MAPPING, 'http://acme.canto.com').link).toBeNull();
      expect(map(cantoAsset({ url: null }), DEFAULT_CANTO_FIELD_MAPPING, 'http://127.0.0.1:4000/sim/canto').link).toBe(
        'http://127.0.0.1:4000/sim/canto/allfiles?column=image&id=c0ffee42',
      );
    });
  });
});

describe('cantoAuditTrail', () => {
  it('lists what happened newest first: the last modification with the approval status, versions with their comments, the upload', () => {
    expect(cantoAuditTrail(cantoAsset())).toEqual([
      { who: null, what: 'Modified', detail: 'Approval status: Approved', when: '2026-11-20T09:30:00.000Z' },
      { who: 'Ben Okafor', what: 'New version 2', detail: 'Legal feedback applied', when: '2026-11-18T12:00:00.000Z' },
      { who: 'Ana Lopez', what: 'Uploaded', detail: null, when: '2026-11-01T08:00:00.000Z' },
    ]);
  });

  it('adds the upload and creation when no version entry covers them', () => {
    const trail = cantoAuditTrail(cantoAsset({ versionHistory: undefined, time: '20261118120000000' }));
    expect(trail).toEqual([
      { who: 'Ana Lopez', what: 'Uploaded', detail: null, when: '2026-11-18T12:00:00.000Z' },
      { who: 'Ana Lopez', what: 'Created', detail: null, when: '2026-11-01T08:00:00.000Z' },
    ]);
  });

  it('gives the newest entry as the asset’s last activity', () => {
    const asset = cantoAsset({ time: '20261118120000000' });
    expect(map(asset).lastActivity).toEqual({ who: 'Ben Okafor', what: 'New version 2', detail: 'Legal feedback applied', when: '2026-11-18T12:00:00.000Z' });
  });

  it('still has the modification when Canto sends nothing else', () => {
    const asset = cantoAsset({ versionHistory: [], lastUploaded: '', created: null, approvalStatus: undefined });
    expect(cantoAuditTrail(asset)).toEqual([{ who: null, what: 'Modified', detail: null, when: '2026-11-20T09:30:00.000Z' }]);
  });
});

describe('the Canto asset schema', () => {
  it('keeps fields it does not know', () => {
    expect(cantoAsset({ smartTags: ['sky'] }).smartTags).toEqual(['sky']);
  });

  it('names the field of a bad date, so the sync can report the item', () => {
    const parsed = cantoAssetSchema.safeParse({ id: 'x', scheme: 'image', time: '2026-11-20', versionHistory: [{ created: '20261399000000000' }] });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'time: "2026-11-20" is not a yyyyMMddHHmmssSSS date',
      'versionHistory.0.created: "20261399000000000" is not a yyyyMMddHHmmssSSS date',
    ]);
  });

  it('requires an id, a scheme and a modified time', () => {
    const parsed = cantoAssetSchema.safeParse({ name: 'orphan' });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['id', 'scheme', 'time']);
  });

  it('reads an unreadable size as unknown rather than dropping the asset', () => {
    expect(cantoAsset({ size: '12 MB', width: 'wide' })).toMatchObject({ size: null, width: null, height: 1080 });
  });
});
