/**
 * The index attributes of a stored asset: sort strings and facet keys. Each sort string is the sort value followed by
 * `|` and the asset's storage key, so it is unique: a page resumes exactly after the last row shown (keyset paging),
 * whatever ties the sort value has. Sort strings are printable ASCII only, so the store's byte order, JavaScript's
 * string order and every reader agree.
 */
import type { DamAsset } from '../../sources/dam/asset';

/** Width of the name part of `sortName`: names are compared on their first NAME_WIDTH normalized characters. */
export const NAME_WIDTH = 64;
/** Sorts after every ISO time: assets without an expiry date come last in ascending expiry order. */
export const NO_TIME = '~';
const SEPARATOR = '|';
/** Four-digit years only: toISOString writes others as +/-YYYYYY, which would break string order. */
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A name as it sorts: accents folded (é -> e), lower case, runs of whitespace as one space, other characters outside
 * printable ASCII as `~` + their code point in hex (after every letter), cut or padded with spaces to NAME_WIDTH.
 * Padding with spaces makes "ab" sort before "ab c" and "ab!" although a key follows the name part.
 */
export function nameSortText(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
  let out = '';
  for (const char of folded) {
    const code = char.codePointAt(0) as number;
    out += code >= 0x20 && code <= 0x7e ? char : `~${code.toString(16).padStart(5, '0')}`;
    if (out.length >= NAME_WIDTH) break;
  }
  return out.slice(0, NAME_WIDTH).padEnd(NAME_WIDTH, ' ');
}

/** A time as a fixed-width ISO string (so string order is time order), or null when it is not a usable time. */
export function sortableTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const clamped = Math.min(Math.max(time, EARLIEST), LATEST);
  return new Date(clamped).toISOString();
}

export function sortNameOf(name: string, storageKey: string): string {
  return `${nameSortText(name)}${SEPARATOR}${storageKey}`;
}

export function sortExpiryOf(expiresAt: string | null, storageKey: string): string {
  return `${sortableTime(expiresAt) ?? NO_TIME}${SEPARATOR}${storageKey}`;
}

/** Last activity from the audit trail, else the platform's last modification. */
export function activityTimeOf(asset: Pick<DamAsset, 'lastActivity' | 'modifiedAt'>): string {
  return sortableTime(asset.lastActivity?.when) ?? sortableTime(asset.modifiedAt) ?? NO_TIME;
}

export function sortActivityOf(asset: Pick<DamAsset, 'lastActivity' | 'modifiedAt'>, storageKey: string): string {
  return `${activityTimeOf(asset)}${SEPARATOR}${storageKey}`;
}

/**
 * A facet value as it is filtered on: trimmed, whitespace collapsed, lower case ("Approved" and "APPROVED" are one
 * approval key). Null when there is nothing to filter on.
 */
export function facetKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const key = value.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return key.length > 0 ? key : null;
}

/**
 * Bounds on `sortExpiry` for the expiry filters, for a range condition: expired means expiresAt <= `expiredAtOrBefore`,
 * expiring means `expiredAtOrBefore` < expiresAt < `expiringBefore` (src/domain/assets/expiry.ts decides the instants).
 * `iso + '}'` is above every sort string whose time is `iso` (they continue with '|', and '|' < '}').
 */
export function expirySortRange(
  filter: 'expired' | 'expiring',
  bounds: { expiredAtOrBefore: Date; expiringBefore: Date },
): { low?: { value: string; inclusive: boolean }; high?: { value: string; inclusive: boolean } } {
  const expiredEdge = `${bounds.expiredAtOrBefore.toISOString()}}`;
  if (filter === 'expired') return { high: { value: expiredEdge, inclusive: false } };
  return { low: { value: expiredEdge, inclusive: false }, high: { value: bounds.expiringBefore.toISOString(), inclusive: false } };
}
