/**
 * The query planner of the asset list: which index each source's page is read from, so a page reads only what it
 * needs at 100k assets per source. Pure; the store runs the plan (assetPageRun.ts) against the entity indexes.
 *
 * Per source, the candidates are the requested sort's own index (with the expiry range when sorting by expiry) and
 * every index partition a filter selects (campaign, approval, region: by name; failed: by activity; expiry: a range
 * on by-expiry). The summary's counts size each candidate.
 * - A candidate in the requested order ("ordered") streams: keyset paging, other filters checked in code.
 *   The smallest ordered candidate is chosen.
 * - When it still needs filtering in code and a filter's partition is small (SMALL_PARTITION), that partition is read
 *   whole and sorted in memory ("collect"): bounded reads instead of a long scan for rare matches.
 * Filters are never pushed into Forge's query filters: they run after the limit, and the keyset resume point must
 * stay exact. Without counts (no summary yet) every source streams its sort index.
 */
import type { AssetFilters, AssetSortKey, AssetSortOrder } from '../../shared/assetLifecycleContract';
import type { DamSource } from '../../sources/dam/asset';
import { INDEX_RANGE, type AssetIndexName, type AssetRecord, type SortAttribute } from './assetRecord';
import { expirySortRange, facetKey } from './assetIndexKeys';

/** A partition at most this large is read whole and sorted in memory rather than scanned for in another order. */
export const SMALL_PARTITION = 500;

export interface SortBound {
  value: string;
  inclusive: boolean;
}

/** A range on an index's range attribute (sort strings). */
export interface SortRange {
  low?: SortBound;
  high?: SortBound;
}

export type FacetFilter = 'approval' | 'campaign' | 'region' | 'productLine';

/** What the summary knows of one source, as the planner needs it. */
export interface PlannerCounts {
  total: number;
  failed: number;
  facet(kind: FacetFilter, value: string): { count: number; exact: boolean };
  /** Day-granular, hence an estimate. */
  expiry(filter: 'expired' | 'expiring'): number;
}

export interface StreamPlan {
  source: DamSource;
  index: AssetIndexName;
  partition: string[];
  range: SortRange;
  /** ordered: the index is in the requested order; collect: read it whole, then sort in memory. */
  mode: 'ordered' | 'collect';
  /** Every record of this stream matches the filters (no filtering in code expected). */
  exact: boolean;
  /** Estimated records in the stream, null when unknown. */
  estimate: number | null;
  /** collect only: the ordered plan to fall back on if the partition turns out larger than estimated. */
  fallback?: StreamPlan;
}

export interface AssetPagePlan {
  sortAttribute: SortAttribute;
  order: AssetSortOrder;
  streams: StreamPlan[];
  /** Matching assets when the summary counts them exactly; null otherwise. */
  totalMatching: number | null;
}

export interface ExpiryInstants {
  expiredAtOrBefore: Date;
  expiringBefore: Date;
}

export const SORT_ATTRIBUTE: Record<AssetSortKey, SortAttribute> = { name: 'sortName', expiry: 'sortExpiry', activity: 'sortActivity' };
const SORT_INDEX: Record<AssetSortKey, AssetIndexName> = { name: 'by-name', expiry: 'by-expiry', activity: 'by-activity' };
const FACET_INDEX: Partial<Record<FacetFilter, AssetIndexName>> = { approval: 'by-approval', campaign: 'by-campaign', region: 'by-region' };

interface Candidate {
  index: AssetIndexName;
  partition: string[];
  range: SortRange;
  /** Which filters the candidate itself enforces. */
  serves: Set<string>;
  estimate: number | null;
}

/** The filters in effect, normalized as the indexes key them (empty values dropped). */
export function activeFilters(filters: AssetFilters): Map<string, string | true> {
  const active = new Map<string, string | true>();
  for (const kind of ['approval', 'campaign', 'region', 'productLine'] as const) {
    const key = facetKey(filters[kind]);
    if (key !== null) active.set(kind, key);
  }
  if (filters.failedOnly) active.set('failedOnly', true);
  if (filters.expiry) active.set('expiry', filters.expiry);
  return active;
}

