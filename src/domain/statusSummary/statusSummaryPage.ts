import type { ChangeRow } from '../../shared/changeSummaryContract';
import type { HubMaintenance } from '../../shared/spaceHubContract';
import { severityLozenge, statusLozenge, utcMinute } from '../changeLog/changeLogEntry';
import { escapeStorage, singleLineText, truncateText } from '../storage/escape';

/**
 * The "Integration status — <solution>" page: one storage-format document per solution, rewritten in place on each
 * run (Confluence keeps the earlier runs as page versions). Plain headings, paragraphs and tables, plus status
 * lozenges: everything renders on the server, so the page reads the same in the browser and in a PDF export.
 * Every value from outside the app is escaped.
 */
export const STATUS_TITLE_PREFIX = 'Integration status — ';
/** Rows per table; a longer list says how many more there are and where to see them. */
export const ROWS_SHOWN = 50;
const TEXT = 500;

export function statusPageTitle(solutionName: string, disambiguator?: string): string {
  const suffix = disambiguator ? ` (${disambiguator})` : '';
  return `${STATUS_TITLE_PREFIX}${truncateText(singleLineText(solutionName) || 'unnamed solution', 255 - STATUS_TITLE_PREFIX.length - suffix.length)}${suffix}`;
}

export interface SummaryEnvironment {
  name: string;
  stage: string;
  isProduction: boolean;
  status: string;
  statusMessage: string | null;
  updatedAt: string;
  lastDeployment: { artifactName: string; version: string; status: string; deployedAt: string } | null;
}

