/**
 * Reading one iconik asset's details for the enrichment and the refetch: its approval request and its newest history
 * entries (the audit trail), plus, when an admin chose a metadata view, the asset itself and that view's values (the
 * mapped fields live there instead of in search documents). User names for the trail come from a small shared cache,
 * so each user costs one request per installation, not one per asset.
 */
import { z } from 'zod';
import { HISTORY_ENTRIES_PER_ASSET } from '../../domain/assetSync/budgets';
import { enrichBatchSize } from '../../domain/assetSync/enrichment';
import type { DamActivity, DamAsset } from '../../sources/dam/asset';
import { IconikApiError, type IconikApproval, type IconikAsset, type IconikClient, type IconikHistoryEntry, type IconikJob } from '../../sources/iconik/client';
import { iconikAuditTrail, isDeletedIconikAsset, mapIconikAsset } from '../../sources/iconik/mapAsset';
import { key } from '../../store/keys';
import { readJson, writeJson } from '../../store/kvsJson';
import type { AppSettings } from '../../store/settings';
import type { RequestBudget } from './deps';

export interface EnrichmentPlan {
  metadataViewId: string | null;
  /** getApproval + listHistory, and getAsset + getMetadata when a metadata view is set. */
  requestsPerAsset: number;
  batchSize: number;
}

export function enrichmentPlan(settings: AppSettings): EnrichmentPlan {
  const metadataViewId = settings.assets.iconikMetadataViewId;
  const requestsPerAsset = metadataViewId ? 4 : 2;
  return { metadataViewId, requestsPerAsset, batchSize: enrichBatchSize(requestsPerAsset) };
}

export interface IconikDetails {
  id: string;
  approval: IconikApproval | null;
  history: IconikHistoryEntry[];
  /** Read when the whole asset is mapped again (metadata view, refetch). */
  asset: IconikAsset | null;
  metadata: Record<string, unknown[]> | null;
}

/** The asset's details; 'gone' when iconik no longer has it (404 or DELETED). */
export async function readIconikDetails(client: IconikClient, id: string, options: { withAsset: boolean; metadataViewId: string | null }): Promise<IconikDetails | 'gone'> {
  try {
    let asset: IconikAsset | null = null;
    if (options.withAsset) {
      asset = await client.getAsset(id);
      if (!asset || isDeletedIconikAsset(asset)) return 'gone';
    }
    const metadata = options.metadataViewId ? await client.getMetadata(id, options.metadataViewId) : null;
    const approval = await client.getApproval(id);
    const { entries } = await client.listHistory(id, { perPage: HISTORY_ENTRIES_PER_ASSET });
    return { id, approval, history: entries, asset, metadata };
  } catch (error) {
    if (error instanceof IconikApiError && error.status === 404) return 'gone';
    throw error;
  }
}

const USERS_KEY = key('sync', 'dam', 'iconik', 'users');
const MAX_CACHED_USERS = 2000;
const usersSchema = z.object({ names: z.record(z.string()) });

/** Display names of the users in these histories: cached ones first, the rest from iconik while the budget lasts. */
export async function userNamesFor(client: IconikClient, details: IconikDetails[], budget: RequestBudget): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const detail of details) {
    for (const entry of detail.history) if (entry.user_id?.trim()) wanted.add(entry.user_id.trim());
    const owner = detail.asset?.created_by_user?.trim();
    if (owner) wanted.add(owner);
  }
  if (wanted.size === 0) return new Map();
  const cached = (await readJson(USERS_KEY, usersSchema).catch(() => undefined))?.names ?? {};
  const names = new Map<string, string>(Object.entries(cached).filter(([id]) => wanted.has(id)));
  const missing = [...wanted].filter((id) => !names.has(id)).slice(0, Math.max(0, budget.remaining() - 1));
  if (missing.length === 0) return names;
  const fetched = await client.userNames(missing);
  if (fetched.size > 0) {
    for (const [id, name] of fetched) names.set(id, name);
    const merged = Object.entries({ ...cached, ...Object.fromEntries(fetched) }).slice(-MAX_CACHED_USERS);
    await writeJson(USERS_KEY, { names: Object.fromEntries(merged) });
  }
  return names;
}

export function trailOf(detail: IconikDetails, users: Map<string, string>): DamActivity[] {
  return iconikAuditTrail(detail.history, users);
}

/** The whole asset mapped again from what was read (refetch, metadata view). */
export function mapDetails(
  detail: IconikDetails & { asset: IconikAsset },
  options: { settings: AppSettings; baseUrl: string; users: Map<string, string>; now: Date; failedJobs?: IconikJob[] },
): DamAsset {
  return mapIconikAsset(detail.asset, {
    fieldMapping: options.settings.assets.iconikFieldMapping,
    baseUrl: options.baseUrl,
    approval: detail.approval,
    history: detail.history,
    users: options.users,
    metadataValues: detail.metadata,
    now: options.now,
    ...(options.failedJobs ? { failedJobs: options.failedJobs } : {}),
  });
}

/**
 * An asset's failed jobs as the app shows them. mapIconikAsset is the one mapping of iconik jobs; a stand-in asset
 * carrying only the id is enough for it to pick and map the jobs about that asset.
 */
export function failedJobsFor(assetId: string, jobs: IconikJob[], settings: AppSettings, baseUrl: string): DamAsset['failedJobs'] {
  const standIn = { id: assetId, date_modified: '1970-01-01T00:00:00Z' } as IconikAsset;
  return mapIconikAsset(standIn, { fieldMapping: settings.assets.iconikFieldMapping, baseUrl, failedJobs: jobs }).failedJobs;
}
