import { z } from 'zod';
import { chunkByBytes } from './chunking';
import { readMany, writeMany } from './kvsJson';
import { chunkKey, readDataset, type DatasetIndex, type SnapshotPointer } from './snapshots';

/**
 * A view that a macro pages through: its rows in small chunks, and a compact index of every row (the fields
 * the view filters and sorts by, plus the chunk that holds the row). A render reads the index, picks one
 * page of entries, then reads only the row chunks that page needs, in one batch. The index is what grows
 * with the data, so index entries should carry only what filtering and sorting need.
 */
export const ROW_CHUNK_BUDGET_BYTES = 24 * 1024;

export const rowsDataset = (dataset: string) => `${dataset}.rows`;
export const indexDataset = (dataset: string) => `${dataset}.index`;

/** The row id and the chunk (`c`) that holds the row, next to the view's own index fields. */
export type IndexEntry<I> = I & { id: string; c: number };

export async function writePagedView<R extends { id: string }, I extends object>(
  generation: string,
  dataset: string,
  rows: readonly R[],
  indexOf: (row: R) => I,
): Promise<{ datasets: DatasetIndex; oversized: { id: string; bytes: number }[] }> {
  const { chunks, oversized } = chunkByBytes(rows, ROW_CHUNK_BUDGET_BYTES);
  const entries: IndexEntry<I>[] = [];
  chunks.forEach((chunk, c) => chunk.forEach((row) => entries.push({ ...indexOf(row), id: row.id, c })));
  await writeMany(chunks.map((chunk, c) => ({ key: chunkKey(generation, rowsDataset(dataset), c), value: { items: chunk } })));
  const index = chunkByBytes(entries);
  await writeMany(index.chunks.map((chunk, c) => ({ key: chunkKey(generation, indexDataset(dataset), c), value: { items: chunk } })));
  return {
    datasets: {
      [rowsDataset(dataset)]: { chunks: chunks.length, count: rows.length - oversized.length },
      [indexDataset(dataset)]: { chunks: index.chunks.length, count: entries.length },
    },
    oversized: oversized.map((o) => ({ id: rows[o.index]?.id ?? '?', bytes: o.bytes })),
  };
}

export interface PagedQuery<I> {
  filter?: (entry: IndexEntry<I>) => boolean;
  compare?: (a: IndexEntry<I>, b: IndexEntry<I>) => number;
  page: number;
  pageSize: number;
}

export interface PagedResult<I, R> {
  rows: R[];
  /** Every index entry that passed the filter, sorted: for counts and summaries without reading rows. */
  matching: IndexEntry<I>[];
  total: number;
  /** The page actually served (a page past the end is clamped to the last one). */
  page: number;
}

/** Reads one page of a paged view from the current (or given) generation; undefined when the view is absent. */
export async function readPagedView<IS extends z.ZodTypeAny, RS extends z.ZodTypeAny>(
  dataset: string,
  schemas: { index: IS; row: RS },
  query: PagedQuery<z.output<IS>>,
  pointer: SnapshotPointer,
): Promise<PagedResult<z.output<IS>, z.output<RS>> | undefined> {
  type I = z.output<IS>;
  const index = await readPagedIndex(dataset, schemas.index, pointer);
  if (!index) return undefined;
  const matching = index.filter((entry) => (query.filter ? query.filter(entry) : true));
  if (query.compare) matching.sort(query.compare);
  const total = matching.length;
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), lastPage);
  const pageEntries: IndexEntry<I>[] = matching.slice((page - 1) * query.pageSize, page * query.pageSize);
  const rows = await readPagedRows(dataset, schemas.row, pageEntries, pointer);
  return { rows, matching, total, page };
}

/**
 * The two halves of readPagedView, for views that choose their page from the whole index themselves (counting
 * what a filter hides, say): every index entry, validated; undefined when the view is absent.
 */
export async function readPagedIndex<IS extends z.ZodTypeAny>(
  dataset: string,
  indexSchema: IS,
  pointer: SnapshotPointer,
): Promise<IndexEntry<z.output<IS>>[] | undefined> {
  const entrySchema = z.intersection(indexSchema, z.object({ id: z.string(), c: z.number().int().nonnegative() }));
  const index = await readDataset(indexDataset(dataset), entrySchema, pointer);
  return index ? (index.items as IndexEntry<z.output<IS>>[]) : undefined;
}

/** The rows of the given index entries, in their order, reading only the chunks that hold them (one batch). */
export async function readPagedRows<RS extends z.ZodTypeAny>(
  dataset: string,
  rowSchema: RS,
  entries: readonly { id: string; c: number }[],
  pointer: SnapshotPointer,
): Promise<z.output<RS>[]> {
  const chunkNumbers = [...new Set(entries.map((entry) => entry.c))];
  const keys = chunkNumbers.map((c) => chunkKey(pointer.generation, rowsDataset(dataset), c));
  const chunks = await readMany(keys);
  const byId = new Map<string, unknown>();
  for (const storageKey of keys) {
    const chunk = z.object({ items: z.array(z.unknown()) }).safeParse(chunks.get(storageKey));
    if (!chunk.success) throw new Error(`Snapshot ${pointer.generation} is missing or has a damaged row chunk "${storageKey}"`);
    for (const item of chunk.data.items) {
      const id = (item as { id?: unknown }).id;
      if (typeof id === 'string') byId.set(id, item);
    }
  }
  const rows: z.output<RS>[] = [];
  for (const entry of entries) {
    const parsed = rowSchema.safeParse(byId.get(entry.id));
    if (parsed.success) rows.push(parsed.data as z.output<RS>);
  }
  return rows;
}
