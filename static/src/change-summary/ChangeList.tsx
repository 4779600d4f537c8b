import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, useState } from 'react';
import { groupByDay } from '../../../src/domain/changes/dayGroups';
import type { ChangeDiffEntry, ChangeRow } from '../../../src/shared/changeSummaryContract';
import { statusLabel } from '../shared/statusAppearance';
import { codeText, placeholderText, secondaryText } from '../shared/textStyles';
import { Timestamp } from '../shared/Timestamp';
import type { ViewContext } from '../shared/useForgeContext';
import { dayHeading, kindLabel, promotionStateAppearance, severityAppearance } from './changeWording';

export interface ChangeListProps {
  /** Newest first, every page loaded so far. */
  rows: ChangeRow[];
  /** Server time: "Today" and "Yesterday" are the server's days in the reader's zone. */
  now: string;
  context: ViewContext;
  /** A row to move keyboard focus to once it is on screen (the first of a page just loaded). */
  focusRowId?: string;
}

/** Changes grouped by the reader's day, newest first; each change expands to its diff and impact. */
export function ChangeList({ rows, now, context, focusRowId }: ChangeListProps) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusRowId) return;
    list.current?.querySelector<HTMLElement>(`[data-change-id="${CSS.escape(focusRowId)}"]`)?.focus();
  }, [focusRowId]);
  return (
    <div ref={list} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '1rem') }}>
      {groupByDay(rows, context.timeZone).map((group) => (
        <section key={group.day} aria-label={dayHeading(group.day, now, context)} data-testid="change-day">
          <Heading size="xxsmall" as="h4">
            {dayHeading(group.day, now, context)}{' '}
            <span style={{ ...secondaryText, fontWeight: token('font.weight.regular', '400') }}>
              · {group.rows.length} change{group.rows.length === 1 ? '' : 's'}
            </span>
          </Heading>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {group.rows.map((row) => (
              <ChangeItem key={row.id} row={row} context={context} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ChangeItem({ row, context }: { row: ChangeRow; context: ViewContext }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const severity = severityAppearance(row.impact.severity);
  const time = new Intl.DateTimeFormat(context.locale ?? 'en-GB', { timeStyle: 'short', timeZone: context.timeZone }).format(Date.parse(row.occurredAt));
  return (
    <li
      data-testid="change-item"
      data-change-id={row.id}
      tabIndex={-1}
      style={{
        padding: `${token('space.100', '0.5rem')} 0`,
        borderBottom: `${token('border.width', '1px')} solid ${token('color.border', '#0B120E24')}`,
        display: 'grid',
        gridTemplateColumns: '4.5rem 1fr',
        columnGap: token('space.150', '0.75rem'),
      }}
    >
      <div style={secondaryText}>
        <Timestamp dateTime={row.occurredAt} locale={context.locale} timeZone={context.timeZone}>
          {time}
        </Timestamp>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem'), minWidth: 0 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075', '0.375rem'), alignItems: 'baseline' }}>
          <Lozenge appearance={severity.appearance} isBold={severity.isBold} testId="severity">
            {statusLabel(row.impact.severity)}
          </Lozenge>
          <span>
            <strong>{row.actor.name}</strong> {statusLabel(row.action)} {kindLabel(row.target.kind)} <strong>{row.target.name}</strong> in{' '}
            {row.environment.name}
          </span>
          {row.promotion && (
            <span data-testid="promotion">
              <span style={secondaryText}>
                {row.promotion.from.name} → {row.promotion.to.name}
              </span>{' '}
              <Lozenge appearance={promotionStateAppearance(row.promotion.state)}>{statusLabel(row.promotion.state)}</Lozenge>
            </span>
          )}
        </div>
        <div style={secondaryText}>
          {row.reason ? <span>Why: {row.reason}</span> : <span style={placeholderText}>No reason given</span>}
          {row.ticketRef && <span> · Ticket {row.ticketRef}</span>}
        </div>
        <div>{row.impact.summary}</div>
        <div>
          <Button appearance="subtle" spacing="compact" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded((v) => !v)}>
            {expanded ? 'Hide diff and impact' : `Show diff and impact (${row.diff.length + row.diffOmitted} ${row.diff.length + row.diffOmitted === 1 ? 'entry' : 'entries'})`}
          </Button>
        </div>
        <div id={detailsId} hidden={!expanded} data-testid="change-details">
          {expanded && <ChangeDetails row={row} />}
        </div>
      </div>
    </li>
  );
}

function ChangeDetails({ row }: { row: ChangeRow }) {
  const impact = row.impact;
  const line = (label: string, values: string[]) => (
    <div>
      <span style={secondaryText}>{label}: </span>
      {values.length ? values.join(', ') : <span style={placeholderText}>none</span>}
    </div>
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem'), paddingBlock: token('space.050', '0.25rem') }}>
      {row.diff.length === 0 ? (
        <div style={placeholderText}>No diff recorded.</div>
      ) : (
        <ul aria-label={`Diff of ${row.target.name}`} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
          {row.diff.map((entry, index) => (
            <DiffLine key={`${entry.path}#${index}`} entry={entry} />
          ))}
          {row.diffOmitted > 0 && <li style={placeholderText}>and {row.diffOmitted} more entries not shown</li>}
        </ul>
      )}
      <div>
        {line('Affected systems', impact.affectedSystems)}
        {line('Affected partners', impact.affectedPartners)}
        {line('Affected environments', impact.affectedEnvironments.map((e) => e.name))}
        {row.promotion && line('Approved by', row.promotion.approvedBy)}
      </div>
    </div>
  );
}

function DiffValue({ value }: { value: string | null }) {
  if (value === null) return <span style={placeholderText}>(none)</span>;
  return <span style={{ ...codeText, overflowWrap: 'anywhere' }}>{value}</span>;
}

function DiffLine({ entry }: { entry: ChangeDiffEntry }) {
  return (
    <li data-testid="diff-entry" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075', '0.375rem'), alignItems: 'baseline' }}>
      <Lozenge>{entry.op}</Lozenge>
      <span style={{ ...codeText, fontWeight: token('font.weight.semibold', '600'), overflowWrap: 'anywhere' }}>{entry.path}</span>
      {entry.sensitive ? (
        <span data-testid="redacted" title="Sensitive value: never shown">
          <Lozenge appearance="moved">redacted</Lozenge>
        </span>
      ) : (
        <span>
          <DiffValue value={entry.before} /> <span aria-label="changed to">→</span> <DiffValue value={entry.after} />
        </span>
      )}
    </li>
  );
}
