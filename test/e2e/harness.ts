// The workbench comes first: its Forge host must install the runtime before anything loads @forge/api.
import { startWorkbench, defaultAppDir, type Workbench } from '../../workbench/server';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` (npm test does) or set CHROMIUM_PATH.');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Without these, Chromium keeps calling Google services this machine cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Bench {
  workbench: Workbench;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestWorkbench(env: NodeJS.ProcessEnv = {}, dataDir?: string): Promise<Bench> {
  const dir = dataDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'hub-e2e-')));
  const workbench = await startWorkbench({ port: 0, appDir: defaultAppDir, dataDir: dir, env });
  return {
    workbench,
    dataDir: dir,
    async close() {
      await workbench.close();
    },
  };
}

export async function syncNow(workbench: Workbench): Promise<Record<string, unknown>> {
  const response = await fetch(`${workbench.url}/api/sync`, { method: 'POST' });
  return (await response.json()) as Record<string, unknown>;
}

/** The macro's Custom UI frame inside the workbench page, once the view has rendered its first answer. */
export async function macroFrame(page: Page, index = 0) {
  await page.waitForSelector('iframe[data-role="macro"][data-ready="true"]', { timeout: 15_000 });
  const handle = (await page.$$('iframe[data-role="macro"]'))[index];
  if (!handle) throw new Error(`no macro frame #${index}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('macro iframe has no content');
  return frame;
}

export async function removeDir(dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
}
