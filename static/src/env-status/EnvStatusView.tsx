import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { EnvStatusPageRequest, EnvStatusResponse, EnvStatusSortKey } from '../../../src/shared/envStatusContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import type { ResolverState } from '../shared/useResolver';
import type { ViewContext } from '../shared/useForgeContext';
import { ErrorState, LoadingState } from '../shared/ViewStates';
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
  const { data, error, isLoading, retry } = result;

  if (!data) {
    if (error) {
      return <ErrorState title="Couldn't load environment status" message={error.message} onRetry={retry} isRetrying={isLoading} />;
    }
    return <LoadingState label="Loading environment status" />;
  }

  const failedRefresh = error && (
    <ErrorState title="Couldn't refresh environment status" message={error.message} onRetry={retry} isRetrying={isLoading} />
  );

  switch (data.state) {
    case 'not-configured':
      return (
        <Section>
          {failedRefresh}
          <SectionMessage appearance="information" title="No solution selected" testId="not-configured">
            <p>
              {context.isEditing
                ? 'Edit the macro to pick a solution: its environments will be listed here.'
                : 'This macro has not been set up yet. Edit the macro to pick a solution.'}
            </p>
          </SectionMessage>
        </Section>
      );
    case 'no-data':
      return (
        <Section>
          {failedRefresh}
          <StaleWarning sync={data.sync} locale={context.locale} />
          <EmptyState header="No environment data" description={data.message} headingLevel={2} testId="no-data" />
        </Section>
      );
    case 'ok': {
      const sortKey = request.sortKey ?? data.sortKey;
      const sortOrder = request.sortOrder ?? data.sortOrder;
      const page = isLoading ? (request.page ?? data.page) : data.page;
      const options = { now: data.sync.now, locale: context.locale, timeZone: context.timeZone };
      return (
        <Section>
          <header
            style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: token('space.100', '0.5rem') }}
          >
            <div>
              <Heading size="small" as="h2">
                {data.solution.name}
              </Heading>
              <p style={{ margin: 0, color: token('color.text.subtle', '#505258') }} data-testid="stages-shown">
                {data.stages.length > 0 ? `Stages: ${data.stages.join(', ')}` : 'All stages'}
              </p>
            </div>
            <SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />
          </header>
          {failedRefresh}
          <StaleWarning sync={data.sync} locale={context.locale} />
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
        </Section>
      );
    }
  }
}

function Section({ children }: { children: ReactNode }) {
  return (
    <section
      aria-label="Environment status"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '0.75rem'), color: token('color.text', '#292A2E') }}
    >
      {children}
    </section>
  );
}

export const initialEnvStatusRequest: EnvStatusPageRequest = { page: 1, pageSize: ENV_STATUS_PAGE_SIZE };
