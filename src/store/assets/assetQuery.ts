/**
 * One page of the asset list: plan (which index per source, from the summaries' counts), run (entity queries within a
 * budget), answer the assets with an opaque `nextAfter`. Reads the summaries of the sources and a handful of entity
 * queries; `reads` says how many queries.
 */
import { expiryBounds } from '../../domain/assets/expiry';
import { planAssetPage, recordMatches, type PlannerCounts } from '../../domain/assets/assetPagePlan';
import { runAssetPage } from '../../domain/assets/assetPageRun';
import { AssetPageTokenError, decodePageToken, encodePageToken, viewFingerprint } from '../../domain/assets/assetPageToken';
import { ASSET_SOURCES, DEFAULT_ASSET_PAGE_SIZE, MAX_ASSET_PAGE_SIZE, type AssetPageRequest } from '../../shared/assetLifecycleContract';
import type { DamAsset, DamSource } from '../../sources/dam/asset';
import { queryIndex } from './assetEntity';
import type { SourceSummary } from '../../domain/assets/assetSummaryCounts';
import { plannerCounts, readSourceSummary } from './summary';

export { AssetPageTokenError };

export interface AssetPageAnswer {
  rows: DamAsset[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
  /** The page stopped at the query budget before it filled: more may match from `nextAfter`. */
  partial: boolean;
  /** Matching assets when the summaries count them exactly (as of their last recount); null otherwise. */
  totalMatching: number | null;
  /** Entity queries this page made. */
  reads: number;
}

/**
 * Throws AssetPageTokenError when `after` is not a token of this view (another sort or filter, or damaged): the
 * resolver answers it as a field error on `after`.
 */
export async function queryAssetPage(
  request: AssetPageRequest,
  /** `summaries`: the sources' summaries when the render has read them already (readSourceSummaries); else read here. */
  options: { now: Date; expiringDays: number; summaries?: ReadonlyMap<DamSource, SourceSummary | null> },
): Promise<AssetPageAnswer> {
  const sources: DamSource[] = request.filters.sources && request.filters.sources.length > 0 ? [...new Set(request.filters.sources)] : [...ASSET_SOURCES];
  const fingerprint = viewFingerprint(request.filters, request.sort, request.order);
  const after = request.after ? decodePageToken(request.after, fingerprint) : null;
  const pageSize = Math.min(Math.max(Math.trunc(request.pageSize ?? DEFAULT_ASSET_PAGE_SIZE), 1), MAX_ASSET_PAGE_SIZE);
  const instants = expiryBounds(options.now, options.expiringDays);
  const known = options.summaries;
  const summaries = await Promise.all(sources.map((source) => (known?.has(source) ? (known.get(source) ?? null) : readSourceSummary(source))));
  const counts = new Map<DamSource, PlannerCounts | null>(
    sources.map((source, i) => {
      const summary = summaries[i];
      return [source, summary ? plannerCounts(summary, options.now, options.expiringDays) : null];
    }),
  );
  const plan = planAssetPage(request, sources, counts, instants);
  const run = await runAssetPage(plan, {
    after,
    pageSize,
    readIndex: queryIndex,
    matches: (record) => recordMatches(record, request.filters, instants),
  });
  return {
    rows: run.rows.map((record) => record.asset),
    nextAfter: run.next === null ? null : encodePageToken(fingerprint, run.next),
    partial: run.partial,
    totalMatching: plan.totalMatching,
    reads: run.reads,
  };
}
