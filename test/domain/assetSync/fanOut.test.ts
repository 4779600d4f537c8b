import { chunk, planPushes, pushRoom, recordPushed } from '../../../src/domain/assetSync/fanOut';
import { enrichBatchSize, keepEnrichment, needsEnrichment } from '../../../src/domain/assetSync/enrichment';
import type { DamAsset } from '../../../src/sources/dam/asset';

describe('splitting work into queue pushes', () => {
  it('chunks a list into groups of at most the size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(/at least 1/);
  });

  it('keeps each push within 50 events', () => {
    const pushes = planPushes(Array.from({ length: 120 }, (_, i) => ({ i })));
    expect(pushes.map((push) => push.length)).toEqual([50, 50, 20]);
  });

  it('keeps each push within the byte limit', () => {
    const event = { ids: 'x'.repeat(10_000) };
    const pushes = planPushes(Array.from({ length: 40 }, () => event), { maxBytes: 50_000 });
    expect(pushes.every((push) => Buffer.byteLength(JSON.stringify(push)) <= 50_000)).toBe(true);
    expect(pushes.flat()).toHaveLength(40);
  });

  it('refuses one event larger than a push may carry', () => {
    expect(() => planPushes([{ ids: 'x'.repeat(300_000) }])).toThrow(/more than a push may carry/);
  });
});

describe('the per-minute push share', () => {
  const at = (iso: string) => new Date(iso);

  it('lets a chain push within its share of the minute and counts what it pushed', () => {
    const ledger = recordPushed(null, at('2026-11-20T12:00:10Z'), 150);
    expect(pushRoom(ledger, at('2026-11-20T12:00:20Z'), 50)).toEqual({ ok: true, waitSeconds: 0 });
    expect(recordPushed(ledger, at('2026-11-20T12:00:20Z'), 50)).toEqual({ minute: ledger.minute, count: 200 });
  });

  it('says how long to wait when the share of this minute is used up', () => {
    const ledger = recordPushed(null, at('2026-11-20T12:00:10Z'), 199);
    expect(pushRoom(ledger, at('2026-11-20T12:00:40Z'), 3)).toEqual({ ok: false, waitSeconds: 21 });
  });

  it('starts afresh in the next minute', () => {
    const ledger = recordPushed(null, at('2026-11-20T12:00:10Z'), 200);
    expect(pushRoom(ledger, at('2026-11-20T12:01:00Z'), 3).ok).toBe(true);
    expect(recordPushed(ledger, at('2026-11-20T12:01:00Z'), 3).count).toBe(3);
  });
});

describe('which iconik assets get their approval and history read', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  it('reads never-enriched assets and assets modified since their last enrichment', () => {
    expect(needsEnrichment({ modifiedAt: '2026-11-20T10:00:00Z', enrichedAt: null }, now, 'incremental')).toBe(true);
    expect(needsEnrichment({ modifiedAt: '2026-11-20T10:00:00Z', enrichedAt: '2026-11-20T09:00:00Z' }, now, 'incremental')).toBe(true);
  });

  it('leaves assets enriched after their last modification alone in an incremental run', () => {
    expect(needsEnrichment({ modifiedAt: '2026-11-01T10:00:00Z', enrichedAt: '2026-11-02T09:00:00Z' }, now, 'incremental')).toBe(false);
  });

  it('re-reads enrichment older than a week in a full pass (approvals change silently)', () => {
    expect(needsEnrichment({ modifiedAt: '2026-11-01T10:00:00Z', enrichedAt: '2026-11-02T09:00:00Z' }, now, 'full')).toBe(true);
    expect(needsEnrichment({ modifiedAt: '2026-11-01T10:00:00Z', enrichedAt: '2026-11-19T09:00:00Z' }, now, 'full')).toBe(false);
  });

  it('fits as many assets in an event as its request allowance covers', () => {
    expect(enrichBatchSize(2)).toBe(40);
    expect(enrichBatchSize(4)).toBe(20);
  });
});

describe('keeping enrichment when a listing updates an asset', () => {
  const base: DamAsset = {
    source: 'iconik',
    id: 'a1',
    kind: 'ASSET',
    name: 'Hero',
    approval: null,
    campaign: null,
    productLine: null,
    region: null,
    usageRights: null,
    expiresAt: null,
    createdAt: null,
    modifiedAt: '2026-11-20T10:00:00.000Z',
    owner: null,
    link: null,
    failedJobs: [],
    lastActivity: null,
    enrichedAt: null,
  };
  const job = { id: 'j1', type: 'TRANSCODE', title: null, status: 'FAILED', error: 'codec', at: '2026-11-19T10:00:00.000Z', steps: [] };
  const stored = { approval: 'APPROVED', lastActivity: { who: 'Ana', what: 'APPROVE', detail: null, when: '2026-11-19T10:00:00.000Z' }, failedJobs: [job], enrichedAt: '2026-11-19T11:00:00.000Z' };

  it('keeps the stored approval, activity, failed jobs and enrichment time until they are read again', () => {
    expect(keepEnrichment({ ...base, name: 'Hero v2' }, stored)).toMatchObject({ name: 'Hero v2', ...stored });
  });

  it('takes what a full read brought, but keeps failed jobs (they come from another read)', () => {
    const fresh = { ...base, approval: 'NOT_APPROVED', enrichedAt: '2026-11-20T11:00:00.000Z' };
    expect(keepEnrichment(fresh, stored)).toMatchObject({ approval: 'NOT_APPROVED', enrichedAt: '2026-11-20T11:00:00.000Z', failedJobs: [job] });
  });

  it('changes nothing for an asset never stored', () => {
    expect(keepEnrichment(base, undefined)).toBe(base);
  });
});
