/**
 * The per-source asset summary: totals, counts per approval, campaign, product line and region, failed jobs, and an
 * expiry histogram by UTC day, so the counts row, the filter pickers and "expiring within N days" (any N up to the
 * window) are answered from one small record instead of a scan.
 *
 * It is built by a scan in bounded steps (src/store/assets/summary.ts) whose partial counts travel in a queue event,
 * so every part is bounded in bytes: facet counters keep at most FACET_CAPACITY values within a byte budget, using the
 * Space-Saving scheme (a new value evicts the least frequent one and inherits its count as possible overcount), which
 * keeps the most frequent values and knows which counts are exact.
 */
import { z } from 'zod';
import type { AssetSummary } from '../../shared/assetLifecycleContract';
import { damSourceSchema, type DamSource } from '../../sources/dam/asset';
import type { AssetRecord } from './assetRecord';
import { facetKey } from './assetIndexKeys';

export const FACET_CAPACITY = 200;
const FACET_BYTES = 22 * 1024;
const APPROVAL_BYTES = 6 * 1024;
/** Expiry days kept one by one: a week back (so a summary read days later still splits "expired") to 800 days ahead. */
const DAYS_BACK = 7;
const DAYS_AHEAD = 800;
const DAY_MS = 86_400_000;

export const FACETS = ['approvals', 'campaigns', 'productLines', 'regions'] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * [label, count, possible overcount (0 = exact), label vote]. The label is the majority spelling of the value
 * ("EMEA" over a stray "emea "), found with a majority vote: one number per value instead of a count per spelling.
 */
const counterEntrySchema = z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int()]);
export const facetCounterSchema = z.object({ entries: z.array(counterEntrySchema), evicted: z.boolean() });
export type FacetCounter = z.infer<typeof facetCounterSchema>;

export const expiryHistogramSchema = z.object({
  /** First and last UTC day (YYYY-MM-DD) counted day by day. */
  from: z.string(),
  to: z.string(),
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  /** Count per day from `from` on (index 0 = `from`); trailing days without assets are left off. */
  days: z.array(z.number().int().nonnegative()),
});
export type ExpiryHistogram = z.infer<typeof expiryHistogramSchema>;

export const summaryCountsSchema = z.object({
  source: damSourceSchema,
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  approvals: facetCounterSchema,
  campaigns: facetCounterSchema,
  productLines: facetCounterSchema,
  regions: facetCounterSchema,
  expiry: expiryHistogramSchema,
});
export type SummaryCounts = z.infer<typeof summaryCountsSchema>;

export const sourceSummarySchema = summaryCountsSchema.extend({ v: z.literal(1), countedAt: z.string() });
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

