import { macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';

const MODULE = 'interface-spec';
const { page, workbench, sim, sync, createMacro, openMacro, openConfigPanel, openExport, withFaults } = useWorkbenchSuite({ timeoutMs: 90_000 });

const PAGE_ID = '65537';
const OTHER_USER = '5f0c277e0a9b8e00230c1a5f';

function deployment(environmentId: string, artifactId: string) {
  const found = sim().data.deployments.find((d) => d.environmentId === environmentId && d.artifactId === artifactId);
  if (!found) throw new Error(`no deployment of ${artifactId} in ${environmentId}`);
  return found;
}

/** Saves a spec straight through the resolver, as another user on the same page would. */
async function saveAs(accountId: string, localId: string, spec: Record<string, unknown>, baseVersion: number) {
  const answer = await workbench().forge.invokeResolver({
    moduleKey: MODULE,
    functionKey: 'saveInterfaceSpec',
    payload: { spec, baseVersion },
    extension: { type: 'macro', config: {}, content: { id: PAGE_ID } },
    accountId,
    localId,
  });
  expect(answer).toMatchObject({ ok: true, body: { state: 'saved' } });
}

const baseSpec = (overrides: Record<string, unknown> = {}) => ({
  solutionId: 'sol-otc',
  name: 'Purchase orders from US retail partners',
  partners: [{ id: 'ptn-acme', name: 'Acme Retail' }],
  direction: 'inbound',
  message: { type: 'X12 850', version: '4010' },
  schema: { kind: 'edi-guideline', name: 'Acme 850 guideline', version: '4010 rev 7' },
  endpoints: [{ environmentId: 'env-otc-prod', url: 'https://as2.otc.example-retail.com/as2/receive', protocol: 'AS2' }],
  artifacts: [{ artifactId: 'art-otc-850-in', expectedVersion: deployment('env-otc-prod', 'art-otc-850-in').version }],
  businessRules: [{ id: 'BR-1', text: 'A PO without a ship-to GLN is rejected.' }],
  exceptionHandling: [{ condition: 'Unknown partner ISA id', action: 'Quarantine and alert the OTC support queue.' }],
  owner: { name: 'Priya Nair', email: 'priya.nair@example.com' },
  ...overrides,
});

/** Picks an option of an Atlaskit select by typing part of its label, with the keyboard only. */
async function choose(frame: Frame, label: RegExp, text: string) {
  await frame.getByRole('combobox', { name: label }).focus();
  await page().keyboard.type(text);
  await page().keyboard.press('Enter');
}

const errorOf = (frame: Frame, id: string) => frame.getByTestId(`${id}-error`);

describe('interface-spec macro in the browser', () => {
  it('writes a spec: shows field errors, takes the keyboard to them, saves, and shows drift per environment', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE));
    await frame.getByTestId('no-spec').waitFor();

    // Keyboard only: the Write button, then Save with nothing filled in.
    await frame.getByTestId('edit-spec').focus();
    await page().keyboard.press('Enter');
    await frame.getByTestId('spec-editor').waitFor();
    await frame.getByTestId('save-spec').focus();
    await page().keyboard.press('Enter');
    const summary = frame.getByTestId('spec-error-summary');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(/Interface name: is required/);
    await expect(frame.evaluate(() => document.activeElement?.id)).resolves.toBe('spec-error-summary');
    await expect(errorOf(frame, 'spec-owner-email').innerText()).resolves.toBe('is required');

    await summary.getByRole('button', { name: 'Owner email: is required' }).focus();
    await page().keyboard.press('Enter');
    await expect(frame.evaluate(() => document.activeElement?.id)).resolves.toBe('spec-owner-email');

    // Fill it in, with one endpoint URL that is not a URL.
    await frame.getByLabel('Interface name').fill('Purchase orders from US retail partners');
    await choose(frame, /^Solution/, 'Retail Order');
    await frame.getByLabel('Message type').fill('X12 850');
    await frame.getByLabel('Message version').fill('4010');
    await frame.getByLabel('Partner 1 id').fill('ptn-acme');
    await frame.getByLabel('Partner 1 name').fill('Acme Retail');
    await frame.getByLabel('Name', { exact: true }).fill('Acme 850 guideline');
    await frame.getByLabel('Version', { exact: true }).fill('4010 rev 7');
    await frame.getByRole('button', { name: 'Add endpoint' }).click();
    await choose(frame, /Endpoint 1 environment/, 'OTC Production');
    await frame.getByLabel('Endpoint 1 URL').fill('as2.otc.example-retail.com/as2/receive');
    await frame.getByLabel('Endpoint 1 protocol').fill('AS2');
    const prodVersion = deployment('env-otc-prod', 'art-otc-850-in').version;
    await frame.getByRole('button', { name: 'Add artifact' }).click();
    await choose(frame, /^Artifact 1$/, 'art-otc-850-in');
    await frame.getByLabel('Artifact 1 expected version').fill(prodVersion);
    await frame.getByLabel('Owner name').fill('Priya Nair');
    await frame.getByLabel('Owner email').fill('priya.nair@example.com');

    await frame.getByTestId('save-spec').click();
    await expect(errorOf(frame, 'spec-endpoints-0-url').innerText()).resolves.toBe('must be a URL');
    await expect(frame.getByLabel('Endpoint 1 URL').getAttribute('aria-describedby')).resolves.toContain('spec-endpoints-0-url-error');
    await expect(summary.innerText()).resolves.toMatch(/Endpoint 1, URL: must be a URL/);

    await frame.getByLabel('Endpoint 1 URL').fill('https://as2.otc.example-retail.com/as2/receive');
    await frame.getByTestId('save-spec').click();

    // Saved: the spec reads back, with its drift per environment of Retail Order-to-Cash.
    await frame.getByTestId('drift-section').waitFor({ timeout: 15_000 });
    await expect(frame.getByTestId('spec-notice').innerText()).resolves.toMatch(/saved as version 1/);
    await expect(frame.getByTestId('spec-saved').innerText()).resolves.toMatch(/version 1, saved .* by you/);
    await expect(frame.getByTestId('spec-endpoints').innerText()).resolves.toContain('OTC Production');

    const prod = frame.getByTestId('drift-summary-env-otc-prod');
    await expect(prod.innerText()).resolves.toMatch(/OTC Production[\s\S]*Match[\s\S]*1 of 1 artifacts match/);
    for (const stage of ['dev', 'test']) {
      const version = deployment(`env-otc-${stage}`, 'art-otc-850-in').version;
      const expected = version === prodVersion ? /Match/ : /Drift[\s\S]*1 drift/;
      await expect(frame.getByTestId(`drift-summary-env-otc-${stage}`).innerText()).resolves.toMatch(expected);
    }
    const rows = frame.getByTestId('drift-table').locator('tbody tr');
    await expect(rows.nth(0).innerText()).resolves.toContain('X12 850 Purchase Order (inbound)');
    const devVersion = deployment('env-otc-dev', 'art-otc-850-in').version;
    if (devVersion !== prodVersion) await expect(rows.nth(0).innerText()).resolves.toContain(`spec ${prodVersion}, deployed ${devVersion}`);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/Endpoint[\s\S]*Not in spec[\s\S]*Not in spec[\s\S]*Match/);
  });

  it('shows anonymous readers the spec and its drift, without an Edit button', async () => {
    const localId = await createMacro(MODULE);
    await saveAs(OTHER_USER, localId, baseSpec(), 0);
    const frame = await openMacro(MODULE, localId, '&anon=1');
    await frame.getByTestId('drift-section').waitFor();
    await expect(frame.getByTestId('spec-saved').innerText()).resolves.toMatch(/by Ravi Release-Manager/);
    expect(await frame.getByTestId('edit-spec').count()).toBe(0);
  });

  it('refuses a stale save, says so, and loads the other person’s version on request', async () => {
    const localId = await createMacro(MODULE);
    await saveAs(OTHER_USER, localId, baseSpec(), 0);
    const frame = await openMacro(MODULE, localId);
    await frame.getByTestId('edit-spec').click();
    await frame.getByLabel('Interface name').fill('My edit');

    await saveAs(OTHER_USER, localId, baseSpec({ name: 'Ravi’s newer edit' }), 1);
    await frame.getByTestId('save-spec').click();
    const conflict = frame.getByTestId('save-conflict');
    await conflict.waitFor();
    await expect(conflict.innerText()).resolves.toMatch(/you edited version 1, and version 2 was saved/);

    await conflict.getByRole('button', { name: /Load their version/ }).click();
    await frame.getByText('Ravi’s newer edit').first().waitFor();
    await expect(frame.getByTestId('spec-saved').innerText()).resolves.toMatch(/version 2/);
  });

  it('is configured from the UI Kit panel: drift only, production only', async () => {
    const localId = await createMacro(MODULE);
    await saveAs(OTHER_USER, localId, baseSpec(), 0);
    await (await openMacro(MODULE, localId)).getByTestId('spec-details').waitFor();

    const configFrame = await openConfigPanel();
    await configFrame.getByRole('combobox', { name: /Show/ }).focus();
    await page().keyboard.type('Drift only');
    await page().keyboard.press('Enter');
    await configFrame.getByRole('checkbox', { name: 'prod' }).check();
    await configFrame.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByTestId('drift-section').waitFor();
    await frame.waitForFunction(() => !document.querySelector('[data-testid="spec-details"]'));
    await expect(frame.locator('[data-testid^="drift-summary-"]').count()).resolves.toBe(1);
    await frame.getByTestId('drift-summary-env-otc-prod').waitFor();
    const saved = (await (await fetch(`${workbench().url}/__shell/macros/${localId}`)).json()) as { config: unknown };
    expect(saved.config).toEqual({ mode: 'drift', stages: ['prod'] });
  });

  it('warns that drift may be stale when the last sync failed', async () => {
    const localId = await createMacro(MODULE);
    await saveAs(OTHER_USER, localId, baseSpec(), 0);
    await withFaults([{ path: '/v1/deployments', status: 500 }], async () => {
      expect((await sync()).ok).toBe(false);
      const frame = await openMacro(MODULE, localId);
      const warning = frame.getByTestId('stale-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toMatch(/last sync failed/i);
      await frame.getByTestId('drift-section').waitFor();
    });
  });

  it('exports to PDF/Word as a readable spec with a drift table', async () => {
    const localId = await createMacro(MODULE);
    await saveAs(OTHER_USER, localId, baseSpec(), 0);
    await openExport(MODULE, localId);
    const text = await page().locator('body').innerText();
    expect(text).toContain('Interface spec: Purchase orders from US retail partners');
    for (const heading of ['Endpoints', 'Implementing artifacts', 'Business rules', 'Exception handling', 'Drift: the environments compared with this spec']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Quarantine and alert the OTC support queue.');
    expect(text).toMatch(/OTC Production \(prod, production\)/);
  });
});
