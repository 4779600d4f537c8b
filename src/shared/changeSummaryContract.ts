/**
 * What the change-summary resolvers answer. Shared by the backend (src/resolvers) and the Custom UI view
 * (static/src/change-summary), which imports these types and constants only: nothing here may import Forge,
 * Node modules or zod.
 */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

/** The time windows the macro offers; the sync keeps 90 days of history, so that is the longest. */
export const CHANGE_WINDOWS = ['24h', '7d', '30d', '90d'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];
export const DEFAULT_CHANGE_WINDOW: ChangeWindow = '7d';
export const CHANGE_WINDOW_LABELS: Record<ChangeWindow, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};
const HOUR_MS = 3_600_000;
export const CHANGE_WINDOW_MS: Record<ChangeWindow, number> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
  '90d': 90 * 24 * HOUR_MS,
};

/** The macro's saved configuration (what the config panel submits). */
export interface ChangeSummaryConfig {
  solutionId?: string;
  /** Environments whose changes are listed; empty or missing means every environment of the solution. */
  environmentIds?: string[];
  window?: ChangeWindow;
  /** Keep only production environments (applied on top of `environmentIds`). */
  onlyProduction?: boolean;
}

export interface EnvironmentRef {
  id: string;
  /** The environment's name, or its id when the backend no longer lists it. */
  name: string;
}

/**
 * One side of a diff entry as text. `null` means "no value" (an added or removed path). A sensitive entry never
 * carries its values: both sides are null and `sensitive` is true, whatever the backend sent.
 */
export interface ChangeDiffEntry {
  op: string;
  path: string;
  before: string | null;
  after: string | null;
  sensitive: boolean;
}

export interface ChangeRow {
  id: string;
  occurredAt: string;
  actor: { id: string; name: string };
  /** created | updated | deleted | promoted | rotated, or a newer action shown as-is. */
  action: string;
  target: { kind: string; id: string; name: string };
  environment: EnvironmentRef;
  reason: string | null;
  ticketRef: string | null;
  diff: ChangeDiffEntry[];
  /** Diff entries left out to keep one change small (very large diffs). */
  diffOmitted: number;
  impact: {
    /** low | medium | high | critical, or a newer severity shown neutral. */
    severity: string;
    summary: string;
    affectedSystems: string[];
    affectedPartners: string[];
    affectedEnvironments: EnvironmentRef[];
  };
  promotion: {
    from: EnvironmentRef;
    to: EnvironmentRef;
    /** requested | approved | scheduled | succeeded | failed | cancelled, or a newer state. */
    state: string;
    approvedBy: string[];
  } | null;
}

/**
 * A pending promotion may go out any time from now: a change freeze starting within this many days is in its way
 * (the rule is in src/domain/changes/freezeConflicts.ts).
 */
export const FREEZE_LOOKAHEAD_DAYS = 14;

/** A change freeze that a pending production promotion runs into. */
export interface FreezeConflict {
  windowId: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  /** True when the freeze has already begun (the promotion is blocked now). */
  inProgress: boolean;
}

export interface PendingPromotion {
  /** The change event that put the promotion in its current state. */
  changeId: string;
  /** When it reached that state. */
  updatedAt: string;
  requestedBy: string;
  target: { kind: string; id: string; name: string };
  from: EnvironmentRef;
  to: EnvironmentRef;
  /** requested | approved | scheduled. */
  state: string;
  approvedBy: string[];
  /** The version being promoted, from the change's "/version" diff entry when it has one. */
  version: { before: string | null; after: string | null } | null;
  ticketRef: string | null;
  reason: string | null;
  severity: string;
  freezeConflicts: FreezeConflict[];
}

export interface ChangeSummaryPageRequest {
  /** From the previous answer's `nextCursor`; omitted for the newest page. */
  cursor?: string;
  pageSize?: number;
}

/** How many older changes the window still holds; a range when the edge of the window was not read. */
export interface RemainingCount {
  atLeast: number;
  atMost: number;
}

export type ChangeSummaryResponse =
  | ResolverError
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | {
      state: 'ok';
      solution: { id: string; name: string };
      window: ChangeWindow;
      /** The oldest time the window reaches, on the server's clock. */
      windowStart: string;
      onlyProduction: boolean;
      /** The environments whose changes are listed. */
      environments: (EnvironmentRef & { stage: string; isProduction: boolean })[];
      /** Pending production promotions (on the newest page only; null on older pages). */
      pending: PendingPromotion[] | null;
      /** Newest first. */
      changes: ChangeRow[];
      /** Opaque; pass it back for the next older page. Null when the window holds nothing older. */
      nextCursor: string | null;
      remaining: RemainingCount;
      sync: SyncStamp;
    };

export interface ChangeSummaryConfigOptionsRequest {
  /** The solution whose environments the panel lists. */
  solutionId?: string;
}

export interface ChangeSummaryConfigOptions {
  solutions: { id: string; name: string }[];
  /** The environments of the requested solution (empty without one). */
  environments: (EnvironmentRef & { stage: string; isProduction: boolean })[];
  windows: { value: ChangeWindow; label: string }[];
  sync: SyncStamp;
}

export type ChangeSummaryConfigOptionsResponse = ChangeSummaryConfigOptions | ResolverError;
