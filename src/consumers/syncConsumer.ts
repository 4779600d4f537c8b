import { InvocationError, InvocationErrorCode } from '@forge/events';
import { runGovernanceSyncStep } from '../sync/governance/governanceSync';
import { forgeSyncDeps } from '../sync/governance/forgeDeps';
import { syncEventSchema } from '../sync/governance/job';

interface QueueDelivery {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

/** Queue consumer: one resumable step of a governance sync per delivery. */
export async function syncConsumer(event: QueueDelivery): Promise<InvocationError | undefined> {
  const parsed = syncEventSchema.safeParse(event?.body);
  if (!parsed.success) {
    // A malformed event can never succeed: log it and let it go instead of retrying it.
    console.error(`governance sync: ignored malformed queue event: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return undefined;
  }
  const outcome = await runGovernanceSyncStep(parsed.data, forgeSyncDeps(), event.retryContext?.retryCount ?? 0);
  console.log(`governance sync step ${parsed.data.seq}: ${outcome.outcome}${'error' in outcome ? ` (${outcome.error})` : ''}`);
  if (outcome.outcome === 'retry') return new InvocationError({
      retryAfter: outcome.retryAfterSeconds,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    });
  return undefined;
}
