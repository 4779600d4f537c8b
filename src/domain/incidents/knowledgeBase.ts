/**
 * The incident knowledge base's rules: which labels a filter asks for, an incident's state (the failure's current
 * state when the app knows it, else the page's label), the order open failures are offered in, and which similar
 * incidents come first (those that say what fixed them).
 */
import type { Failure } from '../../sources/governance/schemas';
import type { FilterOption, IncidentKbFilterOptions, IncidentKbFilters, IncidentState } from '../../shared/incidentContract';
import { incidentLabel, OPEN_LABEL, RESOLVED_LABEL } from './incidentLabels';

/** The labels a page needs to pass the filters; null when a filter value cannot be a label (it matches nothing). */
export function filterLabels(filters: IncidentKbFilters): string[] | null {
  const wanted: (string | null)[] = [];
  if (filters.messageType) wanted.push(incidentLabel.messageType(filters.messageType));
  if (filters.endpoint) wanted.push(incidentLabel.endpoint(filters.endpoint));
  if (filters.environmentId) wanted.push(incidentLabel.environment(filters.environmentId));
  if (filters.partnerId) wanted.push(incidentLabel.partner(filters.partnerId));
  if (filters.state) wanted.push(filters.state === 'open' ? OPEN_LABEL : RESOLVED_LABEL);
  if (wanted.some((label) => label === null)) return null;
  return wanted as string[];
}

/** Open unless resolved: an acknowledged failure still needs work. */
export function isOpenState(state: string): boolean {
  return state.toLowerCase() !== 'resolved';
}

export function incidentState(labels: readonly string[], failureState: string | null): { state: IncidentState; source: 'failure' | 'label' } {
  if (failureState !== null) return { state: isOpenState(failureState) ? 'open' : 'resolved', source: 'failure' };
  return { state: labels.includes(RESOLVED_LABEL) && !labels.includes(OPEN_LABEL) ? 'resolved' : 'open', source: 'label' };
}

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Most severe first, then the most recently seen, then by id (a stable order for paging). */
export function mostUrgentFirst(a: Failure, b: Failure): number {
  return (
    (SEVERITY_RANK[a.severity] ?? 4) - (SEVERITY_RANK[b.severity] ?? 4) ||
    Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function distinct(options: FilterOption[]): FilterOption[] {
  const byValue = new Map<string, FilterOption>();
  for (const option of options) if (option.value && !byValue.has(option.value)) byValue.set(option.value, option);
  return [...byValue.values()].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true, sensitivity: 'base' }));
}

/** The filter pickers' choices: every value the space's failures use. */
export function kbFilterOptions(failures: readonly Failure[], environmentNames: ReadonlyMap<string, string>, extraMessageTypes: readonly string[] = []): IncidentKbFilterOptions {
  return {
    messageTypes: distinct([...failures.map((f) => f.messageType), ...extraMessageTypes].map((type) => ({ value: type, label: type }))),
    endpoints: distinct(failures.map((f) => ({ value: f.endpoint, label: f.endpoint }))),
    environments: distinct(failures.map((f) => ({ value: f.environmentId, label: environmentNames.get(f.environmentId) ?? f.environmentId }))),
    partners: distinct(failures.map((f) => ({ value: f.partner.id, label: f.partner.name || f.partner.id }))),
  };
}

/** Similar incidents that say what fixed them come first, then resolved ones, then the newest. */
export function knownFixesFirst<T extends { rootCause: string | null; state: IncidentState | null; createdAt: string | null }>(incidents: readonly T[]): T[] {
  const score = (incident: T) => (incident.rootCause ? 0 : 2) + (incident.state === 'resolved' ? 0 : 1);
  return [...incidents].sort((a, b) => score(a) - score(b) || Date.parse(b.createdAt ?? '0') - Date.parse(a.createdAt ?? '0'));
}
