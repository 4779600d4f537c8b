/**
 * One render of the asset-lifecycle macro: which sources are connected and how fresh they are, the summary counts,
 * and one keyset page of assets from the asset store. A render reads the connections, one sync status per source,
 * the summary and what the store's page query reads: never every asset.
 */
import { resolveCantoConnection, resolveIconikConnection, type Resolved } from '../config/connections';
import { sourceFreshness, sourcesInScope } from '../domain/assets/assetFreshness';
import { effectiveRequest, type AssetLifecycleMacroConfig } from '../domain/assets/assetPageRequest';
import { newestFirst, toActivityView, toAssetRow } from '../domain/assets/assetRows';
import {
  ASSET_SOURCES,
  ASSET_SOURCE_LABELS,
  DEFAULT_EXPIRING_DAYS,
  type AssetAuditResult,
  type AssetLifecycleConfigOptions,
  type AssetLifecyclePageRequest,
  type AssetPageResult,
  type AssetSource,
  type AssetSourceFreshness,
  type AssetSummary,
} from '../shared/assetLifecycleContract';
import type { ResolverError } from '../shared/resolverError';
import { damAssetKey } from '../sources/dam/asset';
import { AssetPageTokenError, queryAssetPage, readAssets, readAssetSummary, readAuditTrail, readSourceSummaries } from '../store/assets';
import { readDamSyncStatus } from '../store/assets/syncStatus';
import { readAppSettings } from '../store/settings';

const fieldError = (path: string, message: string): ResolverError => ({ state: 'error', message: `${path}: ${message}`, fields: [{ path, message }] });

const labels = (sources: readonly AssetSource[]) => sources.map((source) => ASSET_SOURCE_LABELS[source]);
const joined = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

function connectionState(resolved: Resolved<unknown>) {
  return resolved.ok ? { configured: true, ok: true, message: null } : { configured: resolved.configured, ok: false, message: resolved.message };
}

/** Every source's connection and sync freshness: two secret reads and one status read per source. */
export async function readAssetFreshness(now: Date): Promise<AssetSourceFreshness[]> {
  const { settings } = await readAppSettings();
  const [canto, iconik, cantoStatus, iconikStatus] = await Promise.all([
    resolveCantoConnection({ settings }),
    resolveIconikConnection({ settings }),
    readDamSyncStatus('canto'),
    readDamSyncStatus('iconik'),
  ]);
  return [
    sourceFreshness('canto', connectionState(canto), cantoStatus, now),
    sourceFreshness('iconik', connectionState(iconik), iconikStatus, now),
  ];
}

function notConnectedMessage(configured: readonly AssetSource[] | undefined): string {
  const wanted = labels(configured && configured.length > 0 ? configured : ASSET_SOURCES);
  return `${joined(wanted)} ${wanted.length === 1 ? 'is' : 'are'} not connected yet. A Confluence admin connects Canto or iconik in the app's settings (Confluence settings › Integration Governance Hub), then the assets appear here after the first sync.`;
}

function neverSyncedMessage(freshness: readonly AssetSourceFreshness[]): string {
  const names = joined(labels(freshness.map((f) => f.source)));
  const failed = freshness.filter((f) => f.lastError);
  if (failed.length > 0) {
    return `${names} ${freshness.length === 1 ? 'is' : 'are'} connected, but no sync has completed yet: ${failed.map((f) => `${ASSET_SOURCE_LABELS[f.source]}: ${f.lastError}`).join('; ')}.`;
  }
  const running = freshness.some((f) => f.running);
  return `${names} ${freshness.length === 1 ? 'is' : 'are'} connected, but no assets have been synced yet. ${running ? 'The first sync is running now' : 'The first sync runs within the hour'}; the assets appear here when it completes.`;
}

const emptySummary = (): AssetSummary => ({
  total: 0,
  bySource: { canto: 0, iconik: 0 },
  byApproval: {},
  expired: 0,
  expiring: 0,
  withFailedJobs: 0,
  countedAt: null,
  campaigns: [],
  productLines: [],
  regions: [],
  approvals: [],
});

