/**
 * The asset-lifecycle macro's saved configuration, and how it combines with what a reader asks for. The configured
 * sources are a fixed scope (a reader may narrow them, never widen them); the other configured filters are the
 * defaults a reader starts from and may change for their own view.
 */
import { z } from 'zod';
import {
  ASSET_SORT_KEYS,
  ASSET_SOURCES,
  ASSET_SOURCE_LABELS,
  DEFAULT_ASSET_PAGE_SIZE,
  DEFAULT_EXPIRING_DAYS,
  DEFAULT_SORT_ORDER,
  MAX_ASSET_PAGE_SIZE,
  MAX_EXPIRING_DAYS,
  type AssetFilters,
  type AssetLifecyclePageRequest,
  type AssetPageRequest,
  type AssetPageRequestEcho,
  type AssetSource,
} from '../../shared/assetLifecycleContract';

export const MIN_CONFIG_PAGE_SIZE = 10;

const filterText = z.string().trim().min(1).max(200);

export const assetFiltersSchema = z
  .object({
    sources: z.array(z.enum(ASSET_SOURCES)).max(ASSET_SOURCES.length).optional(),
    approval: z.string().trim().min(1).max(60).optional(),
    campaign: filterText.optional(),
    productLine: filterText.optional(),
    region: filterText.optional(),
    failedOnly: z.boolean().optional(),
    expiry: z.enum(['expired', 'expiring']).optional(),
  })
  .strict();

/** The saved macro config. Unknown keys are kept (a newer panel may add some); known ones must be valid. */
export const assetLifecycleConfigSchema = z
  .object({
    title: z.string().trim().max(200).optional(),
    sources: z.array(z.enum(ASSET_SOURCES)).max(ASSET_SOURCES.length).optional(),
    approval: z.string().trim().min(1).max(60).optional(),
    campaign: filterText.optional(),
    productLine: filterText.optional(),
    region: filterText.optional(),
    failedOnly: z.boolean().optional(),
    expiry: z.enum(['expired', 'expiring']).optional(),
    expiringDays: z.number().int().min(1).max(MAX_EXPIRING_DAYS).optional(),
    pageSize: z.number().int().min(MIN_CONFIG_PAGE_SIZE).max(MAX_ASSET_PAGE_SIZE).optional(),
    sort: z.enum(ASSET_SORT_KEYS).optional(),
    order: z.enum(['ASC', 'DESC']).optional(),
  })
  .passthrough();
export type AssetLifecycleMacroConfig = z.infer<typeof assetLifecycleConfigSchema>;

/** The configured default filters (sources aside: they are the scope). */
export function configuredFilters(config: AssetLifecycleMacroConfig): AssetFilters {
  const filters: AssetFilters = {};
  if (config.approval) filters.approval = config.approval;
  if (config.campaign) filters.campaign = config.campaign;
  if (config.productLine) filters.productLine = config.productLine;
  if (config.region) filters.region = config.region;
  if (config.failedOnly) filters.failedOnly = true;
  if (config.expiry) filters.expiry = config.expiry;
  return filters;
}

export type EffectiveRequest =
  | { ok: true; request: AssetPageRequest & { pageSize: number; expiringDays: number }; echo: AssetPageRequestEcho }
  | { ok: false; field: string; message: string };

const list = (sources: readonly AssetSource[]) => sources.map((source) => ASSET_SOURCE_LABELS[source]).join(', ');

/**
 * What the store is asked for. `inScope` are the sources the macro may show (configured and connected). A reader's
 * `sources` outside the configured ones is refused (naming the field), never silently widened.
 */
export function effectiveRequest(
  config: AssetLifecycleMacroConfig,
  payload: AssetLifecyclePageRequest,
  inScope: readonly AssetSource[],
): EffectiveRequest {
  const configured = config.sources && config.sources.length > 0 ? config.sources : [...ASSET_SOURCES];
  const chosen = payload.filters ? { ...payload.filters } : configuredFilters(config);
  const asked = payload.filters?.sources;
  if (asked && asked.length > 0) {
    const outside = asked.filter((source) => !configured.includes(source));
    if (outside.length > 0) {
      return {
        ok: false,
        field: 'payload.filters.sources',
        message: `${list(outside)} ${outside.length === 1 ? 'is' : 'are'} not among this macro's sources (${list(configured)}): a reader can narrow the configured sources, not widen them.`,
      };
    }
  }
  const sources = inScope.filter((source) => (asked && asked.length > 0 ? asked.includes(source) : true));
  const filters: AssetFilters = { ...chosen, sources };
  const sort = payload.sort ?? config.sort ?? 'name';
  const order = payload.order ?? (payload.sort ? DEFAULT_SORT_ORDER[payload.sort] : (config.order ?? DEFAULT_SORT_ORDER[sort]));
  const pageSize = payload.pageSize ?? config.pageSize ?? DEFAULT_ASSET_PAGE_SIZE;
  const expiringDays = payload.expiringDays ?? config.expiringDays ?? DEFAULT_EXPIRING_DAYS;
  const request = { filters, sort, order, pageSize, expiringDays, ...(payload.after ? { after: payload.after } : {}) };
  return { ok: true, request, echo: { filters, sort, order, pageSize, after: payload.after ?? null } };
}
