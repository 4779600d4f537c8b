import { z } from 'zod';
import { key } from './keys';
import { chunkByBytes } from './chunking';
import { deleteKeys, parseStored, readJson, readMany, writeJson, writeMany } from './kvsJson';

/**
 * Synced data is written as a *generation*: every dataset of one sync goes under its own keys, and the
 * generation becomes visible with a single write of the pointer. Readers therefore always see the last
 * complete sync, never a half-written one. The previous generation is kept until the next publish, so a
 * reader that fetched the old pointer just before a publish can still read its chunks.
 */
const POINTER_KEY = 'snapshot:current';

export const datasetInfoSchema = z.object({
  chunks: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});
export type DatasetInfo = z.infer<typeof datasetInfoSchema>;
export type DatasetIndex = Record<string, DatasetInfo>;

const generationSchema = z.object({
  generation: z.string().min(1),
  publishedAt: z.string(),
  datasets: z.record(datasetInfoSchema),
});
const pointerSchema = generationSchema.extend({
  previous: generationSchema.omit({ publishedAt: true }).nullable(),
});
export type SnapshotPointer = z.infer<typeof pointerSchema>;

const chunkSchema = z.object({ items: z.array(z.unknown()) });

export function chunkKey(generation: string, dataset: string, index: number): string {
  return key('snap', generation, dataset, String(index));
}

export function newGenerationId(now: Date, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `g${now.getTime().toString(36)}${suffix}`;
}

export async function readPointer(): Promise<SnapshotPointer | undefined> {
  return readJson(POINTER_KEY, pointerSchema);
}

/**
 * Appends items to a dataset of an unpublished generation, starting at chunk `firstChunk`. Rewriting the same
 * chunk numbers is harmless, which is what makes a resumed or duplicated sync step safe.
 */
export async function writeDatasetChunks(
  generation: string,
  dataset: string,
  firstChunk: number,
  items: readonly unknown[],
): Promise<{ chunks: number; oversized: { index: number; bytes: number }[] }> {
  const { chunks, oversized } = chunkByBytes(items);
  await writeMany(chunks.map((chunk, i) => ({ key: chunkKey(generation, dataset, firstChunk + i), value: { items: chunk } })));
  return { chunks: chunks.length, oversized };
}

/** Makes a generation the current one, then drops the one before the previous. */
export async function publishGeneration(generation: string, datasets: DatasetIndex, now: Date): Promise<void> {
  const current = await readPointer();
  const pointer: SnapshotPointer = {
    generation,
    publishedAt: now.toISOString(),
    datasets,
    previous: current ? { generation: current.generation, datasets: current.datasets } : null,
  };
  await writeJson(POINTER_KEY, pointer);
  if (current?.previous && current.previous.generation !== generation) {
    await discardGeneration(current.previous.generation, current.previous.datasets);
  }
}

export async function discardGeneration(generation: string, datasets: DatasetIndex): Promise<void> {
  const keys = Object.entries(datasets).flatMap(([dataset, info]) =>
    Array.from({ length: info.chunks }, (_, i) => chunkKey(generation, dataset, i)),
  );
  await deleteKeys(keys);
}

export interface DatasetRead<T> {
  items: T[];
  generation: string;
  publishedAt: string;
}

/**
 * Reads one dataset of the current generation, validating every item. Items that fail validation are
 * dropped and counted rather than failing the whole view.
 */
export async function readDataset<S extends z.ZodTypeAny>(
  dataset: string,
  itemSchema: S,
  pointer?: SnapshotPointer,
): Promise<(DatasetRead<z.output<S>> & { invalid: number }) | undefined> {
  const current = pointer ?? (await readPointer());
  const info = current?.datasets[dataset];
  if (!current || !info) return undefined;
  const keys = Array.from({ length: info.chunks }, (_, i) => chunkKey(current.generation, dataset, i));
  const values = await readMany(keys);
  const items: z.output<S>[] = [];
  let invalid = 0;
  for (const chunkStorageKey of keys) {
    const value = values.get(chunkStorageKey);
    if (value === undefined) {
      throw new Error(`Snapshot ${current.generation} is missing chunk "${chunkStorageKey}" of dataset "${dataset}"`);
    }
    const chunk = parseStored(chunkStorageKey, chunkSchema, value);
    for (const item of chunk.items) {
      const parsed = itemSchema.safeParse(item);
      if (parsed.success) items.push(parsed.data as z.output<S>);
      else invalid += 1;
    }
  }
  return { items, generation: current.generation, publishedAt: current.publishedAt, invalid };
}
