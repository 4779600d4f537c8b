import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { InterfaceSpecView as InterfaceSpecData, SpecSaveInfo } from '../../../src/shared/interfaceSpecContract';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import { Timestamp } from '../shared/Timestamp';
import { secondaryText } from '../shared/textStyles';
import { formatRelativeTime } from '../shared/time';
import type { ResolverState } from '../shared/useResolver';
import type { ViewContext } from '../shared/useForgeContext';
import { ResolverFrame, ViewHeader, ViewSection } from '../shared/ViewStateFrame';
import { DriftSection } from './DriftSection';
import { SpecDetails } from './SpecDetails';

export interface InterfaceSpecViewProps {
  result: ResolverState<InterfaceSpecData>;
  context: ViewContext;
  onEdit(): void;
  /** What just happened (a save), announced politely. */
  notice: string | null;
}

/** Renders the getInterfaceSpec answer in each of its states. Fetching and editing live in InterfaceSpecApp. */
export function InterfaceSpecView({ result, context, onEdit, notice }: InterfaceSpecViewProps) {
  return (
    <ResolverFrame result={result} what="the interface spec" label={SECTION_LABEL}>
      {(data, failedRefresh) => <SpecView data={data} failedRefresh={failedRefresh} context={context} onEdit={onEdit} notice={notice} />}
    </ResolverFrame>
  );
}

function SpecView({ data, failedRefresh, context, onEdit, notice }: Omit<InterfaceSpecViewProps, 'result'> & { data: InterfaceSpecData; failedRefresh: ReactNode }) {
  const time = { locale: context.locale, timeZone: context.timeZone };
  const editButton = data.canEdit && (
    <Button appearance={data.spec ? 'default' : 'primary'} onClick={onEdit} testId="edit-spec">
      {data.spec ? 'Edit spec' : 'Write the spec'}
    </Button>
  );
  const status = (
    <div role="status" aria-live="polite" style={secondaryText} data-testid="spec-notice">
      {notice}
    </div>
  );

  if (!data.spec || !data.saved) {
    return (
      <>
        {failedRefresh}
        {status}
        <EmptyState
          header="No interface spec yet"
          headingLevel={2}
          testId="no-spec"
          description={
            data.canEdit
              ? 'Describe the interface: partners, message, schema, endpoints per environment, the artifacts that implement it, its rules and exception handling. Drift against the deployed environments appears once it is saved.'
              : 'Nobody has written this interface spec yet. Log in to Confluence to write it.'
          }
          primaryAction={editButton || undefined}
        />
      </>
    );
  }

  const spec = data.spec;
  return (
    <>
      <ViewHeader
        title={spec.name}
        subtitle={
          <>
            {`${spec.message.type} ${spec.message.version} · ${spec.direction} · `}
            <SavedStamp saved={data.saved} now={data.sync.now} {...time} />
          </>
        }
        subtitleTestId="spec-subtitle"
        subtitleStyle={secondaryText}
        aside={
          <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150', '0.75rem') }}>
            {data.mode !== 'spec' && <SyncStamp sync={data.sync} {...time} />}
            {editButton}
          </div>
        }
      />
      {failedRefresh}
      {status}
      {data.mode !== 'drift' && <SpecDetails spec={spec} solutionName={data.solution?.name ?? null} environmentNames={data.environmentNames} artifactNames={data.artifactNames} />}
      {data.mode !== 'spec' && (
        <>
          <StaleWarning sync={data.sync} locale={context.locale} subject="Deployment" />
          {data.drift.state === 'ok' ? (
            <DriftSection drift={data.drift.drift} solutionName={data.solution?.name ?? null} />
          ) : (
            <SectionMessage appearance="information" title="No drift to show" testId="drift-unavailable">
              <p>{data.drift.message}</p>
            </SectionMessage>
          )}
        </>
      )}
    </>
  );
}

function SavedStamp({ saved, now, locale, timeZone }: { saved: SpecSaveInfo; now: string; locale?: string; timeZone?: string }) {
  const who = saved.savedByYou ? 'you' : (saved.savedByName ?? 'someone');
  return (
    <span data-testid="spec-saved">
      {`version ${saved.version}, saved `}
      <Timestamp dateTime={saved.savedAt} locale={locale} timeZone={timeZone}>
        {formatRelativeTime(saved.savedAt, now, locale)}
      </Timestamp>
      {` by ${who}`}
    </span>
  );
}

const SECTION_LABEL = 'Interface spec';

/** The region the view renders into (InterfaceSpecApp shows the spec editor in it too). */
export function Section({ children }: { children: ReactNode }) {
  return <ViewSection label={SECTION_LABEL}>{children}</ViewSection>;
}