const utcDate = (time: number) => new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
const dayOffset = (from: string, day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const dayAt = (from: string, offset: number) => utcDate(Date.parse(`${from}T00:00:00Z`) + offset * DAY_MS);

export function emptySummaryCounts(source: DamSource, startedAt: Date): SummaryCounts {
  const today = startedAt.getTime();
  const counter = (): FacetCounter => ({ entries: [], evicted: false });
  return {
    source,
    total: 0,
    failed: 0,
    approvals: counter(),
    campaigns: counter(),
    productLines: counter(),
    regions: counter(),
    expiry: { from: utcDate(today - DAYS_BACK * DAY_MS), to: utcDate(today + DAYS_AHEAD * DAY_MS), before: 0, after: 0, none: 0, days: [] },
  };
}

const entryBytes = (label: string) => label.length * 2 + 16;

type CounterEntry = FacetCounter['entries'][number];
/** key -> entry of each counter in use, so counting 100k assets does not re-normalize every label each time. */
const lookups = new WeakMap<FacetCounter, Map<string, CounterEntry>>();

function lookup(counter: FacetCounter): Map<string, CounterEntry> {
  let map = lookups.get(counter);
  if (!map) {
    map = new Map(counter.entries.map((entry) => [facetKey(entry[0]) as string, entry]));
    lookups.set(counter, map);
  }
  return map;
}

/** Counts one value into a Space-Saving counter (mutates it). */
export function countFacet(counter: FacetCounter, value: string | null, budget: number = FACET_BYTES): void {
  const key = facetKey(value);
  if (key === null || value === null) return;
  const map = lookup(counter);
  const existing = map.get(key);
  const label = value.trim().replace(/\s+/gu, ' ');
  if (existing) {
    existing[1] += 1;
    if (existing[0] === label) existing[3] += 1;
    else if (existing[3] > 0) existing[3] -= 1;
    else {
      existing[0] = label;
      existing[3] = 1;
    }
    return;
  }
  let bytes = counter.entries.reduce((sum, entry) => sum + entryBytes(entry[0]), 0);
  let inherited = 0;
  while (counter.entries.length > 0 && (counter.entries.length >= FACET_CAPACITY || bytes + entryBytes(label) > budget)) {
    let min = 0;
    counter.entries.forEach((entry, i) => {
      if (entry[1] < (counter.entries[min] as typeof entry)[1]) min = i;
    });
    const [evicted] = counter.entries.splice(min, 1);
    if (evicted) map.delete(facetKey(evicted[0]) as string);
    inherited = Math.max(inherited, evicted?.[1] ?? 0);
    bytes -= entryBytes(evicted?.[0] ?? '');
    counter.evicted = true;
  }
  const entry: CounterEntry = [label, inherited + 1, inherited, 1];
  counter.entries.push(entry);
  map.set(key, entry);
}

function countExpiry(histogram: ExpiryHistogram, expiresAt: string | null): void {
  const time = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
  if (Number.isNaN(time)) {
    histogram.none += 1;
    return;
  }
  const day = utcDate(time);
  if (day < histogram.from) histogram.before += 1;
  else if (day > histogram.to) histogram.after += 1;
  else {
    const index = dayOffset(histogram.from, day);
    while (histogram.days.length <= index) histogram.days.push(0);
    histogram.days[index] = (histogram.days[index] as number) + 1;
  }
}

/** Counts one live asset record (mutates `counts`). Facet counters are keyed as the indexes are (facetKey). */
export function countAsset(counts: SummaryCounts, record: AssetRecord): void {
  const { asset } = record;
  counts.total += 1;
  if (record.failedKey === 'yes') counts.failed += 1;
  countFacet(counts.approvals, asset.approval, APPROVAL_BYTES);
  countFacet(counts.campaigns, asset.campaign);
  countFacet(counts.productLines, asset.productLine);
  countFacet(counts.regions, asset.region);
  countExpiry(counts.expiry, asset.expiresAt);
}

/** The count of one facet value: exact when the counter never evicted it (or never evicted anything and lacks it). */
export function facetCount(counter: FacetCounter, value: string): { count: number; exact: boolean } {
  const key = facetKey(value);
  const entry = key === null ? undefined : lookup(counter).get(key);
  if (entry) return { count: entry[1], exact: entry[2] === 0 };
  if (!counter.evicted) return { count: 0, exact: true };
  const smallest = counter.entries.reduce((min, candidate) => Math.min(min, candidate[1]), Number.POSITIVE_INFINITY);
  return { count: Number.isFinite(smallest) ? smallest : 0, exact: false };
}

/** Assets expiring on the UTC day `now` falls on. */
export function expiringOnDay(histogram: ExpiryHistogram, now: Date): number {
  const offset = dayOffset(histogram.from, utcDate(now.getTime()));
  return offset >= 0 ? (histogram.days[offset] ?? 0) : 0;
}

/**
 * Expired and expiring counts by UTC day as of `now` (the summary's day granularity): days before today are expired,
 * today up to today + `expiringDays` are expiring. Assets expiring earlier today count as expiring, not yet expired.
 */
export function expiryCounts(histogram: ExpiryHistogram, now: Date, expiringDays: number): { expired: number; expiring: number } {
  const today = utcDate(now.getTime());
  const last = utcDate(now.getTime() + expiringDays * DAY_MS);
  let expired = histogram.before;
  let expiring = 0;
  for (const [offset, count] of histogram.days.entries()) {
    const day = dayAt(histogram.from, offset);
    if (day < today) expired += count;
    else if (day <= last) expiring += count;
  }
  if (last > histogram.to) expiring += histogram.after;
  return { expired, expiring };
}

/** The most frequent labels of several counters merged by key (a facet value across sources). */
function mergedLabels(counters: FacetCounter[], limit: number): Array<{ key: string; label: string; count: number }> {
  const merged = new Map<string, { key: string; label: string; count: number }>();
  for (const counter of counters) {
    for (const [label, count] of counter.entries) {
      const key = facetKey(label) as string;
      const existing = merged.get(key);
      if (existing) existing.count += count;
      else merged.set(key, { key, label, count });
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)).slice(0, limit);
}

/** The contract's summary over several sources' stored summaries (a source without one counts as empty). */
export function combineSummaries(summaries: SourceSummary[], sources: readonly DamSource[], now: Date, expiringDays: number): AssetSummary {
  const chosen = summaries.filter((summary) => sources.includes(summary.source));
  const bySource: Record<DamSource, number> = { canto: 0, iconik: 0 };
  let expired = 0;
  let expiring = 0;
  for (const summary of chosen) {
    bySource[summary.source] += summary.total;
    const counts = expiryCounts(summary.expiry, now, expiringDays);
    expired += counts.expired;
    expiring += counts.expiring;
  }
  const approvals = mergedLabels(
    chosen.map((s) => s.approvals),
    FACET_CAPACITY,
  );
  const countedAt = chosen.length === sources.length && chosen.length > 0 ? chosen.map((s) => s.countedAt).sort()[0] ?? null : null;
  return {
    total: chosen.reduce((sum, s) => sum + s.total, 0),
    bySource,
    byApproval: Object.fromEntries(approvals.map((a) => [a.key, a.count])),
    expired,
    expiring,
    withFailedJobs: chosen.reduce((sum, s) => sum + s.failed, 0),
    countedAt,
    campaigns: mergedLabels(chosen.map((s) => s.campaigns), FACET_CAPACITY).map((c) => c.label),
    productLines: mergedLabels(chosen.map((s) => s.productLines), FACET_CAPACITY).map((c) => c.label),
    regions: mergedLabels(chosen.map((s) => s.regions), FACET_CAPACITY).map((c) => c.label),
    approvals: approvals.map((a) => a.label),
  };
}
