import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef } from 'react';
import { CHANGE_WINDOW_LABELS, type ChangeRow, type ChangeSummaryResponse } from '../../../src/shared/changeSummaryContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { SyncStamp } from '../shared/SyncStamp';
import { secondaryText } from '../shared/textStyles';
import { formatAbsoluteTime } from '../shared/time';
import type { ViewContext } from '../shared/useForgeContext';
import type { ResolverState } from '../shared/useResolver';
import { ViewHeader, ViewStateFrame, type ViewParts } from '../shared/ViewStateFrame';
import { ChangeList } from './ChangeList';
import { remainingLabel } from './changeWording';
import { PendingPromotions } from './PendingPromotions';

/** What the view renders: the resolver's answers other than an error (those arrive as `result.error`). */
export type ChangeSummaryAnswer = Exclude<ChangeSummaryResponse, ResolverError>;
type OkAnswer = Extract<ChangeSummaryAnswer, { state: 'ok' }>;

export interface OlderPages {
  /** Pages loaded with "Older changes", oldest last. */
  pages: OkAnswer[];
  isLoading: boolean;
  error: Error | undefined;
  loadOlder(cursor: string): void;
  backToNewest(): void;
}

export interface ChangeSummaryViewProps {
  result: ResolverState<ChangeSummaryAnswer>;
  older: OlderPages;
  context: ViewContext;
}

/** Renders the getChangeSummary answers in each of their states. Fetching lives in ChangeSummaryApp. */
export function ChangeSummaryView({ result, older, context }: ChangeSummaryViewProps) {
  return (
    <ViewStateFrame
      result={result}
      what="the change summary"
      label="Change summary"
      context={context}
      staleSubject="Change"
      notConfigured={{
        title: 'No solution selected',
        whenEditing: 'Edit the macro to pick a solution: its recent changes and pending production promotions will be listed here.',
        otherwise: 'This macro has not been set up yet. Edit the macro to pick a solution.',
      }}
      noDataHeader="No change data"
    >
      {(data, parts) => <OkView data={data} older={older} context={context} {...parts} />}
    </ViewStateFrame>
  );
}

function OkView({ data, older, context, failedRefresh, staleWarning }: { data: OkAnswer; older: OlderPages; context: ViewContext } & ViewParts) {
  const rows: ChangeRow[] = [data, ...older.pages].flatMap((page) => page.changes);
  const last = older.pages[older.pages.length - 1] ?? data;
  const windowLabel = CHANGE_WINDOW_LABELS[data.window];
  const scope = environmentScope(data);
  const firstNewId = firstRowOfLastPage(older.pages);

  return (
    <>
      <ViewHeader
        title={data.solution.name}
        subtitle={
          <>
            {windowLabel} · {scope}
          </>
        }
        subtitleTestId="scope"
        subtitleStyle={secondaryText}
        aside={<SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />}
      />
      {failedRefresh}
      {staleWarning}
      <PendingPromotions pending={data.pending ?? []} now={data.sync.now} context={context} />
      <section aria-labelledby="changes-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>
        <Heading size="xsmall" as="h3" id="changes-heading">
          Changes
        </Heading>
        {rows.length === 0 ? (
          <EmptyState
            header={`No changes in the ${windowLabel.toLowerCase()}`}
            description={`Nothing changed in ${data.solution.name} (${scope}) since ${formatAbsoluteTime(data.windowStart, context)}.`}
            headingLevel={4}
            testId="no-changes"
          />
        ) : (
          <ChangeList rows={rows} now={data.sync.now} context={context} focusRowId={firstNewId} />
        )}
        <OlderChanges last={last} older={older} windowLabel={windowLabel} locale={context.locale} shown={rows.length} />
      </section>
    </>
  );
}

function environmentScope(data: OkAnswer): string {
  if (data.environments.length === 0) return data.onlyProduction ? 'No production environments' : 'No environments';
  const names = data.environments.map((e) => e.name).join(', ');
  return data.onlyProduction ? `Production: ${names}` : names;
}

/** The id of the first row of the page loaded last, so focus can move to it (keyboard users land on what is new). */
function firstRowOfLastPage(pages: OkAnswer[]): string | undefined {
  return pages.length > 0 ? pages[pages.length - 1]?.changes[0]?.id : undefined;
}

function OlderChanges({
  last,
  older,
  windowLabel,
  locale,
  shown,
}: {
  last: OkAnswer;
  older: OlderPages;
  windowLabel: string;
  locale?: string;
  shown: number;
}) {
  const remaining = remainingLabel(last.remaining, locale);
  const status = useRef<HTMLParagraphElement>(null);
  const cursor = last.nextCursor;
  useEffect(() => {
    // Nothing to focus when the last page came back empty: keep the reader on the status line instead.
    if (!older.isLoading && older.pages.length > 0 && last.changes.length === 0) status.current?.focus();
  }, [older.isLoading, older.pages.length, last.changes.length]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem'), alignItems: 'flex-start' }}>
      {older.error && (
        <SectionMessage appearance="error" title="Couldn't load older changes" testId="older-error">
          <p>{older.error.message}</p>
          <div style={{ marginTop: token('space.100', '0.5rem') }}>
            {cursor && <Button onClick={() => older.loadOlder(cursor)}>Retry</Button>}
          </div>
        </SectionMessage>
      )}
      <p ref={status} tabIndex={-1} role="status" aria-live="polite" style={{ margin: 0, ...secondaryText }} data-testid="changes-count">
        {shown > 0 ? `${shown} change${shown === 1 ? '' : 's'} shown` : ''}
        {remaining ? `${shown > 0 ? '; ' : ''}${remaining} in the ${windowLabel.toLowerCase()}.` : shown > 0 ? `: all of the ${windowLabel.toLowerCase()}.` : ''}
      </p>
      <div style={{ display: 'flex', gap: token('space.100', '0.5rem') }}>
        {cursor && (
          <Button onClick={() => older.loadOlder(cursor)} isLoading={older.isLoading} testId="older-changes">
            Older changes
          </Button>
        )}
        {older.pages.length > 0 && (
          <Button appearance="subtle" onClick={older.backToNewest} isDisabled={older.isLoading}>
            Back to newest
          </Button>
        )}
      </div>
    </div>
  );
}
