import type { z } from 'zod';
import { governanceResources, type GovernanceItem, type GovernanceResource, type Solution } from '../../sources/governance/schemas';
import { datasets } from '../../store/datasets';
import { writePagedView } from '../../store/pagedView';
import { readDataset, writeDatasetChunks, type DatasetIndex, type SnapshotPointer } from '../../store/snapshots';
import type { AppSettings } from '../../store/settings';
import type { InvalidItemRecord } from '../../store/syncStatus';
import { writeStreamChunks } from '../../store/timeStreams';

/**
 * What a view builder gets for one solution while a sync finalizes: the solution's validated raw data, read
 * once from the generation being built, and writers for the datasets it prepares for its macro.
 */
export interface SolutionViewContext {
  /** The admin settings, read once per sync (defaults where the stored record is damaged). */
  settings: AppSettings;
  /**
   * Computes a value derived from the solution's data once per sync, however many builders ask for it
   * (see derivations.ts).
   */
  memo<T>(name: string, compute: () => Promise<T>): Promise<T>;
  solution: Solution;
  /** Every solution the backend has (some views look across solutions). */
  solutions: readonly Solution[];
  now: Date;
  read<R extends Exclude<GovernanceResource, 'solutions'>>(resource: R): Promise<GovernanceItem<R>[]>;
  /** A dataset read whole by its macro (small views). */
  write(dataset: string, items: readonly unknown[]): Promise<void>;
  /** A dataset paged by its macro: rows in small chunks plus a compact index (see store/pagedView.ts). */
  writePaged<R extends { id: string }, I extends object>(dataset: string, rows: readonly R[], indexOf: (row: R) => I): Promise<void>;
  /**
   * A dataset whose chunk boundaries the builder chooses, one KVS value per given chunk (time-ordered streams a
   * macro reads chunk by chunk, see store/timeStreams.ts). Each chunk must stay under the KVS value limit.
   */
  writeChunks(dataset: string, chunks: readonly (readonly unknown[])[]): Promise<void>;
  /** Problems found while preparing views (an item too large to store, say), reported with the sync status. */
  report(problem: InvalidItemRecord): void;
}

export type SolutionViewBuilder = (context: SolutionViewContext) => Promise<void>;

export function createViewContext(options: {
  generation: string;
  staged: SnapshotPointer;
  solution: Solution;
  solutions: readonly Solution[];
  now: Date;
  written: DatasetIndex;
  problems: InvalidItemRecord[];
  settings: AppSettings;
}): SolutionViewContext {
  const cache = new Map<string, Promise<unknown[]>>();
  const memos = new Map<string, Promise<unknown>>();
  const { generation, solution } = options;
  return {
    settings: options.settings,
    memo<T>(name: string, compute: () => Promise<T>): Promise<T> {
      if (!memos.has(name)) memos.set(name, compute());
      return memos.get(name) as Promise<T>;
    },
    solution,
    solutions: options.solutions,
    now: options.now,
    read(resource) {
      const name = datasets.raw(resource, solution.id);
      if (!cache.has(name)) {
        const schema = governanceResources[resource].schema as z.ZodTypeAny;
        cache.set(name, readDataset(name, schema, options.staged).then((read) => read?.items ?? []));
      }
      return cache.get(name) as Promise<GovernanceItem<typeof resource>[]>;
    },
    async write(dataset, items) {
      const written = await writeDatasetChunks(generation, dataset, 0, items);
      options.written[dataset] = { chunks: written.chunks, count: items.length - written.oversized.length };
      for (const o of written.oversized) {
        options.problems.push({ resource: dataset, index: o.index, id: null, issues: [`prepared row of ${o.bytes} bytes is too large to store; skipped`], solutionId: solution.id });
      }
    },
    async writePaged(dataset, rows, indexOf) {
      const written = await writePagedView(generation, dataset, rows, indexOf);
      Object.assign(options.written, written.datasets);
      for (const o of written.oversized) {
        options.problems.push({ resource: dataset, index: -1, id: o.id, issues: [`prepared row of ${o.bytes} bytes is too large to store; skipped`], solutionId: solution.id });
      }
    },
    async writeChunks(dataset, chunks) {
      options.written[dataset] = await writeStreamChunks(generation, dataset, chunks);
    },
    report(problem) {
      options.problems.push(problem);
    },
  };
}
