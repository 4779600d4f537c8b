import { z } from 'zod';
import type { ChangeEvent, Environment, MaintenanceWindow } from '../../sources/governance/schemas';
import type { PendingPromotion } from '../../shared/changeSummaryContract';
import { environmentNames, environmentRef, newestFirst } from './changeRows';
import { freezeConflicts, openFreezes, storedFreezeSchema } from './freezeConflicts';
import { redactedDiffEntry } from './redaction';

/**
 * Pending production promotions: what is about to reach production and has not yet.
 *
 * The contract has no promotion id, and a promotion shows up once per state change (requested, then approved,
 * then scheduled, then succeeded). We identify a promotion by its target artifact and its target environment:
 * the latest change event for that pair (by occurredAt, then id) holds its current state. It is pending when
 *  - that state is "requested", "approved" or "scheduled" (a newer state this build does not know is not
 *    assumed to be pending), and
 *  - the target environment is production by the backend's own isProduction flag (a target the backend no
 *    longer lists is not treated as production).
 * So "requested at 9:00, succeeded at 11:00" is not pending, while "succeeded last week, requested today" (the
 * next version) is. The sync reads 90 days of history: a promotion requested earlier and never touched since
 * is not seen.
 */
export const PENDING_STATES = ['requested', 'approved', 'scheduled'] as const;

const environmentRefSchema = z.object({ id: z.string(), name: z.string() });

export const storedPendingPromotionSchema = z.object({
  changeId: z.string(),
  updatedAt: z.string(),
  requestedBy: z.string(),
  target: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
  from: environmentRefSchema,
  to: environmentRefSchema,
  state: z.string(),
  approvedBy: z.array(z.string()),
  version: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
  ticketRef: z.string().nullable(),
  reason: z.string().nullable(),
  severity: z.string(),
  /** Open freezes on the target environment at sync time; whether they conflict is decided at render. */
  freezes: z.array(storedFreezeSchema),
});
export type StoredPendingPromotion = z.infer<typeof storedPendingPromotionSchema>;

function promotionKey(event: ChangeEvent & { promotion: NonNullable<ChangeEvent['promotion']> }): string {
  return JSON.stringify([event.target.kind, event.target.id, event.promotion.toEnvironmentId]);
}

function versionOf(event: ChangeEvent): StoredPendingPromotion['version'] {
  const entry = event.diff.find((d) => d.path === '/version');
  if (!entry) return null;
  const shown = redactedDiffEntry(entry);
  return shown.sensitive ? null : { before: shown.before, after: shown.after };
}

/** The latest event per promotion (target artifact + target environment), newest first. */
export function latestPromotionEvents(events: readonly ChangeEvent[]) {
  const latest = new Map<string, ChangeEvent & { promotion: NonNullable<ChangeEvent['promotion']> }>();
  for (const event of events) {
    if (!event.promotion) continue;
    const promotion = event as ChangeEvent & { promotion: NonNullable<ChangeEvent['promotion']> };
    const key = promotionKey(promotion);
    const current = latest.get(key);
    if (!current || newestFirst(promotion, current) < 0) latest.set(key, promotion);
  }
  return [...latest.values()].sort(newestFirst);
}

export function isPendingState(state: string): boolean {
  return (PENDING_STATES as readonly string[]).includes(state);
}

export function buildPendingPromotions(
  events: readonly ChangeEvent[],
  environments: readonly Environment[],
  windows: readonly MaintenanceWindow[],
  syncedAt: Date,
): StoredPendingPromotion[] {
  const names = environmentNames(environments);
  const production = new Set(environments.filter((environment) => environment.isProduction).map((environment) => environment.id));
  const freezes = openFreezes(windows, syncedAt);
  return latestPromotionEvents(events)
    .filter((event) => isPendingState(event.promotion.state) && production.has(event.promotion.toEnvironmentId))
    .map((event) => ({
      changeId: event.id,
      updatedAt: event.occurredAt,
      requestedBy: event.actor.name || event.actor.id,
      target: { kind: event.target.kind, id: event.target.id, name: event.target.name },
      from: environmentRef(event.promotion.fromEnvironmentId, names),
      to: environmentRef(event.promotion.toEnvironmentId, names),
      state: event.promotion.state,
      approvedBy: event.promotion.approvedBy.map((person) => person.name || person.id),
      version: versionOf(event),
      ticketRef: event.ticketRef ?? null,
      reason: event.reason ?? null,
      severity: event.impact.severity,
      freezes: freezes.filter((freeze) => freeze.environmentIds.includes(event.promotion.toEnvironmentId)),
    }));
}

/**
 * The pending promotions as shown at `now`, with their freeze conflicts. Those running into a freeze come first,
 * then the most recently updated.
 */
export function pendingPromotionsAt(stored: readonly StoredPendingPromotion[], now: Date): PendingPromotion[] {
  const shown = stored.map(({ freezes, ...promotion }) => ({ ...promotion, freezeConflicts: freezeConflicts(freezes, promotion.to.id, now) }));
  return shown.sort(
    (a, b) =>
      Number(b.freezeConflicts.length > 0) - Number(a.freezeConflicts.length > 0) ||
      newestFirst({ id: a.changeId, occurredAt: a.updatedAt }, { id: b.changeId, occurredAt: b.updatedAt }),
  );
}
