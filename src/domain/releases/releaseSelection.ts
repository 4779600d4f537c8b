/**
 * Which release a macro shows: one the author pinned, or "the next planned release" of the solution, which moves on
 * by itself. A release stays "next" until a day after its planned time, so on release day (when readiness and
 * sign-offs matter most) the page keeps showing it rather than jumping to the following one.
 */
export const NEXT_RELEASE_GRACE_MS = 24 * 60 * 60 * 1000;

export type ReleaseSelection = { mode: 'next' } | { mode: 'pinned'; releaseId: string };

interface Plannable {
  id: string;
  name: string;
  plannedFor: string;
}

export function nextPlannedRelease<T extends Plannable>(releases: readonly T[], now: Date): T | null {
  const from = now.getTime() - NEXT_RELEASE_GRACE_MS;
  let next: T | null = null;
  for (const release of releases) {
    const at = Date.parse(release.plannedFor);
    if (Number.isNaN(at) || at < from) continue;
    if (!next || at < Date.parse(next.plannedFor) || (at === Date.parse(next.plannedFor) && release.name.localeCompare(next.name) < 0)) {
      next = release;
    }
  }
  return next;
}

export function selectRelease<T extends Plannable>(releases: readonly T[], selection: ReleaseSelection, now: Date): T | null {
  if (selection.mode === 'next') return nextPlannedRelease(releases, now);
  return releases.find((release) => release.id === selection.releaseId) ?? null;
}
