import { makeDataDir } from './helpers';
import { ConfluenceEmulator } from '../../../workbench/forge/confluence';
import { SEED_USERS } from '../../../workbench/forge/confluence/users';
import { WORKBENCH_USER } from '../../../workbench/shell/frameContext';
import fs from 'node:fs/promises';

describe('the emulated Confluence user endpoint (GET /wiki/rest/api/user/current)', () => {
  let dataDir: string;
  let confluence: ConfluenceEmulator;
  const open = async (scopes: string[]) => {
    confluence = await ConfluenceEmulator.open({ dataDir, now: Date.now, origin: () => 'http://127.0.0.1:4999', scopes });
  };
  beforeEach(async () => {
    dataDir = await makeDataDir();
    await open(['read:confluence-user']);
  });
  afterEach(async () => {
    confluence.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const current = async (accountId: string | null, isApp = false) => {
    const response = await confluence.fetch({ accountId, isApp }, '/wiki/rest/api/user/current', { method: 'GET' });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers the signed-in user as Confluence shapes a v1 User', async () => {
    const { status, body } = await current(WORKBENCH_USER.accountId);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'known', accountId: WORKBENCH_USER.accountId, accountType: 'atlassian', displayName: WORKBENCH_USER.displayName });
  });

  it('knows the page shell’s workbench user under the same name', () => {
    expect(SEED_USERS.find((user) => user.accountId === WORKBENCH_USER.accountId)?.displayName).toBe(WORKBENCH_USER.displayName);
  });

  it('answers the anonymous user to a reader who is not logged in', async () => {
    expect(await current(null)).toMatchObject({ status: 200, body: { type: 'anonymous', displayName: 'Anonymous' } });
    expect((await current(null)).body).not.toHaveProperty('accountId');
  });

  it('answers a user a test added, and 404 for an account the site does not have', async () => {
    confluence.addUser({ accountId: 'acc-ravi', displayName: 'Ravi Kumar', publicName: 'Ravi', email: 'ravi@example.com' });
    expect(await current('acc-ravi')).toMatchObject({ status: 200, body: { displayName: 'Ravi Kumar' } });
    expect((await current('acc-nobody')).status).toBe(404);
  });

  it('answers the app’s own account to an asApp call', async () => {
    expect(await current('forge-app:x', true)).toMatchObject({ status: 200, body: { accountType: 'app', accountId: 'forge-app:x' } });
  });

  it('refuses an app without a user scope, as the Forge gateway does', async () => {
    confluence.close();
    await open(['read:page:confluence']);
    const { status, body } = await current(WORKBENCH_USER.accountId);
    expect(status).toBe(401);
    expect(String(body.message)).toMatch(/read:confluence-user/);
  });
});
