/**
 * What one asset is in the `dam-asset` custom entity: the validated DamAsset plus the attributes its indexes range and
 * partition on (docs/assets-storage.md). A tombstone keeps the asset but moves to scope `deleted`, which takes it out
 * of every view's index partition while still blocking an older update from bringing it back.
 *
 * Also the write decisions of the store, pure: is an incoming asset new, changed, unchanged or older than what is
 * stored; how a patch or a deletion changes a record.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { damAssetSchema, type DamAsset } from '../../sources/dam/asset';
import { facetKey, NAME_WIDTH, sortActivityOf, sortExpiryOf, sortNameOf } from './assetIndexKeys';

export const ASSET_ENTITY = 'dam-asset';
export const DELETED_SCOPE = 'deleted';

export const ASSET_INDEXES = ['by-name', 'by-expiry', 'by-activity', 'by-campaign', 'by-approval', 'by-failed', 'by-region'] as const;
export type AssetIndexName = (typeof ASSET_INDEXES)[number];
export type SortAttribute = 'sortName' | 'sortExpiry' | 'sortActivity';

/** The range attribute of each index (as declared in manifest.yml). */
export const INDEX_RANGE: Record<AssetIndexName, SortAttribute> = {
  'by-name': 'sortName',
  'by-expiry': 'sortExpiry',
  'by-activity': 'sortActivity',
  'by-campaign': 'sortName',
  'by-approval': 'sortName',
  'by-failed': 'sortActivity',
  'by-region': 'sortName',
};

const optionalKey = z.string().min(1).optional();

export const assetRecordSchema = z.object({
  asset: damAssetSchema,
  /** Content hash of `asset`: an upsert of the same content writes nothing. */
  hash: z.string().min(1),
  /** The source for a live asset, `deleted` for a tombstone: the first partition attribute of every index. */
  scope: z.string().min(1),
  sortName: z.string().min(1),
  sortExpiry: optionalKey,
  sortActivity: optionalKey,
  campaignKey: optionalKey,
  approvalKey: optionalKey,
  regionKey: optionalKey,
  failedKey: z.enum(['yes', 'no']).optional(),
  /** The last full sync pass that listed this asset (a 32-bit integer, as the entity declares it). */
  seenPass: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  modifiedAt: z.string(),
  /** When the app last wrote this asset's content (not when it only marked it seen). */
  writtenAt: z.string(),
  deletedAt: z.string().optional(),
});
export type AssetRecord = z.infer<typeof assetRecordSchema>;

/** Values travel as JSON: zod's output (with defaults filled) is what is hashed and stored. */
export function contentHash(asset: DamAsset): string {
  return createHash('sha256').update(JSON.stringify(asset)).digest('base64url').slice(0, 22);
}

/** Entities are at most 240 KiB; an asset with huge failed-job logs is trimmed (never refused) to stay well under. */
const MAX_ASSET_BYTES = 180 * 1024;

export function fitAsset(asset: DamAsset): DamAsset {
  if (Buffer.byteLength(JSON.stringify(asset)) <= MAX_ASSET_BYTES) return asset;
  const trimmed: DamAsset = {
    ...asset,
    failedJobs: asset.failedJobs.slice(0, 5).map((job) => ({
      ...job,
      error: job.error === null ? null : job.error.slice(0, 500),
      steps: job.steps.slice(0, 3).map((step) => ({ ...step, error: step.error === null ? null : step.error.slice(0, 200) })),
    })),
  };
  return trimmed;
}

export function liveRecord(asset: DamAsset, options: { storageKey: string; writtenAt: string; seenPass?: number }): AssetRecord {
  const fitted = fitAsset(asset);
  const { storageKey } = options;
  const record: AssetRecord = {
    asset: fitted,
    hash: contentHash(fitted),
    scope: fitted.source,
    sortName: sortNameOf(fitted.name, storageKey),
    sortExpiry: sortExpiryOf(fitted.expiresAt, storageKey),
    sortActivity: sortActivityOf(fitted, storageKey),
    failedKey: fitted.failedJobs.length > 0 ? 'yes' : 'no',
    modifiedAt: fitted.modifiedAt,
    writtenAt: options.writtenAt,
  };
  const campaignKey = facetKey(fitted.campaign);
  const approvalKey = facetKey(fitted.approval);
  const regionKey = facetKey(fitted.region);
  if (campaignKey) record.campaignKey = campaignKey;
  if (approvalKey) record.approvalKey = approvalKey;
  if (regionKey) record.regionKey = regionKey;
  if (options.seenPass !== undefined) record.seenPass = options.seenPass;
  return record;
}

