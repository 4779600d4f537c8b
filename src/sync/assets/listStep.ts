/**
 * The listing pages of a run: assets modified since the run's bound (all of them in a full pass), oldest first, one
 * page after another from a cursor (Canto: start offset; iconik: search_after). Each page is stored before the cursor
 * moves, so a step cut short repeats at most one page, which the store's idempotent upsert absorbs.
 */
import { CANTO_PAGE_SIZE, ICONIK_PAGE_SIZE, MIN_TIME_LEFT_MS } from '../../domain/assetSync/budgets';
import { pushRoom } from '../../domain/assetSync/fanOut';
import { damAssetKey, damAssetSchema, type DamAsset } from '../../sources/dam/asset';
import { keepEnrichment, needsEnrichment } from '../../domain/assetSync/enrichment';
import { cantoAuditTrail, mapCantoAsset } from '../../sources/canto/mapAsset';
import type { CantoAsset } from '../../sources/canto/client';
import { isDeletedIconikAsset, mapIconikAsset } from '../../sources/iconik/mapAsset';
import { readAssets, tombstoneAssets, upsertAssets, writeAuditTrail } from '../../store/assets';
import { readAppSettings } from '../../store/settings';
import { RequestBudgetExhausted, SourceNotConnected, type AssetSyncDeps, type RequestBudget } from './deps';
import type { StepStop } from './chain';
import { pushEnrichment } from './enrichStep';
import { enrichmentPlan } from './iconikReads';
import { addNote, saveRun, type DamRun } from './run';

/** Leaves room in the step's egress budget for one page with a token refresh and a retry or two. */
const REQUESTS_KEPT_FOR_A_PAGE = 5;

function hasRoom(deps: AssetSyncDeps, budget: RequestBudget): boolean {
  return deps.remainingTimeMs() >= MIN_TIME_LEFT_MS && budget.remaining() > REQUESTS_KEPT_FOR_A_PAGE;
}

