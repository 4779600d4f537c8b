/**
 * What the credential-ownership resolvers answer. Shared by the backend (src/resolvers) and the Custom UI view
 * (static/src), which imports these types and constants only: nothing here may import Forge or Node modules.
 *
 * No type here has room for a secret value: the governance contract returns none, and the view shows who owns,
 * approves and rotates a credential, never what it is.
 */
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export type SortOrder = 'ASC' | 'DESC';

export const CREDENTIAL_SORT_KEYS = ['name', 'environment', 'owner', 'due', 'status'] as const;
export type CredentialSortKey = (typeof CREDENTIAL_SORT_KEYS)[number];

export const DEFAULT_DUE_SOON_DAYS = 14;
export const MAX_DUE_SOON_DAYS = 365;

/** The segregation-of-duties rules, in the order the docs and the findings list them. */
export const SOD_RULES = [
  'production-owner-missing',
  'owner-only-approver',
  'rotator-only-approver',
  'owner-approved-promotion',
  'owner-across-stages',
] as const;
export type SodRule = (typeof SOD_RULES)[number];

export const SOD_RULE_TITLES: Record<SodRule, string> = {
  'production-owner-missing': 'Production credential without owner or backup owner',
  'owner-only-approver': 'Owner is the only approver',
  'rotator-only-approver': 'Last rotated by its only approver',
  'owner-approved-promotion': 'Owner approved a production promotion that uses it',
  'owner-across-stages': 'Same owner in production and non-production',
};

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface FindingPerson {
  id: string;
  name: string;
  /** What the person is in this finding, in words: "owner and only approver", "approved the promotion". */
  role: string;
}

export interface SodFinding {
  rule: SodRule;
  severity: FindingSeverity;
  credentialId: string;
  credentialName: string;
  environmentId: string;
  people: FindingPerson[];
  message: string;
}

/**
 * Where a credential stands at render time. `due-soon` depends on the macro's window, so it is never stored.
 * `unknown`: a status this build does not know and no date that says otherwise (the raw status is shown).
 */
export const CREDENTIAL_STATES = ['expired', 'overdue', 'due-soon', 'unknown', 'ok', 'revoked'] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

export interface PersonRef {
  id: string;
  name: string;
}

export interface CredentialEnvironment {
  id: string;
  name: string;
  stage: string;
  isProduction: boolean;
}

export interface CredentialRow {
  id: string;
  name: string;
  /** oauth_client | api_key | certificate | password | ssh_key, or a newer kind shown as-is. */
  kind: string;
  system: string;
  environment: CredentialEnvironment;
  owner: PersonRef | null;
  backupOwner: PersonRef | null;
  approvers: PersonRef[];
  lastRotatedAt: string | null;
  lastRotatedBy: PersonRef | null;
  rotationPolicyDays: number | null;
  expiresAt: string | null;
  /** The next rotation: lastRotatedAt + rotationPolicyDays, or expiresAt when sooner; null when neither is known. */
  nextDueAt: string | null;
  nextDueReason: 'rotation-policy' | 'expiry' | null;
  /** The backend's status, raw. */
  status: string;
  statusKnown: boolean;
  state: CredentialState;
  findings: Omit<SodFinding, 'credentialId' | 'credentialName' | 'environmentId'>[];
}

export interface CredentialOwnershipRequest {
  page?: number;
  pageSize?: number;
  sortKey?: CredentialSortKey;
  sortOrder?: SortOrder;
  /** Overrides the macro's owner filter for this view: a person id, or null for every owner. */
  ownerId?: string | null;
  /** Overrides the macro's only-problems setting for this view. */
  onlyProblems?: boolean;
  findingsPage?: number;
  findingsPageSize?: number;
}

/** The macro's saved configuration (what the config panel submits). */
export interface CredentialOwnershipConfig {
  solutionId?: string;
  /** Empty or missing means every stage. */
  stages?: string[];
  /** Empty or missing means every environment (of the stages shown). */
  environmentIds?: string[];
  ownerId?: string;
  onlyProblems?: boolean;
  dueSoonDays?: number;
}

export interface CredentialCounts {
  /** Credentials in the macro's scope (environments and owner), before the only-problems filter. */
  credentials: number;
  expired: number;
  overdue: number;
  dueSoon: number;
  withFindings: number;
}

export interface CredentialOwnershipPage {
  state: 'ok';
  solution: { id: string; name: string };
  scope: {
    stages: string[];
    environments: CredentialEnvironment[];
    owner: PersonRef | null;
    onlyProblems: boolean;
    dueSoonDays: number;
  };
  /** Everyone who owns a credential of the solution, for the view's owner filter. */
  owners: PersonRef[];
  counts: CredentialCounts;
  findings: {
    items: SodFinding[];
    total: number;
    page: number;
    pageSize: number;
    /** Rules the admin switched off, so the view can say what is not checked. */
    rulesOff: SodRule[];
  };
  rows: CredentialRow[];
  total: number;
  page: number;
  pageSize: number;
  sortKey: CredentialSortKey;
  sortOrder: SortOrder;
  sync: SyncStamp;
}

export type CredentialOwnershipResponse =
  | ResolverError
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | CredentialOwnershipPage;

export interface CredentialOwnershipConfigOptions {
  solutions: { id: string; name: string }[];
  stages: string[];
  /** Of the solution asked for (empty without one). */
  environments: CredentialEnvironment[];
  owners: PersonRef[];
  sync: SyncStamp;
}

export type CredentialOwnershipConfigOptionsResponse = CredentialOwnershipConfigOptions | ResolverError;
