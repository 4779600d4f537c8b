/**
 * Splits a list into chunks whose JSON stays under the KVS value limit (240 KiB). The budget leaves room for
 * the chunk envelope and for the storage service's own accounting, so a chunk that fits here fits in KVS.
 */
export const KVS_VALUE_LIMIT_BYTES = 240 * 1024;
export const CHUNK_BUDGET_BYTES = 200 * 1024;

export interface Chunking<T> {
  chunks: T[][];
  /** Items that alone exceed the budget: reported, never stored half. */
  oversized: { index: number; bytes: number }[];
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * `budget` is the size a chunk aims for; an item larger than the budget but within `hardLimit` gets a chunk of
 * its own, and only items beyond `hardLimit` are reported as oversized.
 */
export function chunkByBytes<T>(items: readonly T[], budget = CHUNK_BUDGET_BYTES, hardLimit = CHUNK_BUDGET_BYTES): Chunking<T> {
  const chunks: T[][] = [];
  const oversized: { index: number; bytes: number }[] = [];
  let current: T[] = [];
  let currentBytes = 2; // the surrounding []
  items.forEach((item, index) => {
    const bytes = jsonBytes(item) + 1; // the separating comma
    if (bytes > hardLimit) {
      oversized.push({ index, bytes });
      return;
    }
    if (currentBytes + bytes > budget && current.length > 0) {
      chunks.push(current);
      current = [];
      currentBytes = 2;
    }
    current.push(item);
    currentBytes += bytes;
  });
  if (current.length > 0) chunks.push(current);
  return { chunks, oversized };
}
