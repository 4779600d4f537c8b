/**
 * What an incident page is about, whatever failed: a governance failure (a message flow failing for a partner in an
 * environment) or an iconik job that failed on an asset. Both become one `IncidentFacts`, from which the page body,
 * its title and its labels are derived (incidentPage.ts, incidentLabels.ts), so the two kinds of incident read alike
 * and the knowledge base filters them the same way.
 */
import type { DamAsset, DamFailedJob } from '../../sources/dam/asset';
import type { Failure } from '../../sources/governance/schemas';
import { utcTime } from './utcTime';

export type IncidentKind = 'governance' | 'iconik-job';

/** One row of the summary table: a label and its values (several values: one line each). */
export interface SummaryRow {
  label: string;
  values: string[];
}

export interface IncidentFacts {
  kind: IncidentKind;
  /** The id the incident is about, shown in the title: the governance failure id, or the iconik job id. */
  failureId: string;
  /** One line saying what fails: "EDIFACT DESADV outbound failing for Nordic Freight". */
  headline: string;
  /** open | acknowledged | resolved for governance failures; FAILED (or iconik's status) for jobs. */
  state: string;
  /** Whether the failure still needs work (anything but resolved). */
  open: boolean;
  severity: string | null;
  solution: { id: string; name: string } | null;
  messageTypes: string[];
  endpoints: string[];
  environments: { id: string; name: string }[];
  partner: { id: string; name: string } | null;
  asset: { source: string; id: string; name: string; link: string | null } | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  summary: SummaryRow[];
  /** The upstream's remediation advice, verbatim; null when it gave none. */
  remediation: string | null;
}

const none = (values: (string | null | undefined)[]): string[] => {
  const kept = values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return kept.length > 0 ? kept : ['—'];
};

export function governanceIncidentFacts(
  failure: Failure,
  context: { solution: { id: string; name: string }; environmentName: string | null },
): IncidentFacts {
  const environmentName = context.environmentName ?? failure.environmentId;
  return {
    kind: 'governance',
    failureId: failure.id,
    headline: `${failure.messageType} ${failure.direction} failing for ${failure.partner.name || failure.partner.id}`,
    state: failure.state,
    open: failure.state !== 'resolved',
    severity: failure.severity,
    solution: context.solution,
    messageTypes: [failure.messageType],
    endpoints: [failure.endpoint],
    environments: [{ id: failure.environmentId, name: environmentName }],
    partner: { id: failure.partner.id, name: failure.partner.name },
    asset: null,
    firstSeenAt: failure.firstSeenAt,
    lastSeenAt: failure.lastSeenAt,
    remediation: failure.remediation ?? null,
    summary: [
      { label: 'Solution', values: none([context.solution.name]) },
      { label: 'Failed message types', values: none([`${failure.messageType} (${failure.direction})`]) },
      { label: 'Affected endpoints', values: none([failure.endpoint]) },
      { label: 'Environment', values: none([environmentName === failure.environmentId ? failure.environmentId : `${environmentName} (${failure.environmentId})`]) },
      { label: 'Partner', values: none([failure.partner.name === failure.partner.id ? failure.partner.id : `${failure.partner.name} (${failure.partner.id})`]) },
      { label: 'Error', values: none([failure.errorCode && failure.errorMessage ? `${failure.errorCode}: ${failure.errorMessage}` : failure.errorCode || failure.errorMessage]) },
      { label: 'First seen', values: none([utcTime(failure.firstSeenAt)]) },
      { label: 'Last seen', values: none([utcTime(failure.lastSeenAt)]) },
      { label: 'Occurrences', values: [String(failure.occurrences)] },
      { label: 'Severity', values: none([failure.severity]) },
      { label: 'State when this page was created', values: none([failure.state]) },
      { label: 'Correlation id', values: none([failure.correlationId]) },
      { label: 'Failure id', values: none([failure.id]) },
    ],
  };
}

export function iconikJobIncidentFacts(asset: Pick<DamAsset, 'source' | 'id' | 'name' | 'link' | 'kind'>, job: DamFailedJob): IncidentFacts {
  const assetName = asset.name || asset.id;
  return {
    kind: 'iconik-job',
    failureId: job.id,
    headline: `${job.type} job ${job.status.toLowerCase()} on ${assetName}`,
    state: job.status,
    open: true,
    severity: null,
    solution: null,
    messageTypes: [job.type],
    endpoints: [],
    environments: [],
    partner: null,
    asset: { source: asset.source, id: asset.id, name: assetName, link: asset.link },
    firstSeenAt: job.at,
    lastSeenAt: job.at,
    remediation: null,
    summary: [
      { label: 'Asset', values: none([`${assetName} (${asset.source} ${asset.id})`]) },
      { label: 'Job type', values: none([job.type]) },
      { label: 'Job', values: none([job.title ? `${job.title} (${job.id})` : job.id]) },
      { label: 'Status', values: none([job.status]) },
      { label: 'Error', values: none([job.error]) },
      {
        label: 'Failed steps',
        values: none(job.steps.filter((step) => step.error || /fail/i.test(step.status)).map((step) => `${step.label}: ${step.status}${step.error ? ` (${step.error})` : ''}`)),
      },
      { label: 'Failed at', values: none([job.at ? utcTime(job.at) : null]) },
    ],
  };
}
