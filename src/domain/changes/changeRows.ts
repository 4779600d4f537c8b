import { z } from 'zod';
import type { ChangeEvent, Environment } from '../../sources/governance/schemas';
import type { ChangeRow, EnvironmentRef } from '../../shared/changeSummaryContract';
import { redactedDiffEntry } from './redaction';

/**
 * A change event as the change-summary macro shows it, prepared by the sync: environment ids resolved to names,
 * people reduced to names, and the diff redacted and bounded. Sensitive values are dropped here, before anything
 * is stored for the view, so no later code path can show them.
 */
export const DIFF_ENTRIES_KEPT = 25;

const environmentRefSchema = z.object({ id: z.string(), name: z.string() });

export const storedChangeRowSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  target: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
  environment: environmentRefSchema,
  reason: z.string().nullable(),
  ticketRef: z.string().nullable(),
  diff: z.array(
    z.object({ op: z.string(), path: z.string(), before: z.string().nullable(), after: z.string().nullable(), sensitive: z.boolean() }),
  ),
  diffOmitted: z.number().int().nonnegative(),
  impact: z.object({
    severity: z.string(),
    summary: z.string(),
    affectedSystems: z.array(z.string()),
    affectedPartners: z.array(z.string()),
    affectedEnvironments: z.array(environmentRefSchema),
  }),
  promotion: z
    .object({ from: environmentRefSchema, to: environmentRefSchema, state: z.string(), approvedBy: z.array(z.string()) })
    .nullable(),
}) satisfies z.ZodType<ChangeRow>;

export type EnvironmentNames = ReadonlyMap<string, string>;

export function environmentNames(environments: readonly Pick<Environment, 'id' | 'name'>[]): EnvironmentNames {
  return new Map(environments.map((environment) => [environment.id, environment.name]));
}

/** An environment the backend no longer lists keeps its id as its name rather than disappearing. */
export function environmentRef(id: string, names: EnvironmentNames): EnvironmentRef {
  return { id, name: names.get(id) ?? id };
}

export function toChangeRow(event: ChangeEvent, names: EnvironmentNames): ChangeRow {
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actor: { id: event.actor.id, name: event.actor.name || event.actor.email || event.actor.id },
    action: event.action,
    target: { kind: event.target.kind, id: event.target.id, name: event.target.name },
    environment: environmentRef(event.environmentId, names),
    reason: event.reason ?? null,
    ticketRef: event.ticketRef ?? null,
    diff: event.diff.slice(0, DIFF_ENTRIES_KEPT).map(redactedDiffEntry),
    diffOmitted: Math.max(0, event.diff.length - DIFF_ENTRIES_KEPT),
    impact: {
      severity: event.impact.severity,
      summary: event.impact.summary,
      affectedSystems: [...event.impact.affectedSystems],
      affectedPartners: [...event.impact.affectedPartners],
      affectedEnvironments: event.impact.affectedEnvironments.map((id) => environmentRef(id, names)),
    },
    promotion: event.promotion
      ? {
          from: environmentRef(event.promotion.fromEnvironmentId, names),
          to: environmentRef(event.promotion.toEnvironmentId, names),
          state: event.promotion.state,
          approvedBy: event.promotion.approvedBy.map((person) => person.name || person.email || person.id),
        }
      : null,
  };
}

/** Milliseconds since the epoch of a change's time: the streams' sort key. */
export function changeTime(row: Pick<ChangeRow, 'occurredAt'>): number {
  return Date.parse(row.occurredAt);
}

/**
 * Newest first; equal times by id, compared as plain strings so every run (and every reader) orders ties the
 * same way. The paging cursor depends on this order.
 */
export function newestFirst(a: Pick<ChangeRow, 'id' | 'occurredAt'>, b: Pick<ChangeRow, 'id' | 'occurredAt'>): number {
  return changeTime(b) - changeTime(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
