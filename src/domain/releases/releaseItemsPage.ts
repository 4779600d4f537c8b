import { z } from 'zod';
import type { ReleaseItemRow, ReleaseItemSortKey } from '../../shared/releaseReadinessContract';
import type { SortOrder } from '../../shared/envStatusContract';
import { releaseItemSortFieldsSchema, type StoredReleaseItem, type StoredReleaseSummary } from './releaseReadiness';

/** One item in a release's index: its id, the row chunk holding it, and its sort fields. */
export const releaseItemIndexEntrySchema = releaseItemSortFieldsSchema.extend({ id: z.string(), c: z.number().int().nonnegative() });
export type ReleaseItemIndexEntry = z.infer<typeof releaseItemIndexEntrySchema>;

/**
 * Sorting the items of one release by their index entries (no row is read to sort). The state sorts worst first
 * when ascending; every sort ends on the artifact name, so pages never reshuffle between requests.
 */
export function compareReleaseItems(sortKey: ReleaseItemSortKey, sortOrder: SortOrder) {
  const direction = sortOrder === 'DESC' ? -1 : 1;
  return (a: z.infer<typeof releaseItemSortFieldsSchema>, b: z.infer<typeof releaseItemSortFieldsSchema>): number => {
    let primary = 0;
    if (sortKey === 'state') primary = a.s - b.s;
    else if (sortKey === 'kind') primary = a.k - b.k;
    if (primary !== 0) return primary * direction;
    return (a.a - b.a) * (sortKey === 'artifact' ? direction : 1);
  };
}

/** One page of sorted entries; a page past the end is clamped to the last one. */
export function releaseItemsPage<E extends z.infer<typeof releaseItemSortFieldsSchema>>(
  entries: readonly E[],
  request: { page: number; pageSize: number; sortKey: ReleaseItemSortKey; sortOrder: SortOrder },
): { entries: E[]; total: number; page: number } {
  const sorted = [...entries].sort(compareReleaseItems(request.sortKey, request.sortOrder));
  const total = sorted.length;
  const page = Math.min(Math.max(1, request.page), Math.max(1, Math.ceil(total / request.pageSize)));
  return { entries: sorted.slice((page - 1) * request.pageSize, page * request.pageSize), total, page };
}

/** A stored item as the view shows it, with the previous stage's environments named. */
export function releaseItemRow(item: StoredReleaseItem, release: Pick<StoredReleaseSummary, 'previousStage'>): ReleaseItemRow {
  const names = new Map((release.previousStage?.environments ?? []).map((environment) => [environment.id, environment.name]));
  return {
    id: item.id,
    artifactId: item.artifactId,
    artifactName: item.artifactName,
    kind: item.kind,
    expectedVersion: item.expectedVersion,
    state: item.state,
    target: item.target,
    previous: item.previous.map((entry) => ({ ...entry, environmentName: names.get(entry.environmentId) ?? entry.environmentId })),
  };
}
