/**
 * One sorted index of the custom entity store: entries ordered by (range value, entity key), kept in blocks of at most
 * BLOCK_SIZE sorted entries so an insert or delete moves a block, never the whole index (100k+ entries stay cheap),
 * and a seek is two binary searches.
 */
export type RangeValue = string | number | boolean;

export interface IndexEntry {
  value: RangeValue;
  key: string;
}

const BLOCK_SIZE = 512;

/** The order of a range value: numbers numerically, booleans false < true, strings by code point (UTF-8 byte order). */
export function compareRangeValues(a: RangeValue, b: RangeValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  // Mixed types cannot share an index (the schema fixes one type); order by type name to stay total.
  return typeof a < typeof b ? -1 : 1;
}

export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 orders surrogates (U+D800-DFFF) below U+E000-FFFF; code point order puts them (astral planes) above.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return compareRangeValues(a.value, b.value) || compareCodePoints(a.key, b.key);
}

/** A position between entries: before every entry for which `isBefore` holds. */
type IsBefore = (entry: IndexEntry) => boolean;

export class SortedIndex {
  private blocks: IndexEntry[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  insert(entry: IndexEntry): void {
    if (this.blocks.length === 0) {
      this.blocks.push([entry]);
      this.count = 1;
      return;
    }
    const [blockIndex, offset] = this.seek((existing) => compareEntries(existing, entry) < 0);
    const b = Math.min(blockIndex, this.blocks.length - 1);
    const block = this.blocks[b] as IndexEntry[];
    block.splice(blockIndex === b ? offset : block.length, 0, entry);
    this.count++;
    if (block.length > BLOCK_SIZE) this.blocks.splice(b, 1, block.slice(0, block.length >> 1), block.slice(block.length >> 1));
  }

  remove(entry: IndexEntry): boolean {
    const [blockIndex, offset] = this.seek((existing) => compareEntries(existing, entry) < 0);
    const block = this.blocks[blockIndex];
    const found = block?.[offset];
    if (!block || !found || compareEntries(found, entry) !== 0) return false;
    block.splice(offset, 1);
    if (block.length === 0) this.blocks.splice(blockIndex, 1);
    this.count--;
    return true;
  }

  /** Entries from the first one not `isBefore`, ascending. */
  *ascendingFrom(isBefore: IsBefore): Generator<IndexEntry> {
    let [b, i] = this.seek(isBefore);
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b] as IndexEntry[];
      for (; i < block.length; i++) yield block[i] as IndexEntry;
    }
  }

  /** Entries from the last one that is `isBefore`, descending. */
  *descendingFrom(isBefore: IsBefore): Generator<IndexEntry> {
    let [b, i] = this.seek(isBefore);
    i--;
    if (i < 0) {
      b--;
      i = (this.blocks[b]?.length ?? 0) - 1;
    }
    for (; b >= 0; b--) {
      const block = this.blocks[b] as IndexEntry[];
      if (i >= block.length) i = block.length - 1;
      for (; i >= 0; i--) yield block[i] as IndexEntry;
      i = (this.blocks[b - 1]?.length ?? 0) - 1;
    }
  }

  /** [block, offset] of the first entry not `isBefore` (blocks.length, 0 past the end). */
  private seek(isBefore: IsBefore): [number, number] {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const block = this.blocks[mid] as IndexEntry[];
      if (isBefore(block[block.length - 1] as IndexEntry)) low = mid + 1;
      else high = mid;
    }
    if (low === this.blocks.length) return [low, 0];
    const block = this.blocks[low] as IndexEntry[];
    let lo = 0;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isBefore(block[mid] as IndexEntry)) lo = mid + 1;
      else hi = mid;
    }
    return [low, lo];
  }
}