/** Maps each item on its own: one the mapping refuses is counted as invalid and the rest of its page is kept. */
function mapEach<T extends { id: string }>(run: DamRun, items: T[], map: (item: T) => DamAsset): DamAsset[] {
  const mapped: DamAsset[] = [];
  for (const item of items) {
    try {
      const parsed = damAssetSchema.safeParse(map(item));
      if (parsed.success) mapped.push(parsed.data);
      else noteInvalid(run, 1, `${run.source} asset ${item.id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    } catch (error) {
      noteInvalid(run, 1, `${run.source} asset ${item.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return mapped;
}

function noteInvalid(run: DamRun, count: number, example: string | undefined): void {
  if (count === 0) return;
  run.counts.invalid += count;
  if (example) addNote(run, `skipped invalid item: ${example}`);
  if (run.mode === 'full' && run.tombstonesSafe) {
    // An asset that exists but could not be read was not "seen": tombstoning the unseen would delete it.
    run.tombstonesSafe = false;
    addNote(run, 'deleted assets were not removed in this pass because some assets could not be read');
  }
}

function countUpsert(run: DamRun, result: { written: number; unchanged: number; skippedOlder: number }, listed: number): void {
  run.counts.listed += listed;
  run.counts.written += result.written;
  run.counts.unchanged += result.unchanged;
  run.counts.skippedOlder += result.skippedOlder;
}

export async function listStep(run: DamRun, deps: AssetSyncDeps, budget: RequestBudget): Promise<StepStop> {
  return run.source === 'canto' ? listCanto(run, deps, budget) : listIconik(run, deps, budget);
}

async function listCanto(run: DamRun, deps: AssetSyncDeps, budget: RequestBudget): Promise<StepStop> {
  const connected = await deps.canto({ purpose: 'list', beforeRequest: budget.take });
  if (!connected.ok) throw new SourceNotConnected(connected.message);
  const { settings } = await readAppSettings();
  const since = run.since ? new Date(run.since) : null;
  while (hasRoom(deps, budget)) {
    const start = typeof run.cursor === 'number' ? run.cursor : 0;
    let page;
    try {
      page = await connected.client.listModified({ since, start, limit: CANTO_PAGE_SIZE });
    } catch (error) {
      if (error instanceof RequestBudgetExhausted) break;
      throw error;
    }
    const now = deps.now();
    const byId = new Map<string, CantoAsset>(page.assets.map((asset) => [asset.id, asset]));
    const assets = mapEach(run, page.assets, (asset) => mapCantoAsset(asset, { fieldMapping: settings.assets.cantoFieldMapping, baseUrl: connected.baseUrl }));
    noteInvalid(run, page.invalid.length, page.invalid[0] ? `${page.invalid[0].id ?? `#${page.invalid[0].index}`}: ${page.invalid[0].problem}` : undefined);
    const result = await upsertAssets(assets, { now, ...(run.pass ? { pass: run.pass } : {}) });
    await writeCantoTrails(result.changed, byId);
    countUpsert(run, result, page.assets.length);
    run.cursor = page.nextStart;
    if (page.nextStart === null) {
      run.phase = 'enrich-wait';
      if (run.mode === 'incremental') run.upstreamTotal = await upstreamTotal(() => connected.client.listModified({ since: null, start: 0, limit: 1 }).then((all) => all.found));
    }
    run.heartbeatAt = now.toISOString();
    await saveRun(run);
    if (run.phase !== 'list') break;
  }
  return {};
}

/** Canto's audit trail is in the asset itself (version history): stored with each asset that changed. */
async function writeCantoTrails(changed: DamAsset[], raw: Map<string, CantoAsset>): Promise<void> {
  for (const asset of changed) {
    const source = raw.get(asset.id);
    if (source) await writeAuditTrail('canto', asset.id, cantoAuditTrail(source));
  }
}

async function listIconik(run: DamRun, deps: AssetSyncDeps, budget: RequestBudget): Promise<StepStop> {
  const connected = await deps.iconik({ purpose: 'list', beforeRequest: budget.take });
  if (!connected.ok) throw new SourceNotConnected(connected.message);
  const { settings } = await readAppSettings();
  const plan = enrichmentPlan(settings);
  const since = run.since ? new Date(run.since) : null;
  while (hasRoom(deps, budget)) {
    // Room for this page's enrichment events within the run's share of Forge's 500 events per minute.
    const room = pushRoom(run.pushLedger, deps.now(), Math.ceil((ICONIK_PAGE_SIZE + run.enrichCarry.length) / plan.batchSize));
    if (!room.ok) return { delaySeconds: room.waitSeconds };
    const searchAfter = Array.isArray(run.cursor) ? (run.cursor as unknown[]) : null;
    let page;
    try {
      page = await connected.client.searchModified({ since, searchAfter, perPage: ICONIK_PAGE_SIZE });
    } catch (error) {
      if (error instanceof RequestBudgetExhausted) break;
      throw error;
    }
    const now = deps.now();
    const deleted = page.assets.filter(isDeletedIconikAsset);
    const live = page.assets.filter((asset) => !isDeletedIconikAsset(asset));
    const assets = mapEach(run, live, (asset) => mapIconikAsset(asset, { fieldMapping: settings.assets.iconikFieldMapping, baseUrl: connected.baseUrl }));
    noteInvalid(run, page.invalid.length, page.invalid[0] ? `${page.invalid[0].id ?? `#${page.invalid[0].index}`}: ${page.invalid[0].problem}` : undefined);
    const stored = await readAssets(assets.map((asset) => ({ source: asset.source, id: asset.id })));
    const merged = assets.map((asset) => keepEnrichment(asset, stored.get(damAssetKey(asset))));
    const result = await upsertAssets(merged, { now, ...(run.pass ? { pass: run.pass } : {}) });
    if (deleted.length > 0) await tombstoneAssets(deleted.map((asset) => ({ source: 'iconik' as const, id: asset.id })), now);
    countUpsert(run, result, page.assets.length);
    const toEnrich = merged.filter((asset) => needsEnrichment(asset, now, run.mode)).map((asset) => asset.id);
    await pushEnrichment(run, toEnrich, plan, deps, { flush: page.nextSearchAfter === null });
    run.cursor = page.nextSearchAfter;
    if (page.nextSearchAfter === null) {
      run.phase = 'failed-jobs';
      run.cursor = null;
      if (run.mode === 'incremental') run.upstreamTotal = await upstreamTotal(() => connected.client.searchModified({ since: null, searchAfter: null, perPage: 1 }).then((all) => all.total));
    }
    run.heartbeatAt = now.toISOString();
    await saveRun(run);
    if (run.phase !== 'list') break;
  }
  return {};
}

/** The platform's count of all its assets, for spotting deletions; null when it cannot be read now (not worth a retry). */
async function upstreamTotal(count: () => Promise<number>): Promise<number | null> {
  try {
    return await count();
  } catch {
    return null;
  }
}
