/**
 * Deterministic UUID-shaped ids that carry their own index, so the simulator needs no id => object map at 100k assets:
 * `<hash 8>-<hash 4>-4<hash 3>-<kind><hash 3>-<index as 12 hex digits>`. The leading hash makes the id order look random
 * (like real UUIDs), which matters for the search's id tiebreaker.
 */
export const ID_KIND = { asset: 8, job: 9, user: 0xa, other: 0xb } as const;
export type IdKind = (typeof ID_KIND)[keyof typeof ID_KIND];

/** A 32-bit hash of three integers (murmur3's finaliser over a simple combination). */
export function hash32(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x7f4a7c15) | 0, 0xc2b2ae35) ^ Math.imul(c ^ 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex = (value: number, width: number) => (value >>> 0).toString(16).padStart(width, '0').slice(-width);

/** The first 32 bits of the id, as a number: comparing these compares the ids' first 8 characters. */
export function idPrefix(seed: number, kind: IdKind, index: number): number {
  return hash32(seed, kind, index);
}

export function simId(seed: number, kind: IdKind, index: number): string {
  const h1 = hash32(seed, kind, index);
  const h2 = hash32(seed ^ 0x5bd1e995, kind, index);
  return `${hex(h1, 8)}-${hex(h2 >>> 16, 4)}-4${hex(h2, 3)}-${kind.toString(16)}${hex(h1 >>> 20, 3)}-${index.toString(16).padStart(12, '0')}`;
}

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-([89ab])[0-9a-f]{3}-([0-9a-f]{12})$/;

/** The kind and index an id encodes, or null when it is not an id this simulator (with this seed) made. */
export function parseSimId(seed: number, id: string): { kind: IdKind; index: number } | null {
  const match = SHAPE.exec(id);
  if (!match) return null;
  const kind = parseInt(match[1] ?? '', 16) as IdKind;
  const index = parseInt(match[2] ?? '', 16);
  return simId(seed, kind, index) === id ? { kind, index } : null;
}