export interface SummaryFailure {
  severity: string;
  state: string;
  environmentName: string;
  direction: string;
  messageType: string;
  partner: string;
  endpoint: string;
  errorCode: string;
  errorMessage: string;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface SummaryIssue {
  severity: string;
  title: string;
  detail: string;
  environmentName: string | null;
}

export interface SummaryCredential {
  name: string;
  kind: string;
  environmentName: string;
  system: string;
  owner: string | null;
  dueAt: string | null;
  /** expired | overdue | due-soon */
  state: string;
}

export interface SummaryAsset {
  name: string;
  source: string;
  usageRights: string | null;
  expiresAt: string | null;
  daysToExpiry: number | null;
  link: string | null;
}

export type SummaryAssets =
  | { state: 'not-connected'; message: string }
  | { state: 'unavailable'; message: string }
  | { state: 'ok'; expiringDays: number; expired: number; expiring: number; rows: SummaryAsset[]; more: number };

export interface StatusSummaryInput {
  solution: { id: string; name: string };
  generatedAt: string;
  cadence: 'daily' | 'weekly';
  /** When the governance data was last synced; null when never. */
  syncedAt: string | null;
  /** Start of "changes since the last summary". */
  changesSince: string;
  firstSummary: boolean;
  environments: SummaryEnvironment[];
  changes: { rows: ChangeRow[]; more: number; productionIds: ReadonlySet<string> };
  failures: SummaryFailure[];
  issues: SummaryIssue[];
  maintenance: HubMaintenance[];
  maintenanceHorizonDays: number;
  credentials: SummaryCredential[];
  dueSoonDays: number;
  assets: SummaryAssets;
}

const text = (value: string | null | undefined, max = TEXT) => escapeStorage(truncateText(value ?? '', max));
const when = (iso: string | null | undefined) => (iso ? escapeStorage(utcMinute(iso)) : '—');

function table(headers: readonly string[], rows: readonly string[][]): string {
  const head = `<tr>${headers.map((header) => `<th>${escapeStorage(header)}</th>`).join('')}</tr>`;
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table><tbody>${head}${body}</tbody></table>`;
}

const section = (title: string, content: string) => `<h2>${escapeStorage(title)}</h2>${content}`;
const paragraph = (content: string) => `<p>${content}</p>`;
const moreNote = (more: number, where: string) => (more > 0 ? paragraph(`… and ${more} more (${escapeStorage(where)}).`) : '');

const ENV_COLOURS: Record<string, string> = { operational: 'Green', degraded: 'Yellow', outage: 'Red', maintenance: 'Blue' };
const CREDENTIAL_COLOURS: Record<string, string> = { expired: 'Red', overdue: 'Red', 'due-soon': 'Yellow' };

function environmentsSection(input: StatusSummaryInput): string {
  if (input.environments.length === 0) return section('Environment status', paragraph('No environments are known for this solution yet.'));
  const rows = input.environments.map((environment) => [
    `${text(environment.name, 200)}${environment.isProduction ? ' <em>(production)</em>' : ''}`,
    text(environment.stage, 40),
    statusLozenge(environment.status, ENV_COLOURS[environment.status] ?? 'Grey'),
    environment.statusMessage ? text(environment.statusMessage) : '—',
    environment.lastDeployment
      ? `${text(environment.lastDeployment.artifactName, 200)} ${text(environment.lastDeployment.version, 60)} (${text(environment.lastDeployment.status, 40)}, ${when(environment.lastDeployment.deployedAt)})`
      : '—',
    when(environment.updatedAt),
  ]);
  return section('Environment status', table(['Environment', 'Stage', 'Status', 'Message', 'Last deployment', 'Status since'], rows));
}

function changesSection(input: StatusSummaryInput): string {
  const since = input.firstSummary ? `in the last ${input.cadence === 'daily' ? 'day' : 'seven days'} (since ${utcMinute(input.changesSince)})` : `since the last summary (${utcMinute(input.changesSince)})`;
  const title = 'Configuration changes';
  const intro = paragraph(escapeStorage(`Changes ${since}, newest first. Sensitive values are never shown.`));
  if (input.changes.rows.length === 0) return section(title, intro + paragraph('No configuration changes.'));
  const rows = input.changes.rows.map((change) => [
    when(change.occurredAt),
    `${text(change.environment.name, 200)}${input.changes.productionIds.has(change.id) ? ' <em>(production)</em>' : ''}`,
    text(change.actor.name, 200),
    `${text(change.action, 60)} ${text(change.target.kind, 60)} <strong>${text(change.target.name, 200)}</strong>`,
    change.reason ? text(change.reason) : '—',
    change.ticketRef ? text(change.ticketRef, 200) : '—',
    input.changes.productionIds.has(change.id) ? `${severityLozenge(change.impact.severity)} ${text(change.impact.summary, 300)}` : text(change.impact.severity, 40),
  ]);
  return section(title, intro + table(['When', 'Environment', 'Who', 'What', 'Why', 'Ticket', 'Impact'], rows) + moreNote(input.changes.more, 'see the Change summary macro or the Integration change log'));
}

function failuresSection(input: StatusSummaryInput): string {
  const parts: string[] = [];
  if (input.failures.length === 0) parts.push(paragraph('No open failures.'));
  else {
    const rows = input.failures.slice(0, ROWS_SHOWN).map((failure) => [
      severityLozenge(failure.severity),
      text(failure.state, 40),
      text(failure.environmentName, 200),
      `${text(failure.messageType, 100)} ${text(failure.direction, 20)}`,
      text(failure.partner, 200),
      text(failure.endpoint, 300),
      `${text(failure.errorCode, 100)}: ${text(failure.errorMessage)}`,
      escapeStorage(String(failure.occurrences)),
      when(failure.firstSeenAt),
      when(failure.lastSeenAt),
    ]);
    parts.push(table(['Severity', 'State', 'Environment', 'Message', 'Partner', 'Endpoint', 'Error', 'Occurrences', 'First seen', 'Last seen'], rows));
    parts.push(moreNote(input.failures.length - ROWS_SHOWN, 'see the Integration hub'));
  }
  parts.push('<h3>Other issues</h3>');
  if (input.issues.length === 0) parts.push(paragraph('No outages, overdue credentials, segregation-of-duties findings or blocked promotions.'));
  else {
    const rows = input.issues.slice(0, ROWS_SHOWN).map((issue) => [severityLozenge(issue.severity), text(issue.title, 300), text(issue.detail), issue.environmentName ? text(issue.environmentName, 200) : '—']);
    parts.push(table(['Severity', 'Issue', 'Detail', 'Environment'], rows));
  }
  return section('Open failures and issues', parts.join(''));
}

function maintenanceSection(input: StatusSummaryInput): string {
  const title = 'Upcoming maintenance windows';
  if (input.maintenance.length === 0) return section(title, paragraph(escapeStorage(`No maintenance windows in progress or in the next ${input.maintenanceHorizonDays} days.`)));
  const rows = input.maintenance.slice(0, ROWS_SHOWN).map((window) => [
    text(window.title, 300),
    `${text(window.kind, 40)}${window.inProgress ? ' <strong>(in progress)</strong>' : ''}`,
    text(window.status, 40),
    when(window.startsAt),
    when(window.endsAt),
    window.environments.length > 0 ? window.environments.map((name) => text(name, 200)).join(', ') : '—',
  ]);
  return section(title, table(['Window', 'Kind', 'Status', 'Starts', 'Ends', 'Environments'], rows) + moreNote(input.maintenance.length - ROWS_SHOWN, 'see the Integration hub'));
}

function credentialsSection(input: StatusSummaryInput): string {
  const title = 'Credentials due for rotation';
  if (input.credentials.length === 0) return section(title, paragraph(escapeStorage(`No credentials are expired, overdue or due within ${input.dueSoonDays} days.`)));
  const rows = input.credentials.slice(0, ROWS_SHOWN).map((credential) => [
    text(credential.name, 200),
    text(credential.kind, 40),
    text(credential.environmentName, 200),
    text(credential.system, 200),
    credential.owner ? text(credential.owner, 200) : '<em>No owner</em>',
    when(credential.dueAt),
    statusLozenge(credential.state.replace('-', ' '), CREDENTIAL_COLOURS[credential.state] ?? 'Grey'),
  ]);
  return section(title, table(['Credential', 'Kind', 'Environment', 'System', 'Owner', 'Due', 'State'], rows) + moreNote(input.credentials.length - ROWS_SHOWN, 'see the Credential ownership macro'));
}

/** Only http(s) links become links; anything else is shown as text. */
function assetName(asset: SummaryAsset): string {
  const name = text(asset.name, 300);
  if (!asset.link) return name;
  try {
    const url = new URL(asset.link);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return name;
    return `<a href="${escapeStorage(url.href)}">${name}</a>`;
  } catch {
    return name;
  }
}

function assetsSection(input: StatusSummaryInput): string {
  const title = 'Assets whose usage rights expire soon';
  const { assets } = input;
  if (assets.state !== 'ok') return section(title, paragraph(text(assets.message)));
  const counts = paragraph(escapeStorage(`${assets.expiring} asset${assets.expiring === 1 ? ' expires' : 's expire'} within ${assets.expiringDays} days; ${assets.expired} already expired (all connected asset libraries).`));
  if (assets.rows.length === 0) return section(title, counts);
  const rows = assets.rows.map((asset) => [
    assetName(asset),
    text(asset.source, 40),
    asset.usageRights ? text(asset.usageRights, 300) : '—',
    when(asset.expiresAt),
    asset.daysToExpiry === null ? '—' : escapeStorage(`${asset.daysToExpiry} day${asset.daysToExpiry === 1 ? '' : 's'}`),
  ]);
  return section(title, counts + table(['Asset', 'Library', 'Usage rights', 'Expires', 'In'], rows) + moreNote(assets.more, 'see the Asset lifecycle macro'));
}

export function renderStatusSummary(input: StatusSummaryInput): string {
  const intro = paragraph(
    escapeStorage(
      `Status of ${truncateText(input.solution.name, 300)} on ${utcMinute(input.generatedAt)}, from governance data synced ${input.syncedAt ? utcMinute(input.syncedAt) : 'never'} ` +
        `plus the events the backend pushed since. Published ${input.cadence} by the Integration Governance Hub app and updated in place: ` +
        'earlier summaries are in the page history.',
    ),
  );
  return [intro, environmentsSection(input), changesSection(input), failuresSection(input), maintenanceSection(input), credentialsSection(input), assetsSection(input)].join('');
}

export function statusVersionMessage(generatedAt: Date): string {
  return `Status summary for ${generatedAt.toISOString().slice(0, 10)}`;
}
