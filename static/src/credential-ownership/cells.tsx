import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { SOD_RULE_TITLES, type CredentialRow, type PersonRef, type SodFinding } from '../../../src/shared/credentialOwnershipContract';
import { Timestamp } from '../shared/Timestamp';
import { placeholderText, secondaryText, smallFont } from '../shared/textStyles';
import { formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { severityLook, stateLabel, stateLook } from './appearance';

export interface CellOptions extends TimeFormatOptions {
  /** Server time of the answer: ages and "due in" are measured against it. */
  now: string;
}

/** "2 Dec 2026" in the reader's locale and zone. */
function formatDay(iso: string, options: TimeFormatOptions): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', { dateStyle: 'medium', timeZone: options.timeZone }).format(time);
}

export function CredentialCell({ row }: { row: CredentialRow }) {
  return <strong>{row.name}</strong>;
}

export function EnvironmentCell({ row }: { row: CredentialRow }) {
  return (
    <div>
      <div>{row.environment.name}</div>
      <div style={secondaryText}>
        {row.environment.stage}
        {row.environment.isProduction && (
          <>
            {' '}
            <span
              title="Production environment"
              data-testid="production-marker"
              style={{
                padding: `0 ${token('space.050', '0.25rem')}`,
                borderRadius: token('radius.small', '0.25rem'),
                background: token('color.background.accent.purple.subtlest', '#F8EEFE'),
                color: token('color.text.accent.purple', '#803FA5'),
                font: smallFont,
                fontWeight: token('font.weight.semibold', '600'),
              }}
            >
              Production
            </span>
          </>
        )}
      </div>
    </div>
  );
}

export function PersonCell({ person, missing }: { person: PersonRef | null; missing: string }) {
  if (!person) return <span style={placeholderText}>{missing}</span>;
  return <span>{person.name}</span>;
}

export function ApproversCell({ row }: { row: CredentialRow }) {
  if (row.approvers.length === 0) return <span style={placeholderText}>None</span>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`Approvers of ${row.name}`}>
      {row.approvers.map((approver) => (
        <li key={approver.id} style={{ marginTop: 0 }}>
          {approver.name}
        </li>
      ))}
    </ul>
  );
}

export function LastRotatedCell({ row, options }: { row: CredentialRow; options: CellOptions }) {
  if (!row.lastRotatedAt) return <span style={placeholderText}>Never rotated</span>;
  return (
    <div>
      <Timestamp dateTime={row.lastRotatedAt} locale={options.locale} timeZone={options.timeZone}>
        {formatRelativeTime(row.lastRotatedAt, options.now, options.locale)}
      </Timestamp>
      {row.lastRotatedBy && <div style={secondaryText}>by {row.lastRotatedBy.name}</div>}
    </div>
  );
}

export function NextDueCell({ row, options }: { row: CredentialRow; options: CellOptions }) {
  if (!row.nextDueAt) return <span style={placeholderText}>No policy or expiry</span>;
  const relative = formatRelativeTime(row.nextDueAt, options.now, options.locale);
  const overdue = Date.parse(row.nextDueAt) <= Date.parse(options.now);
  return (
    <div>
      <div>{formatDay(row.nextDueAt, options)}</div>
      <div style={secondaryText}>
        <Timestamp dateTime={row.nextDueAt} locale={options.locale} timeZone={options.timeZone}>
          {overdue ? `due ${relative}` : relative}
        </Timestamp>
        {row.nextDueReason === 'expiry' ? ' · expiry' : row.rotationPolicyDays ? ` · every ${row.rotationPolicyDays} days` : ''}
      </div>
    </div>
  );
}

export function StatusCell({ row }: { row: CredentialRow }) {
  const look = stateLook(row.state);
  const showRaw = row.state !== 'unknown' && row.statusKnown && row.status !== row.state && row.status !== 'active';
  return (
    <div>
      <span data-testid="credential-state" data-state={row.state}>
        <Lozenge appearance={look.appearance} isBold={look.isBold}>
          {stateLabel(row)}
        </Lozenge>
      </span>
      {showRaw && <div style={secondaryText}>backend: {row.status}</div>}
      {row.findings.length > 0 && (
        <ul
          style={{ listStyle: 'none', margin: `${token('space.050', '0.25rem')} 0 0`, padding: 0 }}
          aria-label={`Findings for ${row.name}`}
          data-testid="row-findings"
        >
          {row.findings.map((finding) => (
            <li key={`${finding.rule}:${finding.people.map((p) => p.id).join()}`} style={{ ...secondaryText, marginTop: 0 }} title={finding.message}>
              <SeverityLozenge severity={finding.severity} /> {SOD_RULE_TITLES[finding.rule] ?? finding.rule}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SeverityLozenge({ severity }: { severity: string }) {
  const look = severityLook(severity);
  return (
    <Lozenge appearance={look.appearance} isBold={look.isBold} testId="severity-lozenge">
      {severity}
    </Lozenge>
  );
}

export function PeopleCell({ finding }: { finding: SodFinding }) {
  if (finding.people.length === 0) return <span style={placeholderText}>Nobody named</span>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {finding.people.map((person) => (
        <li key={person.id} style={{ marginTop: 0 }}>
          {person.name}
          <div style={secondaryText}>{person.role}</div>
        </li>
      ))}
    </ul>
  );
}
