import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import type { SyncStamp as SyncStampData } from '../../../src/shared/syncStamp';
import { StaleWarning } from './StaleWarning';
import type { ResolverState } from './useResolver';
import type { ViewContext } from './useForgeContext';
import { ErrorState, LoadingState } from './ViewStates';

/** The answers every macro's resolver can give besides its data. */
type NotConfiguredAnswer = { state: 'not-configured' };
type NoDataAnswer = { state: 'no-data'; sync: SyncStampData; message: string };

export interface ViewSectionProps {
  /** The section's accessible name: "Environment status". */
  label: string;
  gap?: 'space.150' | 'space.200';
  children: ReactNode;
}

/** The region a view renders into once it has an answer. */
export function ViewSection({ label, gap = 'space.200', children }: ViewSectionProps) {
  return (
    <section
      aria-label={label}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: gap === 'space.150' ? token('space.150', '0.75rem') : token('space.200', '1rem'),
        color: token('color.text', '#292A2E'),
      }}
    >
      {children}
    </section>
  );
}

export interface ResolverFrameProps<T> extends Omit<ViewSectionProps, 'children'> {
  result: ResolverState<T>;
  /** What is loaded, for "Loading …", "Couldn't load …", "Couldn't refresh …": "the change summary". */
  what: string;
  /** The view for an answer; `failedRefresh` says why a newer request failed while an older answer is shown. */
  children(data: T, failedRefresh: ReactNode): ReactNode;
}

/**
 * A resolver call's states: loading, failed before any answer (with Retry), and an answer shown in a ViewSection
 * (with the failure of a later refresh, if any, for the view to place).
 */
export function ResolverFrame<T>({ result, what, label, gap, children }: ResolverFrameProps<T>) {
  const { data, error, isLoading, retry } = result;
  if (!data) {
    if (error) return <ErrorState title={`Couldn't load ${what}`} message={error.message} onRetry={retry} isRetrying={isLoading} />;
    return <LoadingState label={`Loading ${what}`} />;
  }
  const failedRefresh = error && <ErrorState title={`Couldn't refresh ${what}`} message={error.message} onRetry={retry} isRetrying={isLoading} />;
  return (
    <ViewSection label={label} gap={gap}>
      {children(data, failedRefresh)}
    </ViewSection>
  );
}

export interface ViewParts {
  /** Why the latest refresh failed (nothing when it did not). */
  failedRefresh: ReactNode;
  /** The warning shown above data when the last sync failed, is too old, or never happened. */
  staleWarning: ReactNode;
}

export interface ViewStateFrameProps<T extends { state: string; sync: SyncStampData }> extends Omit<ResolverFrameProps<T>, 'children'> {
  context: ViewContext;
  /** What the data is, for the stale warning's title: "Credential". */
  staleSubject?: string;
  /** The macro has no config yet: the message's title, and its text in the editor and on the published page. */
  notConfigured: { title: string; whenEditing: string; otherwise: string };
  /** The backend has nothing synced for the solution: the empty state's heading. */
  noDataHeader: string;
  /** Every other answer (the data). */
  children(data: Exclude<T, NotConfiguredAnswer | NoDataAnswer>, parts: ViewParts): ReactNode;
}

/**
 * A macro view's states: loading, load error with Retry, not configured, no data synced, and the data (for which
 * the view places the failed-refresh message and the stale warning).
 */
export function ViewStateFrame<T extends { state: string; sync: SyncStampData }>({
  context,
  staleSubject,
  notConfigured,
  noDataHeader,
  children,
  ...frame
}: ViewStateFrameProps<T>) {
  return (
    <ResolverFrame<T> {...frame}>
      {(data, failedRefresh) => {
        const staleWarning = <StaleWarning sync={data.sync} locale={context.locale} subject={staleSubject} />;
        if (isNotConfigured(data)) {
          return (
            <>
              {failedRefresh}
              <SectionMessage appearance="information" title={notConfigured.title} testId="not-configured">
                <p>{context.isEditing ? notConfigured.whenEditing : notConfigured.otherwise}</p>
              </SectionMessage>
            </>
          );
        }
        if (isNoData(data)) {
          return (
            <>
              {failedRefresh}
              {staleWarning}
              <EmptyState header={noDataHeader} description={data.message} headingLevel={2} testId="no-data" />
            </>
          );
        }
        return children(data as Exclude<T, NotConfiguredAnswer | NoDataAnswer>, { failedRefresh, staleWarning });
      }}
    </ResolverFrame>
  );
}

function isNotConfigured(answer: { state: string }): answer is NotConfiguredAnswer {
  return answer.state === 'not-configured';
}

function isNoData(answer: { state: string }): answer is NoDataAnswer {
  return answer.state === 'no-data';
}

export interface ViewHeaderProps {
  title: ReactNode;
  subtitle: ReactNode;
  subtitleTestId: string;
  /** Defaults to the subtle text colour. */
  subtitleStyle?: CSSProperties;
  /** Right of the title: the sync stamp (and actions). */
  aside: ReactNode;
}

/** The title line above a view's data: heading and subtitle on the left, the sync stamp (and actions) on the right. */
export function ViewHeader({ title, subtitle, subtitleTestId, subtitleStyle = { color: token('color.text.subtle', '#505258') }, aside }: ViewHeaderProps) {
  return (
    <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: token('space.100', '0.5rem') }}>
      <div>
        <Heading size="small" as="h2">
          {title}
        </Heading>
        <p style={{ margin: 0, ...subtitleStyle }} data-testid={subtitleTestId}>
          {subtitle}
        </p>
      </div>
      {aside}
    </header>
  );
}
