/**
 * The hostile-string suite's browser part: governance records, an iconik asset and incident pages with hostile
 * names, opened in Chromium in every view that shows them. Each string must appear literally, no dialog may open,
 * and no element from the data may exist (the page-writer part is test/security/hostileStrings.test.ts).
 */
import type { Frame, Page } from 'playwright-core';
import { upsertAssets } from '../../src/store/assets';
import type { DamAsset } from '../../src/sources/dam/asset';
import { seedAssets } from './assetLifecycleSeed';
import { useWorkbenchSuite } from './harness';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"\'><img src=x onerror=alert(1)>';
const MACRO = ']]><ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(2)</script>]]></ac:plain-text-body></ac:structured-macro>';
const TEMPLATE = '{{constructor.constructor("alert(3)")()}} ${alert(4)}';
const ENTITIES = '&amp; &lt;b&gt;not bold&lt;/b&gt; &#60;i&#62;';
const RTL = 'invoice\u202Egpj.exe';
const WANDA = '5f0c277e0a9b8e00230c1a5e';
const HOUR = 3_600_000;

const dialogs: string[] = [];

const { page, workbench, createMacro, openMacro } = useWorkbenchSuite({
  timeoutMs: 150_000,
  seed: (sim) => {
    const now = Date.now();
    sim.data.failures.push({
      id: 'e2e-hostile',
      environmentId: 'env-otc-prod',
      direction: 'inbound',
      messageType: SCRIPT,
      partner: { id: 'ptn-hostile', name: IMG },
      endpoint: TEMPLATE,
      errorCode: ENTITIES,
      errorMessage: MACRO,
      occurrences: 9,
      firstSeenAt: new Date(now - 2 * HOUR).toISOString(),
      lastSeenAt: new Date(now - 60_000).toISOString(),
      state: 'open',
      severity: 'critical',
      correlationId: RTL,
      remediation: `${IMG} ${SCRIPT}`,
    });
    const prod = sim.data.environments.find((environment) => environment.id === 'env-otc-prod');
    if (prod) prod.statusMessage = IMG;
    sim.data.changeEvents.push({
      id: 'e2e-hostile-change',
      occurredAt: new Date(now - 3 * HOUR).toISOString(),
      actor: { id: 'u-x', name: TEMPLATE, email: 'x@example.com' },
      action: 'updated',
      target: { kind: 'map', id: 'map-hostile', name: SCRIPT },
      environmentId: 'env-otc-prod',
      reason: IMG,
      ticketRef: ENTITIES,
      diff: [{ op: 'replace', path: MACRO, before: SCRIPT, after: IMG, sensitive: false }],
      impact: { severity: 'high', summary: MACRO, affectedSystems: [SCRIPT], affectedPartners: [IMG], affectedEnvironments: ['env-otc-prod'] },
      promotion: null,
    });
  },
});

/** Every frame of the page: the workbench page, macro and config frames. */
function frames(): Frame[] {
  return page().frames();
}

/** Nothing from the data became an element or ran: no onerror image, no inline script holding the payload, no dialog. */
async function expectNothingRan(current: Page) {
  for (const frame of current.frames()) {
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    const scripts = await frame.evaluate(() => Array.from(document.scripts).map((script) => script.textContent ?? ''));
    expect(scripts.filter((text) => text.includes('alert('))).toEqual([]);
  }
  expect(dialogs).toEqual([]);
}

async function expectLiteral(frame: Frame, text: string) {
  await frame.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}

