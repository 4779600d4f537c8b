import { decodeCursor, type PageCursor } from '../domain/changes/changeStreams';
import { credentialRotationDue, credentialState } from '../domain/credentials/rotationDue';
import { storedEnvStatusRowSchema, type StoredEnvStatusRow } from '../domain/environments/envStatusRows';
import { mergeLiveEnvironments, mergeLiveFailures, mergeLiveMaintenance, type LiveEvents } from '../domain/events/liveOverlay';
import { MAINTENANCE_HORIZON_DAYS, upcomingMaintenance } from '../domain/hub/hubSummary';
import { summaryPeriodStart } from '../domain/statusSummary/cadence';
import type { StatusSummaryInput, SummaryAssets, SummaryCredential, SummaryFailure, SummaryIssue } from '../domain/statusSummary/statusSummaryPage';
import type { ChangeRow } from '../shared/changeSummaryContract';
import { credentialSchema, failureSchema, maintenanceWindowSchema } from '../sources/governance/schemas';
import { datasets } from '../store/datasets';
import type { AppSettings } from '../store/settings';
import { readDataset, type SnapshotPointer } from '../store/snapshots';
import type { SourceStatus } from '../store/syncStatus';
import { loadChangeSummary } from '../views/changeSummaryView';
import { hubSummarySchema } from '../views/spaceHubView';
import type { SolutionView } from '../views/solutionsView';

/** Changes read for one summary (pages of 50 through the change streams); the page lists the newest of them. */
const MAX_CHANGES_READ = 500;
export const CHANGES_SHOWN = 50;
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const CREDENTIAL_RANK: Record<string, number> = { expired: 0, overdue: 1, 'due-soon': 2 };

export interface SummaryContext {
  pointer: SnapshotPointer;
  status: SourceStatus | undefined;
  settings: AppSettings;
  now: Date;
  live: LiveEvents;
  assets: SummaryAssets;
  cadence: 'daily' | 'weekly';
  lastPublishedAt: string | null;
}

/**
 * Everything one solution's status page shows, from the published sync (the prepared views and the raw lists of the
 * solution) with the events pushed since applied on top, so the page agrees with the macros.
 */
export async function loadStatusSummaryInput(solution: SolutionView, context: SummaryContext): Promise<StatusSummaryInput> {
  const { pointer, now, live } = context;
  const [envRows, rawFailures, rawWindows, rawCredentials, hub] = await Promise.all([
    readDataset(datasets.envStatusView(solution.id), storedEnvStatusRowSchema, pointer),
    readDataset(datasets.raw('failures', solution.id), failureSchema, pointer),
    readDataset(datasets.raw('maintenanceWindows', solution.id), maintenanceWindowSchema, pointer),
    readDataset(datasets.raw('credentials', solution.id), credentialSchema, pointer),
    readDataset(datasets.hubView(solution.id), hubSummarySchema, pointer),
  ]);
  const environments = mergeLiveEnvironments(envRows?.items ?? [], live, solution.id, now);
  const names = new Map(environments.map((environment) => [environment.id, environment.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const since = summaryPeriodStart(context.cadence, context.lastPublishedAt, now);
  const changes = await changesSince(solution.id, since, now, environments);

  const failures: SummaryFailure[] = mergeLiveFailures(rawFailures?.items ?? [], live)
    .filter((failure) => failure.state !== 'resolved')
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt))
    .map((failure) => ({
      severity: failure.severity,
      state: failure.state,
      environmentName: nameOf(failure.environmentId),
      direction: failure.direction,
      messageType: failure.messageType,
      partner: failure.partner.name || failure.partner.id,
      endpoint: failure.endpoint,
      errorCode: failure.errorCode,
      errorMessage: failure.errorMessage,
      occurrences: failure.occurrences,
      firstSeenAt: failure.firstSeenAt,
      lastSeenAt: failure.lastSeenAt,
    }));

  const maintenance = upcomingMaintenance(mergeLiveMaintenance(rawWindows?.items ?? [], live), environments, now);
  const dueSoonDays = context.settings.credentials.dueSoonDays;
  const credentials: SummaryCredential[] = (rawCredentials?.items ?? [])
    .map((credential) => {
      const due = credentialRotationDue(credential);
      const state = credentialState(
        { status: credential.status, dueAt: due ? Date.parse(due.dueAt) : null, expiresAt: credential.expiresAt ? Date.parse(credential.expiresAt) : null },
        now.getTime(),
        dueSoonDays,
      );
      return {
        name: credential.name,
        kind: credential.kind,
        environmentName: nameOf(credential.environmentId),
        system: credential.system,
        owner: credential.owner ? credential.owner.name || credential.owner.email : null,
        dueAt: due?.dueAt ?? credential.expiresAt,
        state,
      };
    })
    .filter((credential) => credential.state in CREDENTIAL_RANK)
    .sort((a, b) => (CREDENTIAL_RANK[a.state] ?? 9) - (CREDENTIAL_RANK[b.state] ?? 9) || Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));

  return {
    solution: { id: solution.id, name: solution.name },
    generatedAt: now.toISOString(),
    cadence: context.cadence,
    syncedAt: context.status?.lastSuccessAt ?? pointer.publishedAt,
    changesSince: since.toISOString(),
    firstSummary: context.lastPublishedAt === null,
    environments: environments.map((environment) => ({
      name: environment.name,
      stage: environment.stage,
      isProduction: environment.isProduction,
      status: environment.status,
      statusMessage: environment.statusMessage,
      updatedAt: environment.updatedAt,
      lastDeployment: environment.lastDeployment,
    })),
    changes,
    failures,
    issues: issuesOf(environments, hub?.items[0]?.urgent ?? []),
    maintenance,
    maintenanceHorizonDays: MAINTENANCE_HORIZON_DAYS,
    credentials,
    dueSoonDays,
    assets: context.assets,
  };
}

