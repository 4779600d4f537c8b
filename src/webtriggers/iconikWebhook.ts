import { readSecret, SECRET_ENV } from '../config/connections';
import { ICONIK_ASSET_EVENT_TYPES, issuesOf } from '../domain/assetSync/webhookRequests';
import { ICONIK_WEBHOOK_HEADER, iconikWebhookDeliverySchema } from '../sources/iconik/webhook';
import { forgeAssetSyncDeps } from '../sync/assets/forgeDeps';
import { queueWebhookRefetch } from '../sync/assets/refetchQueue';
import { secretMatches } from './bearerSecret';
import { acceptedAnswer, headerValue, parseJsonBody, problemAnswer, refuseEarly, type WebtriggerRequest, type WebtriggerResponse } from './damWebhook';

const HEADER_LABEL = 'X-Iconik-Webhook-Secret';

/**
 * iconik's webhook (a webhook definition with this webtrigger's URL and the custom header `X-Iconik-Webhook-Secret:
 * <secret>`; iconik signs nothing, so the header is the authentication, compared in constant time). Asset events
 * queue a refetch of the asset, job events a refetch of the job (its asset's failed jobs); only `object_id`,
 * `event_type` and `operation` are read from the body, never `data`.
 */
export async function iconikWebhook(request: WebtriggerRequest): Promise<WebtriggerResponse> {
  const early = refuseEarly(request, 'iconik');
  if (early) return early;
  const expected = await readSecret('iconikWebhookSecret');
  if (!expected) {
    return problemAnswer(503, `The iconik webhook is not configured: a Confluence admin sets the iconik webhook secret on the app settings page (or the ${SECRET_ENV.iconikWebhookSecret} variable).`);
  }
  const presented = headerValue(request, ICONIK_WEBHOOK_HEADER);
  if (!presented || !secretMatches(presented, expected)) {
    return problemAnswer(401, `The ${HEADER_LABEL} header is missing or wrong: add it to the iconik webhook definition with the saved iconik webhook secret.`);
  }
  const json = parseJsonBody(request, 'iconik');
  if (!json.ok) return json.answer;
  const parsed = iconikWebhookDeliverySchema.safeParse(json.value);
  if (!parsed.success) return problemAnswer(400, `The body is not an iconik webhook delivery: ${issuesOf(parsed.error)}.`);
  const { object_id: id, event_type: eventType } = parsed.data;
  const type = ICONIK_ASSET_EVENT_TYPES.includes(eventType.toLowerCase()) ? 'asset' : eventType.toLowerCase() === 'jobs' ? 'job' : null;
  if (!type) return acceptedAnswer({ source: 'iconik', id, refetch: 'ignored', reason: `events of type "${eventType.slice(0, 100)}" are left to the hourly sync` });
  const refetch = await queueWebhookRefetch('iconik', { id, type }, forgeAssetSyncDeps());
  return acceptedAnswer({ source: 'iconik', id, refetch });
}
