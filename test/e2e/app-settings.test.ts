import type { Frame } from 'playwright-core';
import { SECRET_KEYS } from '../../src/config/connections';
import { SEED_USERS } from '../../workbench/forge/confluence/users';
import { useWorkbenchSuite } from './harness';

const { page, workbench } = useWorkbenchSuite();

const NON_ADMIN = SEED_USERS.find((user) => !user.confluenceAdmin)!;
const TYPED_TOKEN = 'e2e-typed-iconik-token-7f3a';

/** The settings page (confluence:globalSettings) as `as` sees it (the workbench's admin by default). */
async function settingsFrame(as?: string): Promise<Frame> {
  await page().goto(`${workbench().url}/module/app-settings${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  await page().waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 20_000 });
  const frame = await (await page().$('iframe[data-role="page"]'))?.contentFrame();
  if (!frame) throw new Error('no settings frame');
  return frame;
}

const storedSecret = (name: keyof typeof SECRET_KEYS) => workbench().forge.kvs.secrets.get(SECRET_KEYS[name]);

describe('app settings page in the browser', () => {
  it('saves a connection’s secret (shown only as Set), tests it, clears it and tests again', async () => {
    const frame = await settingsFrame();
    const iconik = frame.getByTestId('connection-iconik');
    await iconik.getByRole('heading', { name: 'iconik' }).waitFor();

    await iconik.getByTestId('secret-replace-iconikAuthToken').click();
    await iconik.getByLabel('New auth token').fill(TYPED_TOKEN);
    await iconik.getByRole('button', { name: 'Save iconik connection' }).click();
    await iconik.getByTestId('connection-iconik-notice').getByText('iconik connection saved.').waitFor();
    expect(storedSecret('iconikAuthToken')).toBe(TYPED_TOKEN);
    await expect(iconik.getByTestId('secret-status-iconikAuthToken').innerText()).resolves.toMatch(/^set$/i);
    await iconik.getByTestId('secret-clear-iconikAuthToken').waitFor();
    expect(await iconik.getByLabel('New auth token').count()).toBe(0);
    expect(await frame.content()).not.toContain(TYPED_TOKEN);

    // The stored token is not the one the simulator issued: the test says the credentials were rejected.
    await iconik.getByTestId('test-connection-iconik').focus();
    await page().keyboard.press('Enter');
    const failed = iconik.getByTestId('test-result-iconik');
    await failed.getByText('Credentials rejected (401)').waitFor();
    expect(await failed.innerText()).not.toContain(TYPED_TOKEN);

    await iconik.getByTestId('secret-clear-iconikAuthToken').click();
    await iconik.getByTestId('secret-clear-confirm-iconikAuthToken').click();
    await iconik.getByTestId('secret-clear-iconikAuthToken').waitFor({ state: 'detached' });
    expect(storedSecret('iconikAuthToken')).toBeUndefined();

    // With the stored token gone, the workbench's Forge variable (the simulator's token) applies again.
    await iconik.getByTestId('test-connection-iconik').click();
    await iconik.locator('[data-testid="test-result-iconik"][data-ok="true"]').getByRole('heading', { name: 'Connected' }).waitFor();
  });

  it('tests the governance connection with an unsaved secret typed into the form', async () => {
    const frame = await settingsFrame();
    const governance = frame.getByTestId('connection-governance');
    await governance.getByTestId('test-connection-governance').click();
    await governance.locator('[data-testid="test-result-governance"][data-ok="true"]').getByText(/read \d+ solutions/).waitFor();
    await governance.getByTestId('secret-replace-governanceClientSecret').click();
    await governance.getByLabel('New client secret').fill('not-the-right-one');
    await governance.getByTestId('test-connection-governance').click();
    await governance.locator('[data-testid="test-result-governance"][data-ok="false"]').getByText(/values in the form/).waitFor();
    expect(await governance.getByTestId('test-result-governance').innerText()).toMatch(/Credentials rejected \(401\)/);
    expect(storedSecret('governanceClientSecret')).toBeUndefined();
  });

  it('names a base URL outside the egress list at its field and saves nothing', async () => {
    const frame = await settingsFrame();
    const canto = frame.getByTestId('connection-canto');
    await canto.getByLabel('Base URL').fill('https://dam.example.org');
    await canto.getByRole('button', { name: 'Save Canto connection' }).click();
    const summary = canto.getByTestId('connection-canto-error');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Canto Base URL: dam\.example\.org is not one of the hosts this app may call/);
    expect(await canto.getByTestId('settings-connections-canto-baseUrl-error').innerText()).toMatch(/redeploy/);
    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: 'Canto Base URL' }).click();
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('settings-connections-canto-baseUrl');
  });

  it('maps a solution to another space and switches a SoD rule', async () => {
    const frame = await settingsFrame();
    const mapping = frame.getByTestId('space-mapping');
    await mapping.getByTestId('mapping-sol-otc').waitFor();
    await mapping.getByLabel('Space for Retail Order-to-Cash').or(mapping.locator('#settings-spaceMapping-bySolution-sol-otc')).first().click();
    await page().keyboard.type('LOG');
    await page().keyboard.press('Enter');
    await mapping.getByRole('button', { name: 'Save space mapping' }).click();
    await mapping.getByText('Space mapping saved.').waitFor();

    const rules = frame.getByTestId('sod-rules');
    await rules.getByLabel(/Owner is the only approver/).uncheck();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Segregation-of-duties rules saved.').waitFor();

    const settings = workbench().forge.kvs.get('settings:app') as { spaceMapping: { bySolution: Record<string, string | null> }; credentials: { rules: Record<string, boolean> } };
    expect(settings.spaceMapping.bySolution).toEqual({ 'sol-otc': 'LOG' });
    expect(settings.credentials.rules.ownerOnlyApprover).toBe(false);
  });

  it('shows a reader who is not a Confluence administrator why there is nothing to edit', async () => {
    const frame = await settingsFrame(NON_ADMIN.accountId);
    const refusal = frame.getByTestId('settings-forbidden');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Only Confluence administrators/);
    expect(await frame.getByRole('textbox').count()).toBe(0);
    expect(await page().getByTestId('user-switcher').innerText()).toContain(NON_ADMIN.displayName);
  });
});
