import { doc, heading, panel, paragraph, strong, table, text, type AdfNode, type AdfText } from '../adf/nodes';
import {
  SOD_RULE_TITLES,
  type CredentialOwnershipPage,
  type CredentialRow,
  type CredentialState,
  type PersonRef,
} from '../../shared/credentialOwnershipContract';
import type { SyncStamp } from '../../shared/syncStamp';

const STATE_WORDS: Record<CredentialState, string> = {
  expired: 'EXPIRED',
  overdue: 'OVERDUE',
  'due-soon': 'DUE SOON',
  unknown: 'UNKNOWN STATUS',
  ok: 'OK',
  revoked: 'REVOKED',
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const name = (person: PersonRef | null) => person?.name ?? 'None';

function ageText(sync: SyncStamp): string {
  if (!sync.lastSuccessAt) return 'never synced';
  const minutes = Math.max(0, Math.round((Date.parse(sync.now) - Date.parse(sync.lastSuccessAt)) / 60_000));
  return `synced ${sync.lastSuccessAt.replace('T', ' ').slice(0, 16)} UTC (${minutes} minutes before export)`;
}

function scopeText(page: CredentialOwnershipPage): string {
  const parts = [
    page.scope.environments.length > 0
      ? `Environments: ${page.scope.environments.map((e) => e.name).join(', ')}.`
      : page.scope.stages.length > 0
        ? `Stages: ${page.scope.stages.join(', ')}.`
        : 'All environments.',
    page.scope.owner ? `Owner: ${page.scope.owner.name}.` : '',
    page.scope.onlyProblems ? 'Only credentials with problems.' : '',
    `Due soon: within ${page.scope.dueSoonDays} days.`,
  ];
  return parts.filter(Boolean).join(' ');
}

function nextDueLines(row: CredentialRow): string[] {
  if (!row.nextDueAt) return ['No rotation policy or expiry'];
  return [`${day(row.nextDueAt)}${row.nextDueReason === 'expiry' ? ' (expiry)' : ''}`];
}

function statusLines(row: CredentialRow): (AdfText | string)[] {
  const lines: (AdfText | string)[] = [strong(STATE_WORDS[row.state])];
  if (row.status.toUpperCase() !== STATE_WORDS[row.state]) lines.push(`Backend status: ${row.status}`);
  for (const finding of row.findings) lines.push(`${finding.severity.toUpperCase()}: ${SOD_RULE_TITLES[finding.rule]}`);
  return lines;
}

/**
 * The macro in PDF and Word exports: the findings and the credential matrix as tables. Exports have no paging, so
 * the caller passes as many rows as an export should hold and the text says when there were more.
 */
export function credentialOwnershipAdf(page: CredentialOwnershipPage) {
  const { counts } = page;
  const content: AdfNode[] = [
    heading(4, `Credential ownership: ${page.solution.name}`),
    paragraph(text(`${scopeText(page)} Data ${ageText(page.sync)}.`)),
  ];
  if (page.sync.stale) {
    content.push(panel('warning', paragraph(text(`This data may be out of date${page.sync.lastError ? `: the last sync failed (${page.sync.lastError})` : ''}.`))));
  }
  content.push(
    paragraph(
      text(
        `${counts.credentials} credentials: ${counts.expired} expired, ${counts.overdue} overdue, ` +
          `${counts.dueSoon} due within ${page.scope.dueSoonDays} days, ${counts.withFindings} with segregation-of-duties findings.`,
      ),
    ),
    heading(5, 'Segregation-of-duties findings'),
  );
  if (page.findings.items.length === 0) {
    content.push(paragraph(text('No findings.')));
  } else {
    content.push(
      table(
        ['Severity', 'Rule', 'Credential', 'People', 'Finding'],
        page.findings.items.map((finding) => [
          [strong(finding.severity.toUpperCase())],
          [SOD_RULE_TITLES[finding.rule]],
          [finding.credentialName],
          finding.people.map((person) => `${person.name} (${person.role})`),
          [finding.message],
        ]),
      ),
    );
    if (page.findings.total > page.findings.items.length) {
      content.push(paragraph(text(`Showing the ${page.findings.items.length} most severe of ${page.findings.total} findings.`)));
    }
  }
  if (page.findings.rulesOff.length > 0) {
    content.push(paragraph(text(`Not checked (switched off by the admin): ${page.findings.rulesOff.map((rule) => SOD_RULE_TITLES[rule]).join('; ')}.`)));
  }
  content.push(heading(5, 'Credentials'));
  if (page.rows.length === 0) {
    content.push(paragraph(text(page.scope.onlyProblems ? 'No credential with problems.' : 'No credentials.')));
    return doc(...content);
  }
  content.push(
    table(
      ['Credential', 'Kind', 'System', 'Environment', 'Owner', 'Backup owner', 'Approvers', 'Last rotated', 'Next due', 'Status'],
      page.rows.map((row) => [
        [strong(row.name)],
        [row.kind],
        [row.system],
        [row.environment.name, ...(row.environment.isProduction ? ['Production'] : [])],
        [name(row.owner)],
        [name(row.backupOwner)],
        row.approvers.length > 0 ? row.approvers.map((approver) => approver.name) : ['None'],
        row.lastRotatedAt ? [day(row.lastRotatedAt), ...(row.lastRotatedBy ? [`by ${row.lastRotatedBy.name}`] : [])] : ['Never'],
        nextDueLines(row),
        statusLines(row),
      ]),
    ),
  );
  if (page.total > page.rows.length) {
    content.push(paragraph(text(`Showing ${page.rows.length} of ${page.total} credentials, most urgent first.`)));
  }
  return doc(...content);
}

export function credentialOwnershipMessageAdf(message: string) {
  return doc(heading(4, 'Credential ownership'), paragraph(text(message)));
}
