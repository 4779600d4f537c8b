import { z } from 'zod';
import { assetFiltersSchema, assetLifecycleConfigSchema } from '../domain/assets/assetPageRequest';
import {
  ASSET_SORT_KEYS,
  ASSET_SOURCES,
  MAX_ASSET_PAGE_SIZE,
  MAX_EXPIRING_DAYS,
  type AssetAuditResult,
  type AssetLifecycleConfigOptionsResult,
  type AssetPageResult,
} from '../shared/assetLifecycleContract';
import { loadAssetAudit, loadAssetConfigOptions, loadAssetPage } from '../views/assetLifecycleView';
import type { ResolverRequest } from './types';
import { parseInput } from './validation';

const pageRequestSchema = z
  .object({
    filters: assetFiltersSchema.optional(),
    sort: z.enum(ASSET_SORT_KEYS).optional(),
    order: z.enum(['ASC', 'DESC']).optional(),
    /** The store's opaque keyset cursor (the previous page's nextAfter). */
    after: z.string().min(1).max(2000).optional(),
    pageSize: z.number().int().min(1).max(MAX_ASSET_PAGE_SIZE).optional(),
    expiringDays: z.number().int().min(1).max(MAX_EXPIRING_DAYS).optional(),
  })
  .strict();

/** `assetLifecycle.getPage`: the summary counts and one page of assets, within the macro's configured sources. */
export async function getAssetLifecyclePage({ payload, context }: ResolverRequest): Promise<AssetPageResult> {
  const request = parseInput('payload', pageRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', assetLifecycleConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  return loadAssetPage(config.value, request.value, new Date());
}

const auditRequestSchema = z.object({ source: z.enum(ASSET_SOURCES), id: z.string().min(1).max(200) }).strict();

/** `assetLifecycle.getAudit`: one asset's row and its whole audit trail, newest first. */
export async function getAssetLifecycleAudit({ payload, context }: ResolverRequest): Promise<AssetAuditResult> {
  const request = parseInput('payload', auditRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', assetLifecycleConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  return loadAssetAudit(config.value, request.value, new Date());
}

/** `assetLifecycle.getConfigOptions`: the sources and the values the config panel's pickers offer. */
export async function getAssetLifecycleConfigOptions({ payload }: ResolverRequest): Promise<AssetLifecycleConfigOptionsResult> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  return loadAssetConfigOptions(new Date());
}

/** The keys the Custom UI and the config panel invoke. */
export const assetLifecycleResolverDefinitions = {
  'assetLifecycle.getPage': getAssetLifecyclePage,
  'assetLifecycle.getAudit': getAssetLifecycleAudit,
  'assetLifecycle.getConfigOptions': getAssetLifecycleConfigOptions,
};
