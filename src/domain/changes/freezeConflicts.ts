import { z } from 'zod';
import type { MaintenanceWindow } from '../../sources/governance/schemas';
import { FREEZE_LOOKAHEAD_DAYS, type FreezeConflict } from '../../shared/changeSummaryContract';

/**
 * When a change freeze gets in the way of a pending production promotion.
 *
 * The contract gives a promotion no planned time: "requested", "approved" and "scheduled" all mean it may go out
 * at any moment from now on. We therefore give every pending promotion the window [now, now + 14 days): two weeks
 * is the usual release cadence, so a promotion still pending after that gets re-planned anyway, and a freeze
 * starting later than that is news for the release plan, not for this promotion.
 *
 * A freeze conflicts with a pending promotion when all of these hold:
 *  - its kind is "freeze" (planned and emergency maintenance windows do not forbid changes);
 *  - its status is "scheduled" or "in_progress" (completed and cancelled ones, and statuses this build does not
 *    know, do not block anything);
 *  - it covers the promotion's target environment (the source environment is not frozen by it);
 *  - it overlaps [now, now + 14 days): startsAt < now + 14 days and endsAt > now (half-open, so a freeze that
 *    ended exactly now, or starts exactly at the horizon, does not conflict).
 */
export { FREEZE_LOOKAHEAD_DAYS };
const FREEZE_LOOKAHEAD_MS = FREEZE_LOOKAHEAD_DAYS * 24 * 3_600_000;
const BLOCKING_STATUSES = new Set(['scheduled', 'in_progress']);

/** A freeze window as the view keeps it: enough to decide the conflict at render time and to show it. */
export const storedFreezeSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  environmentIds: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
});
export type StoredFreeze = z.infer<typeof storedFreezeSchema>;

/**
 * Freezes that may still matter to a promotion at some render after `syncedAt`: the right kind and status, not
 * over yet. Which ones actually conflict depends on when the page is viewed (see freezeConflicts).
 */
export function openFreezes(windows: readonly MaintenanceWindow[], syncedAt: Date): StoredFreeze[] {
  return windows
    .filter((window) => window.kind === 'freeze' && BLOCKING_STATUSES.has(window.status))
    .filter((window) => Date.parse(window.endsAt) > syncedAt.getTime())
    .map((window) => ({
      id: window.id,
      title: window.title,
      description: window.description ?? null,
      environmentIds: [...window.environmentIds],
      startsAt: window.startsAt,
      endsAt: window.endsAt,
      status: window.status,
    }));
}

export function freezeConflictsWithPromotion(freeze: StoredFreeze, targetEnvironmentId: string, now: Date): boolean {
  if (!BLOCKING_STATUSES.has(freeze.status)) return false;
  if (!freeze.environmentIds.includes(targetEnvironmentId)) return false;
  const startsAt = Date.parse(freeze.startsAt);
  const endsAt = Date.parse(freeze.endsAt);
  if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) return false;
  const at = now.getTime();
  return startsAt < at + FREEZE_LOOKAHEAD_MS && endsAt > at;
}

/** The freezes a promotion to `targetEnvironmentId` runs into at `now`, the one in progress or starting first first. */
export function freezeConflicts(freezes: readonly StoredFreeze[], targetEnvironmentId: string, now: Date): FreezeConflict[] {
  return freezes
    .filter((freeze) => freezeConflictsWithPromotion(freeze, targetEnvironmentId, now))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((freeze) => ({
      windowId: freeze.id,
      title: freeze.title,
      description: freeze.description,
      startsAt: freeze.startsAt,
      endsAt: freeze.endsAt,
      status: freeze.status,
      inProgress: freeze.status === 'in_progress' || Date.parse(freeze.startsAt) <= now.getTime(),
    }));
}
