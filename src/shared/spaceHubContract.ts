/** What the space hub's resolvers answer; shared by src/resolvers and static/src/space-hub (types only). */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export type UrgentKind = 'outage' | 'overdue-credential' | 'sod-finding' | 'open-failure' | 'pending-promotion' | 'maintenance';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface UrgentItem {
  kind: UrgentKind;
  severity: Severity;
  title: string;
  detail: string;
  /** When it happened or is due; sorts items of the same severity. */
  at: string | null;
  environmentName: string | null;
  /** The hub tab that shows it in full. */
  tab: HubTab;
  /** For an open failure: its id, so the hub can offer its incident page. Absent in summaries of older syncs. */
  failureId?: string;
}

/** An open failure of the solution, for the hub's "Create incident page" action. */
export interface HubOpenFailure {
  failureId: string;
  severity: Severity;
  title: string;
  detail: string;
  /** open or acknowledged (or a newer state shown as-is). */
  state: string;
  lastSeenAt: string;
  environmentName: string | null;
}

export type HubTab = 'overview' | 'environments' | 'credentials' | 'changes' | 'releases' | 'specs';

export interface HubMaintenance {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: string;
  endsAt: string;
  environments: string[];
  inProgress: boolean;
}

export interface HubSolutionSummary {
  solution: { id: string; name: string };
  environments: { id: string; name: string; stage: string; isProduction: boolean; status: string; statusKnown: boolean; statusMessage: string | null }[];
  counts: {
    environmentsByStatus: Record<string, number>;
    overdueCredentials: number;
    credentialsDueSoon: number;
    sodFindings: number;
    openFailures: number;
    pendingProductionPromotions: number;
    upcomingMaintenance: number;
    releases: number;
  };
  urgent: UrgentItem[];
  maintenance: HubMaintenance[];
  /** The most severe open failures (at most 10); absent in summaries of older syncs. */
  openFailures?: HubOpenFailure[];
}

export type SpaceHubResponse =
  | ResolverError
  | { state: 'no-data'; sync: SyncStamp; message: string; space: { key: string | null } }
  | {
      state: 'not-mapped';
      sync: SyncStamp;
      space: { key: string | null };
      /** Solutions the backend knows, with the space each is mapped to, so the admin sees what to change. */
      solutions: { id: string; name: string; spaceKey: string | null }[];
    }
  | { state: 'ok'; sync: SyncStamp; space: { key: string | null }; solutions: HubSolutionSummary[] };

export interface SpecListingView {
  contentId: string;
  localId: string;
  name: string;
  messageType: string;
  direction: string;
  partners: string[];
  owner: string;
  version: number;
  savedAt: string;
  savedByName: string | null;
}

export type SolutionSpecsResponse = ResolverError | { state: 'ok'; specs: SpecListingView[]; nextCursor: string | null };
