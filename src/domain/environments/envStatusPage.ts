import type {
  EnvStatusRow,
  EnvStatusSortKey,
  SortOrder,
} from '../../shared/envStatusContract';
import { currentOrNextWindow, isKnownEnvironmentStatus, type StoredEnvStatusRow } from './envStatusRows';

const STAGE_ORDER: Record<string, number> = { dev: 0, test: 1, prod: 2 };
/** Worst first when sorted ascending: what needs attention comes to the top. */
const STATUS_ORDER: Record<string, number> = { outage: 0, degraded: 1, maintenance: 2, operational: 4 };
const UNKNOWN_STATUS_RANK = 3;

export interface EnvStatusQuery {
  stages: readonly string[];
  sortKey: EnvStatusSortKey;
  sortOrder: SortOrder;
  page: number;
  pageSize: number;
  now: Date;
}

export function toEnvStatusRow(row: StoredEnvStatusRow, now: Date): EnvStatusRow {
  const window = currentOrNextWindow(row.maintenance, now);
  return {
    id: row.id,
    name: row.name,
    stage: row.stage,
    isProduction: row.isProduction,
    status: row.status,
    statusKnown: isKnownEnvironmentStatus(row.status),
    statusMessage: row.statusMessage,
    endpoints: row.endpoints,
    lastDeployment: row.lastDeployment,
    nextMaintenance: window
      ? { title: window.title, kind: window.kind, status: window.status, startsAt: window.startsAt, endsAt: window.endsAt }
      : null,
    updatedAt: row.updatedAt,
  };
}

function compareNullable(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function comparator(sortKey: EnvStatusSortKey): (a: EnvStatusRow, b: EnvStatusRow) => number {
  switch (sortKey) {
    case 'stage':
      return (a, b) => (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) || a.stage.localeCompare(b.stage);
    case 'status':
      return (a, b) =>
        (STATUS_ORDER[a.status] ?? UNKNOWN_STATUS_RANK) - (STATUS_ORDER[b.status] ?? UNKNOWN_STATUS_RANK) ||
        a.status.localeCompare(b.status);
    case 'lastDeployment':
      return (a, b) =>
        compareNullable(
          a.lastDeployment ? -Date.parse(a.lastDeployment.deployedAt) : null,
          b.lastDeployment ? -Date.parse(b.lastDeployment.deployedAt) : null,
        );
    case 'nextMaintenance':
      return (a, b) =>
        compareNullable(
          a.nextMaintenance ? Date.parse(a.nextMaintenance.startsAt) : null,
          b.nextMaintenance ? Date.parse(b.nextMaintenance.startsAt) : null,
        );
    case 'environment':
      return (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });
  }
}

/**
 * Filters by stage, sorts and cuts one page. Ties fall back to the environment name so paging is stable.
 * "Ascending" on lastDeployment means most recent first, the order people read it in; rows without a value
 * always go last whichever the direction.
 */
export function envStatusPage(rows: readonly StoredEnvStatusRow[], query: EnvStatusQuery) {
  const byName = comparator('environment');
  const primary = comparator(query.sortKey);
  const direction = query.sortOrder === 'DESC' ? -1 : 1;
  const filtered = rows
    .filter((row) => query.stages.length === 0 || query.stages.includes(row.stage))
    .map((row) => toEnvStatusRow(row, query.now));
  const hasValue = (row: EnvStatusRow) =>
    query.sortKey === 'lastDeployment' ? row.lastDeployment !== null
    : query.sortKey === 'nextMaintenance' ? row.nextMaintenance !== null
    : true;
  filtered.sort((a, b) => {
    const aHas = hasValue(a);
    const bHas = hasValue(b);
    if (aHas !== bHas) return aHas ? -1 : 1;
    return direction * primary(a, b) || byName(a, b);
  });
  const total = filtered.length;
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), lastPage);
  const start = (page - 1) * query.pageSize;
  return { rows: filtered.slice(start, start + query.pageSize), total, page };
}
