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
    operations: z.array(z.unknown()).optional(),
  })
  .passthrough();
export type CurrentUserRecord = z.infer<typeof currentUserSchema> & { accountId: string };

export type CurrentUserAnswer =
  | { ok: true; user: CurrentUserRecord }
  | { ok: false; reason: 'anonymous' | 'unavailable'; detail: string };

/**
 * `GET /wiki/rest/api/user/current` asUser, validated; `expand=operations` adds what the caller may do on the site.
 * An anonymous caller or an answer Confluence did not give is a value, never a throw.
 */
export async function readCurrentUserRecord(options: { operations?: boolean } = {}): Promise<CurrentUserAnswer> {
  let response: APIResponse;
  try {
    const path = options.operations ? route`/wiki/rest/api/user/current?expand=operations` : route`/wiki/rest/api/user/current`;
    response = await api.asUser().requestConfluence(path, { headers: { Accept: 'application/json' } });
  } catch (error) {
    return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Confluence answered ${response.status}` };
  const parsed = currentUserSchema.safeParse(await response.json().catch((): unknown => null));
  if (!parsed.success) return { ok: false, reason: 'unavailable', detail: 'Confluence answered an unexpected user record' };
  const user = parsed.data;
  if (user.type === 'anonymous' || !user.accountId) return { ok: false, reason: 'anonymous', detail: 'Confluence sees an anonymous user' };
  return { ok: true, user: { ...user, accountId: user.accountId } };
}

export type CurrentUser =
  | { ok: true; accountId: string; displayName: string }
  | { ok: false; reason: 'anonymous' | 'unavailable'; detail: string };

export async function currentConfluenceUser(): Promise<CurrentUser> {
  const answer = await readCurrentUserRecord();
  if (!answer.ok) return answer;
  const { user } = answer;
  const displayName = (user.displayName ?? user.publicName ?? '').trim();
  return { ok: true, accountId: user.accountId, displayName: displayName || user.accountId };
}
