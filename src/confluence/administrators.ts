import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';

/**
 * Whether the person invoking a resolver is a Confluence administrator, as Confluence says (never the browser).
 * Asked asUser: `GET /wiki/rest/api/user/current?expand=operations` lists what the caller may do on the site, and
 * Confluence administrators (site admins and members of the Confluence admin groups) have
 * `{operation: 'administer', targetType: 'application'}`. Needs read:confluence-user (manifest.yml).
 *
 * A missing or unexpected answer counts as "not confirmed", never as an administrator.
 */
const operationSchema = z.object({ operation: z.string(), targetType: z.string() }).passthrough();
const currentUserSchema = z
  .object({
    type: z.string().optional(),
    accountId: z.string().optional(),
    operations: z.array(z.unknown()).optional(),
  })
  .passthrough();

export type AdministratorCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: 'anonymous' | 'not-administrator' | 'unavailable'; detail: string };

export function isAdministerApplication(operations: readonly unknown[]): boolean {
  return operations.some((entry) => {
    const parsed = operationSchema.safeParse(entry);
    return parsed.success && parsed.data.operation === 'administer' && parsed.data.targetType === 'application';
  });
}

export async function checkConfluenceAdministrator(): Promise<AdministratorCheck> {
  let response: APIResponse;
  try {
    response = await api
      .asUser()
      .requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: { Accept: 'application/json' } });
  } catch (error) {
    return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Confluence answered ${response.status}` };
  const parsed = currentUserSchema.safeParse(await response.json().catch((): unknown => null));
  if (!parsed.success) return { ok: false, reason: 'unavailable', detail: 'Confluence answered an unexpected user record' };
  const user = parsed.data;
  if (user.type === 'anonymous' || !user.accountId) return { ok: false, reason: 'anonymous', detail: 'Confluence sees an anonymous user' };
  if (!user.operations) return { ok: false, reason: 'unavailable', detail: 'Confluence did not list the user’s permitted operations' };
  if (!isAdministerApplication(user.operations)) {
    return { ok: false, reason: 'not-administrator', detail: `${user.accountId} may not administer Confluence` };
  }
  return { ok: true, accountId: user.accountId };
}
