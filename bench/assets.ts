/**
 * The DAM sync at scale (issue 4, Performance): both simulators in processes of their own with 25 ms latency per
 * request and iconik's 50 requests/s limit, the real app on the workbench's Forge host with real-time queue delivery
 * (delays, retries and parallel consumers as on Forge), a first full sync of N assets per source, then one page of
 * the asset-lifecycle macro. Reports wall time, request rate against the allowed rate, lost or duplicated assets,
 * 429s, peak memory of this process (the app and the emulated Forge services, not the simulators), storage writes,
 * and the page's resolver time and storage reads.
 *
 *   npx tsx bench/assets.ts [--assets=100000] [--latency=25] [--json]
 */
// The host comes first: it must install the Forge runtime before anything loads @forge/api.
import { createForgeHost, type ForgeHost } from '../workbench/forge/host';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { assetStorageKey } from '../src/store/assets/assetEntity';
import type { DamSyncStatus } from '../src/store/assets/syncStatus';
import type { DamSource } from '../src/sources/dam/asset';
import { CANTO_MIN_REQUEST_INTERVAL_MS, ICONIK_REQUESTS_PER_SECOND } from '../src/domain/assetSync/budgets';

const APP_DIR = path.resolve(__dirname, '..');
const argument = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ASSETS = Number(argument('assets', '100000'));
const LATENCY_MS = Number(argument('latency', '25'));
const AS_JSON = process.argv.includes('--json');
const MAX_WAIT_MS = 6 * 60 * 60_000;

interface Child {
  process: ChildProcess;
  info: Record<string, string>;
  report(): Promise<{ stats: Record<string, unknown>; ids: string[] }>;
}

