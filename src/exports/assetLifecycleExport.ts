import { assetLifecycleAdf, assetLifecycleMessageAdf } from '../domain/assets/assetLifecycleAdf';
import { assetLifecycleConfigSchema } from '../domain/assets/assetPageRequest';
import { MAX_ASSET_PAGE_SIZE } from '../shared/assetLifecycleContract';
import { loadAssetPage } from '../views/assetLifecycleView';

interface AdfExportPayload {
  exportType?: string;
  context?: { extension?: { config?: unknown } };
}

/** adfExport: what the asset-lifecycle macro becomes in PDF and Word exports: counts and the first page as a table. */
export async function assetLifecycleExport(payload: AdfExportPayload) {
  const config = assetLifecycleConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return assetLifecycleMessageAdf('This macro’s configuration is invalid; edit the macro.');
  const title = config.data.title?.trim() || undefined;
  // Exports have no paging: the first (largest) page the store serves, in the configured order and filters.
  const page = await loadAssetPage(config.data, { pageSize: MAX_ASSET_PAGE_SIZE }, new Date());
  if (page.state === 'ready') return assetLifecycleAdf(page);
  return assetLifecycleMessageAdf(page.message, title);
}
