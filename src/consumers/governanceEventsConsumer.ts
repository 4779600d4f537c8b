import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { parseGovernanceEvent } from '../domain/events/governanceEvents';
import { applyGovernanceEvent } from '../sync/events/applyGovernanceEvent';
import { markEventProcessed, readEventRecord } from '../store/governanceEventLog';

interface QueueDelivery {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

const messageSchema = z.object({ record: z.string().min(1).max(500) });
/** Forge delivers an event at most this many times in all (the first try and its retries). */
const RETRIES_ALLOWED = 4;

/**
 * Queue consumer of accepted governance events (queue `governance-events`, pushed by the governance-events
 * webtrigger): updates the live overlay and the change log. Asks for a retry, with a growing delay, while another
 * delivery holds the overlay or Confluence is unavailable.
 */
export async function governanceEventsConsumer(delivery: QueueDelivery): Promise<InvocationError | undefined> {
  const message = messageSchema.safeParse(delivery?.body);
  if (!message.success) {
    console.error('governance events: ignored a malformed queue message');
    return undefined;
  }
  const record = await readEventRecord(message.data.record).catch((error: unknown) => {
    console.error(`governance events: stored event ${message.data.record} is damaged: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  if (!record) return undefined;
  const parsed = parseGovernanceEvent(record.event);
  if (parsed.ok !== true) {
    console.error(`governance events: stored event ${record.type} ${record.id.slice(0, 100)} no longer validates; dropped`);
    return undefined;
  }
  const now = new Date();
  const outcome = await applyGovernanceEvent(parsed.event, record.receivedAt, now);
  const retryCount = delivery.retryContext?.retryCount ?? 0;
  if (outcome.kind === 'retry' && retryCount < RETRIES_ALLOWED - 1) {
    console.warn(`governance events: ${record.type} will be retried: ${outcome.detail}`);
    return new InvocationError({ retryAfter: 5 * 2 ** retryCount, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
  const detail = outcome.kind === 'retry' ? `gave up after ${retryCount + 1} tries: ${outcome.detail}` : outcome.detail;
  console.log(`governance events: ${record.type}: ${detail}`);
  await markEventProcessed(message.data.record, record, detail, now);
  return undefined;
}
