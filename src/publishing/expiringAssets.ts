import { resolveCantoConnection, resolveIconikConnection } from '../config/connections';
import type { SummaryAssets } from '../domain/statusSummary/statusSummaryPage';
import { DEFAULT_EXPIRING_DAYS } from '../shared/assetLifecycleContract';
import type { DamSource } from '../sources/dam/asset';
import type { AppSettings } from '../store/settings';
import { queryAssetPage, readAssetSummary, readSourceSummaries } from '../store/assets';

const DAY_MS = 86_400_000;

/** Whole UTC calendar days from `now` until `iso` (negative when past). */
function daysUntil(iso: string, now: Date): number | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor(time / DAY_MS) - Math.floor(now.getTime() / DAY_MS);
}

/** Assets listed on a status page; the count says how many more there are. */
export const ASSETS_SHOWN = 25;

/**
 * Assets whose usage rights expire within DEFAULT_EXPIRING_DAYS, across the connected asset libraries (assets are
 * not tied to a solution, so every status page shows the same list). No library connected, or the asset store not
 * readable: the section says so instead of failing the page.
 */
export async function expiringAssets(settings: AppSettings, now: Date): Promise<SummaryAssets> {
  const [canto, iconik] = await Promise.all([resolveCantoConnection({ settings }), resolveIconikConnection({ settings })]);
  const sources: DamSource[] = [...(canto.ok ? (['canto'] as const) : []), ...(iconik.ok ? (['iconik'] as const) : [])];
  if (sources.length === 0) {
    return { state: 'not-connected', message: 'No asset library (Canto or iconik) is connected, so usage rights are not tracked. A Confluence admin connects one on the app settings page.' };
  }
  const expiringDays = DEFAULT_EXPIRING_DAYS;
  try {
    // The counts and the page planner share one read of the per-source summaries.
    const summaries = await readSourceSummaries(sources);
    const [summary, page] = await Promise.all([
      readAssetSummary(sources, { now, expiringDays, summaries }),
      queryAssetPage({ filters: { sources, expiry: 'expiring' }, sort: 'expiry', order: 'ASC', pageSize: ASSETS_SHOWN, expiringDays }, { now, expiringDays, summaries }),
    ]);
    const rows = page.rows.slice(0, ASSETS_SHOWN).map((asset) => ({
      name: asset.name,
      source: asset.source,
      usageRights: asset.usageRights,
      expiresAt: asset.expiresAt,
      daysToExpiry: asset.expiresAt ? daysUntil(asset.expiresAt, now) : null,
      link: asset.link,
    }));
    return { state: 'ok', expiringDays, expired: summary.expired, expiring: summary.expiring, rows, more: Math.max(0, summary.expiring - rows.length) };
  } catch (error) {
    console.warn(`status summary: asset store not readable: ${error instanceof Error ? error.message : String(error)}`);
    return { state: 'unavailable', message: 'The asset libraries are connected, but their assets could not be read for this summary (see the Asset lifecycle macro).' };
  }
}
