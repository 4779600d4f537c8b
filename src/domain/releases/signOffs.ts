import { z } from 'zod';
import { SIGN_OFF_NOTE_LIMIT } from '../../shared/releaseReadinessContract';
import { readinessFigureSchema } from './readinessFigure';

/**
 * A release sign-off: a Confluence user vouching for the release as it stood when they signed. It records the
 * readiness figure and fingerprint they saw, so a later change to the deployments marks it as outdated instead of
 * silently carrying it over. Sign-offs are user data, kept by the app apart from the synced snapshots.
 */
export const SIGN_OFF_NOTE_MAX_LENGTH = SIGN_OFF_NOTE_LIMIT;

export const storedSignOffSchema = z.object({
  solutionId: z.string(),
  releaseId: z.string(),
  accountId: z.string().min(1),
  /** As Confluence named the user when they signed (read server-side, never taken from the browser). */
  displayName: z.string(),
  signedAt: z.string(),
  /** Plain text; rendered as text everywhere, never as markup. */
  note: z.string().max(SIGN_OFF_NOTE_MAX_LENGTH).nullable(),
  fingerprint: z.string(),
  readiness: readinessFigureSchema,
});
export type StoredSignOff = z.infer<typeof storedSignOffSchema>;

export interface SignOffWithStatus extends StoredSignOff {
  /** The deployments (or the release's scope) changed since this sign-off. */
  outdated: boolean;
  /** Signed by the user looking at the macro: they may withdraw it. */
  mine: boolean;
}

// Control characters other than tab and newline carry nothing a reader can see and can upset exports.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A note as stored: line endings unified, invisible control characters dropped, trimmed; empty means none. */
export function normalisedNote(note: string | undefined | null): string | null {
  if (note === undefined || note === null) return null;
  const clean = note.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
  return clean === '' ? null : clean;
}

/** Oldest first, the order people signed in; each marked outdated or not against the release's current fingerprint. */
export function signOffsWithStatus(
  signOffs: readonly StoredSignOff[],
  currentFingerprint: string,
  viewerAccountId: string | undefined,
): SignOffWithStatus[] {
  return [...signOffs]
    .sort((a, b) => Date.parse(a.signedAt) - Date.parse(b.signedAt) || a.accountId.localeCompare(b.accountId))
    .map((signOff) => ({
      ...signOff,
      outdated: signOff.fingerprint !== currentFingerprint,
      mine: viewerAccountId !== undefined && signOff.accountId === viewerAccountId,
    }));
}
