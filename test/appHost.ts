// The host comes first: it must install the Forge runtime before anything loads @forge/api.
import { createForgeHost, type ForgeHost } from '../workbench/forge/host';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGovernanceSimulator, type GovernanceSimulator } from '../workbench/simulators/governance/simulator';

export const APP_DIR = path.resolve(__dirname, '..');

export interface AppUnderTest {
  forge: ForgeHost;
  sim: GovernanceSimulator;
  simUrl: string;
  /** Runs the scheduled trigger and delivers every queued step, as Forge would over time. */
  syncNow(): Promise<void>;
  envStatus(config: Record<string, unknown>, payload?: Record<string, unknown>): Promise<Record<string, unknown>>;
  resolve(functionKey: string, payload?: unknown, config?: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The real app (this repo's manifest and src/) on the workbench's Forge host, against the governance simulator.
 * `variables`: extra Forge variables (process.env in handlers), e.g. a webtrigger's shared secret.
 */
export async function startApp(options: { variables?: Record<string, string> } = {}): Promise<AppUnderTest> {
  const started = await startGovernanceSimulator({});
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-app-'));
  const forge = await createForgeHost({
    appDir: APP_DIR,
    dataDir,
    origin: () => 'http://127.0.0.1:4999',
    variables: {
      GOVERNANCE_BASE_URL: started.url,
      GOVERNANCE_CLIENT_ID: started.sim.clientId,
      GOVERNANCE_CLIENT_SECRET: started.sim.clientSecret,
      ...options.variables,
    },
    backgroundDelivery: false,
  });
  const resolve = async (functionKey: string, payload: unknown = {}, config: Record<string, unknown> = {}) => {
    const answer = await forge.invokeResolver({
      moduleKey: 'env-status',
      functionKey,
      payload,
      extension: { type: 'macro', config, content: { id: '1001' }, space: { key: 'OTC', id: '1' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    return answer.body;
  };
  return {
    forge,
    sim: started.sim,
    simUrl: started.url,
    async syncNow() {
      const trigger = await forge.runScheduledTrigger('governance-sync-schedule');
      if (!trigger.ok) throw new Error(`trigger failed: ${trigger.error}`);
      await forge.queues.drain();
    },
    envStatus: (config, payload = {}) => resolve('getEnvironmentStatus', payload, config) as Promise<Record<string, unknown>>,
    resolve,
    async close() {
      await forge.close();
      await started.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
