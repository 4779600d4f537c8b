/**
 * "What changed before it broke?": the change events of the failing environment in the hours before the failure was
 * first seen. The change summary keeps each environment's changes as a newest-first stream in chunks with known time
 * bounds (domain/changes/changeStreams.ts), so only the chunks overlapping the window are read.
 */
import type { ChunkBounds } from '../changes/changeStreams';
import type { ChangeRow } from '../../shared/changeSummaryContract';

export const CHANGE_LOOKBACK_HOURS = 48;
/** An incident page lists at most this many changes (newest first) and says how many more there were. */
export const CHANGES_SHOWN = 50;

export interface ChangeWindow {
  /** Milliseconds since the epoch, inclusive. */
  from: number;
  to: number;
}

/** The window before a failure first seen at `firstSeenAt`; null when that time is unknown or unreadable. */
export function changeWindowBefore(firstSeenAt: string | null, hours = CHANGE_LOOKBACK_HOURS): ChangeWindow | null {
  const to = firstSeenAt ? Date.parse(firstSeenAt) : Number.NaN;
  if (Number.isNaN(to)) return null;
  return { from: to - hours * 3_600_000, to };
}

/** Indexes of the stream chunks (bounds: newest, oldest, count) that may hold a change inside the window. */
export function chunksCovering(chunks: readonly ChunkBounds[], window: ChangeWindow): number[] {
  const picked: number[] = [];
  chunks.forEach(([newest, oldest], index) => {
    if (newest >= window.from && oldest <= window.to) picked.push(index);
  });
  return picked;
}

/** The changes inside the window, newest first, de-duplicated by id; at most `limit`, with the count left out. */
export function changesInWindow(rows: readonly ChangeRow[], window: ChangeWindow, limit = CHANGES_SHOWN): { changes: ChangeRow[]; omitted: number } {
  const seen = new Set<string>();
  const inside = rows
    .filter((row) => {
      const time = Date.parse(row.occurredAt);
      if (Number.isNaN(time) || time < window.from || time > window.to || seen.has(row.id)) return false;
      seen.add(row.id);
      return true;
    })
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { changes: inside.slice(0, limit), omitted: Math.max(0, inside.length - limit) };
}
