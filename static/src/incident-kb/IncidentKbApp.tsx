import EmptyState from '@atlaskit/empty-state';
import { token } from '@atlaskit/tokens';
import { invoke, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { IncidentKbListRequest, IncidentKbListResponse, IncidentRow } from '../../../src/shared/incidentContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable } from '../shared/DataTable';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { ResolverFrame, ViewHeader } from '../shared/ViewStateFrame';
import { incidentColumns } from './columns';
import { Filters } from './Filters';
import { OpenFailures } from './OpenFailures';
import { SimilarIncidents } from './SimilarIncidents';

type ListAnswer = Exclude<IncidentKbListResponse, ResolverError>;

const fetchIncidents = (request: IncidentKbListRequest) => unwrapResolverAnswer<IncidentKbListResponse>(invoke('incidentKb.list', { ...request }));

/** The incident-knowledge-base macro: the space's incident pages, filterable, and the open failures still without one. */
export function IncidentKbApp() {
  const context = useForgeContext();
  // No filters on the first request: the server applies the macro's configured default state and echoes it.
  const [request, setRequest] = useState<IncidentKbListRequest>({ page: 1 });
  const [similarOf, setSimilarOf] = useState<IncidentRow | null>(null);
  const result = useResolver(fetchIncidents, request);
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);

  return (
    <ResolverFrame<ListAnswer> result={result} what="the incident knowledge base" label="Incident knowledge base">
      {(data, failedRefresh) => {
        const page = result.isLoading ? (request.page ?? data.page) : data.page;
        return (
          <>
            <ViewHeader
              title="Incident knowledge base"
              subtitle={`Incident pages in space ${data.space.key}, newest first`}
              subtitleTestId="kb-scope"
              aside={<SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />}
            />
            {failedRefresh}
            <StaleWarning sync={data.sync} locale={context.locale} subject="Failure state" />
            <Filters
              filters={request.filters ?? data.filters}
              options={data.options}
              isLoading={result.isLoading}
              onChange={(filters) => {
                setSimilarOf(null);
                setRequest({ filters, page: 1 });
              }}
            />
            <div data-testid="incident-count" style={{ color: token('color.text.subtle', '#505258') }} aria-live="polite">
              {data.total} incident page{data.total === 1 ? '' : 's'}
            </div>
            <div data-testid="incident-table">
              <DataTable<IncidentRow, never>
                label="Incident pages"
                testId="incident-pages"
                columns={incidentColumns({
                  now: data.sync.now,
                  similarOf: similarOf?.pageId ?? null,
                  onToggleSimilar: (row) => setSimilarOf(similarOf?.pageId === row.pageId ? null : row),
                })}
                rows={data.rows}
                rowKey={(row) => row.pageId}
                total={data.total}
                page={page}
                pageSize={data.pageSize}
                isLoading={result.isLoading}
                onSortChange={() => undefined}
                onPageChange={(next) => setRequest({ filters: request.filters ?? data.filters, page: next })}
                emptyView={
                  <EmptyState
                    header="No incident pages"
                    description={
                      Object.keys(data.filters).length > 0
                        ? 'No incident page matches these filters.'
                        : 'No incident page in this space yet. Create one from an open failure below, or from the integration hub.'
                    }
                    headingLevel={3}
                    testId="no-incidents"
                  />
                }
              />
            </div>
            {similarOf?.similarKey && <SimilarIncidents request={similarOf.similarKey} about={similarOf.title} headingId="similar-to-row" />}
            <OpenFailures now={data.sync.now} />
          </>
        );
      }}
    </ResolverFrame>
  );
}
