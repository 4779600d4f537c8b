import type { HubMaintenance, HubSolutionSummary, Severity, UrgentItem } from '../../shared/spaceHubContract';
import type { Failure, MaintenanceWindow } from '../../sources/governance/schemas';
import { isKnownEnvironmentStatus, type StoredEnvStatusRow } from '../environments/envStatusRows';

/**
 * The space hub's overview for one solution, prepared by the sync from what the other views computed, so the
 * hub renders from one small record whatever the size of the solution.
 */
export const URGENT_ITEMS_KEPT = 12;
export const MAINTENANCE_HORIZON_DAYS = 14;
/** Open failures the hub lists with a "Create incident page" action, most severe first. */
export const OPEN_FAILURES_KEPT = 10;

export interface HubInputs {
  solution: { id: string; name: string };
  environments: readonly StoredEnvStatusRow[];
  failures: readonly Failure[];
  windows: readonly MaintenanceWindow[];
  credentials: readonly { name: string; environmentId: string; dueAt: string | null; state: 'overdue' | 'due-soon' | 'ok' | string }[];
  sodFindings: readonly { rule: string; severity: Severity | string; message: string; environmentId?: string | null }[];
  pendingPromotions: readonly { title: string; toEnvironmentId: string; state: string; at: string; freezeConflict: boolean }[];
  releases: number;
}

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const asSeverity = (value: string): Severity => (value in SEVERITY_RANK ? (value as Severity) : 'medium');

/** This solution's environments by name; a window that also covers other solutions' environments says how many. */
function affectedNames(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const own = ids.filter((id) => names.has(id)).map((id) => names.get(id) as string);
  const others = ids.length - own.length;
  return others > 0 ? [...own, `${others} environment${others === 1 ? '' : 's'} of other solutions`] : own;
}

export function upcomingMaintenance(windows: readonly MaintenanceWindow[], environments: readonly StoredEnvStatusRow[], now: Date): HubMaintenance[] {
  const names = new Map(environments.map((e) => [e.id, e.name]));
  const horizon = now.getTime() + MAINTENANCE_HORIZON_DAYS * 86_400_000;
  return windows
    .filter((w) => w.status !== 'cancelled' && w.status !== 'completed')
    .filter((w) => Date.parse(w.endsAt) > now.getTime() && Date.parse(w.startsAt) < horizon)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((w) => ({
      id: w.id,
      title: w.title,
      kind: w.kind,
      status: w.status,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      environments: affectedNames(w.environmentIds, names),
      inProgress: w.status === 'in_progress' || Date.parse(w.startsAt) <= now.getTime(),
    }));
}

export function buildHubSummary(inputs: HubInputs, now: Date): HubSolutionSummary {
  const envName = new Map(inputs.environments.map((e) => [e.id, e.name]));
  const openFailures = inputs.failures.filter((f) => f.state !== 'resolved');
  const maintenance = upcomingMaintenance(inputs.windows, inputs.environments, now);
  const environmentsByStatus: Record<string, number> = {};
  for (const e of inputs.environments) environmentsByStatus[e.status] = (environmentsByStatus[e.status] ?? 0) + 1;

  const urgent: UrgentItem[] = [
    ...inputs.environments
      .filter((e) => e.status === 'outage' || (e.status === 'degraded' && e.isProduction))
      .map((e) => ({
        kind: 'outage' as const,
        severity: (e.status === 'outage' && e.isProduction ? 'critical' : 'high') as Severity,
        title: `${e.name} is ${e.status}`,
        detail: e.statusMessage ?? '',
        at: e.updatedAt,
        environmentName: e.name,
        tab: 'environments' as const,
      })),
    ...inputs.credentials
      .filter((c) => c.state === 'overdue')
      .map((c) => ({
        kind: 'overdue-credential' as const,
        severity: 'high' as const,
        title: `Credential ${c.name} is overdue for rotation`,
        detail: c.dueAt ? `Rotation was due ${c.dueAt.slice(0, 10)}` : 'Rotation overdue',
        at: c.dueAt,
        environmentName: envName.get(c.environmentId) ?? null,
        tab: 'credentials' as const,
      })),
    ...inputs.sodFindings.map((f) => ({
      kind: 'sod-finding' as const,
      severity: asSeverity(f.severity),
      title: `Segregation of duties: ${f.rule}`,
      detail: f.message,
      at: null,
      environmentName: f.environmentId ? (envName.get(f.environmentId) ?? null) : null,
      tab: 'credentials' as const,
    })),
    ...openFailures.map((f) => ({
      kind: 'open-failure' as const,
      severity: asSeverity(f.severity),
      title: `${f.messageType} ${f.direction} failing for ${f.partner.name}`,
      detail: `${f.errorCode}: ${f.errorMessage} (${f.occurrences}×)`,
      at: f.lastSeenAt,
      environmentName: envName.get(f.environmentId) ?? null,
      tab: 'environments' as const,
      failureId: f.id,
    })),
    ...inputs.pendingPromotions.map((p) => ({
      kind: 'pending-promotion' as const,
      severity: p.freezeConflict ? ('high' as const) : ('medium' as const),
      title: `Pending production promotion: ${p.title}`,
      detail: `${p.state}${p.freezeConflict ? ' · conflicts with a change freeze' : ''}`,
      at: p.at,
      environmentName: envName.get(p.toEnvironmentId) ?? null,
      tab: 'changes' as const,
    })),
    ...maintenance
      .filter((m) => m.inProgress || Date.parse(m.startsAt) - now.getTime() < 2 * 86_400_000)
      .map((m) => ({
        kind: 'maintenance' as const,
        severity: m.inProgress ? ('medium' as const) : ('low' as const),
        title: `${m.inProgress ? 'In progress' : 'Upcoming'}: ${m.title}`,
        detail: `${m.kind} · ${m.environments.join(', ')}`,
        at: m.startsAt,
        environmentName: null,
        tab: 'environments' as const,
      })),
  ];
  urgent.sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || Date.parse(b.at ?? '0') - Date.parse(a.at ?? '0'));

  return {
    solution: inputs.solution,
    environments: inputs.environments.map((e) => ({
      id: e.id,
      name: e.name,
      stage: e.stage,
      isProduction: e.isProduction,
      status: e.status,
      statusKnown: isKnownEnvironmentStatus(e.status),
      statusMessage: e.statusMessage,
    })),
    counts: {
      environmentsByStatus,
      overdueCredentials: inputs.credentials.filter((c) => c.state === 'overdue').length,
      credentialsDueSoon: inputs.credentials.filter((c) => c.state === 'due-soon').length,
      sodFindings: inputs.sodFindings.length,
      openFailures: openFailures.length,
      pendingProductionPromotions: inputs.pendingPromotions.length,
      upcomingMaintenance: maintenance.length,
      releases: inputs.releases,
    },
    urgent: urgent.slice(0, URGENT_ITEMS_KEPT),
    maintenance,
    openFailures: [...openFailures]
      .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt))
      .slice(0, OPEN_FAILURES_KEPT)
      .map((f) => ({
        failureId: f.id,
        severity: asSeverity(f.severity),
        title: `${f.messageType} ${f.direction} failing for ${f.partner.name}`,
        detail: `${f.errorCode}: ${f.errorMessage} (${f.occurrences}×)`,
        state: f.state,
        lastSeenAt: f.lastSeenAt,
        environmentName: envName.get(f.environmentId) ?? null,
      })),
  };
}
