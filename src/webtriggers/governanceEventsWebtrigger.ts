import { Queue } from '@forge/events';
import { readSecret } from '../config/connections';
import { withSensitiveValuesRedacted } from '../domain/changes/redaction';
import {
  ACCEPTED_CONTENT_TYPES,
  MAX_EVENT_BYTES,
  eventProblem,
  mediaType,
  parseGovernanceEvent,
  type ProblemDetails,
} from '../domain/events/governanceEvents';
import { SIGNATURE_HEADER, verifyGovernanceSignature } from '../domain/events/signature';
import { forgetEvent, recordEventOnce } from '../store/governanceEventLog';
import type { WebtriggerRequest, WebtriggerResponse } from './interfaceSpecsWebtrigger';

/** The queue accepted events go to; its consumer (governance-events-consumer) updates the store and the change log. */
export const GOVERNANCE_EVENTS_QUEUE = 'governance-events';

/** What the queue carries: a reference to the stored event (events are up to 192 KiB; queue messages must stay small). */
export interface GovernanceEventMessage {
  record: string;
}

function respond(statusCode: number, body: unknown, contentType = 'application/json; charset=utf-8', extra: Record<string, string[]> = {}): WebtriggerResponse {
  return { statusCode, headers: { 'Content-Type': [contentType], 'Cache-Control': ['no-store'], ...extra }, body: JSON.stringify(body) };
}

function problemResponse(details: ProblemDetails, extra: Record<string, string[]> = {}): WebtriggerResponse {
  return respond(details.status, details, 'application/problem+json', extra);
}

/** A header's first value; Forge hands header names in lower case, but nothing here depends on it. */
function header(request: WebtriggerRequest, name: string): string | undefined {
  const headers = request.headers ?? {};
  const found = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return found?.[0];
}

/**
 * POST a signed CloudEvent from the governance backend (docs/change-log-and-status.md).
 *
 * Order of checks: method (405), a configured secret (503), size (413), signature (401: nothing about the body is
 * looked at before it checks out), media type (415), JSON and event validation (400, naming the field). A valid
 * event is recorded once per source+id and queued (202); a replay answers 202 and changes nothing; a well-formed
 * event of a type this version does not know answers 202 and is ignored, so a newer backend is not stuck retrying.
 * Neither the secret nor the presented signature is ever logged or echoed.
 */
export async function governanceEventsWebtrigger(request: WebtriggerRequest): Promise<WebtriggerResponse> {
  if ((request.method ?? 'POST').toUpperCase() !== 'POST') {
    return problemResponse(eventProblem(405, 'Send events with POST.'), { Allow: ['POST'] });
  }
  const secret = await readSecret('governanceWebhookSecret');
  if (!secret) {
    return problemResponse(eventProblem(503, 'Event delivery is not configured: set the event signing secret on the app settings page (or the GOVERNANCE_WEBHOOK_SECRET variable).'));
  }
  const rawBody = request.body ?? '';
  const bytes = Buffer.byteLength(rawBody, 'utf8');
  if (bytes > MAX_EVENT_BYTES) {
    return problemResponse(eventProblem(413, `The event is ${bytes} bytes; at most ${MAX_EVENT_BYTES} bytes are accepted.`));
  }
  const now = Date.now();
  const signature = verifyGovernanceSignature({ header: header(request, SIGNATURE_HEADER), rawBody, secret, nowSeconds: Math.floor(now / 1000) });
  if (!signature.ok) {
    return problemResponse(eventProblem(401, signature.detail), { 'WWW-Authenticate': ['Governance-Signature'] });
  }
  const media = mediaType(header(request, 'content-type'));
  if (!media || !(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(media)) {
    return problemResponse(eventProblem(415, `Send one CloudEvent in structured mode as ${ACCEPTED_CONTENT_TYPES.join(' or ')} (got ${media ? media.slice(0, 100) : 'no Content-Type'}).`), {
      Accept: [ACCEPTED_CONTENT_TYPES.join(', ')],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'not JSON';
    return problemResponse(eventProblem(400, `The body is not valid JSON: ${reason}`, [{ field: '(body)', message: 'is not valid JSON' }]));
  }
  const parsed = parseGovernanceEvent(json);
  if (parsed.ok === false) {
    const summary = parsed.problems.slice(0, 5).map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    return problemResponse(eventProblem(400, `The event is not valid: ${summary}`, parsed.problems));
  }
  if (parsed.ok === 'ignored') {
    console.log(`governance events: ignored an event of unknown type "${parsed.type.slice(0, 100)}"`);
    return respond(202, { status: 'ignored', id: parsed.id, detail: `Events of type "${parsed.type}" are not used by this version of the app.` });
  }
  const event = parsed.event.type === 'governance.change.created' ? { ...parsed.event, data: withSensitiveValuesRedacted(parsed.event.data) } : parsed.event;
  const recorded = await recordEventOnce({ source: event.source, id: event.id, type: event.type, receivedAt: new Date(now).toISOString(), event: { specversion: '1.0', ...event } });
  if (!recorded.first) return respond(202, { status: 'duplicate', id: event.id, detail: 'This event (source and id) was accepted before; nothing changed.' });
  try {
    const message: GovernanceEventMessage = { record: recorded.key };
    await new Queue({ key: GOVERNANCE_EVENTS_QUEUE }).push([{ body: message as unknown as Record<string, unknown> }]);
  } catch (error) {
    // Not queued means not done: forget the record so the backend's retry is accepted instead of taken for a replay.
    await forgetEvent(recorded.key).catch(() => undefined);
    console.error(`governance events: could not queue event ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
    return problemResponse(eventProblem(503, 'The event could not be queued; retry later.'), { 'Retry-After': ['30'] });
  }
  return respond(202, { status: 'accepted', id: event.id });
}
