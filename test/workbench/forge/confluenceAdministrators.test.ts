import fs from 'node:fs/promises';
import { ConfluenceEmulator } from '../../../workbench/forge/confluence';
import { SEED_USERS } from '../../../workbench/forge/confluence/users';
import { makeDataDir } from './helpers';

describe('the emulated Confluence says who administers the site (user/current?expand=operations)', () => {
  let dataDir: string;
  let confluence: ConfluenceEmulator;
  beforeEach(async () => {
    dataDir = await makeDataDir();
    confluence = await ConfluenceEmulator.open({ dataDir, now: Date.now, origin: () => 'http://127.0.0.1:4999', scopes: ['read:confluence-user'] });
  });
  afterEach(async () => {
    confluence.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const current = async (accountId: string | null, query = '?expand=operations') =>
    (await (await confluence.fetch({ accountId, isApp: false }, `/wiki/rest/api/user/current${query}`, { method: 'GET' })).json()) as Record<string, unknown>;
  const administers = (user: Record<string, unknown>) =>
    (user.operations as { operation: string; targetType: string }[]).some((op) => op.operation === 'administer' && op.targetType === 'application');

  it('seeds one Confluence administrator and colleagues who are not', async () => {
    const admin = SEED_USERS.find((user) => user.confluenceAdmin);
    const others = SEED_USERS.filter((user) => !user.confluenceAdmin);
    expect(admin).toBeDefined();
    expect(others.length).toBeGreaterThan(0);
    expect(administers(await current(admin!.accountId))).toBe(true);
    for (const other of others) expect(administers(await current(other.accountId))).toBe(false);
  });

  it('lists operations only when asked to expand them, as Confluence does', async () => {
    const plain = await current(SEED_USERS[0]!.accountId, '');
    expect(plain).not.toHaveProperty('operations');
    expect(plain._expandable).toHaveProperty('operations');
    const expanded = await current(SEED_USERS[0]!.accountId, '?expand=operations,personalSpace');
    expect(expanded._expandable).not.toHaveProperty('operations');
  });

  it('gives an anonymous reader no operations, and a user a test adds none unless made an administrator', async () => {
    expect(await current(null)).toMatchObject({ type: 'anonymous', operations: [] });
    confluence.addUser({ accountId: 'acc-new-admin', displayName: 'New Admin', publicName: 'New', email: 'n@example.com', confluenceAdmin: true });
    confluence.addUser({ accountId: 'acc-new-user', displayName: 'New User', publicName: 'New', email: 'u@example.com' });
    expect(administers(await current('acc-new-admin'))).toBe(true);
    expect(administers(await current('acc-new-user'))).toBe(false);
  });
});
