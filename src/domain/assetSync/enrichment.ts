/**
 * Which iconik assets need their approval and audit trail read again (two requests each), and how they are grouped
 * into queue events. Pure.
 */
import type { DamAsset } from '../../sources/dam/asset';
import { ENRICH_REQUESTS_PER_EVENT, ENRICHMENT_STALE_AFTER_MS } from './budgets';

export interface EnrichmentState {
  modifiedAt: string;
  enrichedAt: string | null;
}

/**
 * Never enriched, or modified since it was; in a full pass also when the last enrichment is older than a week
 * (iconik approvals can change without touching the asset's date_modified).
 */
export function needsEnrichment(asset: EnrichmentState, now: Date, mode: 'full' | 'incremental', staleAfterMs = ENRICHMENT_STALE_AFTER_MS): boolean {
  if (asset.enrichedAt === null) return true;
  const enrichedAt = Date.parse(asset.enrichedAt);
  if (enrichedAt < Date.parse(asset.modifiedAt)) return true;
  return mode === 'full' && now.getTime() - enrichedAt >= staleAfterMs;
}

/** Assets per enrichment event: as many as its request allowance covers at `requestsPerAsset` each. */
export function enrichBatchSize(requestsPerAsset: number, requestsPerEvent = ENRICH_REQUESTS_PER_EVENT): number {
  return Math.max(1, Math.floor(requestsPerEvent / Math.max(1, requestsPerAsset)));
}

type Enrichment = Pick<DamAsset, 'approval' | 'lastActivity' | 'failedJobs' | 'enrichedAt'>;

/**
 * An asset read from a listing carries none of what enrichment and the failed-jobs read add (iconik search documents
 * have no approval, history or jobs). Until those are read again, the stored values stay, so a modification does not
 * blank an asset's approval or drop its failed jobs.
 */
export function keepEnrichment(fresh: DamAsset, stored: Enrichment | undefined): DamAsset {
  if (!stored) return fresh;
  return {
    ...fresh,
    approval: fresh.approval ?? stored.approval,
    lastActivity: fresh.lastActivity ?? stored.lastActivity,
    failedJobs: fresh.failedJobs.length > 0 ? fresh.failedJobs : stored.failedJobs,
    enrichedAt: fresh.enrichedAt ?? stored.enrichedAt,
  };
}
