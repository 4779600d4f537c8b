import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Shared-secret checks for webtriggers. Both sides are hashed first so the comparison always runs over two
 * 32-byte digests: timingSafeEqual then takes the same time whatever the presented value, and its length leaks
 * nothing either.
 */
export const MIN_SECRET_LENGTH = 16;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function secretMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header value; null when absent or of another scheme. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
