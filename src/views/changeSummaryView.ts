import { openSolutionView, unknownSolutionMessage } from './governanceSnapshot';
import { z } from 'zod';
import { storedChangeRowSchema } from '../domain/changes/changeRows';
import { encodeCursor, mergePage, planChunkReads, streamDirectoryEntrySchema, streamStarts, type ChunkRef, type PageCursor, type StreamDirectoryEntry, type StreamEntry, type StreamSpec } from '../domain/changes/changeStreams';
import { pendingPromotionsAt, storedPendingPromotionSchema } from '../domain/changes/pendingPromotions';
import { CHANGE_WINDOW_MS, CHANGE_WINDOWS, DEFAULT_CHANGE_WINDOW, type ChangeRow, type ChangeWindow, type PendingPromotion, type RemainingCount } from '../shared/changeSummaryContract';
import type { SyncStamp } from '../shared/syncStamp';
import { datasets } from '../store/datasets';
import { readDataset, type SnapshotPointer } from '../store/snapshots';
import { readStreamChunks, streamChunkId } from '../store/timeStreams';
import { readSolutions, type SolutionView } from './solutionsView';
import { mergeLiveChanges } from '../domain/events/liveOverlay';
import { readLiveEvents } from '../store/liveEvents';

export const changeSummaryConfigSchema = z
  .object({
    solutionId: z.string().trim().min(1).max(200).optional(),
    environmentIds: z.array(z.string().min(1).max(200)).max(50).optional(),
    window: z.enum(CHANGE_WINDOWS).optional(),
    onlyProduction: z.boolean().optional(),
  })
  .passthrough();
export type ChangeSummaryMacroConfig = z.infer<typeof changeSummaryConfigSchema>;

export type ShownEnvironment = { id: string; name: string; stage: string; isProduction: boolean };

export interface ChangePageRequest {
  cursor: PageCursor | null;
  pageSize: number;
  /** The pending promotions are read for the newest page only. */
  includePending: boolean;
  /** Read each stream's chunk at the window's start too, so `remaining` is exact (exports). */
  exactRemaining?: boolean;
}

export type ChangeSummaryData =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | {
      state: 'ok';
      sync: SyncStamp;
      solution: SolutionView;
      window: ChangeWindow;
      windowStart: string;
      onlyProduction: boolean;
      environments: ShownEnvironment[];
      pending: PendingPromotion[] | null;
      changes: ChangeRow[];
      nextCursor: string | null;
      remaining: RemainingCount;
    };

/** Rounds of "read what the merge misses" before giving up; the plan makes one round the norm. */
const MAX_READ_ROUNDS = 6;

/**
 * One page of a solution's changes, from the last published sync: the pointer, the source status, the solutions
 * list, the change directory, the pending promotions (newest page only) and the few stream chunks the page
 * needs. Nothing here reads a whole history.
 */
export async function loadChangeSummary(config: ChangeSummaryMacroConfig, request: ChangePageRequest, now: Date): Promise<ChangeSummaryData> {
  const opened = await openSolutionView(config.solutionId, now);
  if (opened.state !== 'ready') return opened;
  const { pointer, sync, solutionId, status } = opened;
  const [solutions, directory, pending] = await Promise.all([
    readSolutions(pointer),
    readDataset(datasets.changeDirectory(solutionId), streamDirectoryEntrySchema, pointer),
    request.includePending ? readDataset(datasets.pendingPromotions(solutionId), storedPendingPromotionSchema, pointer) : undefined,
  ]);
  const solution = solutions.find((s) => s.id === solutionId);
  if (!solution || !directory) {
    return {
      state: 'no-data',
      sync,
      message: unknownSolutionMessage(solutionId),
    };
  }
  const window = config.window ?? DEFAULT_CHANGE_WINDOW;
  const onlyProduction = config.onlyProduction ?? false;
  const shown = selectStreams(directory.items, config.environmentIds ?? [], onlyProduction);
  const shownIds = new Set(shown.map((entry) => entry.e));
  const since = now.getTime() - CHANGE_WINDOW_MS[window];
  const page = await readChangePage(pointer, solutionId, shown, request, since);
  if (request.cursor === null) {
    // The newest page also shows changes the backend pushed since the last sync (src/domain/events/liveOverlay.ts).
    const live = await readLiveEvents(solutionId, status);
    const allEnvironments = (config.environmentIds ?? []).length === 0 && !onlyProduction;
    page.changes = mergeLiveChanges(page.changes, live.changes, { shownEnvironmentIds: shownIds, allEnvironments, onlyProduction, since }, page.nextCursor !== null, request.pageSize);
  }
  return {
    state: 'ok',
    sync,
    solution,
    window,
    windowStart: new Date(since).toISOString(),
    onlyProduction,
    environments: shown.map((entry) => ({ id: entry.e, name: entry.n, stage: entry.st, isProduction: entry.p })),
    pending: pending
      ? pendingPromotionsAt(pending.items, now).filter((p) => shownIds.has(p.to.id) || shownIds.has(p.from.id))
      : request.includePending
        ? []
        : null,
    ...page,
  };
}