async function startSimulator(kind: DamSource): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'assetSimulatorProcess.ts'), kind, String(ASSETS), String(LATENCY_MS)], {
    cwd: APP_DIR,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} simulator exited with ${code}`)));
  });
  return {
    process: child,
    info: JSON.parse(firstLine) as Record<string, string>,
    report: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as { stats: Record<string, unknown>; ids: string[] }));
        child.send('report');
      }),
  };
}

function pushStart(forge: ForgeHost, sources: DamSource[]): Promise<Response> {
  return forge.queues.handleApi('/webhook/queue/publish/bench', {
    method: 'POST',
    body: JSON.stringify({ queueName: 'dam-sync', jobId: 'bench', payload: sources.map((source) => ({ body: { kind: 'start', source, mode: 'full', trigger: 'bench' } })) }),
  });
}

const status = (forge: ForgeHost, source: DamSource) => forge.kvs.get(`sync:dam:${source}:status`) as DamSyncStatus | undefined;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Stored asset ids against the simulator's: lost = listed upstream but not stored live; extra = stored but not upstream. */
function compare(forge: ForgeHost, source: DamSource, ids: string[]): { upstream: number; storedLive: number; lost: number; tombstoned: number } {
  let storedLive = 0;
  let tombstoned = 0;
  for (const id of ids) {
    const entity = forge.kvs.entities.get('dam-asset', assetStorageKey(source, id));
    if (!entity) continue;
    if ((JSON.parse(entity.valueJson) as { deletedAt?: string }).deletedAt) tombstoned++;
    else storedLive++;
  }
  return { upstream: ids.length, storedLive, lost: ids.length - storedLive, tombstoned };
}

async function measurePage(forge: ForgeHost, label: string, payload: Record<string, unknown>) {
  const before = forge.kvs.stats();
  const entityBefore = forge.kvs.entityStats();
  const started = performance.now();
  const answer = await forge.invokeResolver({
    moduleKey: 'asset-lifecycle',
    functionKey: 'assetLifecycle.getPage',
    payload,
    extension: { type: 'macro', config: {}, content: { id: '1001' }, space: { key: 'OTC', id: '1' } },
    accountId: 'user-ana',
  });
  const ms = performance.now() - started;
  const after = forge.kvs.stats();
  const entityAfter = forge.kvs.entityStats() as unknown as Record<string, number>;
  const entityStart = entityBefore as unknown as Record<string, number>;
  const body = answer.ok ? (answer.body as { state?: string; rows?: unknown[]; nextAfter?: string | null; message?: string }) : null;
  return {
    page: label,
    ok: answer.ok && body?.state === 'ready',
    ...(answer.ok ? {} : { error: answer.error }),
    ...(body && body.state !== 'ready' ? { state: body.state, message: body.message } : {}),
    rows: body?.rows?.length ?? 0,
    more: Boolean(body?.nextAfter),
    nextAfter: body?.nextAfter ?? null,
    resolverMs: Math.round(ms),
    storageReads: after.reads - before.reads,
    kbRead: Math.round((after.bytesRead - before.bytesRead) / 1024),
    entityQueries: (entityAfter.queries ?? 0) - (entityStart.queries ?? 0),
    answerKb: answer.ok ? Math.round(Buffer.byteLength(JSON.stringify(answer.body)) / 1024) : 0,
  };
}

async function main(): Promise<void> {
  const [canto, iconik] = await Promise.all([startSimulator('canto'), startSimulator('iconik')]);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-bench-assets-'));
  const forge = await createForgeHost({
    appDir: APP_DIR,
    dataDir,
    origin: () => 'http://127.0.0.1:4999',
    variables: {
      CANTO_BASE_URL: canto.info.url as string,
      CANTO_OAUTH_URL: canto.info.url as string,
      CANTO_APP_ID: canto.info.appId as string,
      CANTO_APP_SECRET: canto.info.appSecret as string,
      CANTO_WEBHOOK_TOKEN: canto.info.webhookToken as string,
      ICONIK_BASE_URL: iconik.info.url as string,
      ICONIK_APP_ID: iconik.info.appId as string,
      ICONIK_AUTH_TOKEN: iconik.info.authToken as string,
      ICONIK_WEBHOOK_SECRET: iconik.info.webhookSecret as string,
    },
    backgroundDelivery: true,
  });
  const silenced = console.log;
  console.log = () => undefined; // the consumer logs every step
  const peak = { heapUsed: 0, rss: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.rss = Math.max(peak.rss, usage.rss);
  };
  const sampler = setInterval(sample, 250);
  try {
    const storageBefore = forge.kvs.stats();
    const started = Date.now();
    const pushed = await pushStart(forge, ['canto', 'iconik']);
    if (pushed.status !== 201) throw new Error(`could not queue the sync: ${pushed.status} ${await pushed.text()}`);
    const finished = (source: DamSource) => {
      const current = status(forge, source);
      return current !== undefined && current.running === null && current.lastAttemptAt !== null && Date.parse(current.lastAttemptAt) >= started - 1000 && (current.lastRun !== null || current.lastError !== null);
    };
    let lastProgress = Date.now();
    while (!(finished('canto') && finished('iconik') && forge.queues.pending().length === 0)) {
      if (Date.now() - started > MAX_WAIT_MS) throw new Error('the sync did not finish within 6 hours');
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!AS_JSON && Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        process.stderr.write(`  ${seconds(Date.now() - started)} s: ${forge.kvs.entities.size('dam-asset')} assets stored, ${forge.queues.pending().length} events queued\n`);
      }
    }
    const wallMs = Date.now() - started;
    sample();
    const storageAfter = forge.kvs.stats();
    const [cantoReport, iconikReport] = await Promise.all([canto.report(), iconik.report()]);

    const perSource = (source: DamSource, report: { stats: Record<string, unknown>; ids: string[] }, requests: number, received429: number, allowedPerSecond: number) => {
      const current = status(forge, source);
      const run = current?.lastRun;
      const durationMs = run ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : wallMs;
      const perSecond = requests / (durationMs / 1000);
      return {
        source,
        ok: current?.lastError === null,
        error: current?.lastError ?? null,
        wallSeconds: seconds(durationMs),
        requests,
        requestsPerSecond: Math.round(perSecond * 10) / 10,
        allowedPerSecond,
        percentOfAllowed: Math.round((perSecond / allowedPerSecond) * 100),
        received429,
        steps: run?.counts.steps ?? null,
        enriched: run?.counts.enriched ?? null,
        ...compare(forge, source, report.ids),
      };
    };
    const cantoStats = cantoReport.stats as { requests: number; byStatus: Record<string, number> };
    const iconikStats = iconikReport.stats as { requests: number; served429: number; peakPerSecond: number };
    const sources = [
      perSource('canto', cantoReport, cantoStats.requests, cantoStats.byStatus['429'] ?? 0, 1000 / CANTO_MIN_REQUEST_INTERVAL_MS),
      { ...perSource('iconik', iconikReport, iconikStats.requests, iconikStats.served429, ICONIK_REQUESTS_PER_SECOND), peakRequestsInOneSecond: iconikStats.peakPerSecond },
    ];
    const stored = forge.kvs.entities.size('dam-asset');
    const upstream = cantoReport.ids.length + iconikReport.ids.length;

    const pages = [];
    const first = await measurePage(forge, 'first page, by name', { pageSize: 25 });
    pages.push(first);
    if (first.nextAfter) pages.push(await measurePage(forge, 'second page, by name', { pageSize: 25, after: first.nextAfter }));
    pages.push(await measurePage(forge, 'by expiry', { pageSize: 25, sort: 'expiry', order: 'ASC' }));
    pages.push(await measurePage(forge, 'approval = approved', { pageSize: 25, filters: { approval: 'approved' } }));
    pages.push(await measurePage(forge, 'failed jobs only', { pageSize: 25, filters: { failedOnly: true } }));
    pages.push(await measurePage(forge, 'expiring within 30 days', { pageSize: 25, filters: { expiry: 'expiring' } }));

    const report = {
      assetsPerSource: ASSETS,
      latencyMs: LATENCY_MS,
      wallSeconds: seconds(wallMs),
      sources,
      storedRecords: stored,
      duplicatedOrExtra: stored - sources.reduce((sum, s) => sum + s.storedLive + s.tombstoned, 0),
      lostTotal: sources.reduce((sum, s) => sum + s.lost, 0),
      upstreamTotal: upstream,
      peakMemoryMiB: { heapUsed: mib(peak.heapUsed), rss: mib(peak.rss), note: 'this process: the app plus the emulated Forge services, whose storage holds every record in memory' },
      storage: {
        writes: storageAfter.writes - storageBefore.writes,
        mibWritten: mib(storageAfter.bytesWritten - storageBefore.bytesWritten),
        reads: storageAfter.reads - storageBefore.reads,
        mibRead: mib(storageAfter.bytesRead - storageBefore.bytesRead),
      },
      queue: { peakParallelDeliveries: forge.queues.peakConcurrency(), deadLetters: forge.queues.deadLetters().length },
      pages,
    };
    console.log = silenced;
    if (AS_JSON) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
  } finally {
    console.log = silenced;
    clearInterval(sampler);
    await forge.close();
    canto.process.kill();
    iconik.process.kill();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function printReport(report: Record<string, unknown> & { sources: Record<string, unknown>[]; pages: Record<string, unknown>[] }): void {
  const { sources, pages, ...rest } = report;
  console.log(`DAM sync bench: ${report.assetsPerSource} assets per source, ${report.latencyMs} ms latency per request`);
  console.log(JSON.stringify(rest, null, 2));
  console.table(sources);
  console.table(pages.map(({ nextAfter: _token, ...page }) => page));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
