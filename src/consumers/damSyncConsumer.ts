import { InvocationError, InvocationErrorCode } from '@forge/events';
import { damSyncEventSchema } from '../sync/assets/events';
import { forgeAssetSyncDeps } from '../sync/assets/forgeDeps';
import { handleDamSyncEvent } from '../sync/assets/damSync';

interface QueueDelivery {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

/** Queue consumer of `dam-sync`: one step of a Canto or iconik sync, an enrichment batch or a refetch per delivery. */
export async function damSyncConsumer(event: QueueDelivery): Promise<InvocationError | undefined> {
  const parsed = damSyncEventSchema.safeParse(event?.body);
  if (!parsed.success) {
    // A malformed event can never succeed: log it and let it go instead of retrying it.
    console.error(`dam sync: ignored malformed queue event: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return undefined;
  }
  const { kind, source } = parsed.data;
  const outcome = await handleDamSyncEvent(parsed.data, forgeAssetSyncDeps(), event.retryContext?.retryCount ?? 0);
  const detail = 'reason' in outcome ? outcome.reason : 'detail' in outcome ? outcome.detail : outcome.error;
  console.log(`dam sync ${source} ${kind}: ${outcome.outcome} (${detail})`);
  if (outcome.outcome === 'retry') {
    return new InvocationError({ retryAfter: outcome.retryAfterSeconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
  return undefined;
}
