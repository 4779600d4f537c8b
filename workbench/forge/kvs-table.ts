/**
 * One KVS namespace (plain values or secrets): a Map for lookups plus a sorted key array for beginsWith paging,
 * persisted through a Journal. Values are held as JSON text, the form they travel in.
 */
import { Journal, type SnapshotLine } from './journal';

export interface KvsEntry {
  valueJson: string;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

interface SetHeader {
  k: string;
  c: number;
  u: number;
  e?: number;
}

/** Per-entry overhead of a journal line besides key and value, close enough for the compaction ratio. */
const LINE_OVERHEAD = 48;

export class KvsTable {
  private readonly entries = new Map<string, KvsEntry>();
  private sortedKeys: string[] = [];
  private liveBytes = 0;
  private journal: Journal | null = null;

  private constructor(private readonly now: () => number) {}

  static async open(file: string, now: () => number, fileMode?: number): Promise<KvsTable> {
    const table = new KvsTable(now);
    const loaded = new Map<string, KvsEntry>();
    table.journal = await Journal.open(
      file,
      (header, payload) => {
        const record = header as Partial<SetHeader> & { d?: string; clear?: boolean };
        if (record.clear) loaded.clear();
        else if (typeof record.d === 'string') loaded.delete(record.d);
        else if (typeof record.k === 'string' && payload !== undefined) {
          loaded.set(record.k, { valueJson: payload, createdAt: record.c ?? 0, updatedAt: record.u ?? 0, expireAt: record.e });
        }
      },
      { fileMode },
    );
    for (const [key, entry] of loaded) {
      table.entries.set(key, entry);
      table.liveBytes += entryBytes(key, entry);
    }
    table.sortedKeys = [...loaded.keys()].sort(compareKeys);
    table.journal.compactIfWasteful(table.liveBytes, () => table.snapshot());
    return table;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): KvsEntry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expireAt !== undefined && entry.expireAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, valueJson: string, expireAt?: number): KvsEntry {
    const previous = this.entries.get(key);
    const time = this.now();
    const entry: KvsEntry = { valueJson, createdAt: previous?.createdAt ?? time, updatedAt: time, expireAt };
    if (previous) this.liveBytes -= entryBytes(key, previous);
    else this.sortedKeys.splice(this.lowerBound(key), 0, key);
    this.entries.set(key, entry);
    this.liveBytes += entryBytes(key, entry);
    const header: SetHeader = { k: key, c: entry.createdAt, u: entry.updatedAt, ...(expireAt === undefined ? {} : { e: expireAt }) };
    this.journal?.append(header, valueJson);
    this.compactIfWasteful();
    return entry;
  }

  delete(key: string): boolean {
    const previous = this.entries.get(key);
    if (!previous) return false;
    this.entries.delete(key);
    this.sortedKeys.splice(this.lowerBound(key), 1);
    this.liveBytes -= entryBytes(key, previous);
    this.journal?.append({ d: key });
    this.compactIfWasteful();
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.sortedKeys = [];
    this.liveBytes = 0;
    this.journal?.compact([]);
  }

  /** Live keys starting with `prefix`, in key order, strictly after `after`, at most `limit` (+1 to detect more). */
  keysFrom(prefix: string, after: string | undefined, limit: number): string[] {
    const start = after !== undefined && compareKeys(after, prefix) >= 0 ? this.upperBound(after) : this.lowerBound(prefix);
    const result: string[] = [];
    for (let i = start; i < this.sortedKeys.length && result.length < limit; i++) {
      const key = this.sortedKeys[i] as string;
      if (!key.startsWith(prefix)) break;
      if (this.get(key)) result.push(key);
      else i--; // get() purged an expired key, shifting the array left
    }
    return result;
  }

  flush(): void {
    this.journal?.flush();
  }

  close(): void {
    this.journal?.close();
    this.journal = null;
  }

  private compactIfWasteful(): void {
    this.journal?.compactIfWasteful(this.liveBytes, () => this.snapshot());
  }

  private *snapshot(): Iterable<SnapshotLine> {
    for (const key of this.sortedKeys) {
      const entry = this.entries.get(key) as KvsEntry;
      const header: SetHeader = { k: key, c: entry.createdAt, u: entry.updatedAt, ...(entry.expireAt === undefined ? {} : { e: entry.expireAt }) };
      yield [header, entry.valueJson];
    }
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.sortedKeys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(this.sortedKeys[mid] as string, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private upperBound(key: string): number {
    let low = 0;
    let high = this.sortedKeys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(this.sortedKeys[mid] as string, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entryBytes(key: string, entry: KvsEntry): number {
  return key.length + entry.valueJson.length + LINE_OVERHEAD;
}
