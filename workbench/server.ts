/**
 * The local workbench: one HTTP origin that hosts the app as Confluence would.
 *
 *   /healthz                       readiness
 *   /, /module/<key>, /__shell/*   page shell, Custom UI frames, UI Kit host, bridge (workbench/shell)
 *   /wiki/...                      emulated Confluence REST API (workbench/forge/confluence)
 *   /sim/governance/...            governance backend simulator, when GOVERNANCE_BASE_URL is unset
 *   /sim/iconik/...                iconik simulator (API under /API/, admin under /__admin/), when ICONIK_BASE_URL is unset
 *   /sim/canto/..., /sim/canto-oauth/...   Canto simulator: tenant API (/api/v1/, admin under /__admin/) and OAuth
 *                                  host, when CANTO_BASE_URL is unset
 *   POST /api/sync                 run a full governance sync now and answer its summary
 *   POST /api/sync-assets?source=canto|iconik[&mode=full|incremental]   run a DAM sync now (both sources without
 *                                  `source`) and answer each source's sync status
 *   POST /api/triggers/<key>       run a scheduled trigger
 *   POST /webtrigger/<key>         deliver a request to a webtrigger handler
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createForgeHost, type ForgeHost } from './forge/host';
import { createShell } from './shell/shell';
import { createGovernanceSimulator, type GovernanceSimulator } from './simulators/governance/simulator';
import { createIconikSimulator, type IconikSimulator } from './simulators/iconik/simulator';
import { createCantoSimulator, type CantoSimulator } from './simulators/canto/simulator';
import { readUpstreamEnv } from './upstreams';
import { readBody, sendJson } from './http';

export interface WorkbenchOptions {
  port: number;
  host?: string;
  appDir: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

export interface Workbench {
  url: string;
  forge: ForgeHost;
  governanceSimulator: GovernanceSimulator | null;
  /** The iconik simulator at /sim/iconik, when ICONIK_BASE_URL is unset. */
  iconikSimulator: IconikSimulator | null;
  /** The Canto simulator at /sim/canto and /sim/canto-oauth, when CANTO_BASE_URL is unset. */
  cantoSimulator: CantoSimulator | null;
  close(): Promise<void>;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  let origin = '';
  const upstreams = readUpstreamEnv(options.env, () => origin);
  const governanceSimulator = upstreams.governance.simulated
    ? createGovernanceSimulator({
        clientId: upstreams.governance.clientId,
        clientSecret: upstreams.governance.clientSecret,
        latencyMs: Number(options.env.GOVERNANCE_SIM_LATENCY_MS ?? 0),
        faults: options.env.GOVERNANCE_SIM_FAULTS,
      })
    : null;
  const iconikSimulator = upstreams.iconik.simulated
    ? createIconikSimulator({
        appId: upstreams.iconik.appId,
        authToken: upstreams.iconik.authToken,
        webhookSecret: upstreams.iconik.webhookSecret,
        webhookUrl: () => `${origin}/webtrigger/iconik-webhook`,
        assets: Number(options.env.ICONIK_SIM_ASSETS ?? 200),
        latencyMs: Number(options.env.ICONIK_SIM_LATENCY_MS ?? 0),
        faults: options.env.ICONIK_SIM_FAULTS,
        rateLimit: { retryAfter: options.env.ICONIK_SIM_RETRY_AFTER !== 'off', enabled: options.env.ICONIK_SIM_RATE_LIMIT !== 'off' },
      })
    : null;
  const cantoSimulator = upstreams.canto.simulated
    ? createCantoSimulator({
        appId: upstreams.canto.appId,
        appSecret: upstreams.canto.appSecret,
        webhookToken: upstreams.canto.webhookToken,
        assets: Number(options.env.CANTO_SIM_ASSETS ?? 200),
        latencyMs: Number(options.env.CANTO_SIM_LATENCY_MS ?? 0),
        faults: options.env.CANTO_SIM_FAULTS,
      })
    : null;

  const forge = await createForgeHost({
    appDir: options.appDir,
    dataDir: options.dataDir,
    origin: () => origin,
    // What `forge variables set` provides on Forge: the app reads its connections from process.env.
    variables: upstreams.forgeVariables,
  });
  const shell = createShell({ forge, appDir: options.appDir, dataDir: options.dataDir });

  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const pathname = url.pathname;
    if (pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (pathname.startsWith('/sim/governance/') && governanceSimulator) {
      req.url = pathname.slice('/sim/governance'.length) + url.search;
      return governanceSimulator.handle(req, res);
    }
    if (pathname.startsWith('/sim/iconik/') && iconikSimulator) {
      req.url = pathname.slice('/sim/iconik'.length) + url.search;
      return iconikSimulator.handle(req, res);
    }
    if (pathname.startsWith('/sim/canto/') && cantoSimulator) {
      req.url = pathname.slice('/sim/canto'.length) + url.search;
      return cantoSimulator.handleApi(req, res);
    }
    if (pathname.startsWith('/sim/canto-oauth/') && cantoSimulator) {
      req.url = pathname.slice('/sim/canto-oauth'.length) + url.search;
      return cantoSimulator.handleOAuth(req, res);
    }
    if (pathname.startsWith('/wiki/')) return forge.confluence.handle(req, res);
    if (req.method === 'POST' && pathname === '/api/sync') {
      return sendJson(res, 200, await runFullSync(forge));
    }
    if (req.method === 'POST' && pathname === '/api/sync-assets') {
      const answer = await runAssetSync(forge, url.searchParams.get('source'), url.searchParams.get('mode'));
      return sendJson(res, answer.status, answer.body);
    }
    const trigger = /^\/api\/triggers\/([^/]+)$/.exec(pathname);
    if (req.method === 'POST' && trigger) {
      return sendJson(res, 200, await forge.runScheduledTrigger(decodeURIComponent(trigger[1] ?? '')));
    }
    const webtrigger = /^\/webtrigger\/([^/]+)$/.exec(pathname);
    if (webtrigger) {
      const answer = await forge.runWebtrigger(decodeURIComponent(webtrigger[1] ?? ''), {
        method: req.method ?? 'GET',
        path: pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: (await readBody(req)).toString('utf8'),
      });
      res.writeHead(answer.statusCode, answer.headers);
      return void res.end(answer.body);
    }
    if (await shell.handle(req, res, url)) return;
    sendJson(res, 404, { error: `No route for ${req.method} ${pathname}` });
  }

  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    url: origin,
    forge,
    governanceSimulator,
    iconikSimulator,
    cantoSimulator,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await forge.close();
    },
  };
}

