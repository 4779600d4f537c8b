import { byName, eventually, macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';
import { markFailed, markSynced, seedAssets, type SeededAssets } from './assetLifecycleSeed';

const MODULE = 'asset-lifecycle';
const { page, workbench, createMacro, openMacro, openConfigPanel, savedConfig, openExport } = useWorkbenchSuite({ viewport: { width: 1440, height: 1000 } });

let seeded: SeededAssets;
beforeAll(async () => {
  seeded = await seedAssets(workbench());
});

const all = () => [...seeded.canto, ...seeded.iconik];
const table = (frame: Frame) => frame.getByTestId('asset-table--table');
const names = (frame: Frame) => table(frame).locator('tbody tr td:nth-child(2) [data-testid="asset-link"]').evaluateAll((links) => links.map((l) => l.firstChild?.textContent ?? ''));
const firstRows = async (frame: Frame) => {
  await table(frame).locator('tbody tr').first().waitFor();
  return names(frame);
};

describe('asset-lifecycle macro in the browser', () => {
  it('shows the counts on top and a row per asset with approval, expiry in words and freshness', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, {}));
    await frame.getByRole('heading', { name: 'Asset lifecycle' }).waitFor();
    await expect(frame.getByTestId('count-total').innerText()).resolves.toMatch(/^50\s+assets$/);
    await expect(frame.getByTestId('count-source-canto').innerText()).resolves.toMatch(/30\s+in Canto/);
    await expect(frame.getByTestId('count-source-iconik').innerText()).resolves.toMatch(/20\s+in iconik/);
    const expired = all().filter((a) => a.expiresAt && Date.parse(a.expiresAt) <= Date.now()).length;
    await expect(frame.getByTestId('count-expired').innerText()).resolves.toMatch(new RegExp(`^${expired}\\s+expired`));
    await expect(frame.getByTestId('freshness-canto').innerText()).resolves.toMatch(/Canto: Synced 12 minutes ago/);
    expect(await frame.getByTestId('stale-warning').count()).toBe(0);

    expect(await firstRows(frame)).toEqual(all().map((a) => a.name).sort(byName).slice(0, 25));
    const expiredRow = table(frame).locator('tbody tr[data-emphasis="danger"]').first();
    await expect(expiredRow.getByTestId('expiry').innerText()).resolves.toMatch(/Expired (today|\d+ days? ago)/);
    const unknown = table(frame).locator('[data-testid="approval"][data-known="false"]').first();
    await expect(unknown.innerText()).resolves.toMatch(/legal review/i);
    await expect(frame.getByTestId('keyset-page').innerText()).resolves.toBe('Page 1 of 2');
  });

  it('is configured from the UI Kit panel: title, source, region, window, page size and sort', async () => {
    const localId = await createMacro(MODULE, null);
    await table(await openMacro(MODULE, localId)).locator('tbody tr').first().waitFor();

    const config = await openConfigPanel();
    await config.getByLabel(/Rows per page/).fill('5');
    await config.getByRole('button', { name: 'Save' }).click();
    await config.getByText(/from 10 to 50/).first().waitFor();

    await config.getByLabel('Title').fill('EMEA video assets');
    await config.getByRole('checkbox', { name: 'iconik' }).check();
    await config.getByRole('combobox', { name: 'Region' }).focus();
    await page().keyboard.type('EMEA');
    await page().keyboard.press('Enter');
    await config.getByLabel(/Expiring window/).fill('14');
    await config.getByLabel(/Rows per page/).fill('10');
    await config.getByRole('combobox', { name: 'Sort by' }).focus();
    await page().keyboard.type('Last activity');
    await page().keyboard.press('Enter');
    await config.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByRole('heading', { name: 'EMEA video assets' }).waitFor();
    await table(frame).locator('tbody tr').first().waitFor();
    const sources = await table(frame).getByTestId('asset-source').evaluateAll((n) => n.map((e) => e.getAttribute('data-source')));
    expect(new Set(sources)).toEqual(new Set(['iconik']));
    const regions = await table(frame).locator('tbody tr td:nth-child(6)').allInnerTexts();
    expect(new Set(regions)).toEqual(new Set(['EMEA']));
    await expect(frame.getByTestId('count-expiring').innerText()).resolves.toMatch(/expiring within 14 days/);
    expect(await savedConfig(MODULE, localId)).toEqual({ title: 'EMEA video assets', sources: ['iconik'], region: 'EMEA', expiringDays: 14, pageSize: 10, sort: 'activity', order: 'DESC' });
  });

  it('sorts by name and by expiry with the keyboard', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { pageSize: 50 }));
    const ascending = await firstRows(frame);
    await frame.getByRole('button', { name: /^Asset/ }).focus();
    await page().keyboard.press('Enter');
    await expect(eventually(() => names(frame), (n) => n[0] === ascending[ascending.length - 1])).resolves.toEqual([...ascending].reverse());

    await frame.getByRole('button', { name: /^Usage rights and expiry/ }).focus();
    await page().keyboard.press('Enter');
    const soonest = [...all()].filter((a) => a.expiresAt).sort((a, b) => Date.parse(a.expiresAt as string) - Date.parse(b.expiresAt as string))[0]?.name;
    await expect(eventually(async () => (await names(frame))[0], (name) => name === soonest)).resolves.toBe(soonest);
    // Focus stays on the header the reader used.
    await expect(frame.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/Usage rights and expiry/);
  });

  it('filters from the filter bar and from the summary counts', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { pageSize: 50 }));
    await firstRows(frame);
    await frame.getByRole('combobox', { name: 'Campaign' }).focus();
    await page().keyboard.type('Evergreen');
    await page().keyboard.press('Enter');
    const evergreen = all().filter((a) => a.campaign === 'Evergreen').map((a) => a.name).sort(byName);
    await expect(eventually(() => names(frame), (n) => n.join() === evergreen.join())).resolves.toEqual(evergreen);

    await frame.getByLabel('Failed jobs only').check();
    const failedEvergreen = all().filter((a) => a.campaign === 'Evergreen' && a.failedJobs.length > 0).map((a) => a.name).sort(byName);
    await expect(eventually(() => names(frame), (n) => n.join() === failedEvergreen.join())).resolves.toEqual(failedEvergreen);
    const jobs = table(frame).getByTestId('failed-jobs').first();
    await jobs.getByRole('button', { name: /1 failed job/ }).click();
    await expect(jobs.getByTestId('failed-job-error').innerText()).resolves.toBe('Unsupported codec: ProRes RAW');

    await frame.getByTestId('count-expired').click();
    const expiredNames = all().filter((a) => a.expiresAt && Date.parse(a.expiresAt) <= Date.now()).map((a) => a.name).sort(byName);
    await expect(eventually(() => names(frame), (n) => n.join() === expiredNames.join())).resolves.toEqual(expiredNames);
    await expect(frame.getByTestId('count-expired').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(frame.getByLabel('Failed jobs only').isChecked()).resolves.toBe(false);
  });

  it('pages with Next and Previous, keeping keyboard focus on the button used', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { pageSize: 10 }));
    const first = await firstRows(frame);
    await expect(frame.getByTestId('keyset-page').innerText()).resolves.toBe('Page 1 of 5');
    await frame.getByTestId('keyset-next').focus();
    await page().keyboard.press('Enter');
    const second = await eventually(() => names(frame), (n) => n[0] !== first[0]);
    expect(second).toEqual(all().map((a) => a.name).sort(byName).slice(10, 20));
    await expect(frame.getByTestId('keyset-page').innerText()).resolves.toBe('Page 2 of 5');
    await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('keyset-next');
    await page().keyboard.press('Enter');
    await eventually(() => frame.getByTestId('keyset-page').innerText(), (t) => t === 'Page 3 of 5');
    await frame.getByTestId('keyset-previous').click();
    await eventually(() => frame.getByTestId('keyset-page').innerText(), (t) => t === 'Page 2 of 5');
    await frame.getByTestId('keyset-previous').click();
    await expect(eventually(() => names(frame), (n) => n[0] === first[0])).resolves.toEqual(first);
    await expect(frame.getByTestId('keyset-previous').isDisabled()).resolves.toBe(true);
  });

  it('opens the audit trail of an asset from its row, newest first, and closes it with Escape', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { sources: ['iconik'], pageSize: 50 }));
    await firstRows(frame);
    const asset = seeded.iconik[1]!;
    const row = table(frame).locator('tbody tr', { hasText: asset.name });
    await row.getByTestId('open-audit').focus();
    await page().keyboard.press('Enter');
    const modal = frame.getByTestId('audit-modal');
    await modal.getByTestId('audit-table--table').locator('tbody tr').first().waitFor();
    await expect(modal.getByRole('heading').first().innerText()).resolves.toContain(asset.name);
    expect(await modal.getByTestId('audit-table--table').locator('tbody tr').count()).toBe(20);
    const when = await modal.locator('tbody time').evaluateAll((nodes) => nodes.map((n) => Date.parse(n.getAttribute('datetime') ?? '')));
    expect(when).toEqual([...when].sort((a, b) => b - a));
    await expect(modal.innerText()).resolves.toMatch(/APPROVE/);
    await page().keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
    await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('open-audit');
  });

  it('opens the asset in Canto or iconik in a new tab', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { sources: ['canto'] }));
    await firstRows(frame);
    const first = [...seeded.canto].sort((a, b) => byName(a.name, b.name))[0]!;
    // Canto is not reachable from here: the tab gets a stand-in page at the asset's URL.
    await page().context().route('https://acme.canto.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Canto</title>' }));
    const [popup] = await Promise.all([page().context().waitForEvent('page'), table(frame).getByTestId('asset-link').first().click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(first.link);
    expect(page().url()).toContain('/module/asset-lifecycle');
    await popup.close();
  });

  it('warns that a source is stale when its last sync failed, and still shows its assets', async () => {
    await markFailed('canto', 'Canto answered 503 Service Unavailable for /api/v1/search');
    try {
      const frame = await openMacro(MODULE, await createMacro(MODULE, {}));
      const warning = frame.getByTestId('stale-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toMatch(/Canto asset data may be out of date/);
      await expect(warning.innerText()).resolves.toMatch(/last sync failed: Canto answered 503/);
      expect(await warning.count()).toBe(1);
      expect(await firstRows(frame)).toHaveLength(25);
    } finally {
      await markSynced('canto', new Date());
    }
  });

  it('exports to PDF/Word as the counts and a table of the first page', async () => {
    await openExport(MODULE, await createMacro(MODULE, { region: 'APAC', title: 'APAC assets' }));
    const text = await page().locator('body').innerText();
    expect(text).toContain('APAC assets');
    expect(text).toContain('Region: APAC.');
    expect(await page().locator('table').count()).toBe(1);
    for (const asset of all().filter((a) => a.region === 'APAC')) expect(text).toContain(asset.name);
  });

  // Last: the full pass replaces the seeded assets with the simulators' (what it did not list becomes a tombstone).
  it('shows what a DAM sync against the Canto and iconik simulators stored', async () => {
    const response = await fetch(`${workbench().url}/api/sync-assets?mode=full`, { method: 'POST' });
    const synced = (await response.json()) as { ok: boolean; status: Record<'canto' | 'iconik', { lastRun: { counts: { listed: number } } | null }> };
    expect(synced.ok).toBe(true);
    const listed = { canto: synced.status.canto.lastRun?.counts.listed ?? 0, iconik: synced.status.iconik.lastRun?.counts.listed ?? 0 };
    expect(listed.canto).toBeGreaterThan(0);
    expect(listed.iconik).toBeGreaterThan(0);

    const frame = await openMacro(MODULE, await createMacro(MODULE, {}));
    await expect(eventually(() => frame.getByTestId('count-total').innerText(), (t) => t.startsWith(String(listed.canto + listed.iconik)))).resolves.toMatch(
      new RegExp(`^${listed.canto + listed.iconik}\\s+assets`),
    );
    await expect(frame.getByTestId('count-source-canto').innerText()).resolves.toMatch(new RegExp(`^${listed.canto}\\s+in Canto`));
    await expect(frame.getByTestId('freshness-iconik').innerText()).resolves.toMatch(/iconik: Synced (just now|1 minute ago)/);
    expect(await frame.getByTestId('stale-warning').count()).toBe(0);
    const shown = await firstRows(frame);
    expect(shown.some((name) => all().some((asset) => asset.name === name))).toBe(false);
  });
});
