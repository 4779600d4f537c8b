import { damAssetSchema } from '../../../src/sources/dam/asset';
import type { IconikApproval, IconikAsset, IconikHistoryEntry, IconikJob } from '../../../src/sources/iconik/client';
import { failedJobsByAsset, iconikAuditTrail, iconikFailedJobs, isDeletedIconikAsset, mapIconikAsset, metadataText } from '../../../src/sources/iconik/mapAsset';
import { DEFAULT_ICONIK_FIELD_MAPPING, type AssetFieldMapping } from '../../../src/store/settings';

const ID = '5f0c2a9e-0b7d-4c2e-9a53-2d8e7f1b4c60';
const BASE = 'https://app.iconik.io';
const NOW = new Date('2026-11-22T10:00:00Z');

function asset(overrides: Partial<IconikAsset> = {}): IconikAsset {
  return {
    id: ID,
    title: 'Hero shot Spring 000042.mov',
    type: 'ASSET',
    status: 'ACTIVE',
    created_by_user: 'user-ada',
    date_created: '2026-03-01T08:00:00.000000+00:00',
    date_modified: '2026-11-20T09:30:15.123456+00:00',
    metadata: {
      campaign: ['Spring Launch 2026'],
      product_line: ['Outdoor'],
      region: ['EMEA'],
      usage_rights: ['Web and social only'],
      usage_rights_expiration: ['2027-03-31'],
    },
    ...overrides,
  };
}

const options = (extra: Partial<Parameters<typeof mapIconikAsset>[1]> = {}) => ({ fieldMapping: DEFAULT_ICONIK_FIELD_MAPPING, baseUrl: BASE, now: NOW, ...extra });

function job(overrides: Partial<IconikJob> = {}): IconikJob {
  return {
    id: 'job-1',
    title: 'Transcode proxy',
    type: 'TRANSCODE',
    status: 'FAILED',
    object_type: 'assets',
    object_id: ID,
    error_message: 'ffmpeg exited with code 1',
    completed_at: '2026-11-21T10:00:00.000000+00:00',
    date_modified: '2026-11-21T10:00:01.000000+00:00',
    steps: [
      { label: 'Prepare', status: 'DONE', error_message: null },
      { label: 'Transcode proxy', status: 'FAILED', error_message: 'Invalid data found when processing input' },
    ],
    ...overrides,
  };
}

const history = (entries: Partial<IconikHistoryEntry>[]): IconikHistoryEntry[] =>
  entries.map((entry) => ({ operation_type: 'DOWNLOAD', user_id: 'user-ada', date_created: '2026-11-01T10:00:00+00:00', ...entry }));