/**
 * A full sync now: the scheduled trigger creates the job, then every queued step is delivered at once
 * instead of over Forge's real-time queue. Answers what the app recorded about the run.
 */
async function runFullSync(forge: ForgeHost) {
  const trigger = await forge.runScheduledTrigger(SYNC_TRIGGER_KEY);
  const queue = await forge.queues.drain();
  const status = forge.kvs.get('sync:governance:status') as Record<string, unknown> | undefined;
  const job = forge.kvs.get('sync:governance:job') as Record<string, unknown> | undefined;
  return {
    ok: trigger.ok && job?.phase === 'done',
    trigger,
    queue: { delivered: queue.delivered, retried: queue.retried, failed: queue.failed },
    job: job ? { jobId: job.jobId, phase: job.phase, pages: job.pages, requests: job.requests, steps: job.invocations, error: job.error } : null,
    status: status ?? null,
  };
}

const SYNC_TRIGGER_KEY = 'governance-sync-schedule';

const DAM_SOURCES = ['canto', 'iconik'];
const DAM_MODES = ['auto', 'full', 'incremental'];

/**
 * A DAM sync now: queues the run's start event as the hourly trigger does (one source, or both), then delivers every
 * queued step at once. Answers each source's sync status (src/store/assets/syncStatus.ts).
 */
async function runAssetSync(forge: ForgeHost, source: string | null, mode: string | null): Promise<{ status: number; body: unknown }> {
  const sources = source === null ? DAM_SOURCES : [source];
  if (!sources.every((name) => DAM_SOURCES.includes(name))) return { status: 400, body: { error: `source must be one of ${DAM_SOURCES.join(', ')}` } };
  if (mode !== null && !DAM_MODES.includes(mode)) return { status: 400, body: { error: `mode must be one of ${DAM_MODES.join(', ')}` } };
  const payload = sources.map((name) => ({ body: { kind: 'start', source: name, mode: mode ?? 'auto', trigger: 'workbench' } }));
  const pushed = await forge.queues.handleApi('/webhook/queue/publish/workbench', {
    method: 'POST',
    body: JSON.stringify({ queueName: 'dam-sync', jobId: `workbench-${Date.now()}`, payload }),
  });
  if (pushed.status !== 201) return { status: 500, body: { error: `could not queue the sync: ${pushed.status} ${await pushed.text()}` } };
  const queue = await forge.queues.drain();
  const status = Object.fromEntries(sources.map((name) => [name, forge.kvs.get(`sync:dam:${name}:status`) ?? null]));
  const ok = Object.values(status).every((entry) => (entry as { lastError?: unknown } | null)?.lastError === null);
  return { status: 200, body: { ok, queue: { delivered: queue.delivered, retried: queue.retried, failed: queue.failed }, status } };
}

export const defaultAppDir = path.resolve(__dirname, '..');
