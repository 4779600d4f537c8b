/**
 * Regenerates docs/screenshots/release-readiness*.png from a fresh workbench with simulator data:
 *   npx tsx scripts/releaseReadinessScreenshots.ts   (after npm run build)
 * A colleague signs off, a deployment changes and a sync runs (their sign-off becomes outdated), then the
 * workbench user signs off again with a note.
 */
import { launchBrowser, macroFrame, removeDir, startTestWorkbench, syncNow } from '../test/e2e/harness';
import path from 'node:path';
import { SEED_USERS } from '../workbench/forge/confluence/users';

const OUT = path.resolve(__dirname, '../docs/screenshots');
const CONFIG = { solutionId: 'sol-otc', releaseMode: 'next' };

async function main(): Promise<void> {
  const bench = await startTestWorkbench();
  const browser = await launchBrowser();
  try {
    const { workbench } = bench;
    await syncNow(workbench);
    const colleague = SEED_USERS[1];
    if (!colleague) throw new Error('no colleague in the user directory');
    const signed = await workbench.forge.invokeResolver({
      moduleKey: 'release-readiness',
      functionKey: 'signOffRelease',
      payload: { releaseId: 'rel-otc-holiday-readiness', note: 'Approved at the release board, on condition the 856 redeploy succeeds.' },
      extension: { type: 'macro', config: CONFIG },
      accountId: colleague.accountId,
    });
    if (!signed.ok) throw new Error(signed.error);
    const failed = workbench.governanceSimulator?.data.deployments.find((d) => d.environmentId === 'env-otc-prod' && d.artifactId === 'art-otc-856-out');
    if (failed) Object.assign(failed, { status: 'deployed', deployedAt: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z') });
    await syncNow(workbench);

    const created = (await (await fetch(`${workbench.url}/__shell/macros`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'release-readiness' }),
    })).json()) as { localId: string };
    await fetch(`${workbench.url}/__shell/macros/${created.localId}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: CONFIG }),
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${workbench.url}/module/release-readiness?localId=${created.localId}`);
    const frame = await macroFrame(page);
    await frame.getByLabel('Note (optional)').fill('856 redeployed and verified in production. Order API still to come.');
    await frame.getByRole('button', { name: 'Sign off' }).click();
    await frame.getByTestId('current-marker').waitFor();
    await page.reload();
    await (await macroFrame(page)).getByTestId('outdated-marker').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'release-readiness.png'), fullPage: true });

    await page.click('[data-action="edit-macro"]');
    const configHandle = await page.waitForSelector('iframe[data-role="config"]');
    const config = await configHandle.contentFrame();
    if (!config) throw new Error('no config frame');
    await config.waitForSelector('text=Release');
    await config.getByRole('combobox', { name: /Release/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'release-readiness-config.png') });
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