describe('mapIconikAsset', () => {
  it('maps an iconik search document onto a DamAsset', () => {
    const mapped = mapIconikAsset(asset(), options());
    expect(mapped).toEqual({
      source: 'iconik',
      id: ID,
      kind: 'ASSET',
      name: 'Hero shot Spring 000042.mov',
      approval: null,
      campaign: 'Spring Launch 2026',
      productLine: 'Outdoor',
      region: 'EMEA',
      usageRights: 'Web and social only',
      expiresAt: '2027-03-31T00:00:00.000Z',
      createdAt: '2026-03-01T08:00:00.000Z',
      modifiedAt: '2026-11-20T09:30:15.123Z',
      owner: 'user-ada',
      link: `https://app.iconik.io/asset/${ID}`,
      failedJobs: [],
      lastActivity: null,
      enrichedAt: null,
    });
    expect(damAssetSchema.safeParse(mapped).success).toBe(true);
  });

  it('reads metadata values however iconik shapes them: plain, lists, {value} and {field_values}', () => {
    const mapped = mapIconikAsset(
      asset({
        metadata: {
          campaign: 'Summer Splash',
          product_line: [{ value: 'Kids' }, { value: 'Home' }],
          region: { field_values: [{ value: 'APAC' }] },
          usage_rights: [42],
          usage_rights_expiration: [],
        },
      }),
      options(),
    );
    expect(mapped).toMatchObject({ campaign: 'Summer Splash', productLine: 'Kids, Home', region: 'APAC', usageRights: '42', expiresAt: null });
  });

  it('takes field names from the admin\'s mapping, matching them case-insensitively', () => {
    const mapping: AssetFieldMapping = { campaign: 'Kampagne', productLine: 'Produktlinie', region: 'Markt', usageRights: 'Nutzungsrechte', expiresAt: 'Ablaufdatum' };
    const mapped = mapIconikAsset(asset({ metadata: { kampagne: ['Herbst'], Markt: ['DACH'], Ablaufdatum: ['2027-01-15T12:00:00+01:00'] } }), options({ fieldMapping: mapping }));
    expect(mapped).toMatchObject({ campaign: 'Herbst', region: 'DACH', productLine: null, usageRights: null, expiresAt: '2027-01-15T11:00:00.000Z' });
  });

  it('prefers the metadata view\'s values over the search document, an emptied field included', () => {
    const mapped = mapIconikAsset(asset(), options({ metadataValues: { campaign: ['Holiday Glow'], region: [] } }));
    expect(mapped).toMatchObject({ campaign: 'Holiday Glow', region: null, productLine: 'Outdoor' });
  });

  it('leaves an unreadable expiration date empty rather than guessing', () => {
    expect(mapIconikAsset(asset({ metadata: { usage_rights_expiration: ['end of next year'] } }), options()).expiresAt).toBeNull();
  });

  it('shows no approval until it was fetched, "N/A" when none was requested, and any status verbatim', () => {
    const approval = (status: string) => ({ status }) as IconikApproval;
    expect(mapIconikAsset(asset(), options()).approval).toBeNull();
    expect(mapIconikAsset(asset(), options({ approval: null })).approval).toBe('N/A');
    expect(mapIconikAsset(asset(), options({ approval: approval('NOT_APPROVED') })).approval).toBe('NOT_APPROVED');
    expect(mapIconikAsset(asset(), options({ approval: approval('ESCALATED') })).approval).toBe('ESCALATED');
  });

  it('lists the asset\'s own failed jobs and transfers, newest first, with the failing step\'s error', () => {
    const jobs = [
      job({ id: 'older', completed_at: '2026-11-01T10:00:00+00:00' }),
      job({ id: 'transfer', type: 'TRANSFER', error_message: '', completed_at: '2026-11-21T12:00:00+00:00', steps: [{ label: 'Copy file', status: 'FAILED', error_message: 'Access denied (403)' }] }),
      job({ id: 'other-asset', object_id: 'someone-else' }),
      job({ id: 'related', object_id: null, related_objects: [{ object_type: 'assets', object_id: ID }], type: 'MEDIA_PIPELINE', completed_at: null, date_modified: '2026-11-10T00:00:00+00:00' }),
    ];
    const { failedJobs } = mapIconikAsset(asset(), options({ failedJobs: jobs }));
    expect(failedJobs.map((failed) => failed.id)).toEqual(['transfer', 'related', 'older']);
    expect(failedJobs[0]).toEqual({
      id: 'transfer',
      type: 'TRANSFER',
      title: 'Transcode proxy',
      status: 'FAILED',
      error: 'Access denied (403)',
      at: '2026-11-21T12:00:00.000Z',
      steps: [{ label: 'Copy file', status: 'FAILED', error: 'Access denied (403)' }],
    });
    expect(failedJobs[1]).toMatchObject({ type: 'MEDIA_PIPELINE', at: '2026-11-10T00:00:00.000Z' });
    expect(failedJobs[2]?.error).toBe('ffmpeg exited with code 1');
  });

  it('keeps at most the 10 newest failed jobs', () => {
    const jobs = Array.from({ length: 14 }, (_, k) => job({ id: `job-${k}`, completed_at: `2026-11-${String(k + 1).padStart(2, '0')}T00:00:00Z` }));
    const { failedJobs } = mapIconikAsset(asset(), options({ failedJobs: jobs }));
    expect(failedJobs).toHaveLength(10);
    expect(failedJobs[0]?.id).toBe('job-13');
    expect(failedJobs[9]?.id).toBe('job-4');
  });

  it('takes the last activity from the newest history entry, naming the user when known', () => {
    const entries = history([
      { operation_type: 'DOWNLOAD', date_created: '2026-11-01T10:00:00+00:00' },
      { operation_type: 'APPROVE', operation_description: 'Approved for release', user_id: 'user-grace', date_created: '2026-11-19T16:45:00.500000+00:00' },
      { operation_type: 'EXPORT', date_created: '2026-11-05T10:00:00+00:00' },
    ]);
    const users = new Map([['user-grace', 'Grace Hopper']]);
    expect(mapIconikAsset(asset(), options({ history: entries, users })).lastActivity).toEqual({
      who: 'Grace Hopper',
      what: 'APPROVE',
      detail: 'Approved for release',
      when: '2026-11-19T16:45:00.500Z',
    });
    expect(mapIconikAsset(asset(), options({ history: entries })).lastActivity?.who).toBe('user-grace');
    expect(mapIconikAsset(asset(), options({ history: [] })).lastActivity).toBeNull();
  });

  it('marks the asset enriched only when both approval and history were read', () => {
    expect(mapIconikAsset(asset(), options({ approval: null })).enrichedAt).toBeNull();
    expect(mapIconikAsset(asset(), options({ history: [] })).enrichedAt).toBeNull();
    expect(mapIconikAsset(asset(), options({ approval: null, history: [] })).enrichedAt).toBe(NOW.toISOString());
  });

  it('names the owner from the users map, else iconik\'s user info, else the user id', () => {
    expect(mapIconikAsset(asset(), options({ users: new Map([['user-ada', 'Ada Lovelace']]) })).owner).toBe('Ada Lovelace');
    expect(mapIconikAsset(asset({ created_by_user_info: { first_name: 'Alan', last_name: 'Turing' } }), options()).owner).toBe('Alan Turing');
    expect(mapIconikAsset(asset({ created_by_user: null }), options()).owner).toBeNull();
  });

  it('links to the asset in iconik\'s web app, only over https (or the loopback simulator)', () => {
    expect(mapIconikAsset(asset(), options({ baseUrl: 'https://eu.iconik.example/' })).link).toBe(`https://eu.iconik.example/asset/${ID}`);
    expect(mapIconikAsset(asset(), options({ baseUrl: 'http://127.0.0.1:4000/sim/iconik' })).link).toBe(`http://127.0.0.1:4000/sim/iconik/asset/${ID}`);
    expect(mapIconikAsset(asset(), options({ baseUrl: 'http://iconik.example' })).link).toBeNull();
  });

  it('names an untitled asset by its id and clips very long text to what the store keeps', () => {
    expect(mapIconikAsset(asset({ title: null }), options()).name).toBe(ID);
    const long = mapIconikAsset(asset({ title: 'x'.repeat(900), metadata: { campaign: ['c'.repeat(400)] } }), options());
    expect(long.name).toHaveLength(500);
    expect(long.campaign).toHaveLength(200);
  });
});

