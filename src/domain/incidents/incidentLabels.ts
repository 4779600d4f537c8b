/**
 * The labels that make incident pages findable: the knowledge-base macro's filters and "similar incidents" are CQL
 * queries over them. Every label is built from outside text with toLabel (lower case, only [a-z0-9_-]), so a
 * filter value and the page it should find always map to the same label.
 */
import { toLabel } from '../storage/escape';
import type { IncidentFacts } from './incidentFacts';

export const INCIDENT_LABEL = 'incident';
export const OPEN_LABEL = 'incident-open';
export const RESOLVED_LABEL = 'incident-resolved';

export const incidentLabel = {
  messageType: (type: string) => toLabel('msg-', type),
  environment: (environmentId: string) => toLabel('env-', environmentId),
  partner: (partnerId: string) => toLabel('partner-', partnerId),
  endpoint: (endpoint: string) => toLabel('endpoint-', endpoint),
  solution: (solutionId: string) => toLabel('solution-', solutionId),
  asset: (assetId: string) => toLabel('asset-', assetId),
  /** Unique per failure (iconik job ids are prefixed so they never meet a governance failure id). */
  failure: (facts: Pick<IncidentFacts, 'kind' | 'failureId'>) => toLabel('failure-', facts.kind === 'iconik-job' ? `iconik-${facts.failureId}` : facts.failureId),
  state: (open: boolean) => (open ? OPEN_LABEL : RESOLVED_LABEL),
};

/** Every label of an incident page, without duplicates; values that leave nothing after cleaning are skipped. */
export function incidentLabels(facts: IncidentFacts): string[] {
  const labels = [
    INCIDENT_LABEL,
    incidentLabel.failure(facts),
    incidentLabel.state(facts.open),
    ...facts.environments.map((environment) => incidentLabel.environment(environment.id)),
    ...facts.messageTypes.map(incidentLabel.messageType),
    facts.partner ? incidentLabel.partner(facts.partner.id) : null,
    ...facts.endpoints.map(incidentLabel.endpoint),
    facts.solution ? incidentLabel.solution(facts.solution.id) : null,
    facts.asset ? incidentLabel.asset(facts.asset.id) : null,
    facts.asset ? toLabel('source-', facts.asset.source) : null,
  ];
  return [...new Set(labels.filter((label): label is string => label !== null))];
}
