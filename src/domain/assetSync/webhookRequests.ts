/**
 * What Canto and iconik webhooks deliver (../shared/reference/dam-apis.md), validated, and how deliveries of one
 * object coalesce into one refetch. Pure.
 *
 * Canto: JSON `{secure_token, scheme, album, displayname, id}`; the shared `secure_token` is the only authentication.
 * iconik: the delivery schema and its secret header live with the iconik client (src/sources/iconik/webhook.ts). What
 * `data` holds is UNCONFIRMED, so only `object_id` and `event_type` are read, and the object is always fetched again.
 */
import { z } from 'zod';
import { WEBHOOK_BUCKET_SECONDS } from './budgets';

const objectId = z.string().trim().min(1).max(200);

export const cantoWebhookSchema = z
  .object({
    secure_token: z.string().max(1000),
    scheme: z.string().trim().min(1).max(60).regex(/^[A-Za-z]+$/, 'must be a Canto scheme such as image or video'),
    id: objectId,
    album: z.unknown().optional(),
    displayname: z.unknown().optional(),
  })
  .passthrough();
export type CantoWebhook = z.infer<typeof cantoWebhookSchema>;

/** The iconik event types whose object_id is an asset id; others (jobs, collections, ...) leave the hourly sync to it. */
export const ICONIK_ASSET_EVENT_TYPES = ['assets', 'asset'];

export function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

/**
 * Deliveries for one object within a bucket share one refetch; the refetch runs just after the bucket closes, so it
 * reads the object as the last delivery of the bucket left it. Duplicates and replays land in a bucket that already
 * has its refetch, or trigger one more harmless refetch.
 */
export function webhookBucket(now: Date, bucketSeconds = WEBHOOK_BUCKET_SECONDS): { bucket: number; delaySeconds: number } {
  const bucketMs = bucketSeconds * 1000;
  const bucket = Math.floor(now.getTime() / bucketMs);
  const delaySeconds = Math.ceil(((bucket + 1) * bucketMs - now.getTime()) / 1000) + 2;
  return { bucket, delaySeconds };
}
