import { z } from 'zod';
import { READINESS_STATES, type ReadinessState } from './itemReadiness';

const count = z.number().int().nonnegative();

export const readinessFigureSchema = z.object({
  ready: count,
  total: count,
  /** Whole percent, rounded down so a release is never shown as 100% ready before it is; null without items. */
  percent: z.number().int().min(0).max(100).nullable(),
  counts: z.object({ failed: count, missing: count, mismatch: count, scheduled: count, ready: count }),
});
export type ReadinessFigure = z.infer<typeof readinessFigureSchema>;

export function readinessFigure(states: readonly ReadinessState[]): ReadinessFigure {
  const counts = Object.fromEntries(READINESS_STATES.map((state) => [state, 0])) as Record<ReadinessState, number>;
  for (const state of states) counts[state] += 1;
  const total = states.length;
  return { ready: counts.ready, total, percent: total === 0 ? null : Math.floor((counts.ready * 100) / total), counts };
}