export async function loadAssetPage(config: AssetLifecycleMacroConfig, payload: AssetLifecyclePageRequest, now: Date): Promise<AssetPageResult> {
  const freshness = await readAssetFreshness(now);
  const inScope = sourcesInScope(config.sources, freshness);
  const scoped = freshness.filter((f) => inScope.includes(f.source));
  if (inScope.length === 0) return { state: 'not-configured', message: notConnectedMessage(config.sources), freshness };

  const effective = effectiveRequest(config, payload, inScope);
  if (!effective.ok) return fieldError(effective.field, effective.message);
  const { request, echo } = effective;
  const { expiringDays } = request;
  const nothingToQuery = (request.filters.sources ?? []).length === 0;
  let summary: AssetSummary;
  let page: Awaited<ReturnType<typeof queryAssetPage>>;
  try {
    // The per-source summaries feed both the counts row and the page planner: read once, shared by both.
    const summaries = await readSourceSummaries([...inScope, ...(request.filters.sources ?? [])]);
    [summary, page] = await Promise.all([
      readAssetSummary(inScope, { now, expiringDays, summaries }),
      nothingToQuery
        ? Promise.resolve({ rows: [], nextAfter: null, partial: false, totalMatching: 0, reads: 0 })
        : queryAssetPage(request, { now, expiringDays, summaries }),
    ]);
  } catch (error) {
    // A cursor from another sort or filter, or one a reader made up: the view starts again from the first page.
    if (error instanceof AssetPageTokenError) return fieldError('payload.after', `${error.message || 'not a cursor this page can continue from'}. Start again from the first page.`);
    throw error;
  }
  const neverSynced = scoped.every((f) => f.lastSuccessAt === null);
  if (neverSynced && summary.total === 0 && page.rows.length === 0 && !request.after) {
    return { state: 'no-data', message: neverSyncedMessage(scoped), freshness: scoped };
  }
  return {
    state: 'ready',
    rows: page.rows.map((asset) => toAssetRow(asset, now, expiringDays)),
    nextAfter: page.nextAfter,
    partial: page.partial,
    totalMatching: page.totalMatching,
    summary,
    freshness: scoped,
    expiringDays,
    now: now.toISOString(),
    request: echo,
    scope: { sources: inScope, title: config.title?.trim() || null },
  };
}

/** One asset with its whole audit trail, newest first. Only assets of the macro's configured sources. */
export async function loadAssetAudit(
  config: AssetLifecycleMacroConfig,
  ref: { source: AssetSource; id: string },
  now: Date,
): Promise<AssetAuditResult> {
  const configured = config.sources && config.sources.length > 0 ? config.sources : ASSET_SOURCES;
  if (!configured.includes(ref.source)) {
    return fieldError('payload.source', `${ASSET_SOURCE_LABELS[ref.source]} is not among this macro's sources (${joined(labels(configured))}).`);
  }
  const [assets, trail] = await Promise.all([readAssets([ref]), readAuditTrail(ref.source, ref.id)]);
  const asset = assets.get(damAssetKey(ref));
  if (!asset) {
    return { state: 'not-found', message: `${ASSET_SOURCE_LABELS[ref.source]} has no asset "${ref.id}" (any more): it may have been deleted since the last sync.` };
  }
  const expiringDays = config.expiringDays ?? DEFAULT_EXPIRING_DAYS;
  const row = toAssetRow(asset, now, expiringDays);
  if (trail === null) {
    return {
      state: 'ready',
      asset: row,
      entries: asset.lastActivity ? [toActivityView(asset.lastActivity)] : [],
      complete: false,
      message: `The full history of this asset has not been read from ${ASSET_SOURCE_LABELS[ref.source]} yet: it appears after the next sync. Shown: the latest activity only.`,
    };
  }
  return { state: 'ready', asset: row, entries: newestFirst(trail), complete: true, message: null };
}

/** What the config panel offers: each source and whether it is connected, and the values seen in the summary. */
export async function loadAssetConfigOptions(now: Date): Promise<AssetLifecycleConfigOptions> {
  const freshness = await readAssetFreshness(now);
  const connected = freshness.filter((f) => f.configured).map((f) => f.source);
  const summary = connected.length > 0 ? await readAssetSummary(connected, { now, expiringDays: DEFAULT_EXPIRING_DAYS }) : emptySummary();
  return {
    sources: freshness.map((f) => ({ source: f.source, label: ASSET_SOURCE_LABELS[f.source], connected: f.configured, problem: f.connectionProblem })),
    campaigns: summary.campaigns,
    productLines: summary.productLines,
    regions: summary.regions,
    approvals: summary.approvals,
  };
}
