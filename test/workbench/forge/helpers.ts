// The host comes first: it must install the Forge runtime before anything loads @forge/api.
import { createForgeHost, type ForgeHost, type ForgeHostOptions } from '../../../workbench/forge/host';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_APP = path.join(__dirname, 'fixtures', 'app');

export interface TestHost {
  host: ForgeHost;
  dataDir: string;
  /** Closes the host, keeping its dataDir (to reopen it). */
  close(): Promise<void>;
  /** Closes the host and deletes its dataDir. */
  dispose(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'forge-host-test-'));
}

export async function startTestHost(overrides: Partial<ForgeHostOptions> = {}): Promise<TestHost> {
  const dataDir = overrides.dataDir ?? (await makeDataDir());
  const host = await createForgeHost({
    appDir: FIXTURE_APP,
    dataDir,
    origin: () => 'http://127.0.0.1:4999',
    variables: {},
    backgroundDelivery: false,
    ...overrides,
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) await host.close();
    closed = true;
  };
  return {
    host,
    dataDir,
    close,
    async dispose() {
      await close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const MACRO_EXTENSION = { type: 'macro', content: { id: '10007' }, space: { key: 'OTC', id: '10001' }, config: {}, isEditing: false };
