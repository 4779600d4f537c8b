/**
 * npm run bench: the governance sync and the env-status render at scale, on the workbench's Forge host.
 *
 * Scale (issue 3's figures, per solution): 2,000 credentials, 10,000 change events, 500 artifacts deployed
 * per environment; 25 ms latency per backend request. Reports the sync's wall time, requests, steps and
 * storage writes, then per env-status render: resolver time, storage calls and response size.
 */
import { startApp } from '../test/appHost';
import type { Credential, ChangeEvent, Deployment } from '../src/sources/governance/schemas';

const SCALE = { credentials: 2_000, changeEvents: 10_000, artifactsPerEnvironment: 500 };
const RENDERS = 50;

function scaleUp<T>(items: T[], target: number, copy: (item: T, n: number) => T): T[] {
  const out: T[] = [];
  for (let n = 0; out.length < target && items.length > 0; n += 1) for (const item of items) if (out.length < target) out.push(copy(item, n));
  return out;
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const data = app.sim.data;
    const solutionId = data.solutions[0]?.id as string;
    const environmentIds = data.environments.filter((e) => e.solutionId === solutionId).map((e) => e.id);
    const ownCredentials = data.credentials.filter((c) => environmentIds.includes(c.environmentId));
    const ownChanges = data.changeEvents.filter((c) => environmentIds.includes(c.environmentId));
    const ownDeployments = data.deployments.filter((d) => environmentIds.includes(d.environmentId));
    data.credentials.push(...scaleUp<Credential>(ownCredentials, SCALE.credentials - ownCredentials.length, (c, n) => ({ ...c, id: `${c.id}-x${n}`, name: `${c.name} #${n}` })));
    data.changeEvents.push(...scaleUp<ChangeEvent>(ownChanges, SCALE.changeEvents - ownChanges.length, (c, n) => ({ ...c, id: `${c.id}-x${n}` })));
    for (const environmentId of environmentIds) {
      const base = ownDeployments.filter((d) => d.environmentId === environmentId);
      data.deployments.push(...scaleUp<Deployment>(base, SCALE.artifactsPerEnvironment - base.length, (d, n) => ({ ...d, artifactId: `${d.artifactId}-x${n}`, artifactName: `${d.artifactName} #${n}` })));
    }
    app.sim.setLatency(25);

    const writesBefore = app.forge.kvs.stats();
    const requestsBefore = app.sim.stats().requests;
    const started = performance.now();
    await app.syncNow();
    const syncMs = performance.now() - started;
    const status = app.forge.kvs.get('sync:governance:status') as { counts: Record<string, number>; lastError: string | null };
    const job = app.forge.kvs.get('sync:governance:job') as { invocations: number; pages: number; requests: number };
    const writes = app.forge.kvs.stats();
    if (status.lastError) throw new Error(`sync failed: ${status.lastError}`);

    const renderTimes: number[] = [];
    const before = app.forge.kvs.stats();
    let bytes = 0;
    for (let i = 0; i < RENDERS; i += 1) {
      const t = performance.now();
      const body = await app.envStatus({ solutionId }, { page: 1, pageSize: 10, sortKey: 'status' });
      renderTimes.push(performance.now() - t);
      bytes = Buffer.byteLength(JSON.stringify(body));
    }
    const after = app.forge.kvs.stats();
    renderTimes.sort((a, b) => a - b);

    // The space hub's overview for the space the solution is mapped to.
    const spaceKey = data.solutions[0]?.spaceKey ?? null;
    const hubBefore = app.forge.kvs.stats();
    const hubTimes: number[] = [];
    let hubBytes = 0;
    for (let i = 0; i < RENDERS; i += 1) {
      const t = performance.now();
      const answer = await app.forge.invokeResolver({
        moduleKey: 'space-hub',
        functionKey: 'getSpaceHub',
        payload: {},
        extension: { type: 'confluence:spacePage', space: { key: spaceKey, id: '1' } },
        accountId: null,
      });
      hubTimes.push(performance.now() - t);
      if (!answer.ok) throw new Error(answer.error);
      hubBytes = Buffer.byteLength(JSON.stringify(answer.body));
    }
    const hubAfter = app.forge.kvs.stats();
    hubTimes.sort((a, b) => a - b);

    const report = {
      scale: { solution: solutionId, ...SCALE, latencyMsPerRequest: 25 },
      sync: {
        wallSeconds: +(syncMs / 1000).toFixed(1),
        backendRequests: app.sim.stats().requests - requestsBefore,
        pages: job.pages,
        consumerSteps: job.invocations,
        kvsWrites: writes.writes - writesBefore.writes,
        kvsMiBWritten: +((writes.bytesWritten - writesBefore.bytesWritten) / 1048576).toFixed(1),
        counts: status.counts,
      },
      envStatusRender: {
        renders: RENDERS,
        p50Ms: +(renderTimes[Math.floor(RENDERS / 2)] ?? 0).toFixed(1),
        p95Ms: +(renderTimes[Math.floor(RENDERS * 0.95)] ?? 0).toFixed(1),
        kvsReadsPerRender: (after.reads - before.reads) / RENDERS,
        kbReadPerRender: +((after.bytesRead - before.bytesRead) / RENDERS / 1024).toFixed(1),
        responseKb: +(bytes / 1024).toFixed(1),
        withinInvokeResponseLimit: bytes < 5 * 1024 * 1024,
      },
      spaceHubRender: {
        space: spaceKey,
        p50Ms: +(hubTimes[Math.floor(RENDERS / 2)] ?? 0).toFixed(1),
        kvsReadsPerRender: (hubAfter.reads - hubBefore.reads) / RENDERS,
        kbReadPerRender: +((hubAfter.bytesRead - hubBefore.bytesRead) / RENDERS / 1024).toFixed(1),
        responseKb: +(hubBytes / 1024).toFixed(1),
      },
      peakRssMiB: Math.round(process.memoryUsage().rss / 1048576),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
