import { z } from 'zod';
import { storedChangeRowSchema, newestFirst } from '../changes/changeRows';
import { UPCOMING_WINDOWS_KEPT, type StoredEnvStatusRow, type StoredMaintenance } from '../environments/envStatusRows';
import { environmentSchema, failureSchema, maintenanceWindowSchema, type Environment, type Failure, type MaintenanceWindow } from '../../sources/governance/schemas';
import type { ChangeRow } from '../../shared/changeSummaryContract';

/**
 * The live overlay of one solution: what the backend pushed since the last published sync, so the macros show a
 * change, a failure or a status change at once instead of after the next hourly sync.
 *
 * Rules:
 *  - Ordered by the event's own time (CloudEvents `time`): a late delivery of an older event never overwrites the
 *    newer state of the same failure, environment or window.
 *  - Superseded by the next full sync that includes them: an entry received before the published sync started
 *    (less a safety margin for the backend's own lag) is in that sync's data, so readers ignore it and writers
 *    drop it. An entry received later stays until a sync that started after it is published.
 *  - Bounded: a fixed number of entries per kind and a byte budget for the whole record (one KVS value); the
 *    oldest arrivals go first, and the next sync brings them back from the backend anyway.
 */
export const LIVE_LIMITS = { changes: 100, failures: 200, environments: 100, maintenance: 100, bytes: 180_000 } as const;
/** An entry received this long before the published sync started is certainly in it. */
export const SUPERSEDE_MARGIN_MS = 2 * 60_000;

const stamp = { receivedAt: z.string(), eventTime: z.string() };

export const liveChangeSchema = z.object({ ...stamp, production: z.boolean(), row: storedChangeRowSchema });
export const liveFailureSchema = z.object({ ...stamp, eventType: z.string(), failure: failureSchema });
export const liveEnvironmentSchema = z.object({ ...stamp, environment: environmentSchema });
export const liveMaintenanceSchema = z.object({ ...stamp, window: maintenanceWindowSchema });

export const liveEventsSchema = z.object({
  v: z.literal(1),
  changes: z.array(liveChangeSchema).default([]),
  failures: z.array(liveFailureSchema).default([]),
  environments: z.array(liveEnvironmentSchema).default([]),
  maintenance: z.array(liveMaintenanceSchema).default([]),
});
export type LiveEvents = z.infer<typeof liveEventsSchema>;
export type LiveChange = z.infer<typeof liveChangeSchema>;
export type LiveFailure = z.infer<typeof liveFailureSchema>;
export type LiveEnvironment = z.infer<typeof liveEnvironmentSchema>;
export type LiveMaintenance = z.infer<typeof liveMaintenanceSchema>;

export const emptyLiveEvents = (): LiveEvents => ({ v: 1, changes: [], failures: [], environments: [], maintenance: [] });

export type LiveUpdate =
  | { kind: 'change'; entry: LiveChange }
  | { kind: 'failure'; entry: LiveFailure }
  | { kind: 'environment'; entry: LiveEnvironment }
  | { kind: 'maintenance'; entry: LiveMaintenance };

const time = (iso: string) => {
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? 0 : parsed;
};

/** Resolved wins a tie with an open or acknowledged state: a failure is not reopened by an event of the same instant. */
const STATE_RANK: Record<string, number> = { open: 0, acknowledged: 1, resolved: 2 };

/** True when `incoming` is at least as new as `existing`, so it replaces it (equal: a redelivery, harmless). */
function supersedes(incoming: { eventTime: string }, existing: { eventTime: string }): boolean {
  return time(incoming.eventTime) >= time(existing.eventTime);
}

function upsert<T extends { eventTime: string }>(list: readonly T[], entry: T, idOf: (item: T) => string, wins: (incoming: T, existing: T) => boolean): T[] {
  const id = idOf(entry);
  const existing = list.find((item) => idOf(item) === id);
  if (existing && !wins(entry, existing)) return [...list];
  return [entry, ...list.filter((item) => idOf(item) !== id)];
}

const newestArrivalFirst = (a: { receivedAt: string }, b: { receivedAt: string }) => time(b.receivedAt) - time(a.receivedAt);

