import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { FREEZE_LOOKAHEAD_DAYS, type PendingPromotion } from '../../../src/shared/changeSummaryContract';
import { DataTable, type DataTableColumn } from '../shared/DataTable';
import { statusLabel } from '../shared/statusAppearance';
import { codeText, placeholderText, secondaryText } from '../shared/textStyles';
import { Timestamp } from '../shared/Timestamp';
import { formatRelativeTime, formatTimeWindow } from '../shared/time';
import type { ViewContext } from '../shared/useForgeContext';
import { kindLabel, promotionStateAppearance } from './changeWording';

export interface PendingPromotionsProps {
  pending: PendingPromotion[];
  now: string;
  context: ViewContext;
}

function columns(now: string, context: ViewContext): DataTableColumn<PendingPromotion, never>[] {
  const options = { locale: context.locale, timeZone: context.timeZone };
  return [
    {
      key: 'target',
      label: 'Target',
      width: 22,
      render: (p) => (
        <div>
          <strong>{p.target.name}</strong>
          <div style={secondaryText}>
            {kindLabel(p.target.kind)}
            {p.version?.after && (
              <>
                {' · '}
                <span style={codeText}>
                  {p.version.before ?? '(none)'} → {p.version.after}
                </span>
              </>
            )}
          </div>
        </div>
      ),
    },
    { key: 'route', label: 'From → to', width: 16, render: (p) => `${p.from.name} → ${p.to.name}` },
    {
      key: 'state',
      label: 'State',
      width: 10,
      render: (p) => <Lozenge appearance={promotionStateAppearance(p.state)}>{statusLabel(p.state)}</Lozenge>,
    },
    {
      key: 'requested',
      label: 'Requested',
      width: 14,
      render: (p) => (
        <div>
          <div>{p.requestedBy}</div>
          <div style={secondaryText}>
            {p.state} <Timestamp dateTime={p.updatedAt} {...options}>{formatRelativeTime(p.updatedAt, now, context.locale)}</Timestamp>
            {p.ticketRef && <> · {p.ticketRef}</>}
          </div>
        </div>
      ),
    },
    {
      key: 'approvers',
      label: 'Approvers',
      width: 14,
      render: (p) => (p.approvedBy.length ? p.approvedBy.join(', ') : <span style={placeholderText}>None yet</span>),
    },
    {
      key: 'freeze',
      label: 'Change freeze',
      width: 24,
      render: (p) =>
        p.freezeConflicts.length === 0 ? (
          <span style={placeholderText}>None in the next {FREEZE_LOOKAHEAD_DAYS} days</span>
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
            {p.freezeConflicts.map((freeze) => (
              <div key={freeze.windowId} data-testid="freeze-conflict">
                <Lozenge appearance="removed" isBold>
                  {freeze.inProgress ? 'frozen now' : 'freeze ahead'}
                </Lozenge>{' '}
                <strong>{freeze.title}</strong>
                <div style={secondaryText}>{formatTimeWindow(freeze.startsAt, freeze.endsAt, options)}</div>
              </div>
            ))}
          </div>
        ),
    },
  ];
}

/** "Pending production promotions": what is about to reach production, with the change freezes in its way. */
export function PendingPromotions({ pending, now, context }: PendingPromotionsProps) {
  const conflicts = pending.filter((p) => p.freezeConflicts.length > 0).length;
  return (
    <section aria-labelledby="pending-heading" data-testid="pending-promotions" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>
      <Heading size="xsmall" as="h3" id="pending-heading">
        Pending production promotions ({pending.length})
      </Heading>
      {conflicts > 0 && (
        <SectionMessage appearance="warning" title="Change freeze ahead" testId="freeze-warning">
          <p>
            {conflicts} pending production promotion{conflicts === 1 ? ' runs' : 's run'} into a change freeze. Promote before the freeze starts,
            get an exception approved, or wait until it ends.
          </p>
        </SectionMessage>
      )}
      {pending.length === 0 ? (
        <p style={{ margin: 0, ...placeholderText }} data-testid="no-pending">
          No production promotion is pending.
        </p>
      ) : (
        <DataTable
          label="Pending production promotions"
          testId="pending-table"
          columns={columns(now, context)}
          rows={pending}
          rowKey={(p) => p.changeId}
          rowEmphasis={(p) => (p.freezeConflicts.length > 0 ? 'warning' : undefined)}
          total={pending.length}
          page={1}
          pageSize={Math.max(1, pending.length)}
          isLoading={false}
          onSortChange={() => undefined}
          onPageChange={() => undefined}
          emptyView={<span />}
        />
      )}
    </section>
  );
}
