/** Lozenge appearances (the subset of @atlaskit/lozenge's `appearance` this app uses). */
export type StatusAppearance = 'success' | 'moved' | 'removed' | 'inprogress' | 'default';

const ENVIRONMENT_STATUS_APPEARANCE: Record<string, StatusAppearance> = {
  operational: 'success',
  degraded: 'moved',
  outage: 'removed',
  maintenance: 'inprogress',
};

/**
 * The lozenge colour for an environment status. A status the backend added after this build (statusKnown=false)
 * stays neutral rather than guessing a colour.
 */
export function environmentStatusAppearance(status: string, statusKnown = true): StatusAppearance {
  if (!statusKnown) return 'default';
  return ENVIRONMENT_STATUS_APPEARANCE[status] ?? 'default';
}

/** The word shown in the lozenge: the raw status, readable ("in_progress" -> "in progress"). */
export function statusLabel(status: string): string {
  return status.replace(/[_-]+/g, ' ').trim() || 'unknown';
}
