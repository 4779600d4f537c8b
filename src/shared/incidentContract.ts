/**
 * What the incident resolvers answer (`incidents.*`, `incidentKb.*`). Shared by src/resolvers and the Custom UI
 * (static/src/incident-kb, static/src/space-hub): types and constants only.
 */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export type IncidentRequest = { kind: 'governance'; solutionId: string; failureId: string } | { kind: 'iconik-job'; assetId: string; jobId: string };

export interface IncidentPageRef {
  pageId: string;
  title: string;
  spaceKey: string;
  /** Site-relative URL of the page (`/wiki/spaces/...`), for router.navigate. */
  url: string;
}

export type CreateIncidentResponse = ResolverError | ({ state: 'ok'; created: boolean } & IncidentPageRef);

/** Which failures already have an incident page (`incidents.lookup`). */
export interface IncidentLookupRequest {
  solutionId: string;
  failureIds: string[];
}
export type IncidentLookupResponse = ResolverError | { state: 'ok'; pages: Record<string, IncidentPageRef> };

export const INCIDENT_STATES = ['open', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface IncidentKbFilters {
  messageType?: string;
  endpoint?: string;
  environmentId?: string;
  partnerId?: string;
  state?: IncidentState;
}

export interface IncidentKbListRequest {
  filters?: IncidentKbFilters;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface IncidentRow {
  pageId: string;
  title: string;
  url: string;
  createdAt: string | null;
  /** open / resolved; `stateSource` says whether the failure's current state or the page's label said so. */
  state: IncidentState;
  stateSource: 'failure' | 'label';
  /** The failure's own state word when known (open, acknowledged, resolved, FAILED). */
  failureState: string | null;
  rootCause: string | null;
  kind: 'governance' | 'iconik-job' | 'unknown';
  messageType: string | null;
  partner: { id: string; name: string } | null;
  endpoint: string | null;
  environment: { id: string; name: string } | null;
  severity: string | null;
  /** What "similar past incidents" asks for; null when the page names no message type. */
  similarKey: SimilarIncidentsRequest | null;
}

export interface OpenFailureRow {
  request: IncidentRequest;
  headline: string;
  severity: string | null;
  state: string;
  environmentName: string | null;
  lastSeenAt: string | null;
  occurrences: number | null;
  errorCode: string | null;
  similarKey: SimilarIncidentsRequest;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface IncidentKbFilterOptions {
  messageTypes: FilterOption[];
  endpoints: FilterOption[];
  environments: FilterOption[];
  partners: FilterOption[];
}

export type IncidentKbListResponse =
  | ResolverError
  | {
      state: 'ok';
      space: { key: string };
      sync: SyncStamp;
      rows: IncidentRow[];
      /** Incident pages matching the filters, as Confluence counted them. */
      total: number;
      page: number;
      pageSize: number;
      filters: IncidentKbFilters;
      options: IncidentKbFilterOptions;
    };

export interface OpenFailuresRequest {
  page?: number;
  pageSize?: number;
}

export type OpenFailuresResponse =
  | ResolverError
  | { state: 'ok'; sync: SyncStamp; rows: OpenFailureRow[]; total: number; page: number; pageSize: number; notes: string[] };

export interface SimilarIncidentsRequest {
  messageType: string;
  partnerId?: string;
  endpoint?: string;
  /** The incident page itself, left out of its own similar list. */
  excludePageId?: string;
}

export interface SimilarIncident {
  pageId: string;
  title: string;
  url: string;
  state: IncidentState | null;
  rootCause: string | null;
  createdAt: string | null;
}

export type SimilarIncidentsResponse = ResolverError | { state: 'ok'; incidents: SimilarIncident[] };

/** The macro's saved configuration (UI Kit config panel). */
export interface IncidentKbConfig {
  /** Only this solution's failures in "open failures without an incident page" (one of the space's solutions). */
  solutionId?: string;
  /** The state filter the list starts with. */
  defaultState?: IncidentState;
  pageSize?: number;
  /** Offer failed iconik jobs among the open failures (default true). */
  iconikJobs?: boolean;
}

export interface IncidentKbConfigOptions {
  solutions: { id: string; name: string }[];
  sync: SyncStamp;
}
export type IncidentKbConfigOptionsResponse = ResolverError | IncidentKbConfigOptions;

export const DEFAULT_KB_PAGE_SIZE = 10;
export const MAX_KB_PAGE_SIZE = 50;
