import { z } from 'zod';
import type { RemainingCount } from '../../shared/changeSummaryContract';

/**
 * Paging through long change histories without reading them whole.
 *
 * The sync stores each environment's changes as one *stream*: rows newest first, cut into small chunks, and a
 * *directory* with, per chunk, the newest and oldest time and the number of rows. A page is a merge of the
 * selected environments' streams, newest first. From the directory alone we can tell which chunks a page may
 * need (planChunkReads), so a render reads the directory plus a few chunks whatever the history's length.
 *
 * Order: newest first; equal times by stream key, then by change id (plain string comparison). Within a
 * stream that is the order rows are stored in, so the merge never has to look back.
 *
 * "Older changes" uses a cursor: the generation it was made on, the position reached in each stream, and the
 * last change shown (the anchor). On the same generation the positions are exact. After a new sync has been
 * published the positions mean nothing (new changes are on top of every stream), so each stream is re-entered
 * after the anchor instead: nothing is shown twice and nothing older is skipped.
 */

/** Per chunk: newest time, oldest time (ms since the epoch), row count. */
export const chunkBoundsSchema = z.tuple([z.number(), z.number(), z.number().int().nonnegative()]);
export type ChunkBounds = z.infer<typeof chunkBoundsSchema>;

/** One stream of the directory: an environment and its chunks. Short keys: it is read on every render. */
export const streamDirectoryEntrySchema = z.object({
  /** Environment id: the stream key. */
  e: z.string(),
  /** Environment name, stage, production flag: what the view and its config panel show and filter by. */
  n: z.string(),
  st: z.string(),
  p: z.boolean(),
  k: z.array(chunkBoundsSchema),
});
export type StreamDirectoryEntry = z.infer<typeof streamDirectoryEntrySchema>;

export interface StreamSpec {
  key: string;
  chunks: readonly ChunkBounds[];
}

export interface ChunkRef {
  stream: string;
  chunk: number;
}

/** A stored row as the merge sees it; `row` is null for a row that no longer validates (skipped, but counted). */
export interface StreamEntry<R> {
  id: string;
  time: number;
  row: R | null;
}

export interface Anchor {
  time: number;
  stream: string;
  id: string;
}

export interface PageCursor {
  generation: string;
  positions: Record<string, number>;
  anchor: Anchor;
}

/** Where a stream's page starts: an exact row position, or "after the anchor" from a chunk on. */
export type StreamStart = { chunk: number; offset: number } | { chunk: number; after: Anchor };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes first (is newer) in the merged order. */
export function compareMerged(a: Anchor, b: Anchor): number {
  return b.time - a.time || compareText(a.stream, b.stream) || compareText(a.id, b.id);
}

function isAfter(entry: { time: number; id: string }, stream: string, anchor: Anchor): boolean {
  return compareMerged({ time: entry.time, stream, id: entry.id }, anchor) > 0;
}

/**
 * Cuts a stream (rows already newest first) into chunks by a byte budget and answers the directory bounds.
 * `sizeOf` is the stored size of one row; the caller decides the budget.
 */