function candidatesFor(source: DamSource, filters: AssetFilters, sort: AssetSortKey, counts: PlannerCounts | null, instants: ExpiryInstants): Candidate[] {
  const active = activeFilters(filters);
  const expiry = filters.expiry;
  const expiryRange = expiry ? expirySortRange(expiry, instants) : {};
  const candidates: Candidate[] = [];
  const sortServesExpiry = sort === 'expiry' && expiry !== undefined;
  candidates.push({
    index: SORT_INDEX[sort],
    partition: [source],
    range: sortServesExpiry ? expiryRange : {},
    serves: new Set(sortServesExpiry ? ['expiry'] : []),
    estimate: counts ? (sortServesExpiry && expiry ? counts.expiry(expiry) : counts.total) : null,
  });
  for (const kind of ['approval', 'campaign', 'region'] as const) {
    const key = active.get(kind);
    const index = FACET_INDEX[kind];
    if (typeof key !== 'string' || !index) continue;
    candidates.push({ index, partition: [source, key], range: {}, serves: new Set([kind]), estimate: counts ? counts.facet(kind, key).count : null });
  }
  if (filters.failedOnly) {
    candidates.push({ index: 'by-failed', partition: [source, 'yes'], range: {}, serves: new Set(['failedOnly']), estimate: counts ? counts.failed : null });
  }
  if (expiry && !sortServesExpiry) {
    candidates.push({ index: 'by-expiry', partition: [source], range: expiryRange, serves: new Set(['expiry']), estimate: counts ? counts.expiry(expiry) : null });
  }
  return candidates;
}

const size = (candidate: Candidate) => candidate.estimate ?? Number.POSITIVE_INFINITY;
/** Smaller first; unknown sizes tie, and then a filter's partition (a subset) beats the whole sort index. */
const bySize = (a: Candidate, b: Candidate) => size(a) - size(b) || b.serves.size - a.serves.size;

export function planSource(
  source: DamSource,
  filters: AssetFilters,
  sort: AssetSortKey,
  counts: PlannerCounts | null,
  instants: ExpiryInstants,
): StreamPlan {
  const sortAttribute = SORT_ATTRIBUTE[sort];
  const active = activeFilters(filters);
  const candidates = candidatesFor(source, filters, sort, counts, instants);
  const covers = (candidate: Candidate) => [...active.keys()].every((filter) => candidate.serves.has(filter));
  const ordered = candidates.filter((candidate) => INDEX_RANGE[candidate.index] === sortAttribute).sort(bySize);
  const best = ordered[0] as Candidate;
  const stream = (candidate: Candidate, mode: StreamPlan['mode']): StreamPlan => ({
    source,
    index: candidate.index,
    partition: candidate.partition,
    range: candidate.range,
    mode,
    exact: covers(candidate),
    estimate: candidate.estimate,
  });
  if (covers(best) || counts === null) return stream(best, 'ordered');
  const small = candidates
    .filter((candidate) => candidate.estimate !== null && candidate.estimate <= SMALL_PARTITION && size(candidate) < size(best))
    .sort(bySize)[0];
  if (small) return { ...stream(small, 'collect'), fallback: stream(best, 'ordered') };
  return stream(best, 'ordered');
}

/** Exact count of matching assets from the summaries, when one count answers the whole filter; else null. */
export function countMatching(filters: AssetFilters, sources: readonly DamSource[], counts: ReadonlyMap<DamSource, PlannerCounts | null>): number | null {
  const active = [...activeFilters(filters)];
  if (active.length > 1) return null;
  let total = 0;
  for (const source of sources) {
    const known = counts.get(source);
    if (!known) return null;
    if (active.length === 0) {
      total += known.total;
      continue;
    }
    const [kind, value] = active[0] as [string, string | true];
    if (kind === 'failedOnly') total += known.failed;
    else if (kind === 'expiry') return null;
    else {
      const counted = known.facet(kind as FacetFilter, value as string);
      if (!counted.exact) return null;
      total += counted.count;
    }
  }
  return total;
}