beforeEach(() => {
  page().on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

describe('hostile strings in the browser', () => {
  it('shows them as text in the space hub', async () => {
    await page().goto(`${workbench().url}/module/space-hub?space=OTC`);
    await page().waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 20_000 });
    const hub = (await (await page().$('iframe[data-role="page"]'))?.contentFrame()) as Frame;
    await expectLiteral(hub, IMG);
    await expectLiteral(hub, `${SCRIPT} inbound failing for ${IMG}`);
    await expectLiteral(hub, `${ENTITIES}: ${MACRO}`);
    await expectNothingRan(page());
  });

  it('shows them as text in the environment status and change summary macros', async () => {
    const env = await openMacro('env-status', await createMacro('env-status', { solutionId: 'sol-otc' }));
    await expectLiteral(env, IMG);
    await expectNothingRan(page());

    const changes = await openMacro('change-summary', await createMacro('change-summary', { solutionId: 'sol-otc' }));
    await expectLiteral(changes, SCRIPT);
    await expectLiteral(changes, IMG);
    await expectNothingRan(page());
  });

  it('shows them as text in the incident knowledge base, on the incident page it creates, and back in the list', async () => {
    const localId = await createMacro('incident-knowledge-base', {});
    let frame = await openMacro('incident-knowledge-base', localId, '&space=OTC');
    const headline = `${SCRIPT} inbound failing for ${IMG}`;
    await expectLiteral(frame, headline);
    await expectNothingRan(page());
    const row = frame.getByTestId('open-failure').filter({ has: frame.getByTestId('open-failure-headline').filter({ hasText: headline }) }).first();
    await row.getByRole('button', { name: /^Create incident page/ }).click();

    await page().waitForURL(/\/wiki\/spaces\/OTC\/pages\/\d+/, { timeout: 20_000 });
    await expect(page().locator('h1#title-text').innerText()).resolves.toBe(`Incident e2e-hostile: ${headline}`);
    const main = page().locator('#main-content');
    const text = await main.innerText();
    for (const literal of [SCRIPT, IMG, MACRO, TEMPLATE, ENTITIES]) expect(text).toContain(literal);
    expect(text).toContain('invoice');
    expect(await main.locator('script, img, iframe, [onerror]').count()).toBe(0);
    expect(await main.locator('.macro-unknown').count()).toBe(0);
    await expectNothingRan(page());

    frame = await openMacro('incident-knowledge-base', localId, '&space=OTC');
    await expectLiteral(frame, `Incident e2e-hostile: ${headline}`);
    await frame.getByTestId('incident-link').first().waitFor();
    await expectNothingRan(page());
  });

  it('shows a hostile iconik asset and failed job as text in the asset macro and the knowledge base', async () => {
    await seedAssets(workbench(), { canto: 1, iconik: 1 });
    const now = new Date();
    const asset: DamAsset = {
      source: 'iconik',
      id: 'hostile-asset',
      kind: 'ASSET',
      name: IMG,
      approval: SCRIPT,
      campaign: TEMPLATE,
      productLine: null,
      region: RTL,
      usageRights: MACRO,
      expiresAt: null,
      createdAt: now.toISOString(),
      modifiedAt: now.toISOString(),
      owner: ENTITIES,
      link: 'https://app.iconik.io/asset/hostile-asset',
      failedJobs: [{ id: 'hostile-job', type: SCRIPT, title: IMG, status: 'FAILED', error: MACRO, at: now.toISOString(), steps: [{ label: TEMPLATE, status: 'FAILED', error: ENTITIES }] }],
      lastActivity: null,
      enrichedAt: null,
    };
    await upsertAssets([asset], { now });

    const assets = await openMacro('asset-lifecycle', await createMacro('asset-lifecycle', {}));
    await expectLiteral(assets, IMG);
    await expectNothingRan(page());

    const kb = await openMacro('incident-knowledge-base', await createMacro('incident-knowledge-base', {}), '&space=OTC');
    const headline = `${SCRIPT} job failed on ${IMG}`;
    const section = kb.getByTestId('open-failures');
    for (let pageNo = 0; pageNo < 10 && (await section.getByText(headline, { exact: true }).count()) === 0; pageNo += 1) {
      await section.getByTestId('open-failure').first().waitFor();
      if ((await section.getByText(headline, { exact: true }).count()) > 0) break;
      await section.getByRole('button', { name: 'Next' }).click();
      await kb.waitForTimeout(300);
    }
    await expectLiteral(kb, headline);
    await expectNothingRan(page());

    const created = await workbench().forge.invokeResolver({
      moduleKey: 'incident-knowledge-base',
      functionKey: 'incidents.create',
      payload: { kind: 'iconik-job', assetId: 'hostile-asset', jobId: 'hostile-job' },
      extension: { type: 'macro', config: {}, content: { id: '65537' }, space: { key: 'LOG' } },
      accountId: WANDA,
    });
    expect(created).toMatchObject({ ok: true, body: { state: 'ok' } });
    const url = (created as { body: { url: string } }).body.url;
    await page().goto(`${workbench().url}${url}`);
    const text = await page().locator('#main-content').innerText();
    for (const literal of [SCRIPT, IMG, MACRO, TEMPLATE, ENTITIES]) expect(text).toContain(literal);
    expect(await page().locator('#main-content').locator('script, img, iframe').count()).toBe(0);
    await expectNothingRan(page());
    expect(frames().length).toBeGreaterThan(0);
  });
});
