/**
 * Bench: the asset store at 100,000 assets per source, on the workbench's Forge host (custom entity emulation).
 * Seeds both sources straight through the store (upsertAssets, as the sync does, 500 per call), repeats the pass
 * unchanged, recounts the summaries, then renders asset pages the way the asset-lifecycle resolver does (summary +
 * page query) for the default view, selective filters, a filter with another sort and a deep page, and reports per
 * render: entity queries, items and bytes read, answer size and time. Times are wall-clock on a shared machine.
 *
 * Run: npx tsx bench/assetStore.ts [assetsPerSource]
 */
import { startAssetHost } from '../test/store/assets/assetHost';
import { queryAssetPage, readAssetSummary, recountStep, upsertAssets } from '../src/store/assets';
import { bruteForce } from '../test/store/assets/assetHost';
import { encodePageToken, viewFingerprint } from '../src/domain/assets/assetPageToken';
import { sortNameOf } from '../src/domain/assets/assetIndexKeys';
import { assetStorageKey } from '../src/store/assets/assetEntity';
import type { AssetPageRequest } from '../src/shared/assetLifecycleContract';
import type { DamAsset } from '../src/sources/dam/asset';
import { RARE_CAMPAIGN, seedAssets } from '../test/fixtures/assetStoreSeed';

const PER_SOURCE = Number(process.argv[2] ?? 100_000);
const RENDERS = 15;
const now = new Date('2026-03-10T12:00:00Z');
const MiB = 1024 * 1024;

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const host = await startAssetHost();
  const kvsStats = () => host.forge.kvs.stats();
  const entityStats = () => host.forge.kvs.entityStats();
  const memoryTimer = setInterval(sampleMemory, 200);
  try {
    const assets: DamAsset[] = [...seedAssets('canto', PER_SOURCE, now), ...seedAssets('iconik', PER_SOURCE, now)];

    // 1. Initial upsert (a first full pass), then the same pass again (nothing changed).
    const upsert = async (pass: number) => {
      const before = entityStats();
      const started = performance.now();
      let written = 0;
      let unchanged = 0;
      let calls = 0;
      for (let i = 0; i < assets.length; i += 500) {
        const result = await upsertAssets(assets.slice(i, i + 500), { now, pass });
        written += result.written;
        unchanged += result.unchanged;
        calls++;
        if (calls % 40 === 0) sampleMemory();
      }
      const after = entityStats();
      return { ms: performance.now() - started, written, unchanged, entityWrites: after.writes - before.writes, bytesWritten: after.bytesWritten - before.bytesWritten, reads: after.reads - before.reads };
    };
    const initial = await upsert(1);
    const repeat = await upsert(1);
    const nextPass = await upsert(2);

    // 2. Recount both sources (summary rebuild), in steps as the sync runs them.
    const recountStarted = performance.now();
    const recountBefore = entityStats();
    let steps = 0;
    let maxStateBytes = 0;
    for (const source of ['canto', 'iconik'] as const) {
      let state: unknown = null;
      for (;;) {
        const step = await recountStep(source, state, { now, fullPass: 2 });
        steps++;
        maxStateBytes = Math.max(maxStateBytes, Buffer.byteLength(JSON.stringify(step.state)));
        state = step.state;
        if (step.done) break;
      }
    }
    const recount = { ms: performance.now() - recountStarted, steps, queries: entityStats().queries - recountBefore.queries, maxStateBytes };

    // 3. Renders: summary + one page, as src/views/assetLifecycleView.ts does.
    const byNameDesc = bruteForce(assets, {}, 'name', 'DESC', now, 30);
    const deep = byNameDesc[Math.floor(byNameDesc.length * 0.75)] as DamAsset;
    const deepToken = encodePageToken(viewFingerprint({}, 'name', 'DESC'), sortNameOf(deep.name, assetStorageKey(deep.source, deep.id)));
    const scenarios: Array<[string, AssetPageRequest]> = [
      ['default view (all sources, by name)', { filters: {}, sort: 'name', order: 'ASC', pageSize: 25 }],
      ['deep page (75% into name order, descending)', { filters: {}, sort: 'name', order: 'DESC', pageSize: 25, after: deepToken }],
      ['selective: rare campaign, by activity', { filters: { campaign: RARE_CAMPAIGN }, sort: 'activity', order: 'DESC', pageSize: 25 }],
      ['selective: failed jobs, by activity', { filters: { failedOnly: true }, sort: 'activity', order: 'DESC', pageSize: 25 }],
      ['filter + other sort: region EMEA, by expiry', { filters: { region: 'EMEA' }, sort: 'expiry', order: 'ASC', pageSize: 25 }],
      ['filter + other sort: pending in APAC, by expiry', { filters: { approval: 'pending', region: 'apac' }, sort: 'expiry', order: 'ASC', pageSize: 25 }],
      ['expiring within 30 days, by expiry', { filters: { expiry: 'expiring' }, sort: 'expiry', order: 'ASC', pageSize: 25 }],
      ['sparse: canto, expired, one product line, by name', { filters: { sources: ['canto'], expiry: 'expired', productLine: 'Line 3' }, sort: 'name', order: 'ASC', pageSize: 25 }],
    ];
    const renders = [];
    for (const [name, request] of scenarios) {
      const times: number[] = [];
      let sample: Record<string, number | boolean | string> = {};
      for (let i = 0; i < RENDERS; i++) {
        const kvsBefore = kvsStats();
        const before = entityStats();
        const started = performance.now();
        const [summary, page] = await Promise.all([readAssetSummary(['canto', 'iconik'], { now, expiringDays: 30 }), queryAssetPage(request, { now, expiringDays: 30 })]);
        times.push(performance.now() - started);
        const after = entityStats();
        const kvsAfter = kvsStats();
        sample = {
          rows: page.rows.length,
          partial: page.partial,
          queries: after.queries - before.queries,
          itemsRead: after.queryItems - before.queryItems,
          entityKiB: Math.round((after.bytesRead - before.bytesRead) / 102.4) / 10,
          summaryReads: kvsAfter.reads - kvsBefore.reads - (after.reads - before.reads),
          summaryKiB: Math.round((kvsAfter.bytesRead - kvsBefore.bytesRead - (after.bytesRead - before.bytesRead)) / 102.4) / 10,
          answerKiB: Math.round(Buffer.byteLength(JSON.stringify({ summary, page })) / 102.4) / 10,
        };
      }
      renders.push({ scenario: name, ...sample, medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)) });
    }
    sampleMemory();

    const report = {
      assetsPerSource: PER_SOURCE,
      initialUpsert: { seconds: +(initial.ms / 1000).toFixed(1), written: initial.written, entityWrites: initial.entityWrites, MiBWritten: +(initial.bytesWritten / MiB).toFixed(1) },
      samePassAgain: { seconds: +(repeat.ms / 1000).toFixed(1), unchanged: repeat.unchanged, entityWrites: repeat.entityWrites, itemsRead: repeat.reads },
      nextFullPassUnchanged: { seconds: +(nextPass.ms / 1000).toFixed(1), entityWrites: nextPass.entityWrites, MiBWritten: +(nextPass.bytesWritten / MiB).toFixed(1) },
      recount: { seconds: +(recount.ms / 1000).toFixed(1), steps: recount.steps, queries: recount.queries, maxStateKiB: +(recount.maxStateBytes / 1024).toFixed(1) },
      peakRssMiB: Math.round(peakRss / MiB),
    };
    console.log(JSON.stringify(report, null, 2));
    console.table(renders);
  } finally {
    clearInterval(memoryTimer);
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
