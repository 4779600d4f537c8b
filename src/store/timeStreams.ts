import { z } from 'zod';
import { parseStored, readMany, writeMany } from './kvsJson';
import { chunkKey, type DatasetInfo, type SnapshotPointer } from './snapshots';

/**
 * Time-ordered streams: a dataset whose chunk boundaries the writer chooses (rows newest first, a few KiB per
 * chunk), so a reader can fetch chunk n of a stream without reading the ones before it. The writer keeps the
 * chunk bounds in a directory of its own (see domain/changes/changeStreams.ts); this module only stores and
 * fetches chunks of the generation, like every other dataset.
 */
export const STREAM_CHUNK_BUDGET_BYTES = 16 * 1024;

export async function writeStreamChunks(
  generation: string,
  dataset: string,
  chunks: readonly (readonly unknown[])[],
): Promise<DatasetInfo> {
  await writeMany(chunks.map((items, c) => ({ key: chunkKey(generation, dataset, c), value: { items } })));
  return { chunks: chunks.length, count: chunks.reduce((sum, items) => sum + items.length, 0) };
}

const chunkSchema = z.object({ items: z.array(z.unknown()) });

/**
 * Reads the given chunks of the pointer's generation in one batch; answers each chunk's raw items by
 * `<dataset>#<chunk>`. A chunk the pointer does not list, or that storage lost, is an error: the directory and
 * the chunks are published together, so that means damaged data.
 */
export async function readStreamChunks(
  pointer: SnapshotPointer,
  refs: readonly { dataset: string; chunk: number }[],
): Promise<Map<string, unknown[]>> {
  const keys = refs.map((ref) => {
    const info = pointer.datasets[ref.dataset];
    if (!info || ref.chunk >= info.chunks) {
      throw new Error(`Snapshot ${pointer.generation} has no chunk ${ref.chunk} of stream "${ref.dataset}"`);
    }
    return chunkKey(pointer.generation, ref.dataset, ref.chunk);
  });
  const values = await readMany(keys);
  const out = new Map<string, unknown[]>();
  refs.forEach((ref, i) => {
    const storageKey = keys[i] as string;
    const value = values.get(storageKey);
    if (value === undefined) throw new Error(`Snapshot ${pointer.generation} is missing chunk "${storageKey}"`);
    out.set(streamChunkId(ref.dataset, ref.chunk), parseStored(storageKey, chunkSchema, value).items);
  });
  return out;
}

export function streamChunkId(dataset: string, chunk: number): string {
  return `${dataset}#${chunk}`;
}
