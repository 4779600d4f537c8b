/**
 * The simulator's paging: `limit` 1..500 (default 100) and opaque cursors that carry the offset and a fingerprint of
 * the filters, so a cursor replayed against other filters is refused instead of silently skipping items.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

export type PagingRequest = { ok: true; limit: number; offset: number } | { ok: false; parameter: 'limit' | 'cursor'; detail: string };

export function readPaging(query: URLSearchParams, filterKey: string): PagingRequest {
  const rawLimit = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== null) {
    limit = /^\d+$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      return { ok: false, parameter: 'limit', detail: `limit must be a whole number from 1 to ${MAX_LIMIT}, got "${rawLimit}"` };
    }
  }
  const rawCursor = query.get('cursor');
  if (rawCursor === null || rawCursor === '') return { ok: true, limit, offset: 0 };
  const decoded = decodeCursor(rawCursor);
  if (!decoded) return { ok: false, parameter: 'cursor', detail: 'cursor is not one this server issued' };
  if (decoded.f !== fingerprint(filterKey)) {
    return { ok: false, parameter: 'cursor', detail: 'cursor belongs to a listing with other filters; start again without a cursor' };
  }
  return { ok: true, limit, offset: decoded.o };
}

export function pageOf<T>(items: readonly T[], paging: { limit: number; offset: number }, filterKey: string) {
  const end = paging.offset + paging.limit;
  return {
    items: items.slice(paging.offset, end),
    nextCursor: end < items.length ? encodeCursor({ o: end, f: fingerprint(filterKey) }) : null,
  };
}

interface CursorContent {
  o: number;
  f: string;
}

function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): CursorContent | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const content: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof content !== 'object' || content === null) return null;
    const { o, f } = content as Partial<CursorContent>;
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof f !== 'string') return null;
    return { o, f };
  } catch {
    return null;
  }
}

/** FNV-1a, enough to tell filter sets apart. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