/** The overlay with one event applied (pure; idempotent for a redelivered event). */
export function applyLiveUpdate(state: LiveEvents, update: LiveUpdate): LiveEvents {
  switch (update.kind) {
    case 'change': {
      const changes = upsert(state.changes, update.entry, (item) => item.row.id, supersedes)
        .sort((a, b) => newestFirst(a.row, b.row))
        .slice(0, LIVE_LIMITS.changes);
      return { ...state, changes };
    }
    case 'failure': {
      const failures = upsert(state.failures, update.entry, (item) => item.failure.id, (incoming, existing) => {
        const difference = time(incoming.eventTime) - time(existing.eventTime);
        if (difference !== 0) return difference > 0;
        return (STATE_RANK[incoming.failure.state] ?? 0) >= (STATE_RANK[existing.failure.state] ?? 0);
      })
        .sort(newestArrivalFirst)
        .slice(0, LIVE_LIMITS.failures);
      return { ...state, failures };
    }
    case 'environment': {
      const environments = upsert(state.environments, update.entry, (item) => item.environment.id, supersedes)
        .sort(newestArrivalFirst)
        .slice(0, LIVE_LIMITS.environments);
      return { ...state, environments };
    }
    case 'maintenance': {
      const maintenance = upsert(state.maintenance, update.entry, (item) => item.window.id, supersedes)
        .sort(newestArrivalFirst)
        .slice(0, LIVE_LIMITS.maintenance);
      return { ...state, maintenance };
    }
  }
}

/**
 * The moment before which entries are in the published sync's data: its start less the margin. Null before any
 * sync: every entry is live.
 */
export function supersededBefore(publishedSyncStartedAt: string | null): number | null {
  if (!publishedSyncStartedAt) return null;
  const started = Date.parse(publishedSyncStartedAt);
  return Number.isNaN(started) ? null : started - SUPERSEDE_MARGIN_MS;
}

/** Only the entries the published sync does not include yet. */
export function liveAfter(state: LiveEvents, cutoff: number | null): LiveEvents {
  if (cutoff === null) return state;
  const keep = (entry: { receivedAt: string }) => time(entry.receivedAt) >= cutoff;
  return {
    v: 1,
    changes: state.changes.filter(keep),
    failures: state.failures.filter(keep),
    environments: state.environments.filter(keep),
    maintenance: state.maintenance.filter(keep),
  };
}

/** Drops the oldest arrivals until the record fits its byte budget. */
export function boundLiveEvents(state: LiveEvents, maxBytes: number = LIVE_LIMITS.bytes): LiveEvents {
  let current = state;
  while (JSON.stringify(current).length > maxBytes) {
    const sections = (['changes', 'failures', 'environments', 'maintenance'] as const).filter((name) => current[name].length > 0);
    if (sections.length === 0) break;
    // The section whose oldest arrival is the oldest of all gives up that entry.
    let oldestSection = sections[0] as (typeof sections)[number];
    let oldestTime = Number.POSITIVE_INFINITY;
    for (const name of sections) {
      for (const entry of current[name] as { receivedAt: string }[]) {
        if (time(entry.receivedAt) < oldestTime) {
          oldestTime = time(entry.receivedAt);
          oldestSection = name;
        }
      }
    }
    const list = current[oldestSection] as { receivedAt: string }[];
    const index = list.findIndex((entry) => time(entry.receivedAt) === oldestTime);
    current = { ...current, [oldestSection]: list.filter((_, i) => i !== index) };
  }
  return current;
}

export interface LiveChangeSelection {
  /** Environments the macro shows (its directory after the config's filters). */
  shownEnvironmentIds: ReadonlySet<string>;
  /** True when the macro shows every environment (no environment filter, not production-only): a pushed change in an environment the last sync did not know yet is shown too. */
  allEnvironments: boolean;
  onlyProduction: boolean;
  /** Oldest time the macro's window reaches (epoch ms). */
  since: number;
}

/**
 * The newest page of the change summary with the pushed changes merged in: de-duplicated by change id against the
 * page, newest first. When older pages exist, a pushed change older than the page's oldest row is left for the
 * next sync (showing it here would break the order); the page then holds at most `pageSize` extra rows.
 */
