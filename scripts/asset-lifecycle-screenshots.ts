/**
 * Regenerates docs/screenshots/asset-lifecycle*.png from a fresh workbench whose DAM sync read the Canto and iconik
 * simulators:
 *   npx tsx scripts/asset-lifecycle-screenshots.ts   (after npm run build)
 */
import { createMacro, launchBrowser, macroFrame, removeDir, startTestWorkbench } from '../test/e2e/harness';
import path from 'node:path';

const OUT = path.resolve(__dirname, '../docs/screenshots');

async function main(): Promise<void> {
  const bench = await startTestWorkbench();
  const browser = await launchBrowser();
  try {
    const synced = await fetch(`${bench.workbench.url}/api/sync-assets?mode=full`, { method: 'POST' });
    if (!synced.ok) throw new Error(`DAM sync failed: ${synced.status} ${await synced.text()}`);
    const localId = await createMacro(bench.workbench, 'asset-lifecycle', { title: 'Campaign assets', pageSize: 10 });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${bench.workbench.url}/module/asset-lifecycle?localId=${encodeURIComponent(localId)}`);
    const frame = await macroFrame(page);
    await frame.waitForSelector('tbody tr');
    // One row's failed jobs expanded, to show the errors.
    const failed = frame.getByTestId('count-failed');
    if (/^\s*[1-9]/.test(await failed.innerText())) {
      await failed.click();
      await frame.waitForSelector('[data-testid="failed-jobs"] button');
      await frame.locator('[data-testid="failed-jobs"] button').first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, 'asset-lifecycle-failed-jobs.png'), fullPage: true });
      await frame.getByTestId('count-total').click();
      await page.waitForTimeout(800);
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'asset-lifecycle.png'), fullPage: true });

    await frame.getByTestId('open-audit').first().click();
    await frame.getByTestId('audit-view').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(OUT, 'asset-lifecycle-audit.png') });
    await page.keyboard.press('Escape');

    await page.click('[data-action="edit-macro"]');
    const configHandle = await page.waitForSelector('iframe[data-role="config"]');
    const config = await configHandle.contentFrame();
    if (!config) throw new Error('no config frame');
    await config.waitForSelector('text=Sources');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'asset-lifecycle-config.png') });
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await bench.close();
    await removeDir(bench.dataDir);
  }
}

// createMacro checks the shell's answer with jest's expect; outside jest a minimal stand-in does.
(globalThis as { expect?: unknown }).expect ??= (value: unknown) => ({
  toBe: (expected: unknown) => {
    if (value !== expected) throw new Error(`expected ${String(expected)}, got ${String(value)}`);
  },
});

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
