/**
 * What the reader asked the asset view for: filters, sort, expiry window and where in the keyset pages they are. The
 * server pages by cursor, so "Previous" works from the cursors of the pages already seen. Pure: unit-tested.
 */
import type {
  AssetFilters,
  AssetLifecyclePageRequest,
  AssetSortKey,
  AssetSortOrder,
} from '../../../src/shared/assetLifecycleContract';

export interface AssetQuery {
  /** Undefined until the reader changes a filter: the macro's configured defaults apply. */
  filters?: AssetFilters;
  sort?: AssetSortKey;
  order?: AssetSortOrder;
  expiringDays?: number;
  /** `after` of each page seen so far: cursors[0] is the first page (none), cursors[n] the (n+1)th. */
  cursors: (string | null)[];
  /** 0-based index into cursors. */
  pageIndex: number;
}

export const initialAssetQuery: AssetQuery = { cursors: [null], pageIndex: 0 };

export function pagePayload(query: AssetQuery): AssetLifecyclePageRequest {
  const after = query.cursors[query.pageIndex];
  return {
    ...(query.filters ? { filters: query.filters } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    ...(query.order ? { order: query.order } : {}),
    ...(query.expiringDays ? { expiringDays: query.expiringDays } : {}),
    ...(after ? { after } : {}),
  };
}

/** Drops empty values so "any" is simply absent. */
export function cleanFilters(filters: AssetFilters): AssetFilters {
  const clean: AssetFilters = {};
  if (filters.sources && filters.sources.length > 0) clean.sources = filters.sources;
  if (filters.approval) clean.approval = filters.approval;
  if (filters.campaign) clean.campaign = filters.campaign;
  if (filters.productLine) clean.productLine = filters.productLine;
  if (filters.region) clean.region = filters.region;
  if (filters.failedOnly) clean.failedOnly = true;
  if (filters.expiry) clean.expiry = filters.expiry;
  return clean;
}

/** New filters start again at the first page. */
export function withFilters(query: AssetQuery, filters: AssetFilters): AssetQuery {
  return { ...query, filters: cleanFilters(filters), cursors: [null], pageIndex: 0 };
}

export function withSort(query: AssetQuery, sort: AssetSortKey, order: AssetSortOrder): AssetQuery {
  return { ...query, sort, order, cursors: [null], pageIndex: 0 };
}

export function withExpiringDays(query: AssetQuery, expiringDays: number): AssetQuery {
  return { ...query, expiringDays, cursors: [null], pageIndex: 0 };
}

/** Moves to the page after the one shown, whose answer gave `nextAfter`. */
export function nextPage(query: AssetQuery, nextAfter: string): AssetQuery {
  const cursors = [...query.cursors.slice(0, query.pageIndex + 1), nextAfter];
  return { ...query, cursors, pageIndex: query.pageIndex + 1 };
}

export function previousPage(query: AssetQuery): AssetQuery {
  return query.pageIndex === 0 ? query : { ...query, pageIndex: query.pageIndex - 1 };
}

/** Whether a summary shortcut's filter is the one applied (for aria-pressed). */
export function sameFilters(a: AssetFilters, b: AssetFilters): boolean {
  const x = cleanFilters(a);
  const y = cleanFilters(b);
  return JSON.stringify({ ...x, sources: x.sources ? [...x.sources].sort() : undefined }) === JSON.stringify({ ...y, sources: y.sources ? [...y.sources].sort() : undefined });
}
