import {
  applyPatch,
  carryEnrichment,
  decideUpsert,
  deletionApplies,
  fitAsset,
  liveRecord,
  storageKeyOf,
  tombstoneRecord,
} from '../../../src/domain/assets/assetRecord';
import { damAssetSchema, type DamAsset } from '../../../src/sources/dam/asset';

const base: DamAsset = damAssetSchema.parse({
  source: 'iconik',
  id: 'a1',
  kind: 'ASSET',
  name: 'Hero banner',
  approval: 'APPROVED',
  campaign: 'Spring 2026',
  productLine: 'Outdoor',
  region: 'EMEA',
  usageRights: null,
  expiresAt: '2026-06-01T00:00:00Z',
  createdAt: null,
  modifiedAt: '2026-03-01T10:00:00Z',
  owner: null,
  link: null,
  failedJobs: [],
  lastActivity: null,
  enrichedAt: '2026-03-01T11:00:00Z',
});
const KEY = 'iconik:a1';
const stored = (asset: DamAsset = base, seenPass?: number) => liveRecord(asset, { storageKey: KEY, writtenAt: '2026-03-01T12:00:00Z', ...(seenPass === undefined ? {} : { seenPass }) });

describe('asset records', () => {
  it('carry the index attributes of the asset, and none for values it lacks', () => {
    const record = stored({ ...base, campaign: null, region: '  ' });
    expect(record).toMatchObject({ scope: 'iconik', approvalKey: 'approved', failedKey: 'no', modifiedAt: base.modifiedAt });
    expect(record).not.toHaveProperty('campaignKey');
    expect(record).not.toHaveProperty('regionKey');
    expect(storageKeyOf(record)).toBe(KEY);
  });

  it('take a tombstone out of every view partition but keep its name order', () => {
    const tombstone = tombstoneRecord(base, { storageKey: KEY, deletedAt: '2026-03-02T00:00:00Z', writtenAt: '2026-03-02T00:00:00Z' });
    expect(tombstone.scope).toBe('deleted');
    for (const attribute of ['sortExpiry', 'sortActivity', 'campaignKey', 'approvalKey', 'regionKey', 'failedKey']) expect(tombstone).not.toHaveProperty(attribute);
    expect(storageKeyOf(tombstone)).toBe(KEY);
  });

  it('trim huge failed-job logs so an asset always fits in one entity', () => {
    const job = { id: 'j', type: 'TRANSCODE', title: null, status: 'FAILED', error: 'e'.repeat(2000), at: null, steps: Array.from({ length: 20 }, () => ({ label: 'l'.repeat(200), status: 'FAILED', error: 'x'.repeat(1000) })) };
    const huge = { ...base, failedJobs: Array.from({ length: 10 }, () => job) };
    const fitted = fitAsset(huge);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThan(180 * 1024);
    expect(fitted.failedJobs.length).toBeGreaterThan(0);
    expect(fitAsset(base)).toBe(base);
  });
});

describe('deciding an upsert', () => {
  it('writes a new asset and a changed one, and leaves the same content alone', () => {
    expect(decideUpsert(undefined, base)).toEqual({ kind: 'write', asset: base });
    expect(decideUpsert(stored(), base)).toEqual({ kind: 'unchanged', markSeen: false });
    const renamed = { ...base, name: 'Hero banner v2', modifiedAt: '2026-03-02T00:00:00Z' };
    expect(decideUpsert(stored(), renamed)).toEqual({ kind: 'write', asset: renamed });
  });

  it('skips an update older than the stored asset', () => {
    expect(decideUpsert(stored(), { ...base, name: 'Old name', modifiedAt: '2026-02-01T00:00:00Z' })).toEqual({ kind: 'older', markSeen: false });
  });

  it('does not bring back a deleted asset with an update from before its deletion, but does with a newer one', () => {
    const tombstone = tombstoneRecord(base, { storageKey: KEY, deletedAt: '2026-03-05T00:00:00Z', writtenAt: '2026-03-05T00:00:00Z' });
    expect(decideUpsert(tombstone, { ...base, modifiedAt: '2026-03-04T23:59:59Z' }).kind).toBe('older');
    expect(decideUpsert(tombstone, { ...base, modifiedAt: '2026-03-05T00:00:00Z' }).kind).toBe('older');
    expect(decideUpsert(tombstone, { ...base, modifiedAt: '2026-03-06T00:00:00Z' }).kind).toBe('write');
  });

  it('marks an unchanged or older asset seen by a full pass that had not seen it yet', () => {
    expect(decideUpsert(stored(base, 3), base, 4)).toEqual({ kind: 'unchanged', markSeen: true });
    expect(decideUpsert(stored(base, 4), base, 4)).toEqual({ kind: 'unchanged', markSeen: false });
    expect(decideUpsert(stored(base, 3), { ...base, modifiedAt: '2026-01-01T00:00:00Z' }, 4)).toEqual({ kind: 'older', markSeen: true });
  });

  it('keeps the last enrichment when an un-enriched listing of the same asset arrives', () => {
    const listed = { ...base, approval: null, enrichedAt: null, lastActivity: null };
    expect(decideUpsert(stored(), listed)).toEqual({ kind: 'unchanged', markSeen: false });
    const newer = { ...listed, name: 'Renamed', modifiedAt: '2026-03-03T00:00:00Z' };
    const decision = decideUpsert(stored(), newer);
    expect(decision).toEqual({ kind: 'write', asset: { ...newer, approval: 'APPROVED', enrichedAt: base.enrichedAt } });
    expect(carryEnrichment({ ...listed, approval: 'MIXED' }, base).approval).toBe('MIXED');
    expect(carryEnrichment({ ...base, source: 'canto', enrichedAt: null }, { ...base, enrichedAt: null })).toEqual({ ...base, source: 'canto', enrichedAt: null });
  });
});

describe('patches and deletions', () => {
  it('patch only the enrichment fields they name', () => {
    const patched = applyPatch(base, { approval: 'NOT_APPROVED', failedJobs: [{ id: 'j1', type: 'TRANSFER', title: null, status: 'FAILED', error: 'Disk full', at: null, steps: [] }] });
    expect(patched).toEqual({ ...base, approval: 'NOT_APPROVED', failedJobs: [expect.objectContaining({ id: 'j1' })] });
    expect(() => applyPatch(base, { approval: 'x'.repeat(61) })).toThrow();
  });

  it('apply a deletion unless the asset was modified after it', () => {
    expect(deletionApplies(stored(), new Date('2026-03-01T10:00:00Z'))).toBe(true);
    expect(deletionApplies(stored(), new Date('2026-03-01T09:59:59Z'))).toBe(false);
  });
});
