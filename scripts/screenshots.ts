/**
 * Regenerates docs/screenshots/*.png from a fresh workbench with simulator data:
 *   npx tsx scripts/screenshots.ts   (after npm run build)
 */
import { launchBrowser, macroFrame, removeDir, startTestWorkbench, syncNow } from '../test/e2e/harness';
import path from 'node:path';

const OUT = path.resolve(__dirname, '../docs/screenshots');

async function main(): Promise<void> {
  const bench = await startTestWorkbench();
  const browser = await launchBrowser();
  try {
    await syncNow(bench.workbench);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${bench.workbench.url}/module/env-status`);

    await page.click('[data-action="edit-macro"]');
    const configHandle = await page.waitForSelector('iframe[data-role="config"]');
    const config = await configHandle.contentFrame();
    if (!config) throw new Error('no config frame');
    await config.waitForSelector('text=Solution');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'env-status-config.png') });

    await config.getByRole('combobox', { name: /Solution/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await config.click('button:has-text("Save")');
    await macroFrame(page);
    // Reload so the "Macro updated" flag from saving is gone.
    await page.reload();
    const frame = await macroFrame(page);
    await frame.waitForSelector('table');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'env-status.png'), fullPage: true });
    await page.goto(`${bench.workbench.url}/module/space-hub?space=OTC`);
    await page.waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'space-hub.png'), fullPage: true });

    await page.goto(`${bench.workbench.url}/`);
    await page.screenshot({ path: path.join(OUT, 'workbench-index.png'), fullPage: true });
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
