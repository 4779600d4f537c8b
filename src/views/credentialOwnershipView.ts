import { openSolutionView, readGovernanceSnapshot } from './governanceSnapshot';
import { z } from 'zod';
import { credentialIndexSchema, credentialSummarySchema, findingIndexSchema, storedCredentialRowSchema, storedFindingRowSchema, type CredentialSummary } from '../domain/credentials/credentialOwnershipRows';
import { selectCredentials, selectFindings, toCredentialRow } from '../domain/credentials/credentialOwnershipPage';
import { MAX_DUE_SOON_DAYS, type CredentialOwnershipPage, type CredentialSortKey, type SodFinding } from '../shared/credentialOwnershipContract';
import type { SyncStamp } from '../shared/syncStamp';
import { datasets } from '../store/datasets';
import { readPagedIndex, readPagedRows } from '../store/pagedView';
import { readDataset, type SnapshotPointer } from '../store/snapshots';

export const credentialOwnershipConfigSchema = z
  .object({
    solutionId: z.string().trim().min(1).max(200).optional(),
    stages: z.array(z.string().min(1).max(50)).max(20).optional(),
    environmentIds: z.array(z.string().min(1).max(200)).max(100).optional(),
    ownerId: z.string().min(1).max(200).optional(),
    onlyProblems: z.boolean().optional(),
    dueSoonDays: z.number().int().min(1).max(MAX_DUE_SOON_DAYS).optional(),
  })
  .passthrough();
export type CredentialOwnershipMacroConfig = z.infer<typeof credentialOwnershipConfigSchema>;

export interface CredentialOwnershipRequestOptions {
  page: number;
  pageSize: number;
  sortKey: CredentialSortKey;
  sortOrder: 'ASC' | 'DESC';
  /** undefined: the macro's owner; null: every owner. */
  ownerId?: string | null;
  onlyProblems?: boolean;
  findingsPage: number;
  findingsPageSize: number;
}

export type CredentialOwnershipData =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | CredentialOwnershipPage;

async function readSummary(solutionId: string, pointer: SnapshotPointer): Promise<CredentialSummary | undefined> {
  return (await readDataset(datasets.credentialSummaryView(solutionId), credentialSummarySchema, pointer))?.items[0];
}

/**
 * One render of the credential-ownership macro from the last published sync: the pointer, the source status, the
 * solution's summary, the two indexes, and only the row chunks of the page of credentials and the page of
 * findings shown. Nothing here reads every credential.
 */
export async function loadCredentialOwnership(
  config: CredentialOwnershipMacroConfig,
  options: CredentialOwnershipRequestOptions,
  now: Date,
): Promise<CredentialOwnershipData> {
  const opened = await openSolutionView(config.solutionId, now);
  if (opened.state !== 'ready') return opened;
  const { pointer, sync, solutionId } = opened;
  const [summary, credentialIndex, findingIndex] = await Promise.all([
    readSummary(solutionId, pointer),
    readPagedIndex(datasets.credentialOwnershipView(solutionId), credentialIndexSchema, pointer),
    readPagedIndex(datasets.credentialFindingsView(solutionId), findingIndexSchema, pointer),
  ]);
  if (!summary || !credentialIndex || !findingIndex) {
    return {
      state: 'no-data',
      sync,
      message: `The governance backend has no solution "${solutionId}" (any more), or the last sync did not prepare its credentials. Edit the macro to pick another one.`,
    };
  }

  const ownerId = options.ownerId === undefined ? (config.ownerId ?? null) : options.ownerId;
  const scope = { stages: config.stages ?? [], environmentIds: config.environmentIds ?? [], ownerId };
  const onlyProblems = options.onlyProblems ?? config.onlyProblems ?? false;
  const dueSoonDays = config.dueSoonDays ?? summary.dueSoonDays;
  const credentials = selectCredentials(credentialIndex, summary, {
    ...scope,
    onlyProblems,
    dueSoonDays,
    sortKey: options.sortKey,
    sortOrder: options.sortOrder,
    page: options.page,
    pageSize: options.pageSize,
    now,
  });
  const findings = selectFindings(findingIndex, summary, scope, options.findingsPage, options.findingsPageSize);
  const [rows, findingRows] = await Promise.all([
    readPagedRows(datasets.credentialOwnershipView(solutionId), storedCredentialRowSchema, credentials.pageEntries, pointer),
    readPagedRows(datasets.credentialFindingsView(solutionId), storedFindingRowSchema, findings.pageEntries, pointer),
  ]);
  const entryOf = new Map(credentials.pageEntries.map((entry) => [entry.id, entry]));

  return {
    state: 'ok',
    solution: { id: summary.solutionId, name: summary.solutionName },
    scope: {
      stages: scope.stages,
      environments: summary.environments.filter((environment) => scope.environmentIds.includes(environment.id)),
      owner: ownerId === null ? null : (summary.owners.find((owner) => owner.id === ownerId) ?? { id: ownerId, name: ownerId }),
      onlyProblems,
      dueSoonDays,
    },
    owners: summary.owners,
    counts: credentials.counts,
    findings: {
      items: findingRows.map(({ id: _id, ...finding }): SodFinding => finding),
      total: findings.total,
      page: findings.page,
      pageSize: options.findingsPageSize,
      rulesOff: summary.rulesOff,
    },
    rows: rows.map((row) => {
      const entry = entryOf.get(row.id);
      return toCredentialRow(row, entry ? credentials.stateOf(entry) : 'unknown');
    }),
    total: credentials.total,
    page: credentials.page,
    pageSize: options.pageSize,
    sortKey: options.sortKey,
    sortOrder: options.sortOrder,
    sync,
  };
}

/** What the config panel offers: solutions, stages, and the chosen solution's environments and owners. */
export async function loadCredentialOwnershipOptions(solutionId: string | undefined, now: Date) {
  const { pointer, sync } = await readGovernanceSnapshot(now);
  const summary = pointer && solutionId ? await readSummary(solutionId, pointer) : undefined;
  return { pointer, sync, summary };
}
