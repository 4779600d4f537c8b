import { openSolutionView, unknownSolutionMessage } from './governanceSnapshot';
import { z } from 'zod';
import { releaseItemIndexEntrySchema, releaseItemRow, releaseItemsPage } from '../domain/releases/releaseItemsPage';
import { storedReleaseItemSchema, storedReleaseSummarySchema, type StoredReleaseItem, type StoredReleaseSummary } from '../domain/releases/releaseReadiness';
import { selectRelease, type ReleaseSelection } from '../domain/releases/releaseSelection';
import type { SortOrder } from '../shared/envStatusContract';
import type { ReleaseItemRow, ReleaseItemSortKey } from '../shared/releaseReadinessContract';
import type { SyncStamp } from '../shared/syncStamp';
import { datasets } from '../store/datasets';
import { readDataset, type SnapshotPointer } from '../store/snapshots';
import { readStreamChunks } from '../store/timeStreams';
import { readSolutions, type SolutionView } from './solutionsView';

export const releaseReadinessConfigSchema = z
  .object({
    solutionId: z.string().trim().min(1).max(200).optional(),
    releaseMode: z.enum(['next', 'pinned']).optional(),
    releaseId: z.string().trim().min(1).max(200).optional(),
  })
  .passthrough()
  .superRefine((config, issues) => {
    if (config.releaseMode === 'pinned' && !config.releaseId) {
      issues.addIssue({ code: z.ZodIssueCode.custom, path: ['releaseId'], message: 'is required when a specific release is chosen' });
    }
  });
export type ReleaseReadinessMacroConfig = z.infer<typeof releaseReadinessConfigSchema>;

/** A pinned release when the config names one; "next planned" otherwise. */
export function selectionOf(config: ReleaseReadinessMacroConfig): ReleaseSelection {
  if (config.releaseMode !== 'next' && config.releaseId) return { mode: 'pinned', releaseId: config.releaseId };
  return { mode: 'next' };
}

export type ReleaseContext =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | { state: 'no-release'; sync: SyncStamp; solution: SolutionView; message: string }
  | {
      state: 'ok';
      sync: SyncStamp;
      pointer: SnapshotPointer;
      solution: SolutionView;
      selection: ReleaseSelection;
      release: StoredReleaseSummary;
    };

/**
 * The release a macro shows, from the last published sync: the pointer, the source status, the solutions list and
 * the solution's release summaries. Items and sign-offs are read separately, only when needed.
 */
export async function loadReleaseContext(config: ReleaseReadinessMacroConfig, now: Date): Promise<ReleaseContext> {
  const opened = await openSolutionView(config.solutionId, now);
  if (opened.state !== 'ready') return opened;
  const { pointer, sync, solutionId } = opened;
  const [solutions, releases] = await Promise.all([
    readSolutions(pointer),
    readDataset(datasets.releasesView(solutionId), storedReleaseSummarySchema, pointer),
  ]);
  const solution = solutions.find((candidate) => candidate.id === solutionId);
  if (!solution || !releases) {
    return {
      state: 'no-data',
      sync,
      message: unknownSolutionMessage(solutionId),
    };
  }
  const selection = selectionOf(config);
  const release = selectRelease(releases.items, selection, now);
  if (!release) {
    return {
      state: 'no-release',
      sync,
      solution,
      message:
        selection.mode === 'next'
          ? `${solution.name} has no upcoming release planned.`
          : `${solution.name} has no release "${selection.releaseId}" (any more). Edit the macro to pick another one.`,
    };
  }
  return { state: 'ok', sync, pointer, solution, selection, release };
}

/** The release summaries of a solution, for the config panel. */
export async function readReleaseSummaries(solutionId: string, pointer: SnapshotPointer): Promise<StoredReleaseSummary[]> {
  return (await readDataset(datasets.releasesView(solutionId), storedReleaseSummarySchema, pointer))?.items ?? [];
}

export interface ReleaseItemsPage {
  rows: ReleaseItemRow[];
  total: number;
  page: number;
}

/**
 * One page of a release's items: the release's index chunks (named by its summary), then only the row chunks the
 * page needs, each read in one batch. Other releases' items are never read.
 */
export async function readReleaseItems(
  solutionId: string,
  release: StoredReleaseSummary,
  request: { page: number; pageSize: number; sortKey: ReleaseItemSortKey; sortOrder: SortOrder },
  pointer: SnapshotPointer,
): Promise<ReleaseItemsPage> {
  const indexDataset = datasets.releaseItemIndexView(solutionId);
  const rowsDataset = datasets.releaseItemsView(solutionId);
  const indexChunks = await readStreamChunks(pointer, release.indexChunks.map((chunk) => ({ dataset: indexDataset, chunk })));
  const entries = [...indexChunks.values()].flat().flatMap((raw) => {
    const parsed = releaseItemIndexEntrySchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const page = releaseItemsPage(entries, request);
  const rowChunks = await readStreamChunks(pointer, [...new Set(page.entries.map((entry) => entry.c))].map((chunk) => ({ dataset: rowsDataset, chunk })));
  const byId = new Map<string, StoredReleaseItem>();
  for (const raw of [...rowChunks.values()].flat()) {
    const parsed = storedReleaseItemSchema.safeParse(raw);
    if (parsed.success && parsed.data.releaseId === release.id) byId.set(parsed.data.id, parsed.data);
  }
  const rows = page.entries.flatMap((entry) => {
    const item = byId.get(entry.id);
    return item ? [releaseItemRow(item, release)] : [];
  });
  return { rows, total: page.total, page: page.page };
}
