/**
 * The per-source asset summary (counts row, filter pickers, planner sizes) and the recount that rebuilds it: a scan of
 * one source's live assets through `by-name` in bounded steps. A step's state (resume position and partial counts,
 * bounded well under the 100 KB an event may carry) travels in the sync's queue event; the summary is written when
 * the scan completes. After a complete full sync pass (`fullPass`), the scan also tombstones the assets that pass did
 * not list.
 */
import { z } from 'zod';
import { isLive, storageKeyOf, tombstoneRecord, type AssetRecord } from '../../domain/assets/assetRecord';
import {
  combineSummaries,
  countAsset,
  emptySummaryCounts,
  expiringOnDay,
  expiryCounts,
  facetCount,
  sourceSummarySchema,
  summaryCountsSchema,
  type SourceSummary,
} from '../../domain/assets/assetSummaryCounts';
import type { FacetFilter, PlannerCounts } from '../../domain/assets/assetPagePlan';
import type { AssetSummary } from '../../shared/assetLifecycleContract';
import { damSourceSchema, type DamSource } from '../../sources/dam/asset';
import { describeIssues, readJson, writeJson } from '../kvsJson';
import { queryIndex, writeRecords } from './assetEntity';

/** Entity queries per recount step by default: 10,000 assets, a few tens of seconds of a 900 s consumer. */
export const RECOUNT_QUERIES_PER_STEP = 500;

const isoTime = z.string().datetime({ offset: true });

export const recountStateSchema = z.object({
  v: z.literal(1),
  source: damSourceSchema,
  startedAt: isoTime,
  /** The last sortName scanned; null before the first. */
  after: z.string().nullable(),
  scanned: z.number().int().nonnegative(),
  tombstoned: z.number().int().nonnegative(),
  /** Stored records that failed validation: skipped (not counted, not tombstoned) and reported here. */
  invalid: z.number().int().nonnegative(),
  fullPass: z.number().int().min(0).max(2 ** 31 - 1).nullable(),
  fullPassStartedAt: isoTime.nullable(),
  counts: summaryCountsSchema,
});
export type RecountState = z.infer<typeof recountStateSchema>;

const summaryKey = (source: DamSource) => `asset-summary:${source}`;

export interface RecountOptions {
  /** A full pass that has completed: assets it did not see (seenPass below it) are tombstoned. */
  fullPass?: number;
  /** When that pass started: assets written since (a webhook's update mid-pass) are kept even if it did not list them. */
  fullPassStartedAt?: Date;
  maxQueries?: number;
  now?: Date;
}

function startState(source: DamSource, options: RecountOptions, now: Date): RecountState {
  return {
    v: 1,
    source,
    startedAt: now.toISOString(),
    after: null,
    scanned: 0,
    tombstoned: 0,
    invalid: 0,
    fullPass: options.fullPass ?? null,
    fullPassStartedAt: options.fullPassStartedAt?.toISOString() ?? null,
    counts: emptySummaryCounts(source, now),
  };
}

function notSeen(record: AssetRecord, state: RecountState): boolean {
  if (state.fullPass === null || (record.seenPass ?? -1) >= state.fullPass) return false;
  return state.fullPassStartedAt === null || Date.parse(record.writtenAt) < Date.parse(state.fullPassStartedAt);
}

/**
 * One bounded step of the recount of `source`. Pass the returned state to the next step until `done`; start with
 * null. A state from elsewhere (a queue event) is validated; a state of another source is refused. `fullPass` and
 * `fullPassStartedAt` are read when the recount starts and carried in the state; `maxQueries` and `now` per step.
 */
export async function recountStep(
  source: DamSource,
  /** A RecountState from the previous step, as stored or carried (validated here), or null to start. */
  state: unknown,
  options: RecountOptions = {},
): Promise<{ state: RecountState; done: boolean }> {
  const now = options.now ?? new Date();
  let current: RecountState;
  if (state === null || state === undefined) current = startState(source, options, now);
  else {
    const parsed = recountStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(`Recount state is not valid: ${describeIssues(parsed.error).join('; ')}`);
    if (parsed.data.source !== source) throw new Error(`Recount state belongs to ${parsed.data.source}, not ${source}`);
    current = parsed.data;
  }
  const maxQueries = options.maxQueries ?? RECOUNT_QUERIES_PER_STEP;
  for (let queries = 0; queries < maxQueries; queries++) {
    const page = await queryIndex({
      index: 'by-name',
      partition: [source],
      range: current.after === null ? {} : { low: { value: current.after, inclusive: false } },
      order: 'ASC',
      limit: 20,
      cursor: null,
    });
    const stale: Array<{ key: string; record: AssetRecord }> = [];
    for (const record of page.records) {
      current.scanned++;
      if (!isLive(record)) continue;
      if (notSeen(record, current)) {
        const key = storageKeyOf(record);
        stale.push({ key, record: tombstoneRecord(record.asset, { storageKey: key, deletedAt: now.toISOString(), writtenAt: now.toISOString() }) });
      } else countAsset(current.counts, record);
    }
    await writeRecords(stale);
    current.tombstoned += stale.length;
    const last = page.records[page.records.length - 1];
    if (last) current.after = last.sortName;
    if (page.cursor === null) {
      await writeJson(summaryKey(source), { ...current.counts, v: 1, countedAt: now.toISOString() } satisfies SourceSummary);
      return { state: current, done: true };
    }
  }
  return { state: current, done: false };
}

export async function readSourceSummary(source: DamSource): Promise<SourceSummary | null> {
  return (await readJson(summaryKey(source), sourceSummarySchema)) ?? null;
}

/** The stored summaries of `sources` (null for a source never counted), read once per render and shared. */
export async function readSourceSummaries(sources: readonly DamSource[]): Promise<Map<DamSource, SourceSummary | null>> {
  const unique = [...new Set(sources)];
  const summaries = await Promise.all(unique.map((source) => readSourceSummary(source)));
  return new Map(unique.map((source, i) => [source, summaries[i] ?? null]));
}

/**
 * The counts row over `sources` as of their last recounts (a source never counted contributes zeros). Pass
 * `summaries` (from readSourceSummaries) when the render has read them already: only sources missing there are read.
 */
export async function readAssetSummary(
  sources: readonly DamSource[],
  options: { now: Date; expiringDays: number; summaries?: ReadonlyMap<DamSource, SourceSummary | null> },
): Promise<AssetSummary> {
  const known = options.summaries;
  const summaries = await Promise.all(sources.map((source) => (known?.has(source) ? (known.get(source) ?? null) : readSourceSummary(source))));
  return combineSummaries(
    summaries.filter((summary): summary is SourceSummary => summary !== null),
    sources,
    options.now,
    options.expiringDays,
  );
}

const FACET_FIELD: Record<FacetFilter, 'approvals' | 'campaigns' | 'regions' | 'productLines'> = {
  approval: 'approvals',
  campaign: 'campaigns',
  region: 'regions',
  productLine: 'productLines',
};

/** What the page planner needs from a summary. */
export function plannerCounts(summary: SourceSummary, now: Date, expiringDays: number): PlannerCounts {
  const expiry = expiryCounts(summary.expiry, now, expiringDays);
  // The day histogram cannot split today: today's bucket counts towards both estimates.
  const today = expiringOnDay(summary.expiry, now);
  return {
    total: summary.total,
    failed: summary.failed,
    facet: (kind, value) => facetCount(summary[FACET_FIELD[kind]], value),
    expiry: (filter) => (filter === 'expired' ? expiry.expired + today : expiry.expiring),
  };
}
