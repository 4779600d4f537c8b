/**
 * Writing and reading assets: upsert (idempotent, newest wins, unchanged content writes nothing), patch (what iconik's
 * per-asset enrichment adds), tombstones, and reads by reference. Everything in batches of <= 25 entities.
 *
 * Concurrent writers of the same asset (two queue deliveries) are last-writer-wins per asset; both carry data at
 * least as new as what they read, and the modifiedAt check keeps an older listing from undoing a newer one.
 */
import { z } from 'zod';
import {
  applyPatch,
  decideUpsert,
  deletionApplies,
  isLive,
  liveRecord,
  placeholderAsset,
  tombstoneRecord,
  type AssetPatchFields,
  type AssetRecord,
} from '../../domain/assets/assetRecord';
import { damAssetKey, damAssetSchema, damSourceSchema, type DamAsset, type DamSource } from '../../sources/dam/asset';
import { describeIssues } from '../kvsJson';
import { assetStorageKey, readRecords, writeRecords } from './assetEntity';

export interface UpsertResult {
  /** Assets whose content was written (new, changed, or back after a deletion). */
  written: number;
  unchanged: number;
  /** Older than what is stored, or than its deletion. */
  skippedOlder: number;
  /** The assets written, as stored. */
  changed: DamAsset[];
  /** Unchanged or older assets rewritten only to record that this full pass saw them. */
  seenMarked: number;
}

export interface AssetPatch {
  source: DamSource;
  id: string;
  patch: AssetPatchFields;
}

export interface AssetRef {
  source: DamSource;
  id: string;
}

/** Refuses the whole call, naming the asset and field, before anything is written. */
function validated(assets: DamAsset[]): DamAsset[] {
  return assets.map((asset, index) => {
    const parsed = damAssetSchema.safeParse(asset);
    if (!parsed.success) {
      const id = typeof (asset as { id?: unknown })?.id === 'string' ? ` "${(asset as { id: string }).id}"` : '';
      throw new Error(`Asset ${index}${id} is not a valid DamAsset: ${describeIssues(parsed.error).join('; ')}`);
    }
    return parsed.data;
  });
}

/** The newest version of each asset in a call (a page can list an asset twice while it changes). */
function newestPerKey(assets: DamAsset[]): Map<string, DamAsset> {
  const newest = new Map<string, DamAsset>();
  for (const asset of assets) {
    const key = assetStorageKey(asset.source, asset.id);
    const seen = newest.get(key);
    if (!seen || Date.parse(asset.modifiedAt) >= Date.parse(seen.modifiedAt)) newest.set(key, asset);
  }
  return newest;
}

/**
 * Stores assets as the sync maps them. `pass` (a full sync pass number, 32-bit) marks every listed asset as seen by
 * that pass, so the recount after a complete pass can tombstone the assets no longer listed.
 */
export async function upsertAssets(assets: DamAsset[], options: { now: Date; pass?: number }): Promise<UpsertResult> {
  if (options.pass !== undefined && (!Number.isInteger(options.pass) || options.pass < 0 || options.pass > 2 ** 31 - 1)) {
    throw new Error(`pass must be an integer between 0 and ${2 ** 31 - 1}, got ${options.pass}`);
  }
  const incoming = newestPerKey(validated(assets));
  const stored = await readRecords([...incoming.keys()]);
  const writes: Array<{ key: string; record: AssetRecord }> = [];
  const result: UpsertResult = { written: 0, unchanged: 0, skippedOlder: 0, changed: [], seenMarked: 0 };
  const writtenAt = options.now.toISOString();
  for (const [key, asset] of incoming) {
    const current = stored.get(key);
    const decision = decideUpsert(current, asset, options.pass);
    if (decision.kind === 'write') {
      const record = liveRecord(decision.asset, { storageKey: key, writtenAt, ...(options.pass === undefined ? seenOf(current) : { seenPass: options.pass }) });
      writes.push({ key, record });
      result.written++;
      result.changed.push(record.asset);
      continue;
    }
    if (decision.kind === 'unchanged') result.unchanged++;
    else result.skippedOlder++;
    if (decision.markSeen && current) {
      writes.push({ key, record: { ...current, seenPass: options.pass } });
      result.seenMarked++;
    }
  }
  await writeRecords(writes);
  return result;
}

/** An update outside a full pass keeps the pass that last saw the asset. */
function seenOf(current: AssetRecord | undefined): { seenPass?: number } {
  return current && isLive(current) && current.seenPass !== undefined ? { seenPass: current.seenPass } : {};
}

const refSchema = z.object({ source: damSourceSchema, id: z.string().min(1).max(200) });

/**
 * Applies per-asset enrichment (approval, last activity, failed jobs, enrichedAt) to stored live assets. `patched`
 * counts the assets it applied to (rewritten only when something changed); `missing` lists the damAssetKeys of assets
 * not stored or deleted.
 */
export async function patchAssets(patches: AssetPatch[]): Promise<{ patched: number; missing: string[] }> {
  const keyed = patches.map((patch) => ({ ...refSchema.parse({ source: patch.source, id: patch.id }), patch: patch.patch, key: assetStorageKey(patch.source, patch.id) }));
  const stored = await readRecords(keyed.map((item) => item.key));
  const latest = new Map<string, AssetRecord>();
  const missing: string[] = [];
  let patched = 0;
  for (const item of keyed) {
    const current = latest.get(item.key) ?? stored.get(item.key);
    if (!current || !isLive(current)) {
      missing.push(damAssetKey(item));
      continue;
    }
    const next = liveRecord(applyPatch(current.asset, item.patch), { storageKey: item.key, writtenAt: current.writtenAt, ...seenOf(current) });
    patched++;
    if (next.hash !== current.hash) latest.set(item.key, next);
  }
  await writeRecords([...latest].map(([key, record]) => ({ key, record })));
  return { patched, missing };
}

/**
 * Marks assets deleted at `deletedAt`: they leave every view at once. An asset modified after `deletedAt` stays; an
 * asset never stored gets a tombstone too, so an older update still in flight cannot create it. Answers how many
 * tombstones were written.
 */
export async function tombstoneAssets(refs: AssetRef[], deletedAt: Date): Promise<number> {
  const keyed = new Map(refs.map((ref) => [assetStorageKey(ref.source, ref.id), refSchema.parse(ref)]));
  const stored = await readRecords([...keyed.keys()]);
  const deletedIso = deletedAt.toISOString();
  const writes: Array<{ key: string; record: AssetRecord }> = [];
  for (const [key, ref] of keyed) {
    const current = stored.get(key);
    if (current && !deletionApplies(current, deletedAt)) continue;
    const asset = current?.asset ?? placeholderAsset(ref, deletedIso);
    writes.push({ key, record: tombstoneRecord(asset, { storageKey: key, deletedAt: deletedIso, writtenAt: deletedIso }) });
  }
  await writeRecords(writes);
  return writes.length;
}

/** Live assets by damAssetKey; deleted and unknown ones are absent. */
export async function readAssets(refs: AssetRef[]): Promise<Map<string, DamAsset>> {
  const keyed = new Map(refs.map((ref) => [assetStorageKey(ref.source, ref.id), ref]));
  const stored = await readRecords([...keyed.keys()]);
  const found = new Map<string, DamAsset>();
  for (const [key, record] of stored) {
    const ref = keyed.get(key);
    if (ref && isLive(record)) found.set(damAssetKey(ref), record.asset);
  }
  return found;
}
