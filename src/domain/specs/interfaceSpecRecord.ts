import { z } from 'zod';
import { interfaceSpecSchema } from './interfaceSpec';

/**
 * A saved spec with where it lives and its history in brief. Specs are user data: they are stored by the app under
 * their own keys, never in the snapshot generations a sync replaces.
 *
 * A spec belongs to one macro on one page: it is keyed by the page's content id and the macro's localId, both
 * taken from the invocation context Forge provides (never from the browser's payload), so a reader can only write
 * the spec of a macro on a page they are viewing. A copy of the page starts without a spec (its content id differs).
 */
export const storedInterfaceSpecSchema = z.object({
  contentId: z.string().min(1),
  localId: z.string().min(1),
  /** 1 for the first save; each save must name the version it edited, so a stale edit is refused. */
  version: z.number().int().positive(),
  spec: interfaceSpecSchema,
  createdAt: z.string(),
  /** Account ids, and the display names Confluence gave for them at the time (null when it could not say). */
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string().nullable(),
});
export type StoredInterfaceSpec = z.infer<typeof storedInterfaceSpecSchema>;

/** Why a save that named `baseVersion` cannot go ahead, in words for the person saving; null when it can. */
export function staleSaveMessage(baseVersion: number, current: Pick<StoredInterfaceSpec, 'version' | 'savedAt'> | undefined): string | null {
  const currentVersion = current?.version ?? 0;
  if (currentVersion === baseVersion) return null;
  if (!current) return `This spec was deleted after you opened it (you edited version ${baseVersion}). Reload to start again.`;
  if (baseVersion === 0) {
    return `Someone saved a spec here while you were writing yours (version ${current.version}, saved ${current.savedAt}). Reload to see it before saving again.`;
  }
  return `This spec changed after you opened it: you edited version ${baseVersion}, and version ${current.version} was saved ${current.savedAt}. Reload to see the latest version, then apply your changes again.`;
}
