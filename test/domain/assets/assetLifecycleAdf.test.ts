import { assetLifecycleAdf, assetLifecycleMessageAdf } from '../../../src/domain/assets/assetLifecycleAdf';
import { sourceFreshness } from '../../../src/domain/assets/assetFreshness';
import type { AssetPage, AssetRow } from '../../../src/shared/assetLifecycleContract';

const now = new Date('2026-03-31T12:00:00Z');

const row = (patch: Partial<AssetRow> = {}): AssetRow => ({
  source: 'iconik',
  id: 'a1',
  name: 'Launch film master.mov',
  kind: 'ASSET',
  approval: 'NOT_APPROVED',
  campaign: 'Spring 2026',
  productLine: 'Outdoor',
  region: 'EMEA',
  usageRights: 'Broadcast EU',
  expiresAt: '2026-03-20T00:00:00Z',
  expiryState: 'expired',
  daysToExpiry: -11,
  failedJobs: [{ id: 'j1', type: 'TRANSCODE', title: 'Proxy', status: 'FAILED', error: 'codec not supported', at: '2026-03-30T10:00:00Z', steps: [] }],
  lastActivity: { who: 'Ana Lima', what: 'EXPORT', detail: 'to YouTube', when: '2026-03-30T09:00:00Z' },
  modifiedAt: '2026-03-30T09:00:00Z',
  link: 'https://app.iconik.io/asset/a1',
  ...patch,
});

const page = (patch: Partial<AssetPage> = {}): AssetPage => ({
  state: 'ready',
  rows: [row()],
  nextAfter: null,
  partial: false,
  totalMatching: 1,
  summary: {
    total: 3,
    bySource: { canto: 2, iconik: 1 },
    byApproval: { approved: 2, not_approved: 1 },
    expired: 1,
    expiring: 1,
    withFailedJobs: 1,
    countedAt: '2026-03-31T11:00:00Z',
    campaigns: [],
    productLines: [],
    regions: [],
    approvals: [],
  },
  freshness: [
    sourceFreshness('canto', { configured: true, ok: true }, { lastSuccessAt: '2026-03-31T11:00:00Z', lastAttemptAt: '2026-03-31T11:00:00Z', lastError: null }, now),
    sourceFreshness('iconik', { configured: true, ok: true }, { lastSuccessAt: '2026-03-31T08:00:00Z', lastAttemptAt: '2026-03-31T11:00:00Z', lastError: 'iconik answered 503', lastErrorAt: '2026-03-31T11:01:00Z' }, now),
  ],
  expiringDays: 30,
  now: now.toISOString(),
  request: { filters: { sources: ['canto', 'iconik'], region: 'EMEA', expiry: 'expired' }, sort: 'name', order: 'ASC', after: null, pageSize: 50 },
  scope: { sources: ['canto', 'iconik'], title: 'Spring campaign assets' },
  ...patch,
});

const texts = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: string; text?: string; content?: unknown[] };
  return [...(n.type === 'text' && n.text ? [n.text] : []), ...(n.content ?? []).flatMap(texts)];
};
const find = (node: unknown, type: string): Record<string, unknown>[] => {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: string; content?: unknown[] };
  return [...(n.type === type ? [n as Record<string, unknown>] : []), ...(n.content ?? []).flatMap((c) => find(c, type))];
};

describe('the asset-lifecycle export', () => {
  it('has the title, the as-of time, the filters, the counts and a row per asset', () => {
    const adf = assetLifecycleAdf(page());
    const all = texts(adf).join('\n');
    expect(all).toContain('Spring campaign assets');
    expect(all).toContain('As of 2026-03-31 12:00 UTC');
    expect(all).toContain('Region: EMEA. Only expired usage rights.');
    expect(all).toContain('3 assets (2 in Canto, 1 in iconik); approval: 2 approved, 1 not approved; 1 expired, 1 expiring within 30 days, 1 with failed jobs.');
    const [table] = find(adf, 'table');
    expect(find(table, 'tableRow')).toHaveLength(2);
    expect(all).toContain('EXPIRED 2026-03-20');
    expect(all).toContain('TRANSCODE FAILED: Proxy (codec not supported)');
    expect(all).toContain('Ana Lima, 2026-03-30 09:00 UTC');
  });

  it('links the asset name to Canto or iconik', () => {
    const links = find(assetLifecycleAdf(page()), 'text').filter((t) => JSON.stringify(t).includes('"link"'));
    expect(links).toEqual([expect.objectContaining({ text: 'Launch film master.mov', marks: expect.arrayContaining([{ type: 'link', attrs: { href: 'https://app.iconik.io/asset/a1' } }]) })]);
  });

  it('warns about each stale source with its error', () => {
    const panels = find(assetLifecycleAdf(page()), 'panel');
    expect(panels.map((p) => texts(p).join(''))).toEqual(['iconik data may be out of date: the last sync failed (iconik answered 503).']);
  });

  it('keeps hostile strings as text', () => {
    const hostile = '<script>alert(1)</script> ]]> &amp; {{x}}';
    const adf = assetLifecycleAdf(page({ rows: [row({ name: hostile, campaign: hostile, link: null })] }));
    expect(texts(adf)).toContain(hostile);
    expect(JSON.stringify(adf)).not.toContain('"type":"html"');
  });

  it('says when more assets match than the export shows, and when none match', () => {
    expect(texts(assetLifecycleAdf(page({ nextAfter: 'c', totalMatching: 120 }))).join('\n')).toContain('Showing the first 1 of 120 matching assets');
    expect(texts(assetLifecycleAdf(page({ rows: [] }))).join('\n')).toContain('No assets match these filters.');
    expect(texts(assetLifecycleMessageAdf('Canto is not connected.'))).toEqual(['Asset lifecycle', 'Canto is not connected.']);
  });
});
