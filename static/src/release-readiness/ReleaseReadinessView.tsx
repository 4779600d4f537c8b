import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type {
  ReleaseItemSortKey,
  ReleaseItemsPageRequest,
  ReleaseReadinessAnswer,
} from '../../../src/shared/releaseReadinessContract';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import type { ResolverState } from '../shared/useResolver';
import type { ViewContext } from '../shared/useForgeContext';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { releaseItemColumns } from './columns';
import { ReleaseHeader, targetLabel } from './ReleaseHeader';
import { SignOffPanel, type SignOffAction } from './SignOffPanel';

export const RELEASE_ITEMS_PAGE_SIZE = 10;

export interface SignOffState {
  pending: SignOffAction['kind'] | null;
  error: string | null;
  notice: string | null;
}

export interface ReleaseReadinessViewProps {
  result: ResolverState<ReleaseReadinessAnswer>;
  request: ReleaseItemsPageRequest;
  onRequestChange(request: ReleaseItemsPageRequest): void;
  signOff: SignOffState;
  onSignOffAction(action: SignOffAction): Promise<boolean>;
  context: ViewContext;
}

/** Renders the getReleaseReadiness answer in each of its states. Fetching and sign-off calls live in the App. */
export function ReleaseReadinessView({ result, request, onRequestChange, signOff, onSignOffAction, context }: ReleaseReadinessViewProps) {
  const { data, error, isLoading, retry } = result;

  if (!data) {
    if (error) return <ErrorState title="Couldn't load release readiness" message={error.message} onRetry={retry} isRetrying={isLoading} />;
    return <LoadingState label="Loading release readiness" />;
  }

  const failedRefresh = error && (
    <ErrorState title="Couldn't refresh release readiness" message={error.message} onRetry={retry} isRetrying={isLoading} />
  );

  switch (data.state) {
    case 'not-configured':
      return (
        <Section>
          {failedRefresh}
          <SectionMessage appearance="information" title="No release selected" testId="not-configured">
            <p>
              {context.isEditing
                ? 'Edit the macro to pick a solution and a release: its readiness will be shown here.'
                : 'This macro has not been set up yet. Edit the macro to pick a solution and a release.'}
            </p>
          </SectionMessage>
        </Section>
      );
    case 'no-data':
    case 'no-release':
      return (
        <Section>
          {failedRefresh}
          {data.state === 'no-release' && (
            <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
              <SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />
            </div>
          )}
          <StaleWarning sync={data.sync} locale={context.locale} />
          <EmptyState
            header={data.state === 'no-release' ? 'No release to show' : 'No release data'}
            description={data.message}
            headingLevel={2}
            testId={data.state}
          />
        </Section>
      );
    case 'ok': {
      const sortKey = request.sortKey ?? data.sortKey;
      const sortOrder = request.sortOrder ?? data.sortOrder;
      const page = isLoading ? (request.page ?? data.page) : data.page;
      const options = { now: data.sync.now, locale: context.locale, timeZone: context.timeZone };
      const { release } = data;
      const labels = {
        target: `In ${targetLabel(release)}`,
        previous: release.previousStage ? `In ${release.previousStage.stage} (previous stage)` : 'Previous stage',
      };
      return (
        <Section>
          <ReleaseHeader
            solutionName={data.solution.name}
            release={release}
            releaseMode={data.releaseMode}
            sync={data.sync}
            locale={context.locale}
            timeZone={context.timeZone}
          />
          {failedRefresh}
          <StaleWarning sync={data.sync} locale={context.locale} />
          <DataTable
            label="Release items"
            testId="release-items-table"
            columns={releaseItemColumns(options, labels)}
            rows={data.items}
            rowKey={(row) => row.id}
            total={data.total}
            page={page}
            pageSize={data.pageSize}
            sortKey={sortKey}
            sortOrder={sortOrder}
            isLoading={isLoading}
            onSortChange={(sort: DataTableSort<ReleaseItemSortKey>) => onRequestChange({ ...request, ...sort, page: 1 })}
            onPageChange={(next) => onRequestChange({ ...request, page: next })}
            emptyView={<EmptyState header="No items" description={`${release.name} lists no artifacts yet.`} headingLevel={3} testId="no-rows" />}
          />
          <SignOffPanel
            releaseName={release.name}
            signOffs={data.signOffs}
            truncated={data.signOffsTruncated}
            signedIn={data.viewer.signedIn}
            now={data.sync.now}
            locale={context.locale}
            timeZone={context.timeZone}
            pending={signOff.pending}
            error={signOff.error}
            notice={signOff.notice}
            onAction={onSignOffAction}
          />
        </Section>
      );
    }
  }
}

function Section({ children }: { children: ReactNode }) {
  return (
    <section
      aria-label="Release readiness"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '1rem'), color: token('color.text', '#292A2E') }}
    >
      {children}
    </section>
  );
}

export const initialReleaseItemsRequest: ReleaseItemsPageRequest = { page: 1, pageSize: RELEASE_ITEMS_PAGE_SIZE };
