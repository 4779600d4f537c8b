import { z } from 'zod';
import { readCurrentUserRecord } from './currentUser';

/**
 * Whether the person invoking a resolver is a Confluence administrator, as Confluence says (never the browser).
 * Asked asUser: `GET /wiki/rest/api/user/current?expand=operations` lists what the caller may do on the site, and
 * Confluence administrators (site admins and members of the Confluence admin groups) have
 * `{operation: 'administer', targetType: 'application'}`. Needs read:confluence-user (manifest.yml).
 *
 * A missing or unexpected answer counts as "not confirmed", never as an administrator.
 */
const operationSchema = z.object({ operation: z.string(), targetType: z.string() }).passthrough();
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
  const answer = await readCurrentUserRecord({ operations: true });
  if (!answer.ok) return answer;
  const { user } = answer;
  if (!user.operations) return { ok: false, reason: 'unavailable', detail: 'Confluence did not list the user’s permitted operations' };
  if (!isAdministerApplication(user.operations)) {
    return { ok: false, reason: 'not-administrator', detail: `${user.accountId} may not administer Confluence` };
  }
  return { ok: true, accountId: user.accountId };
}