export function planAssetPage(
  request: { filters: AssetFilters; sort: AssetSortKey; order: AssetSortOrder },
  sources: readonly DamSource[],
  counts: ReadonlyMap<DamSource, PlannerCounts | null>,
  instants: ExpiryInstants,
): AssetPagePlan {
  return {
    sortAttribute: SORT_ATTRIBUTE[request.sort],
    order: request.order,
    streams: sources.map((source) => planSource(source, request.filters, request.sort, counts.get(source) ?? null, instants)),
    totalMatching: countMatching(request.filters, sources, counts),
  };
}

/** Whether a stored record passes the filters: the one check every row of every plan goes through. */
export function recordMatches(record: AssetRecord, filters: AssetFilters, instants: ExpiryInstants): boolean {
  if (filters.sources && filters.sources.length > 0 && !filters.sources.includes(record.asset.source)) return false;
  const active = activeFilters(filters);
  for (const [kind, value] of active) {
    switch (kind) {
      case 'approval':
        if (record.approvalKey !== value) return false;
        break;
      case 'campaign':
        if (record.campaignKey !== value) return false;
        break;
      case 'region':
        if (record.regionKey !== value) return false;
        break;
      case 'productLine':
        if (facetKey(record.asset.productLine) !== value) return false;
        break;
      case 'failedOnly':
        if (record.failedKey !== 'yes') return false;
        break;
      case 'expiry':
        if (!withinRange(record.sortExpiry, expirySortRange(value as 'expired' | 'expiring', instants))) return false;
        break;
    }
  }
  return true;
}

export function withinRange(value: string | undefined, range: SortRange): boolean {
  if (value === undefined) return false;
  if (range.low && (value < range.low.value || (value === range.low.value && !range.low.inclusive))) return false;
  if (range.high && (value > range.high.value || (value === range.high.value && !range.high.inclusive))) return false;
  return true;
}

/** A range narrowed to what lies strictly after `after` in the walking order (keyset paging). */
export function rangeAfter(range: SortRange, after: string | null, order: AssetSortOrder): SortRange {
  if (after === null) return range;
  if (order === 'ASC') {
    const low = range.low;
    return low && (low.value > after || (low.value === after && !low.inclusive)) ? range : { ...range, low: { value: after, inclusive: false } };
  }
  const high = range.high;
  return high && (high.value < after || (high.value === after && !high.inclusive)) ? range : { ...range, high: { value: after, inclusive: false } };
}

/** True when no string can lie in the range. */
export function rangeIsEmpty(range: SortRange): boolean {
  if (!range.low || !range.high) return false;
  if (range.low.value > range.high.value) return true;
  return range.low.value === range.high.value && !(range.low.inclusive && range.high.inclusive);
}

export type RangeCondition =
  | { condition: 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO'; values: [string] }
  | { condition: 'BETWEEN'; values: [string, string] };

/**
 * The one range condition Forge takes for a range. BETWEEN is inclusive on both ends, so a range with an exclusive end
 * and another end reads the end value too: `withinRange` drops it afterwards (sort strings are unique: at most one row).
 */
export function rangeCondition(range: SortRange): RangeCondition | null {
  const { low, high } = range;
  if (low && high) return { condition: 'BETWEEN', values: [low.value, high.value] };
  if (low) return { condition: low.inclusive ? 'GREATER_THAN_EQUAL_TO' : 'GREATER_THAN', values: [low.value] };
  if (high) return { condition: high.inclusive ? 'LESS_THAN_EQUAL_TO' : 'LESS_THAN', values: [high.value] };
  return null;
}
