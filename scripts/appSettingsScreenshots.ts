/**
 * Regenerates docs/screenshots/app-settings.png (and app-settings-forbidden.png) from a fresh workbench:
 *   npx tsx scripts/appSettingsScreenshots.ts   (after npm run build)
 * The admin stores an iconik auth token, tests the governance and iconik connections, and maps a solution to
 * another space; then a colleague who is not an administrator opens the same page.
 */
import { launchBrowser, removeDir, startTestWorkbench, syncNow } from '../test/e2e/harness';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SEED_USERS } from '../workbench/forge/confluence/users';

const OUT = path.resolve(__dirname, '../docs/screenshots');

async function settingsFrame(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 20_000 });
  const frame = await (await page.$('iframe[data-role="page"]'))?.contentFrame();
  if (!frame) throw new Error('no settings frame');
  return frame;
}

async function main(): Promise<void> {
  const bench = await startTestWorkbench();
  const browser = await launchBrowser();
  try {
    const { workbench } = bench;
    await syncNow(workbench);
    const admin = SEED_USERS.find((user) => user.confluenceAdmin);
    const colleague = SEED_USERS.find((user) => !user.confluenceAdmin);
    if (!admin || !colleague) throw new Error('the user directory needs an administrator and a colleague');
    const saved = await workbench.forge.invokeResolver({
      moduleKey: 'app-settings',
      functionKey: 'settings.save',
      payload: { spaceMapping: { bySolution: { 'sol-otc': 'LOG' } }, summary: { cadence: 'weekly', weekday: 'friday' } },
      extension: { type: 'confluence:globalSettings' },
      accountId: admin.accountId,
    });
    if (!saved.ok) throw new Error(saved.error);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const frame = await settingsFrame(page, `${workbench.url}/module/app-settings`);
    for (const source of ['governance', 'iconik']) {
      await frame.getByTestId(`test-connection-${source}`).click();
      await frame.getByTestId(`test-result-${source}`).waitFor();
    }
    await frame.getByTestId('secret-replace-cantoAppSecret').click();
    await frame.getByTestId('mapping-sol-otc').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'app-settings.png'), fullPage: true });

    const other = await settingsFrame(page, `${workbench.url}/module/app-settings?as=${colleague.accountId}`);
    await other.getByTestId('settings-forbidden').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'app-settings-forbidden.png') });
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await bench.close();
    await removeDir(bench.dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
