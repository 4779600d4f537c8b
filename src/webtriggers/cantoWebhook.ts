import { readSecret, SECRET_ENV } from '../config/connections';
import { cantoWebhookSchema, issuesOf } from '../domain/assetSync/webhookRequests';
import { forgeAssetSyncDeps } from '../sync/assets/forgeDeps';
import { queueWebhookRefetch } from '../sync/assets/refetchQueue';
import { secretMatches } from './bearerSecret';
import { acceptedAnswer, parseJsonBody, problemAnswer, refuseEarly, type WebtriggerRequest, type WebtriggerResponse } from './damWebhook';

/**
 * Canto's webhook (configured in Canto's UI with this webtrigger's URL): `{secure_token, scheme, album, displayname,
 * id}`. The `secure_token` in the body is the only authentication, compared in constant time with the token the admin
 * saved. Canto ignores the answer and never retries, so a good delivery is answered 202 at once and the asset is read
 * again from Canto shortly after; the hourly sync catches whatever a lost delivery missed.
 */
export async function cantoWebhook(request: WebtriggerRequest): Promise<WebtriggerResponse> {
  const early = refuseEarly(request, 'Canto');
  if (early) return early;
  const expected = await readSecret('cantoWebhookToken');
  if (!expected) {
    return problemAnswer(503, `The Canto webhook is not configured: a Confluence admin sets the Canto webhook token on the app settings page (or the ${SECRET_ENV.cantoWebhookToken} variable).`);
  }
  const json = parseJsonBody(request, 'Canto');
  if (!json.ok) return json.answer;
  const presented = typeof json.value === 'object' && json.value !== null ? (json.value as { secure_token?: unknown }).secure_token : undefined;
  if (typeof presented !== 'string' || presented.length === 0 || !secretMatches(presented, expected)) {
    return problemAnswer(401, 'The secure_token is missing or wrong: use the token saved as the Canto webhook token.');
  }
  const parsed = cantoWebhookSchema.safeParse(json.value);
  if (!parsed.success) return problemAnswer(400, `The body is not a Canto webhook delivery: ${issuesOf(parsed.error)}.`);
  const { id, scheme } = parsed.data;
  const refetch = await queueWebhookRefetch('canto', { id, scheme }, forgeAssetSyncDeps());
  return acceptedAnswer({ source: 'canto', id, refetch });
}
