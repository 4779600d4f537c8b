/**
 * What the asset-lifecycle macro shows per asset: the stored DamAsset plus what depends on the reader's "now" and
 * expiry window (expiry state, days to expiry). Pure, so the resolver, the export and the tests share one mapping.
 */
import type { AssetActivityView, AssetFailedJobView, AssetRow } from '../../shared/assetLifecycleContract';
import type { DamActivity, DamAsset, DamFailedJob } from '../../sources/dam/asset';
import { daysToExpiry, expiryState } from './expiry';

export function toActivityView(activity: DamActivity): AssetActivityView {
  return { who: activity.who, what: activity.what, detail: activity.detail ?? null, when: activity.when };
}

function toFailedJobView(job: DamFailedJob): AssetFailedJobView {
  return {
    id: job.id,
    type: job.type,
    title: job.title,
    status: job.status,
    error: job.error,
    at: job.at,
    steps: (job.steps ?? []).map((step) => ({ label: step.label, status: step.status, error: step.error })),
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Only https links leave the backend (a stored link is data from an upstream and ends up in an anchor), plus http on
 * loopback: the workbench's simulators, which the connection settings accept on the same terms.
 */
export function safeLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) ? link : null;
  } catch {
    return null;
  }
}

export function toAssetRow(asset: DamAsset, now: Date, expiringDays: number): AssetRow {
  return {
    source: asset.source,
    id: asset.id,
    name: asset.name,
    kind: asset.kind,
    approval: asset.approval,
    campaign: asset.campaign,
    productLine: asset.productLine,
    region: asset.region,
    usageRights: asset.usageRights,
    expiresAt: asset.expiresAt,
    expiryState: expiryState(asset.expiresAt, now, expiringDays),
    daysToExpiry: asset.expiresAt ? daysToExpiry(asset.expiresAt, now) : null,
    failedJobs: (asset.failedJobs ?? []).map(toFailedJobView),
    lastActivity: asset.lastActivity ? toActivityView(asset.lastActivity) : null,
    modifiedAt: asset.modifiedAt,
    link: safeLink(asset.link),
  };
}

/** An audit trail newest first; entries with the same time keep the platform's order. */
export function newestFirst(entries: readonly DamActivity[]): AssetActivityView[] {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.when) }))
    .sort((a, b) => (b.time || 0) - (a.time || 0) || a.index - b.index)
    .map(({ entry }) => toActivityView(entry));
}
