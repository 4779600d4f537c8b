// The workbench comes first: its Forge host must install the runtime before anything loads @forge/api.
import { startWorkbench, defaultAppDir, type Workbench } from '../../workbench/server';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { GovernanceSimulator } from '../../workbench/simulators/governance/simulator';

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

/** Polls until `read` gives a value `accept` likes: views keep old rows visible while new ones load. Gives the last value read either way. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Sorts names the way the views do: case-blind, with numbers in numeric order. */
export const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

/** A new macro instance on the workbench page, configured through the shell's API (as a saved macro would be); `null` leaves it unconfigured. */
export async function createMacro(workbench: Workbench, moduleKey: string, config: Record<string, unknown> | null = null): Promise<string> {
  const created = (await (await fetch(`${workbench.url}/__shell/macros`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey }),
  })).json()) as { localId: string };
  if (config) {
    const saved = await fetch(`${workbench.url}/__shell/macros/${created.localId}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config }),
    });
    expect(saved.status).toBe(200);
  }
  return created.localId;
}

/** Opens a macro instance on the workbench page and waits for its frame; `query` is appended as is (e.g. `&anon=1`). */
export async function openMacro(page: Page, workbench: Workbench, moduleKey: string, localId: string, query = ''): Promise<Frame> {
  await page.goto(`${workbench.url}/module/${moduleKey}?localId=${encodeURIComponent(localId)}${query}`);
  return macroFrame(page);
}

/** Opens the macro's UI Kit config panel from the workbench page's "Edit macro" button. */
export async function openConfigPanel(page: Page): Promise<Frame> {
  await page.getByRole('button', { name: /^Edit macro/ }).first().click();
  const configFrame = await (await page.waitForSelector('iframe[data-role="config"]')).contentFrame();
  if (!configFrame) throw new Error('no config panel');
  return configFrame;
}

/** The config the shell holds for a macro instance, read from its list of the module's instances. */
export async function savedConfig(workbench: Workbench, moduleKey: string, localId: string): Promise<unknown> {
  const saved = (await (await fetch(`${workbench.url}/__shell/macros?moduleKey=${moduleKey}`)).json()) as {
    instances: { localId: string; config: unknown }[];
  };
  return saved.instances.find((i) => i.localId === localId)?.config;
}

/** Opens the PDF export (the ADF the macro gives for `exportType=pdf`) of a macro instance. */
export async function openExport(page: Page, workbench: Workbench, moduleKey: string, localId: string): Promise<void> {
  await page.goto(`${workbench.url}/__shell/adf-export/${moduleKey}?localId=${localId}&exportType=pdf`);
}

export interface WorkbenchSuiteOptions {
  /** The page size of each test's page. */
  viewport?: { width: number; height: number };
  /** Jest's per-test timeout for the file. */
  timeoutMs?: number;
  /** Changes the simulator's data after the workbench starts and before the first sync. */
  seed?: (simulator: GovernanceSimulator) => void | Promise<void>;
}

export interface WorkbenchSuite {
  bench(): Bench;
  workbench(): Workbench;
  /** The current test's page (a new one per test). */
  page(): Page;
  /** The workbench's governance simulator. */
  sim(): GovernanceSimulator;
  /** Runs a full sync now. */
  sync(): Promise<Record<string, unknown>>;
  createMacro(moduleKey: string, config?: Record<string, unknown> | null): Promise<string>;
  openMacro(moduleKey: string, localId: string, query?: string): Promise<Frame>;
  openConfigPanel(): Promise<Frame>;
  savedConfig(moduleKey: string, localId: string): Promise<unknown>;
  openExport(moduleKey: string, localId: string): Promise<void>;
  /** Makes the simulator answer `faults`, runs `body`, then clears the faults and syncs again, whatever `body` did. */
  withFaults<T>(faults: Parameters<GovernanceSimulator['setFaults']>[0], body: () => Promise<T>): Promise<T>;
}

/**
 * Registers the hooks of a browser test file: a workbench (synced once) and Chromium for the whole file, a page per test.
 * Call it at the top level of the file; the accessors it returns are valid inside hooks and tests.
 */
export function useWorkbenchSuite(options: WorkbenchSuiteOptions = {}): WorkbenchSuite {
  const viewport = options.viewport ?? { width: 1400, height: 1000 };
  jest.setTimeout(options.timeoutMs ?? 60_000);
  let bench: Bench | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  const suite: WorkbenchSuite = {
    bench() {
      if (!bench) throw new Error('the workbench is not running: use the suite inside hooks and tests');
      return bench;
    },
    workbench: () => suite.bench().workbench,
    page() {
      if (!page) throw new Error('no page: a page exists only inside a test');
      return page;
    },
    sim() {
      const simulator = suite.workbench().governanceSimulator;
      if (!simulator) throw new Error('the workbench runs without its simulator');
      return simulator;
    },
    sync: () => syncNow(suite.workbench()),
    createMacro: (moduleKey, config = null) => createMacro(suite.workbench(), moduleKey, config),
    openMacro: (moduleKey, localId, query = '') => openMacro(suite.page(), suite.workbench(), moduleKey, localId, query),
    openConfigPanel: () => openConfigPanel(suite.page()),
    savedConfig: (moduleKey, localId) => savedConfig(suite.workbench(), moduleKey, localId),
    openExport: (moduleKey, localId) => openExport(suite.page(), suite.workbench(), moduleKey, localId),
    async withFaults(faults, body) {
      suite.sim().setFaults(faults);
      try {
        return await body();
      } finally {
        suite.sim().setFaults([]);
        await suite.sync();
      }
    },
  };

  beforeAll(async () => {
    bench = await startTestWorkbench();
    browser = await launchBrowser();
    await options.seed?.(suite.sim());
    await suite.sync();
  });

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
    if (bench) await removeDir(bench.dataDir);
  });

  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    page = await browser.newPage({ viewport });
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  return suite;
}
