/**
 * One render of the credential-ownership macro, chosen from the stored indexes: the macro's scope (environments,
 * stages, owner), the counts over that scope, the only-problems filter, the sort and the page. Whether a credential
 * is due soon depends on the macro's window and the time of the render, so it is decided here and never stored.
 */
import {
  isKnownCredentialStatus,
  credentialState,
  isProblemState,
  STATE_RANK,
} from './rotationDue';
import { entryStateInput, type CredentialIndex, type CredentialSummary, type FindingIndex, type StoredCredentialRow } from './credentialOwnershipRows';
import type {
  CredentialCounts,
  CredentialRow,
  CredentialSortKey,
  CredentialState,
  SortOrder,
} from '../../shared/credentialOwnershipContract';

type Entry<I> = I & { id: string; c: number };
export type CredentialEntry = Entry<CredentialIndex>;
export type FindingEntry = Entry<FindingIndex>;

export interface CredentialScope {
  /** Empty: every stage. */
  stages: readonly string[];
  /** Empty: every environment of the stages. */
  environmentIds: readonly string[];
  /** Null: every owner. */
  ownerId: string | null;
}

export interface CredentialQuery extends CredentialScope {
  onlyProblems: boolean;
  sortKey: CredentialSortKey;
  sortOrder: SortOrder;
  page: number;
  pageSize: number;
  dueSoonDays: number;
  now: Date;
}

export interface Paged<T> {
  pageEntries: T[];
  total: number;
  /** The page served: a page past the end is clamped to the last one. */
  page: number;
}

function pageOf<T>(matching: readonly T[], page: number, pageSize: number): Paged<T> {
  const total = matching.length;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const served = Math.min(Math.max(1, page), lastPage);
  return { pageEntries: matching.slice((served - 1) * pageSize, served * pageSize), total, page: served };
}

/** A predicate over index entries' environment (`e`) and owner (`o`) for the macro's scope. */
export function scopeFilter(summary: CredentialSummary, scope: CredentialScope): (entry: { e: number; o?: number }) => boolean {
  const environments = new Set(
    summary.environments
      .map((environment, position) => ({ environment, position }))
      .filter(({ environment }) => scope.stages.length === 0 || scope.stages.includes(environment.stage))
      .filter(({ environment }) => scope.environmentIds.length === 0 || scope.environmentIds.includes(environment.id))
      .map(({ position }) => position),
  );
  // An owner who owns nothing (any more) matches nothing, rather than everything.
  const owner = scope.ownerId === null ? null : summary.owners.findIndex((person) => person.id === scope.ownerId);
  return (entry) => environments.has(entry.e) && (owner === null || entry.o === owner);
}

export function entryState(entry: CredentialIndex, now: number, dueSoonDays: number): CredentialState {
  return credentialState(entryStateInput(entry), now, dueSoonDays);
}

/** Rows the only-problems filter keeps: expired, overdue, due within the window, or with a finding. */
export function isProblem(entry: CredentialIndex, state: CredentialState): boolean {
  return isProblemState(state) || (entry.f ?? 0) > 0;
}

/** Rows without the sorted value (no owner, no due date) go last whichever the direction. Ties: by name. */
export function credentialComparator(
  sortKey: CredentialSortKey,
  sortOrder: SortOrder,
  stateOf: (entry: CredentialEntry) => CredentialState,
): (a: CredentialEntry, b: CredentialEntry) => number {
  const direction = sortOrder === 'DESC' ? -1 : 1;
  // A credential row's id is its rank by name.
  const byName = (a: CredentialEntry, b: CredentialEntry) => Number(a.id) - Number(b.id);
  const missingLast = (a: number | undefined, b: number | undefined) => (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  const dueAsc = (a: CredentialEntry, b: CredentialEntry) => missingLast(a.d, b.d) || (a.d ?? 0) - (b.d ?? 0);
  switch (sortKey) {
    case 'name':
      return (a, b) => direction * byName(a, b);
    case 'environment':
      return (a, b) => direction * (a.e - b.e) || byName(a, b);
    case 'owner':
      return (a, b) => missingLast(a.o, b.o) || direction * ((a.o ?? 0) - (b.o ?? 0)) || byName(a, b);
    case 'due':
      return (a, b) => missingLast(a.d, b.d) || direction * ((a.d ?? 0) - (b.d ?? 0)) || byName(a, b);
    case 'status':
      return (a, b) => direction * (STATE_RANK[stateOf(a)] - STATE_RANK[stateOf(b)]) || dueAsc(a, b) || byName(a, b);
  }
}

/** The macro's page of credentials, and the counts over its scope (before only-problems). */
export function selectCredentials(
  entries: readonly CredentialEntry[],
  summary: CredentialSummary,
  query: CredentialQuery,
): Paged<CredentialEntry> & { counts: CredentialCounts; stateOf(entry: CredentialEntry): CredentialState } {
  const now = query.now.getTime();
  const states = new Map<string, CredentialState>();
  const stateOf = (entry: CredentialEntry) => {
    let state = states.get(entry.id);
    if (state === undefined) {
      state = entryState(entry, now, query.dueSoonDays);
      states.set(entry.id, state);
    }
    return state;
  };
  const inScope = scopeFilter(summary, query);
  const counts: CredentialCounts = { credentials: 0, expired: 0, overdue: 0, dueSoon: 0, withFindings: 0 };
  const matching: CredentialEntry[] = [];
  for (const entry of entries) {
    if (!inScope(entry)) continue;
    const state = stateOf(entry);
    counts.credentials += 1;
    if (state === 'expired') counts.expired += 1;
    if (state === 'overdue') counts.overdue += 1;
    if (state === 'due-soon') counts.dueSoon += 1;
    if ((entry.f ?? 0) > 0) counts.withFindings += 1;
    if (!query.onlyProblems || isProblem(entry, state)) matching.push(entry);
  }
  matching.sort(credentialComparator(query.sortKey, query.sortOrder, stateOf));
  return { ...pageOf(matching, query.page, query.pageSize), counts, stateOf };
}

/** The findings of the macro's scope, in stored order (most severe first), one page of them. */
export function selectFindings(
  entries: readonly FindingEntry[],
  summary: CredentialSummary,
  scope: CredentialScope,
  page: number,
  pageSize: number,
): Paged<FindingEntry> {
  const inScope = scopeFilter(summary, scope);
  return pageOf(entries.filter(inScope), page, pageSize);
}

/** A stored row as the view shows it, with its state at render time. */
export function toCredentialRow(row: StoredCredentialRow, state: CredentialState): CredentialRow {
  return {
    id: row.credentialId,
    name: row.name,
    kind: row.kind,
    system: row.system,
    environment: row.environment,
    owner: row.owner,
    backupOwner: row.backupOwner,
    approvers: row.approvers,
    lastRotatedAt: row.lastRotatedAt,
    lastRotatedBy: row.lastRotatedBy,
    rotationPolicyDays: row.rotationPolicyDays,
    expiresAt: row.expiresAt,
    nextDueAt: row.nextDueAt,
    nextDueReason: row.nextDueReason,
    status: row.status,
    statusKnown: isKnownCredentialStatus(row.status),
    state,
    findings: row.findings,
  };
}
