import {
  compareMerged,
  decodeCursor,
  encodeCursor,
  mergePage,
  planChunkReads,
  streamChunks,
  streamStarts,
  type ChunkRef,
  type PageCursor,
  type StreamEntry,
  type StreamSpec,
} from '../../../src/domain/changes/changeStreams';

interface Row {
  id: string;
  time: number;
  stream: string;
}

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');

/** Rows newest first, ids ascending on equal times: the order the sync stores them in. */
function streamRows(stream: string, times: number[]): Row[] {
  return times
    .map((time, i) => ({ id: `${stream}-${String(i).padStart(4, '0')}`, time, stream }))
    .sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : 1));
}

/** A small generation of streams: chunked by row count (each row "weighs" 1, budget = rows per chunk). */
function generation(name: string, rowsByStream: Record<string, Row[]>, rowsPerChunk: number) {
  const chunks = new Map<string, StreamEntry<Row>[]>();
  const specs: StreamSpec[] = Object.entries(rowsByStream).map(([key, rows]) => {
    const built = streamChunks(rows, (r) => r.time, () => 0, rowsPerChunk);
    built.chunks.forEach((chunk, c) => chunks.set(`${key}#${c}`, chunk.map((row) => ({ id: row.id, time: row.time, row }))));
    return { key, chunks: built.bounds };
  });
  return { name, specs, chunks };
}

type Generation = ReturnType<typeof generation>;

/** What the view loader does: plan, read, merge, read what is missing, merge again. Counts chunk reads. */
function readPage(gen: Generation, cursor: PageCursor | null, since: number, pageSize: number, options: { throughWindowEdge?: boolean } = {}) {
  const starts = streamStarts(gen.specs, cursor, gen.name);
  const loaded = new Set<string>();
  const id = (ref: ChunkRef) => `${ref.stream}#${ref.chunk}`;
  const load = (ref: ChunkRef) => (loaded.has(id(ref)) ? gen.chunks.get(id(ref)) : undefined);
  let wanted = planChunkReads(gen.specs, starts, since, pageSize, options);
  let rounds = 0;
  for (;;) {
    rounds += 1;
    for (const ref of wanted) loaded.add(id(ref));
    const merged = mergePage(gen.specs, starts, load, since, pageSize);
    if (merged.missing.length === 0) {
      const next = merged.anchor && merged.remaining.atMost > 0 ? { generation: gen.name, positions: merged.positions, anchor: merged.anchor } : null;
      return { ...merged, next, chunksRead: loaded.size, rounds };
    }
    if (rounds > 10) throw new Error('no progress');
    wanted = merged.missing;
  }
}

function mergedOrder(rowsByStream: Record<string, Row[]>, since: number): string[] {
  return Object.values(rowsByStream)
    .flat()
    .filter((row) => row.time >= since)
    .sort((a, b) => compareMerged({ time: a.time, stream: a.stream, id: a.id }, { time: b.time, stream: b.stream, id: b.id }))
    .map((row) => row.id);
}

/** Deterministic pseudo-random times: many ties, streams of very different density. */
function times(count: number, seed: number, spreadMinutes: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return NOW - (x % spreadMinutes) * MINUTE;
  });
}

