import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
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
import { ErrorState, LoadingState } from '../shared/ViewStates';
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
  const { data, error, isLoading, retry } = result;
  if (!data) {
    if (error) return <ErrorState title="Couldn't load the interface spec" message={error.message} onRetry={retry} isRetrying={isLoading} />;
    return <LoadingState label="Loading the interface spec" />;
  }
  const failedRefresh = error && <ErrorState title="Couldn't refresh the interface spec" message={error.message} onRetry={retry} isRetrying={isLoading} />;
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
      <Section>
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
      </Section>
    );
  }

  const spec = data.spec;
  return (
    <Section>
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: token('space.100', '0.5rem') }}>
        <div>
          <Heading size="small" as="h2">
            {spec.name}
          </Heading>
          <p style={{ ...secondaryText, margin: 0 }} data-testid="spec-subtitle">
            {`${spec.message.type} ${spec.message.version} · ${spec.direction} · `}
            <SavedStamp saved={data.saved} now={data.sync.now} {...time} />
          </p>
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150', '0.75rem') }}>
          {data.mode !== 'spec' && <SyncStamp sync={data.sync} {...time} />}
          {editButton}
        </div>
      </header>
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
    </Section>
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

export function Section({ children }: { children: ReactNode }) {
  return (
    <section
      aria-label="Interface spec"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '1rem'), color: token('color.text', '#292A2E') }}
    >
      {children}
    </section>
  );
}
