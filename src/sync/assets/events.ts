/**
 * The events of the `dam-sync` queue. Every handler tolerates duplicate and out-of-order delivery:
 * chain steps (list, failed-jobs, recount) carry the run and the step number they continue and are claimed once;
 * fan-out events (enrich, refetch) are idempotent (the store skips older data, patches rewrite the same values).
 */
import { z } from 'zod';
import { damSourceSchema } from '../../sources/dam/asset';

export const DAM_SYNC_QUEUE = 'dam-sync';

const runId = z.string().min(1).max(100);
const seq = z.number().int().nonnegative();

export const startEventSchema = z.object({
  kind: z.literal('start'),
  source: damSourceSchema,
  mode: z.enum(['auto', 'full', 'incremental']),
  trigger: z.string().min(1).max(40),
});

export const chainEventSchema = z.object({
  kind: z.enum(['list', 'failed-jobs', 'recount']),
  source: damSourceSchema,
  runId,
  seq,
});

export const enrichEventSchema = z.object({
  kind: z.literal('enrich'),
  source: z.literal('iconik'),
  runId,
  /** Batches are numbered per run from 0; a batch cut short by the egress budget continues as part + 1. */
  batch: z.number().int().nonnegative(),
  part: z.number().int().nonnegative(),
  ids: z.array(z.string().min(1).max(200)).min(1).max(100),
  /** Assets enriched by the earlier parts of this batch. */
  enrichedBefore: z.number().int().nonnegative().default(0),
});

export const refetchEventSchema = z.object({
  kind: z.literal('refetch'),
  source: damSourceSchema,
  refs: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        /** Canto's scheme of the asset (its URLs need it). */
        scheme: z.string().min(1).max(60).optional(),
        /** iconik: an asset (default) or a job whose asset gets its failed jobs read again. */
        type: z.enum(['asset', 'job']).optional(),
      }),
    )
    .min(1)
    .max(100),
  reason: z.enum(['webhook', 'reconcile']),
});

export const damSyncEventSchema = z.discriminatedUnion('kind', [
  startEventSchema,
  chainEventSchema.extend({ kind: z.literal('list') }),
  chainEventSchema.extend({ kind: z.literal('failed-jobs') }),
  chainEventSchema.extend({ kind: z.literal('recount') }),
  enrichEventSchema,
  refetchEventSchema,
]);

export type DamSyncEvent = z.infer<typeof damSyncEventSchema>;
export type StartEvent = z.infer<typeof startEventSchema>;
export type ChainEvent = z.infer<typeof chainEventSchema>;
export type EnrichEvent = z.infer<typeof enrichEventSchema>;
export type RefetchEvent = z.infer<typeof refetchEventSchema>;
export type RefetchRef = RefetchEvent['refs'][number];

/** One event as pushed: @forge/events `{body, delayInSeconds?, concurrency?}`. */
export interface QueuedEvent {
  body: DamSyncEvent;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}
