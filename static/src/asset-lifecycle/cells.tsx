import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import { useId, useState } from 'react';
import { ASSET_SOURCE_LABELS, type AssetFailedJobView, type AssetRow } from '../../../src/shared/assetLifecycleContract';
import { Timestamp } from '../shared/Timestamp';
import { placeholderText, secondaryText, smallFont } from '../shared/textStyles';
import { formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { approvalAppearance, approvalLabel, expiryText, formatExpiryDate, isKnownApproval, SOURCE_APPEARANCE } from './appearance';

export interface CellOptions extends TimeFormatOptions {
  /** Server time of the answer: "3 hours ago" is measured against it. */
  now: string;
  expiringDays: number;
  onOpenAudit(row: AssetRow): void;
}

export function SourceCell({ row }: { row: AssetRow }) {
  return (
    <span data-testid="asset-source" data-source={row.source}>
      <Lozenge appearance={SOURCE_APPEARANCE[row.source]}>{ASSET_SOURCE_LABELS[row.source]}</Lozenge>
    </span>
  );
}

/** The asset's name, linking to it in Canto or iconik in a new tab (through the bridge: Confluence opens it). */
export function NameCell({ row }: { row: AssetRow }) {
  const where = ASSET_SOURCE_LABELS[row.source];
  return (
    <div>
      {row.link ? (
        <a
          href={row.link}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="asset-link"
          title={`Open in ${where} (new tab)`}
          onClick={(event) => {
            event.preventDefault();
            void router.open(row.link as string).catch(() => window.open(row.link as string, '_blank', 'noopener'));
          }}
          style={{ fontWeight: token('font.weight.semibold', '600') }}
        >
          {row.name || row.id}
          <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}> (opens {where} in a new tab)</span>
        </a>
      ) : (
        <strong>{row.name || row.id}</strong>
      )}
      {row.kind && <div style={secondaryText}>{row.kind.toLowerCase()}</div>}
    </div>
  );
}

export function ApprovalCell({ row }: { row: AssetRow }) {
  const known = row.approval !== null && isKnownApproval(row.approval);
  return (
    <span data-testid="approval" data-approval={row.approval ?? ''} data-known={known ? 'true' : 'false'} title={row.approval ?? 'Approval not fetched yet'}>
      <Lozenge appearance={approvalAppearance(row.approval)} maxWidth={160}>
        {approvalLabel(row.approval)}
      </Lozenge>
    </span>
  );
}

export function TextCell({ value }: { value: string | null }) {
  return value ? <span>{value}</span> : <span style={placeholderText}>—</span>;
}

const markerStyle = (background: string, color: string) => ({
  display: 'inline-block',
  padding: `0 ${token('space.050', '0.25rem')}`,
  borderRadius: token('radius.small', '0.25rem'),
  background,
  color,
  font: smallFont,
  fontWeight: token('font.weight.semibold', '600'),
});

/** Usage rights and expiry: the date, plus words ("Expired 3 days ago"), never colour alone. */
export function ExpiryCell({ row, options }: { row: AssetRow; options: CellOptions }) {
  const words = expiryText(row);
  return (
    <div data-testid="expiry" data-expiry={row.expiryState}>
      {row.usageRights ? <div>{row.usageRights}</div> : <div style={placeholderText}>No usage rights recorded</div>}
      {row.expiresAt ? (
        <div style={secondaryText}>
          <time dateTime={row.expiresAt}>{formatExpiryDate(row.expiresAt, options.locale)}</time>{' '}
          {row.expiryState === 'expired' && (
            <span style={markerStyle(token('color.background.danger.bold', '#C9372C'), token('color.text.inverse', '#FFFFFF'))}>{words}</span>
          )}
          {row.expiryState === 'expiring' && (
            <span style={markerStyle(token('color.background.warning', '#FBD779'), token('color.text.warning.inverse', '#292A2E'))}>
              {words} (within {options.expiringDays} days)
            </span>
          )}
          {row.expiryState === 'ok' && <span>{words}</span>}
        </div>
      ) : (
        <div style={secondaryText}>No expiration date</div>
      )}
    </div>
  );
}

function FailedJob({ job }: { job: AssetFailedJobView }) {
  return (
    <li style={{ marginTop: token('space.050', '0.25rem') }}>
      <strong>
        {job.type} {job.status.toLowerCase()}
      </strong>
      {job.title && <span>: {job.title}</span>}
      {job.error && (
        <div style={{ color: token('color.text.danger', '#AE2E24') }} data-testid="failed-job-error">
          {job.error}
        </div>
      )}
      {job.steps.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: token('space.200', '1rem') }}>
          {job.steps.map((step, index) => (
            <li key={`${step.label}:${index}`} style={secondaryText}>
              {step.label}: {step.status.toLowerCase()}
              {step.error ? ` (${step.error})` : ''}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Failed jobs and transfers: a count that expands to each job with its error and steps. */
export function FailedJobsCell({ row }: { row: AssetRow }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (row.failedJobs.length === 0) return <span style={placeholderText}>None</span>;
  const count = row.failedJobs.length;
  return (
    <div data-testid="failed-jobs">
      <Button appearance="subtle" spacing="compact" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {count} failed {count === 1 ? 'job' : 'jobs'}
      </Button>
      {!open && row.failedJobs[0]?.error && (
        <div style={{ ...secondaryText, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 220 }} title={row.failedJobs[0].error}>
          {row.failedJobs[0].error}
        </div>
      )}
      <ul id={id} hidden={!open} style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`Failed jobs of ${row.name}`}>
        {row.failedJobs.map((job) => (
          <FailedJob key={job.id} job={job} />
        ))}
      </ul>
    </div>
  );
}

/** Who did what, when ("3 hours ago", exact time on hover and focus), and the way into the asset's audit trail. */
export function LastActivityCell({ row, options }: { row: AssetRow; options: CellOptions }) {
  const activity = row.lastActivity;
  return (
    <div data-testid="last-activity">
      {activity ? (
        <>
          <div>
            {activity.what}
            {activity.who ? <span style={secondaryText}> by {activity.who}</span> : null}
          </div>
          <div style={secondaryText}>
            <Timestamp dateTime={activity.when} locale={options.locale} timeZone={options.timeZone}>
              {formatRelativeTime(activity.when, options.now, options.locale)}
            </Timestamp>
          </div>
        </>
      ) : (
        <div style={placeholderText}>No activity recorded</div>
      )}
      <Button appearance="subtle" spacing="compact" onClick={() => options.onOpenAudit(row)} aria-label={`Audit trail of ${row.name || row.id}`} testId="open-audit">
        Audit trail
      </Button>
    </div>
  );
}
