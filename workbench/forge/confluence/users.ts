/**
 * The site's user directory: who an accountId is, as `GET /wiki/rest/api/user/current` answers it. The workbench
 * user of the page shell is here (frameContext.ts WORKBENCH_USER: same accountId and name), plus a few colleagues
 * so several people can act on the same page. Tests add their own with ConfluenceEmulator.addUser.
 *
 * Wanda is a Confluence administrator (she can open the app's settings page); Ravi and Sofia are not. The page shell
 * acts as any of them with `?as=<accountId>` (workbench/shell/frameContext.ts).
 */
export interface DirectoryUser {
  accountId: string;
  displayName: string;
  publicName: string;
  email: string;
  /** A Confluence administrator (site admin, or in a group with Confluence admin permission). Default false. */
  confluenceAdmin?: boolean;
}

export const SEED_USERS: readonly DirectoryUser[] = [
  { accountId: '5f0c277e0a9b8e00230c1a5e', displayName: 'Wanda Workbench', publicName: 'Wanda Workbench', email: 'wanda.workbench@example.com', confluenceAdmin: true },
  { accountId: '5f0c277e0a9b8e00230c1a5f', displayName: 'Ravi Release-Manager', publicName: 'Ravi', email: 'ravi@example.com' },
  { accountId: '5f0c277e0a9b8e00230c1a60', displayName: 'Sofia Support', publicName: 'Sofia', email: 'sofia@example.com' },
];

/**
 * `expand=operations`: what the user may do on the site, as `{operation, targetType}` pairs. Apps check
 * `administer`/`application` to tell Confluence administrators apart; every licensed user may `use` the application.
 */
export function operationsJson(kind: 'user' | 'admin' | 'anonymous' | 'app'): { operation: string; targetType: string }[] {
  if (kind === 'anonymous') return [];
  const everyone = [
    { operation: 'use', targetType: 'application' },
    { operation: 'create', targetType: 'space' },
  ];
  return kind === 'admin' ? [{ operation: 'administer', targetType: 'application' }, ...everyone] : everyone;
}

function withExpansions(json: Record<string, unknown>, operations: { operation: string; targetType: string }[], expand: readonly string[]): Record<string, unknown> {
  if (!expand.includes('operations')) return json;
  const expandable = { ...(json._expandable as Record<string, unknown> | undefined) };
  delete expandable.operations;
  return { ...json, operations, _expandable: expandable };
}

export class UserDirectory {
  private readonly users = new Map<string, DirectoryUser>(SEED_USERS.map((user) => [user.accountId, user]));

  get(accountId: string): DirectoryUser | undefined {
    return this.users.get(accountId);
  }

  add(user: DirectoryUser): void {
    this.users.set(user.accountId, { ...user });
  }

  list(): DirectoryUser[] {
    return [...this.users.values()];
  }
}

/** v1 `User` as Confluence Cloud shapes it (fields apps read; email only where the profile shares it). */
export function userJson(user: DirectoryUser, baseUrl: string, expand: readonly string[] = []): Record<string, unknown> {
  return withExpansions({
    type: 'known',
    accountId: user.accountId,
    accountType: 'atlassian',
    email: user.email,
    publicName: user.publicName,
    profilePicture: { path: `/wiki/aa-avatar/${user.accountId}`, width: 48, height: 48, isDefault: false },
    displayName: user.displayName,
    isExternalCollaborator: false,
    isGuest: false,
    accountStatus: 'active',
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${baseUrl}/rest/api/user?accountId=${encodeURIComponent(user.accountId)}`, base: baseUrl, context: '/wiki' },
  }, operationsJson(user.confluenceAdmin ? 'admin' : 'user'), expand);
}

/** What Confluence answers for a reader who is not logged in. */
export function anonymousUserJson(baseUrl: string, expand: readonly string[] = []): Record<string, unknown> {
  return withExpansions({
    type: 'anonymous',
    profilePicture: { path: '/wiki/s/default/images/icons/profilepics/anonymous.svg', width: 48, height: 48, isDefault: true },
    displayName: 'Anonymous',
    isExternalCollaborator: false,
    _expandable: { operations: '' },
    _links: { self: `${baseUrl}/rest/api/user/anonymous`, base: baseUrl, context: '/wiki' },
  }, operationsJson('anonymous'), expand);
}

/** The app's own bot account, which an asApp call sees as "current". */
export function appUserJson(accountId: string, baseUrl: string, expand: readonly string[] = []): Record<string, unknown> {
  return withExpansions({
    type: 'known',
    accountId,
    accountType: 'app',
    publicName: 'Integration Governance Hub',
    displayName: 'Integration Governance Hub',
    isExternalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { base: baseUrl, context: '/wiki' },
  }, operationsJson('app'), expand);
}