export function streamChunks<R>(rows: readonly R[], timeOf: (row: R) => number, sizeOf: (row: R) => number, budgetBytes: number) {
  const chunks: R[][] = [];
  let current: R[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = sizeOf(row) + 1;
    if (current.length > 0 && bytes + size > budgetBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  const bounds: ChunkBounds[] = chunks.map((chunk) => [timeOf(chunk[0] as R), timeOf(chunk[chunk.length - 1] as R), chunk.length]);
  return { chunks, bounds };
}

function chunkStarts(chunks: readonly ChunkBounds[]): number[] {
  const starts: number[] = [];
  let total = 0;
  for (const [, , count] of chunks) {
    starts.push(total);
    total += count;
  }
  return starts;
}

/** Where each stream starts for a page; streams with nothing left are absent. */
export function streamStarts(streams: readonly StreamSpec[], cursor: PageCursor | null, generation: string): Map<string, StreamStart> {
  const starts = new Map<string, StreamStart>();
  for (const stream of streams) {
    if (stream.chunks.length === 0) continue;
    if (!cursor) {
      starts.set(stream.key, { chunk: 0, offset: 0 });
      continue;
    }
    const position = cursor.generation === generation ? cursor.positions[stream.key] : undefined;
    if (position !== undefined) {
      const firsts = chunkStarts(stream.chunks);
      let chunk = -1;
      for (let c = 0; c < stream.chunks.length; c += 1) if ((firsts[c] as number) <= position) chunk = c;
      const bounds = stream.chunks[chunk];
      if (chunk >= 0 && bounds && position < (firsts[chunk] as number) + bounds[2]) {
        starts.set(stream.key, { chunk, offset: position - (firsts[chunk] as number) });
      }
      continue;
    }
    // Chunks whose oldest row is newer than the anchor hold only rows already shown.
    const chunk = stream.chunks.findIndex(([, oldest]) => oldest <= cursor.anchor.time);
    if (chunk >= 0) starts.set(stream.key, { chunk, after: cursor.anchor });
  }
  return starts;
}

/**
 * The chunks a page of `pageSize` rows at or after `since` may draw from, decided from the directory alone.
 *
 * Chunks are considered newest first (by their newest row). A chunk can be left out once the chunks already
 * chosen hold at least `pageSize` rows strictly newer than its newest row: none of its rows can make the page,
 * nor can any later chunk's. Only rows known to be there count (for a start "after the anchor" the first
 * chunk's rows count as none), so the plan errs on reading one chunk too many, never one too few.
 *
 * With `throughWindowEdge`, each stream's chunk that straddles `since` is read too, which makes the count of
 * older changes exact (exports want it; a render can say "about").
 */
export function planChunkReads(
  streams: readonly StreamSpec[],
  starts: ReadonlyMap<string, StreamStart>,
  since: number,
  pageSize: number,
  options: { throughWindowEdge?: boolean } = {},
): ChunkRef[] {
  interface Candidate extends ChunkRef {
    newest: number;
    oldest: number;
    known: number;
  }
  const candidates: Candidate[] = [];
  const edges: ChunkRef[] = [];
  for (const stream of streams) {
    const start = starts.get(stream.key);
    if (!start) continue;
    for (let c = start.chunk; c < stream.chunks.length; c += 1) {
      const [newest, oldest, count] = stream.chunks[c] as ChunkBounds;
      if (newest < since) break;
      const known = c !== start.chunk ? count : 'offset' in start ? count - start.offset : 0;
      candidates.push({ stream: stream.key, chunk: c, newest, oldest, known });
      if (oldest < since) {
        edges.push({ stream: stream.key, chunk: c });
        break;
      }
    }
  }
  candidates.sort((a, b) => b.newest - a.newest || compareText(a.stream, b.stream) || a.chunk - b.chunk);
  const picked: Candidate[] = [];
  for (const candidate of candidates) {
    const surelyNewer = picked.reduce((sum, p) => (p.oldest > candidate.newest ? sum + p.known : sum), 0);
    if (surelyNewer >= pageSize) break;
    picked.push(candidate);
  }
  const refs: ChunkRef[] = picked.map(({ stream, chunk }) => ({ stream, chunk }));
  if (options.throughWindowEdge) {
    for (const edge of edges) if (!refs.some((r) => r.stream === edge.stream && r.chunk === edge.chunk)) refs.push(edge);
  }
  return refs;
}

export interface MergedPage<R> {
  rows: R[];
  /** Chunks the merge needed but was not given: read them and merge again. Empty when the page is complete. */
  missing: ChunkRef[];
  /** Each stream's position after the page, where it is known exactly. */
  positions: Record<string, number>;
  /** The last row taken, for the next page's cursor; null when the page is empty. */
  anchor: Anchor | null;
  remaining: RemainingCount;
}

interface StreamState {
  spec: StreamSpec;
  chunk: number;
  offset: number;
  /** Set while the stream still has to skip rows up to the anchor (its offset is not known yet). */
  after: Anchor | null;
}

/**
 * Merges one page from the loaded chunks. `load(ref)` answers a chunk's entries, or undefined when it was not
 * read; the merge asks for what it misses rather than guessing.
 */
export function mergePage<R>(
  streams: readonly StreamSpec[],
  starts: ReadonlyMap<string, StreamStart>,
  load: (ref: ChunkRef) => readonly StreamEntry<R>[] | undefined,
  since: number,
  pageSize: number,
): MergedPage<R> {
  const states: StreamState[] = [];
  for (const spec of streams) {
    const start = starts.get(spec.key);
    if (!start) continue;
    states.push({ spec, chunk: start.chunk, offset: 'offset' in start ? start.offset : 0, after: 'after' in start ? start.after : null });
  }

  type Head = { kind: 'row'; entry: StreamEntry<R> } | { kind: 'unread'; bound: number } | { kind: 'done' };
  const head = (state: StreamState): Head => {
    for (;;) {
      const bounds = state.spec.chunks[state.chunk];
      if (!bounds || bounds[0] < since) return { kind: 'done' };
      const entries = load({ stream: state.spec.key, chunk: state.chunk });
      if (!entries) return { kind: 'unread', bound: bounds[0] };
      const entry = entries[state.offset];
      if (!entry) {
        state.chunk += 1;
        state.offset = 0;
        continue;
      }
      if (state.after) {
        if (!isAfter(entry, state.spec.key, state.after)) {
          state.offset += 1;
          continue;
        }
        state.after = null;
      }
      return entry.time < since ? { kind: 'done' } : { kind: 'row', entry };
    }
  };

  const rows: R[] = [];
  const missing: ChunkRef[] = [];
  let anchor: Anchor | null = null;
  let taken = 0;
  while (taken < pageSize) {
    let best: { state: StreamState; entry: StreamEntry<R> } | null = null;
    const unread: { state: StreamState; bound: number }[] = [];
    for (const state of states) {
      const h = head(state);
      if (h.kind === 'unread') unread.push({ state, bound: h.bound });
      else if (h.kind === 'row') {
        const candidate = { time: h.entry.time, stream: state.spec.key, id: h.entry.id };
        if (!best || compareMerged(candidate, { time: best.entry.time, stream: best.state.spec.key, id: best.entry.id }) < 0) {
          best = { state, entry: h.entry };
        }
      }
    }
    // An unread chunk whose newest row could come before the best known row might hold the next row.
    const blocking = unread.filter(
      (u) => !best || u.bound > best.entry.time || (u.bound === best.entry.time && compareText(u.state.spec.key, best.state.spec.key) < 0),
    );
    if (blocking.length > 0) {
      missing.push(...blocking.map((u) => ({ stream: u.state.spec.key, chunk: u.state.chunk })));
      break;
    }
    if (!best) break;
    if (best.entry.row !== null) rows.push(best.entry.row);
    anchor = { time: best.entry.time, stream: best.state.spec.key, id: best.entry.id };
    best.state.offset += 1;
    taken += 1;
  }

  const positions: Record<string, number> = {};
  const remaining: RemainingCount = { atLeast: 0, atMost: 0 };
  for (const state of states) {
    if (missing.length === 0 && !state.after) {
      positions[state.spec.key] = (chunkStarts(state.spec.chunks)[state.chunk] ?? totalOf(state.spec)) + state.offset;
    }
    const left = remainingIn(state, load, since);
    remaining.atLeast += left.atLeast;
    remaining.atMost += left.atMost;
  }
  return { rows, missing, positions, anchor, remaining };
}

function totalOf(spec: StreamSpec): number {
  return spec.chunks.reduce((sum, [, , count]) => sum + count, 0);
}

function remainingIn<R>(state: StreamState, load: (ref: ChunkRef) => readonly StreamEntry<R>[] | undefined, since: number): RemainingCount {
  let atLeast = 0;
  let atMost = 0;
  for (let c = state.chunk; c < state.spec.chunks.length; c += 1) {
    const [newest, oldest, count] = state.spec.chunks[c] as ChunkBounds;
    if (newest < since) break;
    const first = c === state.chunk ? state.offset : 0;
    const exactStart = c !== state.chunk || !state.after;
    const entries = load({ stream: state.spec.key, chunk: c });
    if (entries) {
      const inWindow = entries
        .slice(first)
        .filter((entry) => entry.time >= since && (!state.after || c !== state.chunk || isAfter(entry, state.spec.key, state.after))).length;
      atLeast += inWindow;
      atMost += inWindow;
      if (oldest < since) break;
      continue;
    }
    if (oldest >= since) {
      atLeast += exactStart ? count - first : 0;
      atMost += count - first;
      continue;
    }
    // The chunk straddles the window's start: its first row is in the window, how many more is not known.
    atLeast += exactStart && first === 0 ? 1 : 0;
    atMost += count - first;
    break;
  }
  return { atLeast, atMost };
}

const cursorSchema = z.object({
  v: z.literal(1),
  g: z.string().min(1).max(200),
  p: z.record(z.number().int().nonnegative()),
  a: z.tuple([z.number(), z.string(), z.string()]),
});

export function encodeCursor(cursor: PageCursor): string {
  const wire: z.infer<typeof cursorSchema> = {
    v: 1,
    g: cursor.generation,
    p: cursor.positions,
    a: [cursor.anchor.time, cursor.anchor.stream, cursor.anchor.id],
  };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

/** The cursor, or null when the text is not one this app made. */
export function decodeCursor(text: string): PageCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const [time, stream, id] = parsed.data.a;
    return { generation: parsed.data.g, positions: parsed.data.p, anchor: { time, stream, id } };
  } catch {
    return null;
  }
}
