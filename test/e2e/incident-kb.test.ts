import path from 'node:path';
import type { Frame } from 'playwright-core';
import type { Failure } from '../../src/sources/governance/schemas';
import { ROOT_CAUSE_PLACEHOLDER } from '../../src/domain/incidents/rootCause';
import { eventually, useWorkbenchSuite } from './harness';

const MODULE = 'incident-knowledge-base';
const WANDA = '5f0c277e0a9b8e00230c1a5e';
const HOUR = 3_600_000;
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

function failure(id: string, overrides: Partial<Failure> = {}): Failure {
  const now = Date.now();
  return {
    id,
    environmentId: 'env-otc-prod',
    direction: 'inbound',
    // Message types the simulator's seed never uses, so every headline here is this test's own.
    messageType: 'X12 875',
    partner: { id: 'ptn-acme', name: 'Acme Retail' },
    endpoint: 'https://as2.otc.example-retail.com/as2/receive',
    errorCode: 'AS2-MDN-TIMEOUT',
    errorMessage: 'No MDN received within 30 minutes for X12 875 interchange',
    occurrences: 42,
    firstSeenAt: new Date(now - 4 * HOUR).toISOString(),
    lastSeenAt: new Date(now - HOUR / 4).toISOString(),
    state: 'open',
    severity: 'critical',
    correlationId: `tg-${id}`,
    remediation: "Check the partner's AS2 receipt URL and our certificate on their side. Then resend the interchange.",
    ...overrides,
  };
}

const { page, workbench, createMacro, openMacro, openConfigPanel, savedConfig } = useWorkbenchSuite({
  timeoutMs: 120_000,
  seed: (sim) => {
    sim.data.failures.push(
      failure('e2e-kb-875'),
      failure('e2e-kb-875-again', { environmentId: 'env-otc-test', severity: 'high' }),
      failure('e2e-kb-orders', { messageType: 'EDIFACT ORDERS', partner: { id: 'ptn-globex', name: 'Globex Wholesale' }, severity: 'high' }),
      failure('e2e-hub-880', { messageType: 'X12 880', direction: 'outbound', severity: 'critical', lastSeenAt: new Date().toISOString() }),
    );
    sim.data.changeEvents.push({
      id: 'e2e-change',
      occurredAt: new Date(Date.now() - 10 * HOUR).toISOString(),
      actor: { id: 'u-ana', name: 'Ana Silva', email: 'ana@example.com' },
      action: 'promoted',
      target: { kind: 'map', id: 'map-875', name: 'X12 875 to IDOC ORDERS05' },
      environmentId: 'env-otc-prod',
      reason: 'Stricter ship-to validation',
      ticketRef: 'CHG-2048',
      diff: [],
      impact: { severity: 'high', summary: 'Rejects POs without ship-to GLN', affectedSystems: ['SAP'], affectedPartners: ['Acme Retail'], affectedEnvironments: ['env-otc-prod'] },
      promotion: { fromEnvironmentId: 'env-otc-test', toEnvironmentId: 'env-otc-prod', state: 'succeeded', approvedBy: [] },
    });
  },
});

let kbLocalId: string;
const openKb = () => openMacro(MODULE, kbLocalId, '&space=OTC');

/** The open-failure row of a failure in the knowledge base's "without an incident page" list, paging to it. */
async function openFailureRow(frame: Frame, headline: RegExp) {
  const section = frame.getByTestId('open-failures');
  await section.getByTestId('open-failure').first().waitFor();
  for (let pageNo = 0; pageNo < 20; pageNo += 1) {
    const row = section.getByTestId('open-failure').filter({ has: frame.getByTestId('open-failure-headline').filter({ hasText: headline }) });
    if ((await row.count()) > 0) return row.first();
    await section.getByRole('button', { name: 'Next' }).click();
    await frame.waitForTimeout(200);
  }
  throw new Error(`no open failure ${headline}`);
}

async function setRootCause(pageId: string, text: string) {
  const base = `${workbench().url}/wiki/api/v2/pages/${pageId}`;
  const current = (await (await fetch(`${base}?body-format=storage`)).json()) as { title: string; version: { number: number }; body: { storage: { value: string } } };
  const response = await fetch(base, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-workbench-account-id': WANDA },
    body: JSON.stringify({
      id: pageId,
      status: 'current',
      title: current.title,
      body: { representation: 'storage', value: current.body.storage.value.replace(ROOT_CAUSE_PLACEHOLDER, text) },
      version: { number: current.version.number + 1 },
    }),
  });
  expect(response.status).toBe(200);
}

