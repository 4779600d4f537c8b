/**
 * The asset store: every Canto and iconik asset in the `dam-asset` custom entity (manifest.yml app.storage.entities),
 * with indexes shaped so a page of the asset-lifecycle macro reads only that page. Design: docs/assets-storage.md.
 */
export { upsertAssets, patchAssets, tombstoneAssets, readAssets, type AssetPatch, type AssetRef, type UpsertResult } from './assetRecords';
export { queryAssetPage, AssetPageTokenError, type AssetPageAnswer } from './assetQuery';
export { writeAuditTrail, readAuditTrail, MAX_AUDIT_ENTRIES } from './auditTrail';
export { recountStep, readAssetSummary, readSourceSummary, readSourceSummaries, RECOUNT_QUERIES_PER_STEP, type RecountState, type RecountOptions } from './summary';
