import EmptyState from '@atlaskit/empty-state';
import type {
  ReleaseItemSortKey,
  ReleaseItemsPageRequest,
  ReleaseReadinessAnswer,
} from '../../../src/shared/releaseReadinessContract';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { SyncStamp } from '../shared/SyncStamp';
import type { ResolverState } from '../shared/useResolver';
import type { ViewContext } from '../shared/useForgeContext';
import { ViewStateFrame } from '../shared/ViewStateFrame';
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
  const { isLoading } = result;
  return (
    <ViewStateFrame
      result={result}
      what="release readiness"
      label="Release readiness"
      context={context}
      notConfigured={{
        title: 'No release selected',
        whenEditing: 'Edit the macro to pick a solution and a release: its readiness will be shown here.',
        otherwise: 'This macro has not been set up yet. Edit the macro to pick a solution and a release.',
      }}
      noDataHeader="No release data"
    >
      {(data, { failedRefresh, staleWarning }) => {
        if (data.state === 'no-release') {
          return (
            <>
              {failedRefresh}
              <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
                <SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />
              </div>
              {staleWarning}
              <EmptyState header="No release to show" description={data.message} headingLevel={2} testId="no-release" />
            </>
          );
        }
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
          <>
            <ReleaseHeader
              solutionName={data.solution.name}
              release={release}
              releaseMode={data.releaseMode}
              sync={data.sync}
              locale={context.locale}
              timeZone={context.timeZone}
            />
            {failedRefresh}
            {staleWarning}
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
          </>
        );
      }}
    </ViewStateFrame>
  );
}

export const initialReleaseItemsRequest: ReleaseItemsPageRequest = { page: 1, pageSize: RELEASE_ITEMS_PAGE_SIZE };