describe('incident knowledge base in the browser', () => {
  beforeAll(async () => {
    kbLocalId = await createMacro(MODULE, {});
  });

  it('creates an incident page from an open failure in one click and opens it, readable in Confluence', async () => {
    const frame = await openKb();
    await frame.getByTestId('no-incidents').waitFor();
    const row = await openFailureRow(frame, /^X12 875 inbound failing for Acme Retail$/);
    await row.getByRole('button', { name: /Create incident page for X12 875 inbound failing for Acme Retail/ }).click();

    await page().waitForURL(/\/wiki\/spaces\/OTC\/pages\/\d+/, { timeout: 15_000 });
    await expect(page().locator('h1#title-text').innerText()).resolves.toMatch(/^Incident e2e-kb-875: X12 875 inbound failing for Acme Retail$/);
    const main = page().locator('#main-content');
    const text = await main.innerText();
    expect(text).toContain('AS2-MDN-TIMEOUT: No MDN received within 30 minutes for X12 875 interchange');
    expect(text).toContain('Stricter ship-to validation');
    expect(text).toContain(ROOT_CAUSE_PLACEHOLDER);
    expect(await main.locator('.task-list li').count()).toBe(3);
    expect(await page().locator('.labels .label').allInnerTexts()).toEqual(expect.arrayContaining(['incident', 'msg-x12-875', 'partner-ptn-acme', 'env-env-otc-prod']));
    await page().screenshot({ path: path.join(SCREENSHOTS, 'incident-page.png'), fullPage: true });
  });

  it('lists the page with its root cause once filled in, and filters by message type with the keyboard', async () => {
    // A second incident of another message type, then a root cause on the first.
    const created = await workbench().forge.invokeResolver({
      moduleKey: MODULE,
      functionKey: 'incidents.create',
      payload: { kind: 'governance', solutionId: 'sol-otc', failureId: 'e2e-kb-orders' },
      extension: { type: 'macro', config: {}, content: { id: '65537' }, space: { key: 'OTC' } },
      accountId: WANDA,
    });
    expect(created).toMatchObject({ ok: true, body: { state: 'ok', created: true } });
    const first = workbench().forge.confluence.pages({ spaceKey: 'OTC' }).find((p) => p.title.startsWith('Incident e2e-kb-875'));
    await setRootCause(first!.id, 'Acme rotated their AS2 certificate without notice; imported the new one.');

    const frame = await openKb();
    const table = frame.getByTestId('incident-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await frame.getByText('Acme rotated their AS2 certificate without notice; imported the new one.').waitFor();

    await frame.getByRole('combobox', { name: 'Message type' }).focus();
    await page().keyboard.type('EDIFACT ORDERS');
    await page().keyboard.press('Enter');
    const rows = await eventually(
      () => table.locator('[data-testid="incident-link"]').allInnerTexts(),
      (titles) => titles.length === 1,
    );
    expect(rows).toEqual([expect.stringMatching(/^Incident e2e-kb-orders: EDIFACT ORDERS inbound failing for Globex Wholesale$/)]);
    await expect(frame.getByTestId('incident-count').innerText()).resolves.toBe('1 incident page');
  });

  it('shows similar past incidents with their known fix for an open failure', async () => {
    await page().setViewportSize({ width: 1400, height: 1300 });
    const frame = await openKb();
    await frame.getByTestId('incident-table').locator('tbody tr').first().waitFor();
    const row = await openFailureRow(frame, /^X12 875 inbound failing for Acme Retail$/);
    const toggle = row.getByRole('button', { name: 'Similar past incidents' });
    await toggle.focus();
    await page().keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const similar = row.getByTestId('similar-incident');
    await similar.first().waitFor();
    await expect(similar.first().innerText()).resolves.toContain('Root cause: Acme rotated their AS2 certificate without notice; imported the new one.');
    await page().screenshot({ path: path.join(SCREENSHOTS, 'incident-kb.png'), fullPage: true });
  });

  it('creates an incident page from the space hub and offers to open it afterwards', async () => {
    await page().goto(`${workbench().url}/module/space-hub?space=OTC`);
    await page().waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 15_000 });
    const hub = (await (await page().$('iframe[data-role="page"]'))?.contentFrame()) as Frame;
    const item = hub.getByTestId('hub-open-failure').filter({ hasText: 'X12 880 outbound failing for Acme Retail' }).first();
    await item.getByRole('button', { name: /^Create incident page for X12 880 outbound failing for Acme Retail/ }).click();
    await page().waitForURL(/\/wiki\/spaces\/OTC\/pages\/\d+/, { timeout: 15_000 });
    await expect(page().locator('h1#title-text').innerText()).resolves.toMatch(/^Incident e2e-hub-880: X12 880 outbound failing for Acme Retail$/);

    await page().goto(`${workbench().url}/module/space-hub?space=OTC`);
    await page().waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 15_000 });
    const again = (await (await page().$('iframe[data-role="page"]'))?.contentFrame()) as Frame;
    await again
      .getByTestId('hub-open-failure')
      .filter({ hasText: 'X12 880 outbound failing for Acme Retail' })
      .first()
      .getByRole('button', { name: /^Open incident page for X12 880/ })
      .waitFor();
  });

  it('is configured from its panel: the list starts with open incidents only', async () => {
    const localId = await createMacro(MODULE, null);
    await openMacro(MODULE, localId, '&space=OTC');
    const panel = await openConfigPanel();
    await panel.getByRole('radio', { name: 'Open only' }).check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await eventually(() => savedConfig(MODULE, localId), (config) => (config as { defaultState?: string } | undefined)?.defaultState === 'open');
    const frame = await openMacro(MODULE, localId, '&space=OTC');
    await frame.getByTestId('incident-table').waitFor();
    await frame.getByText('Open', { exact: true }).first().waitFor();
  });
});
