// The host comes first: it must install the Forge runtime before anything loads @forge/api.
import { createForgeHost, type DrainResult, type ForgeHost } from '../workbench/forge/host';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGovernanceSimulator, type GovernanceSimulator } from '../workbench/simulators/governance/simulator';
import { startCantoSimulator, type CantoSimulatorOptions, type RunningCantoSimulator } from '../workbench/simulators/canto/simulator';
import { startIconikSimulator, type IconikSimulatorOptions, type RunningIconikSimulator } from '../workbench/simulators/iconik/simulator';

export const APP_DIR = path.resolve(__dirname, '..');

export interface AppUnderTest {
  forge: ForgeHost;
  sim: GovernanceSimulator;
  simUrl: string;
  /** Runs the scheduled trigger and delivers every queued step, as Forge would over time. */
  syncNow(): Promise<void>;
  envStatus(config: Record<string, unknown>, payload?: Record<string, unknown>): Promise<Record<string, unknown>>;
  resolve(functionKey: string, payload?: unknown, config?: Record<string, unknown>): Promise<unknown>;
  /** The Canto and iconik simulators, when startApp was asked for them (their CANTO_* / ICONIK_* variables are set). */
  canto?: RunningCantoSimulator;
  iconik?: RunningIconikSimulator;
  /** Queues a DAM sync run of one source (as the hourly trigger or POST /api/sync-assets would) and delivers everything queued. */
  syncAssets(source: 'canto' | 'iconik', mode?: 'auto' | 'full' | 'incremental'): Promise<DrainResult>;
  close(): Promise<void>;
}

export interface StartAppOptions {
  variables?: Record<string, string>;
  /** Start a Canto simulator and connect the app to it. */
  canto?: CantoSimulatorOptions;
  /** Start an iconik simulator and connect the app to it. */
  iconik?: IconikSimulatorOptions;
}

/**
 * The real app (this repo's manifest and src/) on the workbench's Forge host, against the governance simulator.
 * `variables`: extra Forge variables (process.env in handlers), e.g. a webtrigger's shared secret.
 */
export async function startApp(options: StartAppOptions = {}): Promise<AppUnderTest> {
  const started = await startGovernanceSimulator({});
  const canto = options.canto ? await startCantoSimulator(options.canto) : undefined;
  const iconik = options.iconik ? await startIconikSimulator(options.iconik) : undefined;
  const damVariables: Record<string, string> = {
    ...(canto
      ? { CANTO_BASE_URL: canto.url, CANTO_OAUTH_URL: canto.url, CANTO_APP_ID: canto.sim.appId, CANTO_APP_SECRET: canto.sim.appSecret, CANTO_WEBHOOK_TOKEN: canto.sim.webhookToken }
      : {}),
    ...(iconik
      ? { ICONIK_BASE_URL: iconik.url, ICONIK_APP_ID: iconik.sim.appId, ICONIK_AUTH_TOKEN: iconik.sim.authToken, ICONIK_WEBHOOK_SECRET: iconik.sim.webhookSecret }
      : {}),
  };
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-app-'));
  const forge = await createForgeHost({
    appDir: APP_DIR,
    dataDir,
    origin: () => 'http://127.0.0.1:4999',
    variables: {
      GOVERNANCE_BASE_URL: started.url,
      GOVERNANCE_CLIENT_ID: started.sim.clientId,
      GOVERNANCE_CLIENT_SECRET: started.sim.clientSecret,
      ...damVariables,
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
    canto,
    iconik,
    async syncAssets(source, mode = 'auto') {
      const body = { kind: 'start', source, mode, trigger: 'test' };
      const pushed = await forge.queues.handleApi('/webhook/queue/publish/test', {
        method: 'POST',
        body: JSON.stringify({ queueName: 'dam-sync', jobId: `test-${source}-${Date.now()}`, payload: [{ body }] }),
      });
      if (pushed.status !== 201) throw new Error(`could not queue the ${source} sync: ${pushed.status} ${await pushed.text()}`);
      return forge.queues.drain();
    },
    async close() {
      await forge.close();
      await canto?.close();
      await iconik?.close();
      await started.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
