/**
 * The release-readiness macro at issue 3's scale: one solution with 500 artifacts deployed per environment and a
 * release history of 40 releases (one releasing all 500 artifacts, the others 50 each), 25 sign-offs on the big one,
 * on the workbench's Forge host. Reports, per render: resolver time, KVS reads and bytes read, response size, for
 * the first page (default sort) and a page deep in another sort; and the same for the PDF export.
 *
 *   npx tsx bench/releaseReadiness.ts
 */
import { startApp } from '../test/appHost';
import type { Deployment, Release } from '../src/sources/governance/schemas';

const ARTIFACTS_PER_ENVIRONMENT = 500;
const RELEASES = 40;
const SIGN_OFFS = 25;
const RENDERS = 30;

function percentile(sorted: number[], p: number): number {
  return +(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1);
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const data = app.sim.data;
    const solutionId = 'sol-otc';
    const environments = data.environments.filter((e) => e.solutionId === solutionId);
    for (const environment of environments) {
      const base = data.deployments.filter((d) => d.environmentId === environment.id);
      const extra: Deployment[] = [];
      for (let n = 0; base.length + extra.length < ARTIFACTS_PER_ENVIRONMENT; n += 1) {
        for (const d of base) if (base.length + extra.length < ARTIFACTS_PER_ENVIRONMENT) extra.push({ ...d, artifactId: `${d.artifactId}-x${n}`, artifactName: `${d.artifactName} #${n}` });
      }
      data.deployments.push(...extra);
    }
    const prod = data.deployments.filter((d) => d.environmentId === 'env-otc-prod');
    const day = 24 * 3_600_000;
    for (let r = 0; r < RELEASES; r += 1) {
      const release: Release = {
        id: `rel-bench-${r}`,
        name: `Bench release ${r}`,
        targetEnvironmentId: 'env-otc-prod',
        plannedFor: new Date(Date.now() + (r - 20) * 7 * day).toISOString().replace(/\.\d+Z$/, 'Z'),
        items: prod.slice(0, r === 0 ? ARTIFACTS_PER_ENVIRONMENT : 50).map((d, i) => ({
          artifactId: d.artifactId,
          artifactName: d.artifactName,
          kind: d.kind,
          expectedVersion: i % 3 === 0 ? `${d.version}-next` : d.version,
        })),
      };
      data.releases.push(release);
    }
    await app.syncNow();
    const config = { solutionId, releaseMode: 'pinned', releaseId: 'rel-bench-0' };
    const extension = { type: 'macro', config };
    for (let s = 0; s < SIGN_OFFS; s += 1) {
      const accountId = `acc-bench-${s}`;
      app.forge.confluence.addUser({ accountId, displayName: `Reviewer ${s}`, publicName: `R${s}`, email: `r${s}@example.com` });
      const signed = await app.forge.invokeResolver({ moduleKey: 'release-readiness', functionKey: 'signOffRelease', payload: { releaseId: 'rel-bench-0', note: 'Reviewed.' }, extension, accountId });
      if (!signed.ok) throw new Error(signed.error);
    }

    const cases: Record<string, unknown>[] = [{}, { page: 37, pageSize: 10, sortKey: 'artifact', sortOrder: 'DESC' }];
    const report: Record<string, unknown> = { scale: { solutionId, artifactsPerEnvironment: ARTIFACTS_PER_ENVIRONMENT, releases: RELEASES, biggestRelease: ARTIFACTS_PER_ENVIRONMENT, signOffs: SIGN_OFFS } };
    for (const payload of cases) {
      const times: number[] = [];
      const before = app.forge.kvs.stats();
      let bytes = 0;
      for (let i = 0; i < RENDERS; i += 1) {
        const started = performance.now();
        const answer = await app.forge.invokeResolver({ moduleKey: 'release-readiness', functionKey: 'getReleaseReadiness', payload, extension, accountId: 'acc-bench-0' });
        times.push(performance.now() - started);
        if (!answer.ok) throw new Error(answer.error);
        bytes = Buffer.byteLength(JSON.stringify(answer.body));
      }
      const after = app.forge.kvs.stats();
      times.sort((a, b) => a - b);
      report[`render ${JSON.stringify(payload)}`] = {
        p50Ms: percentile(times, 0.5),
        p95Ms: percentile(times, 0.95),
        kvsReadsPerRender: (after.reads - before.reads) / RENDERS,
        kbReadPerRender: +((after.bytesRead - before.bytesRead) / RENDERS / 1024).toFixed(1),
        responseKb: +(bytes / 1024).toFixed(1),
        withinInvokeResponseLimit: bytes < 5 * 1024 * 1024,
      };
    }
    const before = app.forge.kvs.stats();
    const started = performance.now();
    const adf = await app.forge.runAdfExport('release-readiness', { extension, exportType: 'pdf' });
    const after = app.forge.kvs.stats();
    report.pdfExport = {
      ms: +(performance.now() - started).toFixed(1),
      kvsReads: after.reads - before.reads,
      kbRead: +((after.bytesRead - before.bytesRead) / 1024).toFixed(1),
      adfKb: +(Buffer.byteLength(JSON.stringify(adf)) / 1024).toFixed(1),
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
