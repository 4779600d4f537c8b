/**
 * What the asset-lifecycle resolvers answer. Shared by the backend (src/resolvers/assetLifecycleResolvers.ts) and the
 * Custom UI view (static/src/asset-lifecycle): types and constants only, no Forge or Node imports.
 *
 * Paging is keyset paging: at 100,000 assets a render reads one page through a sorted index, never the whole store.
 * A page answer carries `nextAfter`; the view keeps the `after` of every page it has shown, for "Previous".
 */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export const ASSET_SOURCES = ['canto', 'iconik'] as const;
export type AssetSource = (typeof ASSET_SOURCES)[number];

export const ASSET_SORT_KEYS = ['name', 'expiry', 'activity'] as const;
export type AssetSortKey = (typeof ASSET_SORT_KEYS)[number];
export type AssetSortOrder = 'ASC' | 'DESC';

export const DEFAULT_EXPIRING_DAYS = 30;
export const MAX_EXPIRING_DAYS = 365;
export const DEFAULT_ASSET_PAGE_SIZE = 25;
export const MAX_ASSET_PAGE_SIZE = 50;

/** What a user (or the macro's config) filters on. Every field is optional; absent means "any". */
export interface AssetFilters {
  sources?: AssetSource[];
  /** An approval status, compared case-insensitively ("approved" matches Canto's Approved and iconik's APPROVED). */
  approval?: string;
  campaign?: string;
  productLine?: string;
  region?: string;
  /** Only assets with a failed job or transfer. */
  failedOnly?: boolean;
  /** Usage rights: already expired, or expiring within `expiringDays` from today. */
  expiry?: 'expired' | 'expiring';
}

export interface AssetPageRequest {
  filters: AssetFilters;
  sort: AssetSortKey;
  order: AssetSortOrder;
  /** The `nextAfter` of the previous page; absent for the first page. */
  after?: string;
  pageSize?: number;
  /** The "expiring within N days" window (default: the macro's config, else 30). */
  expiringDays?: number;
}

export type ExpiryState = 'expired' | 'expiring' | 'ok' | 'none';

export interface AssetActivityView {
  who: string | null;
  what: string;
  detail: string | null;
  when: string;
}

export interface AssetFailedJobView {
  id: string;
  type: string;
  title: string | null;
  status: string;
  error: string | null;
  at: string | null;
  steps: { label: string; status: string; error: string | null }[];
}

export interface AssetRow {
  source: AssetSource;
  id: string;
  name: string;
  kind: string | null;
  /** Verbatim from the platform; null while iconik's approval has not been fetched yet. */
  approval: string | null;
  campaign: string | null;
  productLine: string | null;
  region: string | null;
  usageRights: string | null;
  expiresAt: string | null;
  expiryState: ExpiryState;
  /** Whole days until expiry (negative when expired); null without an expiry date. */
  daysToExpiry: number | null;
  failedJobs: AssetFailedJobView[];
  lastActivity: AssetActivityView | null;
  modifiedAt: string;
  link: string | null;
}

export interface AssetSourceFreshness {
  source: AssetSource;
  /** False when no connection is configured for this source. */
  configured: boolean;
  lastSuccessAt: string | null;
  lastError: string | null;
  stale: boolean;
  /** "Synced N minutes ago" and the stale warning's reason, on the server's clock (hourly sync: stale after two hours). */
  sync: SyncStamp;
  /** A sync of this source is in progress. */
  running: boolean;
  /** Why a configured connection cannot be used (missing field, bad URL); null when it can. Never a secret. */
  connectionProblem: string | null;
}

/** The counts row on top of the table: over all assets of the selected sources, as of the last count. */
export interface AssetSummary {
  total: number;
  bySource: Record<AssetSource, number>;
  /** Approval status (lower-cased) -> count. */
  byApproval: Record<string, number>;
  expired: number;
  /** Expiring within the request's `expiringDays`. */
  expiring: number;
  withFailedJobs: number;
  countedAt: string | null;
  /** Distinct values for the filter pickers, most frequent first (at most 200 each). */
  campaigns: string[];
  productLines: string[];
  regions: string[];
  approvals: string[];
}

export interface AssetPage {
  state: 'ready';
  rows: AssetRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
  /**
   * True when the page stopped early because the filter matched too few assets within the scan budget: the view
   * says "more may match" and offers the next page from `nextAfter`.
   */
  partial: boolean;
  /** Matching rows when the count is known from the summary without scanning; null otherwise. */
  totalMatching: number | null;
  summary: AssetSummary;
  freshness: AssetSourceFreshness[];
  expiringDays: number;
  now: string;
  /** What this page answers: the effective filters (config defaults applied), sort, order and page size. */
  request: AssetPageRequestEcho;
  /** The macro's fixed scope: the sources the reader may choose from (configured and connected), and its title. */
  scope: { sources: AssetSource[]; title: string | null };
}

export interface AssetPageRequestEcho {
  filters: AssetFilters;
  sort: AssetSortKey;
  order: AssetSortOrder;
  after: string | null;
  pageSize: number;
}

/**
 * What the view sends to `assetLifecycle.getPage`. Every field is optional: without `filters` the macro's configured
 * default filters apply; with `filters` they are the reader's complete choice (absent = any), except that `sources`
 * can only narrow the configured sources, never widen them.
 */
export interface AssetLifecyclePageRequest {
  filters?: AssetFilters;
  sort?: AssetSortKey;
  order?: AssetSortOrder;
  after?: string;
  pageSize?: number;
  expiringDays?: number;
}

export interface AssetPageEmpty {
  state: 'not-configured' | 'no-data';
  message: string;
  freshness: AssetSourceFreshness[];
}

export type AssetPageResult = AssetPage | AssetPageEmpty | ResolverError;

export interface AssetAuditRequest {
  source: AssetSource;
  id: string;
}

export interface AssetAudit {
  state: 'ready';
  asset: AssetRow;
  /** Newest first. */
  entries: AssetActivityView[];
  /** False when the platform's history could not be read; the message says why. */
  complete: boolean;
  message: string | null;
}

export type AssetAuditResult = AssetAudit | ResolverError | { state: 'not-found'; message: string };

/** What the config panel offers (`assetLifecycle.getConfigOptions`). */
export interface AssetLifecycleConfigOptions {
  sources: { source: AssetSource; label: string; connected: boolean; problem: string | null }[];
  campaigns: string[];
  productLines: string[];
  regions: string[];
  approvals: string[];
}

export type AssetLifecycleConfigOptionsResult = AssetLifecycleConfigOptions | ResolverError;

export const ASSET_SOURCE_LABELS: Record<AssetSource, string> = { canto: 'Canto', iconik: 'iconik' };

/** The default order of each sort key: names A-Z, soonest expiry first, newest activity first. */
export const DEFAULT_SORT_ORDER: Record<AssetSortKey, AssetSortOrder> = { name: 'ASC', expiry: 'ASC', activity: 'DESC' };

/** The macro's saved configuration (UI Kit config panel). */
export interface AssetLifecycleConfig {
  title?: string;
  sources?: AssetSource[];
  approval?: string;
  campaign?: string;
  productLine?: string;
  region?: string;
  failedOnly?: boolean;
  expiry?: 'expired' | 'expiring';
  expiringDays?: number;
  pageSize?: number;
  sort?: AssetSortKey;
  order?: AssetSortOrder;
}
