import EmptyState from '@atlaskit/empty-state';
import type { EnvStatusPageRequest, EnvStatusResponse, EnvStatusSortKey } from '../../../src/shared/envStatusContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { SyncStamp } from '../shared/SyncStamp';
import type { ResolverState } from '../shared/useResolver';
import type { ViewContext } from '../shared/useForgeContext';
import { ViewHeader, ViewStateFrame } from '../shared/ViewStateFrame';
import { envStatusColumns } from './columns';

export const ENV_STATUS_PAGE_SIZE = 10;

/** What the view renders: the resolver's answers other than an error (those arrive as `result.error`). */
export type EnvStatusAnswer = Exclude<EnvStatusResponse, ResolverError>;

export interface EnvStatusViewProps {
  result: ResolverState<EnvStatusAnswer>;
  request: EnvStatusPageRequest;
  onRequestChange(request: EnvStatusPageRequest): void;
  context: ViewContext;
}

/** Renders the getEnvironmentStatus answer in each of its states. Fetching lives in EnvStatusApp. */
export function EnvStatusView({ result, request, onRequestChange, context }: EnvStatusViewProps) {
  const { isLoading } = result;
  return (
    <ViewStateFrame
      result={result}
      what="environment status"
      label="Environment status"
      gap="space.150"
      context={context}
      notConfigured={{
        title: 'No solution selected',
        whenEditing: 'Edit the macro to pick a solution: its environments will be listed here.',
        otherwise: 'This macro has not been set up yet. Edit the macro to pick a solution.',
      }}
      noDataHeader="No environment data"
    >
      {(data, { failedRefresh, staleWarning }) => {
        const sortKey = request.sortKey ?? data.sortKey;
        const sortOrder = request.sortOrder ?? data.sortOrder;
        const page = isLoading ? (request.page ?? data.page) : data.page;
        const options = { now: data.sync.now, locale: context.locale, timeZone: context.timeZone };
        return (
          <>
            <ViewHeader
              title={data.solution.name}
              subtitle={data.stages.length > 0 ? `Stages: ${data.stages.join(', ')}` : 'All stages'}
              subtitleTestId="stages-shown"
              aside={<SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />}
            />
            {failedRefresh}
            {staleWarning}
            <DataTable
              label="Environment status"
              testId="env-status-table"
              columns={envStatusColumns(options)}
              rows={data.rows}
              rowKey={(row) => row.id}
              total={data.total}
              page={page}
              pageSize={data.pageSize}
              sortKey={sortKey}
              sortOrder={sortOrder}
              isLoading={isLoading}
              onSortChange={(sort: DataTableSort<EnvStatusSortKey>) => onRequestChange({ ...request, ...sort, page: 1 })}
              onPageChange={(next) => onRequestChange({ ...request, page: next })}
              emptyView={
                <EmptyState
                  header="No environments"
                  description={
                    data.stages.length > 0
                      ? `${data.solution.name} has no environments in the stages shown (${data.stages.join(', ')}).`
                      : `${data.solution.name} has no environments yet.`
                  }
                  headingLevel={3}
                  testId="no-rows"
                />
              }
            />
          </>
        );
      }}
    </ViewStateFrame>
  );
}

export const initialEnvStatusRequest: EnvStatusPageRequest = { page: 1, pageSize: ENV_STATUS_PAGE_SIZE };