describe('iconikAuditTrail', () => {
  it('lists who did what, newest first, leaving out entries without a readable time', () => {
    const trail = iconikAuditTrail(
      history([
        { operation_type: 'DOWNLOAD', date_created: '2026-11-01T10:00:00+00:00', user_id: 'user-ada' },
        { operation_type: 'TRANSFER', operation_description: 'Moved to Archive Glacier', date_created: '2026-11-03T10:00:00Z', user_id: null },
        { operation_type: 'EXPORT', date_created: 'yesterday' },
      ]),
      new Map([['user-ada', 'Ada Lovelace']]),
    );
    expect(trail).toEqual([
      { who: null, what: 'TRANSFER', detail: 'Moved to Archive Glacier', when: '2026-11-03T10:00:00.000Z' },
      { who: 'Ada Lovelace', what: 'DOWNLOAD', detail: null, when: '2026-11-01T10:00:00.000Z' },
    ]);
  });
});

describe('iconik helpers for the sync', () => {
  it('groups failed jobs by the asset they are about', () => {
    const grouped = failedJobsByAsset([job({ id: 'a' }), job({ id: 'b', object_id: 'other' }), job({ id: 'c', object_type: 'collections', object_id: 'col-1' })]);
    expect([...grouped.keys()]).toEqual([ID, 'other']);
    expect(grouped.get(ID)?.map((entry) => entry.id)).toEqual(['a']);
  });

  it('maps one asset\'s failed jobs on their own, as the asset mapping does', () => {
    const jobs = [job({ id: 'mine' }), job({ id: 'theirs', object_id: 'other' })];
    expect(iconikFailedJobs(ID, jobs)).toEqual(mapIconikAsset(asset(), options({ failedJobs: jobs })).failedJobs);
    expect(iconikFailedJobs(ID, jobs).map((failed) => failed.id)).toEqual(['mine']);
  });

  it('tells a deleted asset apart', () => {
    expect(isDeletedIconikAsset({ status: 'DELETED' })).toBe(true);
    expect(isDeletedIconikAsset({ status: 'ACTIVE' })).toBe(false);
  });

  it('writes metadata values as text', () => {
    expect(metadataText(['  a ', '', null, true, { label: 'L' }])).toBe('a, true, L');
    expect(metadataText({})).toBeNull();
  });
});