export function mergeLiveChanges(pageRows: readonly ChangeRow[], live: readonly LiveChange[], selection: LiveChangeSelection, hasOlderPages: boolean, pageSize: number): ChangeRow[] {
  const onPage = new Set(pageRows.map((row) => row.id));
  const oldestOnPage = pageRows.length > 0 ? time(pageRows[pageRows.length - 1]?.occurredAt ?? '') : Number.NEGATIVE_INFINITY;
  const extra = live
    .filter((entry) => !onPage.has(entry.row.id))
    .filter((entry) => time(entry.row.occurredAt) >= selection.since)
    .filter((entry) => !selection.onlyProduction || entry.production)
    .filter((entry) => selection.shownEnvironmentIds.has(entry.row.environment.id) || selection.allEnvironments)
    .filter((entry) => !hasOlderPages || time(entry.row.occurredAt) >= oldestOnPage)
    .map((entry) => entry.row)
    .sort(newestFirst)
    .slice(0, pageSize);
  if (extra.length === 0) return [...pageRows];
  return [...pageRows, ...extra].sort(newestFirst);
}

function isOpenWindow(window: Pick<MaintenanceWindow, 'status' | 'endsAt'>, now: Date): boolean {
  return window.status !== 'cancelled' && window.status !== 'completed' && time(window.endsAt) > now.getTime();
}

/**
 * Env-status rows with pushed status changes and maintenance windows applied. A pushed environment replaces the
 * synced one when it is at least as recent (the backend's `updatedAt`); an environment the sync did not know yet is
 * added. A pushed window replaces the synced window of the same id in every environment it names.
 */
export function mergeLiveEnvironments(rows: readonly StoredEnvStatusRow[], live: LiveEvents, solutionId: string, now: Date): StoredEnvStatusRow[] {
  const pushed = new Map(live.environments.filter((entry) => entry.environment.solutionId === solutionId).map((entry) => [entry.environment.id, entry.environment]));
  const merged: StoredEnvStatusRow[] = rows.map((row) => {
    const environment = pushed.get(row.id);
    if (!environment || time(environment.updatedAt) < time(row.updatedAt)) return row;
    pushed.delete(row.id);
    return { ...row, ...environmentFields(environment) };
  });
  for (const environment of pushed.values()) {
    if (rows.some((row) => row.id === environment.id)) continue;
    merged.push({ ...environmentFields(environment), id: environment.id, solutionId: environment.solutionId, lastDeployment: null, maintenance: [] });
  }
  if (live.maintenance.length === 0) return merged;
  const pushedWindows = live.maintenance.map((entry) => entry.window);
  const pushedIds = new Set(pushedWindows.map((window) => window.id));
  return merged.map((row) => {
    const windows: StoredMaintenance[] = [
      ...row.maintenance.filter((window) => !pushedIds.has(window.id)),
      ...pushedWindows
        .filter((window) => window.environmentIds.includes(row.id) && isOpenWindow(window, now))
        .map(({ id, title, kind, status, startsAt, endsAt }) => ({ id, title, kind, status, startsAt, endsAt })),
    ];
    windows.sort((a, b) => time(a.startsAt) - time(b.startsAt));
    return { ...row, maintenance: windows.slice(0, UPCOMING_WINDOWS_KEPT) };
  });
}

function environmentFields(environment: Environment) {
  return {
    name: environment.name,
    stage: environment.stage,
    isProduction: environment.isProduction,
    status: environment.status,
    statusMessage: environment.statusMessage ?? null,
    endpoints: environment.endpoints.map(({ name, url, protocol }) => ({ name, url, protocol })),
    updatedAt: environment.updatedAt,
  };
}

/** Synced failures with the pushed state of each one applied (pushed failures the sync did not have are added). */
export function mergeLiveFailures(synced: readonly Failure[], live: LiveEvents): Failure[] {
  const pushed = new Map(live.failures.map((entry) => [entry.failure.id, entry.failure]));
  const merged = synced.map((failure) => pushed.get(failure.id) ?? failure);
  const known = new Set(synced.map((failure) => failure.id));
  for (const failure of pushed.values()) if (!known.has(failure.id)) merged.push(failure);
  return merged;
}

/** Synced maintenance windows with pushed ones applied by id. */
export function mergeLiveMaintenance(synced: readonly MaintenanceWindow[], live: LiveEvents): MaintenanceWindow[] {
  const pushed = new Map(live.maintenance.map((entry) => [entry.window.id, entry.window]));
  const merged = synced.map((window) => pushed.get(window.id) ?? window);
  const known = new Set(synced.map((window) => window.id));
  for (const window of pushed.values()) if (!known.has(window.id)) merged.push(window);
  return merged;
}