/** The environments the macro lists: the chosen ones (all when none), production only when asked. */
export function selectStreams(directory: readonly StreamDirectoryEntry[], environmentIds: readonly string[], onlyProduction: boolean) {
  return directory.filter((entry) => (environmentIds.length === 0 || environmentIds.includes(entry.e)) && (!onlyProduction || entry.p));
}

/** The environments of a solution as the config panel offers them; undefined when the solution has no change data. */
export async function readChangeEnvironments(pointer: SnapshotPointer, solutionId: string): Promise<ShownEnvironment[] | undefined> {
  const directory = await readDataset(datasets.changeDirectory(solutionId), streamDirectoryEntrySchema, pointer);
  return directory?.items.map((entry) => ({ id: entry.e, name: entry.n, stage: entry.st, isProduction: entry.p }));
}

async function readChangePage(
  pointer: SnapshotPointer,
  solutionId: string,
  shown: readonly StreamDirectoryEntry[],
  request: ChangePageRequest,
  since: number,
): Promise<{ changes: ChangeRow[]; nextCursor: string | null; remaining: RemainingCount }> {
  const specs: StreamSpec[] = shown.map((entry) => ({ key: entry.e, chunks: entry.k }));
  const starts = streamStarts(specs, request.cursor, pointer.generation);
  const loaded = new Map<string, StreamEntry<ChangeRow>[]>();
  const datasetOf = (ref: ChunkRef) => datasets.changeStream(solutionId, ref.stream);
  const load = (ref: ChunkRef) => loaded.get(streamChunkId(datasetOf(ref), ref.chunk));

  let wanted = planChunkReads(specs, starts, since, request.pageSize, { throughWindowEdge: request.exactRemaining });
  for (let round = 0; round < MAX_READ_ROUNDS; round += 1) {
    const toRead = wanted.filter((ref) => !load(ref));
    if (toRead.length > 0) {
      const chunks = await readStreamChunks(pointer, toRead.map((ref) => ({ dataset: datasetOf(ref), chunk: ref.chunk })));
      for (const ref of toRead) {
        const id = streamChunkId(datasetOf(ref), ref.chunk);
        const newest = specs.find((spec) => spec.key === ref.stream)?.chunks[ref.chunk]?.[0] ?? since;
        loaded.set(id, toStreamEntries(chunks.get(id) ?? [], newest));
      }
    }
    const merged = mergePage(specs, starts, load, since, request.pageSize);
    if (merged.missing.length === 0) {
      const hasMore = merged.anchor !== null && merged.remaining.atMost > 0;
      return {
        changes: merged.rows,
        nextCursor: hasMore && merged.anchor ? encodeCursor({ generation: pointer.generation, positions: merged.positions, anchor: merged.anchor }) : null,
        remaining: merged.remaining,
      };
    }
    wanted = merged.missing;
  }
  throw new Error(`Could not assemble a page of changes for "${solutionId}" in ${MAX_READ_ROUNDS} reads; the change directory may be damaged`);
}

const rowKeySchema = z.object({ id: z.string(), occurredAt: z.string() }).passthrough();

/**
 * Stored rows as the merge sees them. A row that no longer validates (written by another version of the app)
 * keeps its place, so stream positions stay right, but is not shown.
 */
function toStreamEntries(items: readonly unknown[], chunkNewest: number): StreamEntry<ChangeRow>[] {
  let previousTime = chunkNewest;
  return items.map((item) => {
    const full = storedChangeRowSchema.safeParse(item);
    const key = full.success ? full.data : rowKeySchema.safeParse(item).data;
    const parsedTime = key ? Date.parse(key.occurredAt) : Number.NaN;
    const time = Number.isNaN(parsedTime) ? previousTime : parsedTime;
    previousTime = time;
    return { id: key?.id ?? '', time, row: full.success ? full.data : null };
  });
}
