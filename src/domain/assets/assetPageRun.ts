/**
 * Runs an asset page plan: one stream per source, merged in sort order (sort strings are unique across sources), each
 * row checked against the filters, until the page is full plus one row to know there is more, or the query budget is
 * spent. Pure: index reads are injected, so the store runs it on entity queries and tests on arrays.
 *
 * A page that spends the budget before filling returns `partial` with the exact position it examined up to: every
 * asset before it was looked at, so the next page resumes there without skipping or repeating anything.
 */
import type { AssetSortOrder } from '../../shared/assetLifecycleContract';
import type { AssetIndexName, AssetRecord, SortAttribute } from './assetRecord';
import { rangeAfter, rangeIsEmpty, type AssetPagePlan, type SortRange, type StreamPlan } from './assetPagePlan';

/** Forge returns at most this many items per query. */
export const QUERY_LIMIT = 20;
/** Entity queries one page may make. */
export const PAGE_QUERY_BUDGET = 40;
/** Queries a source's in-memory sort may spend reading its partition (SMALL_PARTITION / 20, with room for stale counts). */
const COLLECT_QUERY_CAP = 30;

export interface IndexRead {
  index: AssetIndexName;
  partition: string[];
  range: SortRange;
  order: AssetSortOrder;
  limit: number;
  cursor: string | null;
}

/** `records` must lie within `range`, in `order`; `cursor` null when the index has nothing more. */
export type ReadIndex = (read: IndexRead) => Promise<{ records: AssetRecord[]; cursor: string | null }>;

export interface PageRun {
  rows: AssetRecord[];
  /** The position to resume after, null when nothing follows. */
  next: string | null;
  partial: boolean;
  reads: number;
}

class Budget {
  used = 0;
  constructor(readonly total: number) {}
  get left(): number {
    return this.total - this.used;
  }
}

interface Stream {
  buffer: AssetRecord[];
  exhausted: boolean;
  fetch(need: number): Promise<void>;
}

function orderedStream(plan: StreamPlan, order: AssetSortOrder, after: string | null, readIndex: ReadIndex, budget: Budget): Stream {
  const range = rangeAfter(plan.range, after, order);
  let cursor: string | null = null;
  const stream: Stream = {
    buffer: [],
    exhausted: rangeIsEmpty(range),
    async fetch(need) {
      budget.used++;
      const limit = plan.exact ? Math.min(QUERY_LIMIT, Math.max(1, need)) : QUERY_LIMIT;
      const page = await readIndex({ index: plan.index, partition: plan.partition, range, order, limit, cursor });
      stream.buffer.push(...page.records);
      cursor = page.cursor;
      if (cursor === null) stream.exhausted = true;
    },
  };
  return stream;
}

/**
 * Reads a whole (small) partition, keeps the matches, sorts them in memory. Answers null when the partition is larger
 * than the cap allows (its count was stale): the caller falls back to the ordered plan.
 */
async function collectStream(
  plan: StreamPlan,
  sortAttribute: SortAttribute,
  order: AssetSortOrder,
  after: string | null,
  readIndex: ReadIndex,
  budget: Budget,
  reserve: number,
  matches: (record: AssetRecord) => boolean,
): Promise<Stream | null> {
  const kept: AssetRecord[] = [];
  let cursor: string | null = null;
  let queries = 0;
  do {
    if (queries === COLLECT_QUERY_CAP || budget.left <= reserve) return null;
    queries++;
    budget.used++;
    const page = await readIndex({ index: plan.index, partition: plan.partition, range: plan.range, order: 'ASC', limit: QUERY_LIMIT, cursor });
    kept.push(...page.records.filter(matches));
    cursor = page.cursor;
  } while (cursor !== null);
  const value = (record: AssetRecord) => record[sortAttribute] ?? '';
  const sorted = kept
    .filter((record) => after === null || (order === 'ASC' ? value(record) > after : value(record) < after))
    .sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
  if (order === 'DESC') sorted.reverse();
  return { buffer: sorted, exhausted: true, fetch: async () => undefined };
}

export async function runAssetPage(
  plan: AssetPagePlan,
  options: { after: string | null; pageSize: number; readIndex: ReadIndex; matches: (record: AssetRecord) => boolean; budget?: number },
): Promise<PageRun> {
  const { after, pageSize, readIndex, matches } = options;
  const { sortAttribute, order } = plan;
  const budget = new Budget(options.budget ?? PAGE_QUERY_BUDGET);
  // In-memory sorts run only if the budget affords their estimated reads and still leaves a query per stream.
  let reserved = 0;
  const affordable = plan.streams.map((streamPlan) => {
    if (streamPlan.mode !== 'collect') return false;
    const cost = Math.ceil((streamPlan.estimate ?? Number.POSITIVE_INFINITY) / QUERY_LIMIT) + 1;
    if (reserved + cost > budget.total - plan.streams.length) return false;
    reserved += cost;
    return true;
  });
  const reserve = plan.streams.length;
  const streams = await Promise.all(
    plan.streams.map(async (streamPlan, i) => {
      if (affordable[i]) {
        const collected = await collectStream(streamPlan, sortAttribute, order, after, readIndex, budget, reserve, matches);
        if (collected) return collected;
      }
      return orderedStream(streamPlan.mode === 'collect' ? (streamPlan.fallback as StreamPlan) : streamPlan, order, after, readIndex, budget);
    }),
  );
  const value = (record: AssetRecord) => record[sortAttribute] ?? '';
  const first = (a: AssetRecord, b: AssetRecord) => (order === 'ASC' ? value(a) < value(b) : value(a) > value(b));

  const rows: AssetRecord[] = [];
  let examined: string | null = null;
  for (;;) {
    const needing = streams.filter((stream) => stream.buffer.length === 0 && !stream.exhausted);
    if (needing.length > 0) {
      if (budget.left < needing.length) break;
      await Promise.all(needing.map((stream) => stream.fetch(pageSize + 1 - rows.length)));
      continue;
    }
    let best: Stream | null = null;
    for (const stream of streams) {
      const head = stream.buffer[0];
      if (head && (!best || first(head, best.buffer[0] as AssetRecord))) best = stream;
    }
    if (!best) return { rows, next: null, partial: false, reads: budget.used };
    const record = best.buffer.shift() as AssetRecord;
    if (!matches(record)) {
      examined = value(record);
      continue;
    }
    if (rows.length === pageSize) return { rows, next: value(rows[rows.length - 1] as AssetRecord), partial: false, reads: budget.used };
    rows.push(record);
    examined = value(record);
  }
  // The budget ran out: a full page resumes after its last row, a short one after what it examined.
  if (rows.length === pageSize) return { rows, next: value(rows[rows.length - 1] as AssetRecord), partial: false, reads: budget.used };
  return { rows, next: examined ?? after, partial: true, reads: budget.used };
}
