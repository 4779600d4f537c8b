/**
 * The change-summary macro at issue 3's scale: one solution with 10,000 change events over 90 days, on the
 * workbench's Forge host. Reports, per render: resolver time, KVS reads and bytes read, response size, for the
 * newest page, for "Older changes" pages deep in the history, and for the PDF export; and the size of the
 * stored directory next to the size of the whole history (what a render does not read).
 *
 *   npx tsx bench/changes.ts
 */
import { startApp } from '../test/appHost';
import type { ChangeEvent } from '../src/sources/governance/schemas';
import type { ChangeSummaryResponse } from '../src/shared/changeSummaryContract';
import { datasets } from '../src/store/datasets';

type Ok = Extract<ChangeSummaryResponse, { state: 'ok' }>;

const CHANGE_EVENTS = 10_000;
const HISTORY_DAYS = 90;
const RENDERS = 30;
const PAGE_SIZE = 20;

function percentile(sorted: number[], p: number): number {
  return +(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1);
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const data = app.sim.data;
    const solutionId = data.solutions[0]?.id as string;
    const environmentIds = new Set(data.environments.filter((e) => e.solutionId === solutionId).map((e) => e.id));
    const own = data.changeEvents.filter((c) => environmentIds.has(c.environmentId));
    // Spread the copies over the whole history so the time windows cut through it as they would for real data.
    const now = Date.now();
    const extra: ChangeEvent[] = [];
    for (let n = 0; own.length + extra.length < CHANGE_EVENTS; n += 1) {
      const template = own[n % own.length] as ChangeEvent;
      const at = now - Math.floor(((n * 7919) % (HISTORY_DAYS * 24 * 60 - 10)) + 10) * 60_000;
      extra.push({ ...template, id: `${template.id}-x${n}`, occurredAt: new Date(at).toISOString().replace(/\.\d+Z$/, 'Z') });
    }
    data.changeEvents.push(...extra);
    await app.syncNow();
    const status = app.forge.kvs.get('sync:governance:status') as { lastError: string | null };
    if (status.lastError) throw new Error(`sync failed: ${status.lastError}`);

    const render = async (config: Record<string, unknown>, payload: Record<string, unknown>) => {
      const before = app.forge.kvs.stats();
      const t = performance.now();
      const answer = await app.forge.invokeResolver({
        moduleKey: 'change-summary',
        functionKey: 'getChangeSummary',
        payload,
        extension: { type: 'macro', config },
        accountId: 'bench',
      });
      const ms = performance.now() - t;
      const after = app.forge.kvs.stats();
      if (!answer.ok) throw new Error(answer.error);
      return { body: answer.body as Ok, ms, reads: after.reads - before.reads, bytes: after.bytesRead - before.bytesRead, responseBytes: Buffer.byteLength(JSON.stringify(answer.body)) };
    };

    const measure = async (label: string, config: Record<string, unknown>, payloadOf: (i: number) => Record<string, unknown>) => {
      const times: number[] = [];
      let reads = 0;
      let bytes = 0;
      let responseBytes = 0;
      for (let i = 0; i < RENDERS; i += 1) {
        const r = await render(config, payloadOf(i));
        times.push(r.ms);
        reads += r.reads;
        bytes += r.bytes;
        responseBytes = Math.max(responseBytes, r.responseBytes);
      }
      times.sort((a, b) => a - b);
      return {
        [label]: {
          p50Ms: percentile(times, 0.5),
          p95Ms: percentile(times, 0.95),
          kvsReadsPerRender: +(reads / RENDERS).toFixed(1),
          kbReadPerRender: +(bytes / RENDERS / 1024).toFixed(1),
          maxResponseKb: +(responseBytes / 1024).toFixed(1),
          withinInvokeResponseLimit: responseBytes < 5 * 1024 * 1024,
        },
      };
    };

    const all = { solutionId, window: '90d' };
    // Cursors for pages deep in the history: walk the whole window once.
    const cursors: string[] = [];
    let cursor: string | null = (await render(all, { pageSize: PAGE_SIZE })).body.nextCursor;
    let walked = 0;
    while (cursor) {
      cursors.push(cursor);
      const page = await render(all, { pageSize: 50, cursor });
      walked += page.body.changes.length;
      cursor = page.body.nextCursor;
    }

    const exportBefore = app.forge.kvs.stats();
    const t = performance.now();
    const exported = await app.forge.runAdfExport('change-summary', { extension: { type: 'macro', config: all }, exportType: 'pdf' });
    const exportMs = performance.now() - t;
    const exportAfter = app.forge.kvs.stats();

    const streamPrefix = `view.changes.`;
    const pointer = app.forge.kvs.get('snapshot:current') as { generation: string; datasets: Record<string, { chunks: number; count: number }> };
    let storedHistoryBytes = 0;
    let storedChunks = 0;
    for (const [dataset, info] of Object.entries(pointer.datasets)) {
      if (!dataset.startsWith(streamPrefix) || !dataset.includes('.env.') || !dataset.includes(solutionId)) continue;
      for (let c = 0; c < info.chunks; c += 1) {
        storedHistoryBytes += Buffer.byteLength(JSON.stringify(app.forge.kvs.get(`snap:${pointer.generation}:${dataset}:${c}`)));
        storedChunks += 1;
      }
    }
    const directoryBytes = Buffer.byteLength(JSON.stringify(app.forge.kvs.get(`snap:${pointer.generation}:${datasets.changeDirectory(solutionId)}:0`)));

    const report = {
      scale: { solution: solutionId, changeEvents: own.length + extra.length, historyDays: HISTORY_DAYS, pageSize: PAGE_SIZE },
      stored: {
        streamChunks: storedChunks,
        historyKb: +(storedHistoryBytes / 1024).toFixed(1),
        directoryKb: +(directoryBytes / 1024).toFixed(1),
        pointerKb: +(Buffer.byteLength(JSON.stringify(pointer)) / 1024).toFixed(1),
      },
      walkedWholeWindow: { pages: cursors.length + 1, changes: walked + PAGE_SIZE },
      renders: {
        ...(await measure('newestPage90d', all, () => ({ pageSize: PAGE_SIZE }))),
        ...(await measure('newestPage7dProductionOnly', { solutionId, window: '7d', onlyProduction: true }, () => ({ pageSize: PAGE_SIZE }))),
        ...(await measure('olderPagesDeepInHistory', all, (i) => ({ pageSize: PAGE_SIZE, cursor: cursors[Math.floor(((i + 1) * cursors.length) / (RENDERS + 1))] }))),
      },
      pdfExport: {
        ms: +exportMs.toFixed(1),
        kvsReads: exportAfter.reads - exportBefore.reads,
        kbRead: +((exportAfter.bytesRead - exportBefore.bytesRead) / 1024).toFixed(1),
        adfKb: +(Buffer.byteLength(JSON.stringify(exported)) / 1024).toFixed(1),
      },
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
