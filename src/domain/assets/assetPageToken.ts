/**
 * The `after` token of asset pages: where the previous page stopped (a sort string, unique per asset), bound to the
 * view it came from (sort, order and filters). Opaque to the UI; a token of another view is refused, never misread.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AssetFilters, AssetSortKey, AssetSortOrder } from '../../shared/assetLifecycleContract';
import { facetKey } from './assetIndexKeys';

export class AssetPageTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssetPageTokenError';
  }
}

const tokenSchema = z.object({ v: z.literal(1), f: z.string(), p: z.string().min(1).max(2000) });
const PREFIX = 'ap1.';

/** What a token is bound to: the same sort, order and filters (sources in any order, filter values as they match). */
export function viewFingerprint(filters: AssetFilters, sort: AssetSortKey, order: AssetSortOrder): string {
  const canonical = JSON.stringify([
    sort,
    order,
    [...(filters.sources ?? [])].sort(),
    facetKey(filters.approval),
    facetKey(filters.campaign),
    facetKey(filters.productLine),
    facetKey(filters.region),
    filters.failedOnly === true,
    filters.expiry ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodePageToken(fingerprint: string, position: string): string {
  return PREFIX + Buffer.from(JSON.stringify({ v: 1, f: fingerprint, p: position }), 'utf8').toString('base64url');
}

/** The position a token resumes after; throws AssetPageTokenError naming what is wrong. */
export function decodePageToken(token: string, fingerprint: string): string {
  if (!token.startsWith(PREFIX)) throw new AssetPageTokenError('after: not a page token of the asset list');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new AssetPageTokenError('after: the page token is damaged');
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success) throw new AssetPageTokenError('after: the page token is damaged');
  if (result.data.f !== fingerprint) throw new AssetPageTokenError('after: the page token belongs to another sort or filter; start from the first page');
  return result.data.p;
}
