// The host comes first: it must install the Forge runtime before anything loads @forge/api or @forge/kvs.
import { createForgeHost, type ForgeHost } from '../../../workbench/forge/host';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expiryState } from '../../../src/domain/assets/expiry';
import { facetKey, sortActivityOf, sortExpiryOf, sortNameOf } from '../../../src/domain/assets/assetIndexKeys';
import type { AssetFilters, AssetSortKey, AssetSortOrder } from '../../../src/shared/assetLifecycleContract';
import type { DamAsset } from '../../../src/sources/dam/asset';
import { assetStorageKey } from '../../../src/store/assets/assetEntity';

export const APP_DIR = path.resolve(__dirname, '../../..');

/** This repo's manifest (with its `dam-asset` entity) on the workbench's Forge host, without any upstream. */
export async function startAssetHost(options: { now?: () => number } = {}): Promise<{ forge: ForgeHost; close(): Promise<void> }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'asset-store-'));
  const forge = await createForgeHost({ appDir: APP_DIR, dataDir, origin: () => 'http://127.0.0.1:4999', variables: {}, backgroundDelivery: false, ...options });
  return {
    forge,
    async close() {
      await forge.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a page query must answer, computed the slow way: every asset, filtered by its own fields (facet spellings
 * merged, expiry by the macro's own expiry state), sorted by the documented sort order (name, expiry or last activity,
 * ties by storage key).
 */
export function bruteForce(assets: DamAsset[], filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder, now: Date, expiringDays: number): DamAsset[] {
  const same = (a: string | null, b: string | undefined) => b === undefined || facetKey(a) === facetKey(b);
  const matching = assets.filter(
    (asset) =>
      (!filters.sources || filters.sources.length === 0 || filters.sources.includes(asset.source)) &&
      same(asset.approval, filters.approval) &&
      same(asset.campaign, filters.campaign) &&
      same(asset.productLine, filters.productLine) &&
      same(asset.region, filters.region) &&
      (!filters.failedOnly || asset.failedJobs.length > 0) &&
      (!filters.expiry || expiryState(asset.expiresAt, now, expiringDays) === filters.expiry),
  );
  const sortString = (asset: DamAsset) => {
    const key = assetStorageKey(asset.source, asset.id);
    return sort === 'name' ? sortNameOf(asset.name, key) : sort === 'expiry' ? sortExpiryOf(asset.expiresAt, key) : sortActivityOf(asset, key);
  };
  const keyed = matching.map((asset) => ({ asset, s: sortString(asset) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  if (order === 'DESC') keyed.reverse();
  return keyed.map(({ asset }) => asset);
}