/** A deleted asset: in no view's partition (scope `deleted`, no facet or expiry attributes), kept to block resurrection. */
export function tombstoneRecord(asset: DamAsset, options: { storageKey: string; deletedAt: string; writtenAt: string }): AssetRecord {
  return {
    asset,
    hash: contentHash(asset),
    scope: DELETED_SCOPE,
    sortName: sortNameOf(asset.name, options.storageKey),
    modifiedAt: asset.modifiedAt,
    writtenAt: options.writtenAt,
    deletedAt: options.deletedAt,
  };
}

/** What a tombstone of an asset this store never held carries: just enough to be a valid asset. */
export function placeholderAsset(ref: Pick<DamAsset, 'source' | 'id'>, modifiedAt: string): DamAsset {
  return damAssetSchema.parse({
    source: ref.source,
    id: ref.id,
    kind: null,
    name: ref.id.slice(0, 500),
    approval: null,
    campaign: null,
    productLine: null,
    region: null,
    usageRights: null,
    expiresAt: null,
    createdAt: null,
    modifiedAt,
    owner: null,
    link: null,
    lastActivity: null,
  });
}

export const isLive = (record: AssetRecord): boolean => record.scope !== DELETED_SCOPE;

/** The storage key a record is stored under: what follows the fixed-width name part of its sortName. */
export const storageKeyOf = (record: AssetRecord): string => record.sortName.slice(NAME_WIDTH + 1);

const time = (iso: string): number => {
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? 0 : parsed;
};

/**
 * iconik's listing carries no approval, history or jobs (they are fetched per asset, `enrichedAt`): an un-enriched
 * update keeps what the last enrichment found rather than blanking it until the next one.
 */
export function carryEnrichment(incoming: DamAsset, stored: DamAsset | undefined): DamAsset {
  if (!stored || incoming.enrichedAt !== null || stored.enrichedAt === null) return incoming;
  return {
    ...incoming,
    approval: incoming.approval ?? stored.approval,
    lastActivity: incoming.lastActivity ?? stored.lastActivity,
    failedJobs: incoming.failedJobs.length > 0 ? incoming.failedJobs : stored.failedJobs,
    enrichedAt: stored.enrichedAt,
  };
}

export type UpsertDecision =
  | { kind: 'write'; asset: DamAsset }
  | { kind: 'unchanged'; markSeen: boolean }
  | { kind: 'older'; markSeen: boolean };

/**
 * Whether an incoming asset is written: older than the stored one (or than its deletion) => skipped; same content =>
 * unchanged; otherwise written. In a full pass (`pass`), a skipped live asset is still marked seen.
 */
export function decideUpsert(stored: AssetRecord | undefined, incoming: DamAsset, pass?: number): UpsertDecision {
  if (!stored) return { kind: 'write', asset: incoming };
  const markSeen = pass !== undefined && isLive(stored) && stored.seenPass !== pass;
  if (!isLive(stored)) {
    const deletedAt = time(stored.deletedAt ?? stored.modifiedAt);
    return time(incoming.modifiedAt) > deletedAt ? { kind: 'write', asset: incoming } : { kind: 'older', markSeen: false };
  }
  if (time(incoming.modifiedAt) < time(stored.modifiedAt)) return { kind: 'older', markSeen };
  const merged = carryEnrichment(incoming, stored.asset);
  if (contentHash(fitAsset(merged)) === stored.hash) return { kind: 'unchanged', markSeen };
  return { kind: 'write', asset: merged };
}

export type AssetPatchFields = Partial<Pick<DamAsset, 'approval' | 'lastActivity' | 'failedJobs' | 'enrichedAt'>>;

export function applyPatch(asset: DamAsset, patch: AssetPatchFields): DamAsset {
  const next = { ...asset };
  if (patch.approval !== undefined) next.approval = patch.approval;
  if (patch.lastActivity !== undefined) next.lastActivity = patch.lastActivity;
  if (patch.failedJobs !== undefined) next.failedJobs = patch.failedJobs;
  if (patch.enrichedAt !== undefined) next.enrichedAt = patch.enrichedAt;
  return damAssetSchema.parse(next);
}

/** A deletion applies unless the stored asset was modified after it (then the deletion is the stale news). */
export function deletionApplies(stored: AssetRecord, deletedAt: Date): boolean {
  return isLive(stored) && time(stored.modifiedAt) <= deletedAt.getTime();
}
