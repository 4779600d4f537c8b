import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';

/**
 * Who is signed in, as Confluence says: the display name a sign-off keeps comes from here, never from the browser,
 * which could send any name. Called asUser, so Confluence answers for the person invoking the resolver.
 * Needs read:confluence-user (manifest.yml).
 */
const currentUserSchema = z
  .object({
    type: z.string().optional(),
    accountId: z.string().optional(),
    displayName: z.string().optional(),
    publicName: z.string().optional(),
  })
  .passthrough();

export type CurrentUser =
  | { ok: true; accountId: string; displayName: string }
  | { ok: false; reason: 'anonymous' | 'unavailable'; detail: string };

export async function currentConfluenceUser(): Promise<CurrentUser> {
  let response: APIResponse;
  try {
    response = await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`, { headers: { Accept: 'application/json' } });
  } catch (error) {
    return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Confluence answered ${response.status}` };
  const parsed = currentUserSchema.safeParse(await response.json().catch((): unknown => null));
  if (!parsed.success) return { ok: false, reason: 'unavailable', detail: 'Confluence answered an unexpected user record' };
  const user = parsed.data;
  if (user.type === 'anonymous' || !user.accountId) return { ok: false, reason: 'anonymous', detail: 'Confluence sees an anonymous user' };
  const displayName = (user.displayName ?? user.publicName ?? '').trim();
  return { ok: true, accountId: user.accountId, displayName: displayName || user.accountId };
}
