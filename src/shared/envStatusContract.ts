/**
 * What the env-status resolvers answer. Shared by the backend (src/resolvers) and the Custom UI view
 * (static/src), which imports these types only: nothing here may import Forge or Node modules.
 */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export const ENV_STATUS_SORT_KEYS = ['environment', 'stage', 'status', 'lastDeployment', 'nextMaintenance'] as const;
export type EnvStatusSortKey = (typeof ENV_STATUS_SORT_KEYS)[number];
export type SortOrder = 'ASC' | 'DESC';

/** The macro's saved configuration (what the config panel submits). */
export interface EnvStatusConfig {
  solutionId?: string;
  /** Empty or missing means every stage. */
  stages?: string[];
}

export interface EnvStatusRow {
  id: string;
  name: string;
  /** dev | test | prod, or a newer stage name shown as-is. */
  stage: string;
  isProduction: boolean;
  /** operational | degraded | outage | maintenance, or an unknown raw value. */
  status: string;
  statusKnown: boolean;
  statusMessage: string | null;
  endpoints: { name: string; url: string; protocol: string }[];
  lastDeployment: {
    artifactName: string;
    version: string;
    status: string;
    deployedAt: string;
    deployedBy: string | null;
  } | null;
  /** The in-progress window, else the next scheduled one. */
  nextMaintenance: {
    title: string;
    kind: string;
    status: string;
    startsAt: string;
    endsAt: string;
  } | null;
  updatedAt: string;
}

export interface EnvStatusPageRequest {
  page?: number;
  pageSize?: number;
  sortKey?: EnvStatusSortKey;
  sortOrder?: SortOrder;
}

export type EnvStatusResponse =
  | ResolverError
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | {
      state: 'ok';
      solution: { id: string; name: string };
      stages: string[];
      rows: EnvStatusRow[];
      total: number;
      page: number;
      pageSize: number;
      sortKey: EnvStatusSortKey;
      sortOrder: SortOrder;
      sync: SyncStamp;
    };

export type EnvStatusConfigOptionsResponse = EnvStatusConfigOptions | ResolverError;

export interface EnvStatusConfigOptions {
  solutions: { id: string; name: string }[];
  stages: string[];
  sync: SyncStamp;
}
