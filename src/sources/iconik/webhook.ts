/**
 * iconik webhook deliveries. iconik signs nothing: the only authentication is a custom header an admin adds to the
 * webhook definition (`headers` in `/API/notifications/v1/webhooks/`), here named ICONIK_WEBHOOK_HEADER with the
 * ICONIK_WEBHOOK_SECRET as its value. What `data` holds for the entity and metadata realms is UNCONFIRMED, so a
 * delivery only names the object to re-fetch.
 */
import { z } from 'zod';

/** The custom header name the app expects (lower case, as Node and Forge hand headers over). */
export const ICONIK_WEBHOOK_HEADER = 'x-iconik-webhook-secret';

export const iconikWebhookDeliverySchema = z
  .object({
    system_domain_id: z.string().nullable().optional(),
    object_id: z.string().min(1).max(200),
    user_id: z.string().nullable().optional(),
    realm: z.string().nullable().optional(),
    operation: z.string().nullable().optional(),
    event_type: z.string().min(1).max(100),
    request_id: z.string().nullable().optional(),
    data: z.unknown().optional(),
  })
  .passthrough();
export type IconikWebhookDelivery = z.infer<typeof iconikWebhookDeliverySchema>;