describe('paging merged change streams with a cursor', () => {
  const rowsByStream = {
    'env-dev': streamRows('env-dev', times(400, 1, 60 * 24 * 60)),
    'env-prod': streamRows('env-prod', times(60, 2, 60 * 24 * 60)),
    'env-test': streamRows('env-test', times(150, 3, 30)),
  };
  const gen = generation('g1', rowsByStream, 10);
  const since = NOW - 30 * 24 * 60 * MINUTE;

  it('pages through every change of the window exactly once, newest first, across the streams', () => {
    const seen: string[] = [];
    let cursor: PageCursor | null = null;
    for (let page = 0; page < 200; page += 1) {
      const result = readPage(gen, cursor, since, 20);
      seen.push(...result.rows.map((r) => r.id));
      if (!result.next) break;
      cursor = decodeCursor(encodeCursor(result.next));
    }
    expect(seen).toEqual(mergedOrder(rowsByStream, since));
  });

  it('reads only the chunks a page needs, in one round, whatever the history length', () => {
    const first = readPage(gen, null, since, 20);
    expect(first.rounds).toBe(1);
    const totalChunks = gen.specs.reduce((sum, s) => sum + s.chunks.length, 0);
    expect(totalChunks).toBeGreaterThan(60);
    expect(first.chunksRead).toBeLessThanOrEqual(6);
  });

  it('skips a stream whose newest change is older than a full page of the others', () => {
    const quiet = { 'env-busy': streamRows('env-busy', Array.from({ length: 100 }, (_, i) => NOW - i * MINUTE)), 'env-quiet': streamRows('env-quiet', [NOW - 20 * 24 * 60 * MINUTE]) };
    const result = readPage(generation('g2', quiet, 10), null, since, 20);
    expect(result.rows.every((r) => r.stream === 'env-busy')).toBe(true);
    expect(result.chunksRead).toBe(2);
  });

  it('stops at the start of the time window and says nothing older is left', () => {
    const narrow = NOW - 60 * MINUTE;
    const all: string[] = [];
    let cursor: PageCursor | null = null;
    for (;;) {
      const result = readPage(gen, cursor, narrow, 25);
      all.push(...result.rows.map((r) => r.id));
      if (!result.next) {
        expect(result.remaining).toEqual({ atLeast: 0, atMost: 0 });
        break;
      }
      cursor = result.next;
    }
    expect(all).toEqual(mergedOrder(rowsByStream, narrow));
  });

  it('counts the older changes left in the window: a range from the directory, exact when the window edge is read', () => {
    const expectedLeft = mergedOrder(rowsByStream, since).length - 20;
    const approximate = readPage(gen, null, since, 20);
    expect(approximate.remaining.atLeast).toBeLessThanOrEqual(expectedLeft);
    expect(approximate.remaining.atMost).toBeGreaterThanOrEqual(expectedLeft);
    const exact = readPage(gen, null, since, 20, { throughWindowEdge: true });
    expect(exact.remaining).toEqual({ atLeast: expectedLeft, atMost: expectedLeft });
    expect(exact.rows).toEqual(approximate.rows);
  });

  it('orders changes at the same second by environment, then id, even across chunk boundaries', () => {
    const tied = {
      b: streamRows('b', Array(25).fill(NOW - MINUTE)),
      a: streamRows('a', Array(25).fill(NOW - MINUTE)),
    };
    const g = generation('g3', tied, 4);
    const seen: string[] = [];
    let cursor: PageCursor | null = null;
    for (let i = 0; i < 20; i += 1) {
      const result = readPage(g, cursor, since, 7);
      seen.push(...result.rows.map((r) => r.id));
      if (!result.next) break;
      cursor = result.next;
    }
    expect(seen).toEqual([...tied.a.map((r) => r.id), ...tied.b.map((r) => r.id)]);
  });

  it('continues after the last change shown when a new sync was published between pages: no repeats, no gaps', () => {
    const first = readPage(gen, null, since, 20);
    const newer = {
      'env-dev': streamRows('env-dev', [...times(400, 1, 60 * 24 * 60), NOW + MINUTE, NOW + 2 * MINUTE]),
      'env-prod': rowsByStream['env-prod'],
      'env-test': rowsByStream['env-test'],
    };
    // Same ids for the old rows (streamRows numbers by input order and the new times come last).
    const g2 = generation('g-next', newer, 7);
    const seen = first.rows.map((r) => r.id);
    let cursor: PageCursor | null = first.next;
    for (let page = 0; page < 200 && cursor; page += 1) {
      const result = readPage(g2, cursor, since, 20);
      seen.push(...result.rows.map((r) => r.id));
      cursor = result.next;
    }
    expect(seen).toEqual(mergedOrder(rowsByStream, since));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('starts a stream the cursor does not know (an environment added to the macro) after the anchor', () => {
    const first = readPage(gen, null, since, 20);
    const cursor = first.next as PageCursor;
    const { ['env-dev']: _dropped, ...positions } = cursor.positions;
    const second = readPage(gen, { ...cursor, positions }, since, 20);
    const expected = mergedOrder(rowsByStream, since).slice(20, 40);
    expect(second.rows.map((r) => r.id)).toEqual(expected);
  });

  it('answers an empty page and no cursor for environments without changes', () => {
    const empty = generation('g4', { x: [] }, 10);
    expect(readPage(empty, null, since, 20)).toMatchObject({ rows: [], next: null, remaining: { atLeast: 0, atMost: 0 } });
  });

  it('pages correctly for many shapes of history: stream counts, densities, chunk and page sizes', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const streamCount = 1 + (seed % 4);
      const shaped: Record<string, Row[]> = {};
      for (let s = 0; s < streamCount; s += 1) {
        const key = `env-${(seed * 7 + s) % 5}-${s}`;
        shaped[key] = streamRows(key, times((seed * 13 + s * 29) % 90, seed * 31 + s, s === 0 ? 20 : 60 * 24 * 40));
      }
      const g = generation(`gs${seed}`, shaped, 1 + (seed % 12));
      const pageSize = 1 + ((seed * 5) % 30);
      const seen: string[] = [];
      let cursor: PageCursor | null = null;
      for (let page = 0; page < 500; page += 1) {
        const result = readPage(g, cursor, since, pageSize);
        const expectedLeft = mergedOrder(shaped, since).length - seen.length - result.rows.length;
        expect(result.remaining.atLeast).toBeLessThanOrEqual(expectedLeft);
        expect(result.remaining.atMost).toBeGreaterThanOrEqual(expectedLeft);
        seen.push(...result.rows.map((r) => r.id));
        if (!result.next) break;
        cursor = result.next;
      }
      expect(seen).toEqual(mergedOrder(shaped, since));
    }
  });

  it('refuses a cursor it did not make', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: 2, g: 'g', p: {}, a: [1, 's', 'i'] })).toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: 1, g: 'g', p: { s: -1 }, a: [1, 's', 'i'] })).toString('base64url'))).toBeNull();
  });

  it('round-trips a cursor', () => {
    const cursor: PageCursor = { generation: 'g1', positions: { 'env/é': 3 }, anchor: { time: NOW, stream: 'env/é', id: 'chg-1' } };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
});