/**
 * Issues besides failures: outages from the (live) environment status, then the hub's segregation-of-duties
 * findings and pending production promotions. Overdue credentials and maintenance have their own sections.
 */
function issuesOf(environments: readonly StoredEnvStatusRow[], urgent: readonly { kind: string; severity: string; title: string; detail: string; environmentName: string | null }[]): SummaryIssue[] {
  const outages: SummaryIssue[] = environments
    .filter((environment) => environment.status === 'outage' || (environment.status === 'degraded' && environment.isProduction))
    .map((environment) => ({
      severity: environment.status === 'outage' && environment.isProduction ? 'critical' : 'high',
      title: `${environment.name} is ${environment.status}`,
      detail: environment.statusMessage ?? '',
      environmentName: environment.name,
    }));
  const others = urgent
    .filter((item) => item.kind === 'sod-finding' || item.kind === 'pending-promotion')
    .map(({ severity, title, detail, environmentName }) => ({ severity, title, detail, environmentName }));
  return [...outages, ...others];
}

async function changesSince(solutionId: string, since: Date, now: Date, environments: readonly StoredEnvStatusRow[]): Promise<StatusSummaryInput['changes']> {
  const production = new Set(environments.filter((environment) => environment.isProduction).map((environment) => environment.id));
  const rows: ChangeRow[] = [];
  let cursor: PageCursor | null = null;
  let exhausted = false;
  for (let read = 0; read < MAX_CHANGES_READ / 50 && !exhausted; read += 1) {
    const page = await loadChangeSummary({ solutionId, window: '90d' }, { cursor, pageSize: 50, includePending: false }, now);
    if (page.state !== 'ok') break;
    for (const row of page.changes) {
      if (Date.parse(row.occurredAt) < since.getTime()) exhausted = true;
      else rows.push(row);
    }
    cursor = page.nextCursor ? decodeCursor(page.nextCursor) : null;
    if (!cursor) exhausted = true;
  }
  const shown = rows.slice(0, CHANGES_SHOWN);
  const productionIds = new Set(shown.filter((row) => production.has(row.environment.id) || (row.promotion !== null && production.has(row.promotion.to.id))).map((row) => row.id));
  return { rows: shown, more: rows.length - shown.length, productionIds };
}
