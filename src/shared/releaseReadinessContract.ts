/**
 * What the release-readiness resolvers answer. Shared by the backend (src/resolvers) and the Custom UI view
 * (static/src), which imports these types only: nothing here may import Forge or Node modules.
 */
import type { ResolverError } from './resolverError';
import type { SortOrder } from './envStatusContract';
import type { SyncStamp } from './syncStamp';

export const RELEASE_ITEM_SORT_KEYS = ['artifact', 'kind', 'state'] as const;
export type ReleaseItemSortKey = (typeof RELEASE_ITEM_SORT_KEYS)[number];

/** Worst first: the order the state column sorts in. */
export const READINESS_STATE_ORDER = ['failed', 'missing', 'mismatch', 'scheduled', 'ready'] as const;
export type ReadinessStateName = (typeof READINESS_STATE_ORDER)[number];

/** The words for each state, the same in the macro and in exports. */
export const READINESS_STATE_LABELS: Record<ReadinessStateName, string> = {
  failed: 'Failed',
  missing: 'Missing',
  mismatch: 'Version mismatch',
  scheduled: 'Scheduled',
  ready: 'Ready',
};

export const SIGN_OFF_NOTE_LIMIT = 500;

/** The macro's saved configuration (what the config panel submits). */
export interface ReleaseReadinessConfig {
  solutionId?: string;
  /** "next": the solution's next planned release, whichever it is when the page is read. */
  releaseMode?: 'next' | 'pinned';
  releaseId?: string;
}

export interface ReadinessFigure {
  ready: number;
  total: number;
  percent: number | null;
  counts: Record<ReadinessStateName, number>;
}

export interface ReleaseHeader {
  id: string;
  name: string;
  plannedFor: string;
  target: { id: string; name: string | null; stage: string | null; isProduction: boolean };
  previousStage: { stage: string; environments: { id: string; name: string }[] } | null;
  readiness: ReadinessFigure;
  fingerprint: string;
}

export interface ArtifactDeployment {
  deployedVersion: string | null;
  deployedAt: string | null;
  failure: { version: string; at: string | null } | null;
  scheduledVersion: string | null;
  latestStatus: string | null;
}

export interface ReleaseItemRow {
  id: string;
  artifactId: string;
  artifactName: string;
  kind: string;
  expectedVersion: string;
  state: ReadinessStateName;
  target: ArtifactDeployment;
  previous: (ArtifactDeployment & { environmentId: string; environmentName: string })[];
}

export interface ReleaseSignOff {
  accountId: string;
  displayName: string;
  signedAt: string;
  note: string | null;
  /** The readiness the signer saw. */
  readiness: ReadinessFigure;
  /** Deployments changed since the sign-off. */
  outdated: boolean;
  /** The viewer's own sign-off: only they can withdraw it. */
  mine: boolean;
}

export interface ReleaseItemsPageRequest {
  page?: number;
  pageSize?: number;
  sortKey?: ReleaseItemSortKey;
  sortOrder?: SortOrder;
}

export type ReleaseReadinessAnswer =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | { state: 'no-release'; sync: SyncStamp; solution: { id: string; name: string }; message: string }
  | {
      state: 'ok';
      sync: SyncStamp;
      solution: { id: string; name: string };
      releaseMode: 'next' | 'pinned';
      release: ReleaseHeader;
      items: ReleaseItemRow[];
      total: number;
      page: number;
      pageSize: number;
      sortKey: ReleaseItemSortKey;
      sortOrder: SortOrder;
      signOffs: ReleaseSignOff[];
      /** More sign-offs exist than one answer carries. */
      signOffsTruncated: boolean;
      /** Whether the viewer is signed in to Confluence (anonymous readers cannot sign off). */
      viewer: { signedIn: boolean };
    };

export type ReleaseReadinessResponse = ResolverError | ReleaseReadinessAnswer;

export interface SignOffRequest {
  releaseId: string;
  note?: string;
  /** The fingerprint the viewer saw: signing is refused if readiness changed since. */
  fingerprint?: string;
}

export type SignOffResponse = ResolverError | { state: 'signed'; signOff: ReleaseSignOff };
export type WithdrawSignOffResponse = ResolverError | { state: 'withdrawn'; releaseId: string };

export interface ReleaseReadinessConfigOptions {
  solutions: { id: string; name: string }[];
  /** The releases of the solution asked for, in planned order; empty without one. */
  releases: { id: string; name: string; plannedFor: string; targetName: string | null }[];
  sync: SyncStamp;
}
export type ReleaseReadinessConfigOptionsResponse = ResolverError | ReleaseReadinessConfigOptions;
