import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState, type ReactNode } from 'react';
import {
  ASSET_SOURCE_LABELS,
  type AssetPage,
  type AssetPageResult,
  type AssetRow,
  type AssetSortKey,
  type AssetSourceFreshness,
} from '../../../src/shared/assetLifecycleContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import { formatAbsoluteTime } from '../shared/time';
import type { ViewContext } from '../shared/useForgeContext';
import type { ResolverState } from '../shared/useResolver';
import { ResolverFrame, ViewHeader } from '../shared/ViewStateFrame';
import { assetRowEmphasis } from './appearance';
import { nextPage, previousPage, withExpiringDays, withFilters, withSort, type AssetQuery } from './assetQuery';
import { AuditModal } from './AuditModal';
import { assetColumns } from './columns';
import { FilterBar } from './FilterBar';
import { SummaryRow } from './SummaryRow';

export type AssetLifecycleAnswer = Exclude<AssetPageResult, ResolverError>;

export interface AssetLifecycleViewProps {
  result: ResolverState<AssetLifecycleAnswer>;
  query: AssetQuery;
  onQueryChange(query: AssetQuery): void;
  context: ViewContext;
}

const DEFAULT_TITLE = 'Asset lifecycle';

/** Renders the assetLifecycle.getPage answer in each of its states. Fetching lives in AssetLifecycleApp. */
export function AssetLifecycleView({ result, query, onQueryChange, context }: AssetLifecycleViewProps) {
  const title = result.data?.state === 'ready' ? (result.data.scope.title ?? DEFAULT_TITLE) : DEFAULT_TITLE;
  return (
    <ResolverFrame result={result} what="the asset lifecycle" label={title}>
      {(data, failedRefresh) => {
        if (data.state === 'ready') {
          return <ReadyView data={data} title={title} failedRefresh={failedRefresh} isLoading={result.isLoading} query={query} onQueryChange={onQueryChange} context={context} />;
        }
        if (data.state === 'not-configured') {
          return (
            <>
              {failedRefresh}
              <SectionMessage appearance="information" title="No asset source connected" testId="not-configured">
                <p>{data.message}</p>
              </SectionMessage>
            </>
          );
        }
        return (
          <>
            {failedRefresh}
            <ConnectionProblems freshness={data.freshness} />
            <EmptyState header="No assets synced yet" description={data.message} headingLevel={2} testId="no-data" />
          </>
        );
      }}
    </ResolverFrame>
  );
}

function ConnectionProblems({ freshness }: { freshness: AssetSourceFreshness[] }) {
  const problems = freshness.filter((f) => f.connectionProblem);
  if (problems.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title="Connection needs attention" testId="connection-problem">
      {problems.map((f) => (
        <p key={f.source}>{f.connectionProblem}</p>
      ))}
    </SectionMessage>
  );
}

function Freshness({ freshness, context }: { freshness: AssetSourceFreshness[]; context: ViewContext }) {
  return (
    <ul aria-label="Data freshness" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: token('space.150', '0.75rem') }}>
      {freshness.map((f) => (
        <li key={f.source} style={{ marginTop: 0 }} data-testid={`freshness-${f.source}`}>
          <span style={{ color: token('color.text.subtle', '#505258') }}>{ASSET_SOURCE_LABELS[f.source]}: </span>
          <SyncStamp sync={f.sync} locale={context.locale} timeZone={context.timeZone} />
          {f.running && <span style={{ color: token('color.text.subtle', '#505258') }}> · syncing now</span>}
        </li>
      ))}
    </ul>
  );
}

interface ReadyViewProps {
  data: AssetPage;
  title: string;
  failedRefresh: ReactNode;
  isLoading: boolean;
  query: AssetQuery;
  onQueryChange(query: AssetQuery): void;
  context: ViewContext;
}

function ReadyView({ data, title, failedRefresh, isLoading, query, onQueryChange, context }: ReadyViewProps) {
  const [auditRow, setAuditRow] = useState<AssetRow | null>(null);
  const options = { now: data.now, locale: context.locale, timeZone: context.timeZone, expiringDays: data.expiringDays, onOpenAudit: setAuditRow };
  const sortKey = query.sort ?? data.request.sort;
  const sortOrder = query.order ?? data.request.order;
  const pageNumber = query.pageIndex + 1;
  // What the reader asked for shows at once; the rows follow when their page arrives.
  const filters = query.filters ? { ...query.filters, sources: query.filters.sources ?? data.scope.sources } : data.request.filters;
  const pages = data.totalMatching !== null ? Math.max(1, Math.ceil(data.totalMatching / data.request.pageSize)) : null;
  const filtered = Object.keys(data.request.filters).some((key) => key !== 'sources') || (data.request.filters.sources?.length ?? 0) < data.scope.sources.length;
  return (
    <>
      <ViewHeader
        title={title}
        subtitle={
          <>
            {data.scope.sources.map((source) => ASSET_SOURCE_LABELS[source]).join(' and ')} assets, as of{' '}
            {formatAbsoluteTime(data.now, { locale: context.locale, timeZone: context.timeZone })}
          </>
        }
        subtitleTestId="asset-scope"
        aside={<Freshness freshness={data.freshness} context={context} />}
      />
      {failedRefresh}
      {data.freshness.map((f) => (
        <StaleWarning key={f.source} sync={f.sync} locale={context.locale} subject={`${ASSET_SOURCE_LABELS[f.source]} asset`} upstream={ASSET_SOURCE_LABELS[f.source]} />
      ))}
      <ConnectionProblems freshness={data.freshness} />
      <SummaryRow data={data} filters={filters} isLoading={isLoading} onShortcut={(filters) => onQueryChange(withFilters(query, filters))} />
      <FilterBar
        data={data}
        filters={filters}
        isLoading={isLoading}
        onFiltersChange={(filters) => onQueryChange(withFilters(query, filters))}
        onExpiringDaysChange={(days) => onQueryChange(withExpiringDays(query, days))}
      />
      <p style={{ margin: 0, color: token('color.text.subtle', '#505258') }} data-testid="matching" aria-live="polite">
        {data.totalMatching !== null ? `${data.totalMatching} matching ${data.totalMatching === 1 ? 'asset' : 'assets'}` : 'Matching assets'}
        {filtered ? ' (filtered)' : ''}
      </p>
      {data.partial && (
        <SectionMessage appearance="information" testId="partial-page">
          <p>More assets may match: the next page continues the search.</p>
        </SectionMessage>
      )}
      <DataTable<AssetRow, AssetSortKey>
        label="Assets"
        testId="asset-table"
        columns={assetColumns(options)}
        rows={data.rows}
        rowKey={(row) => `${row.source}-${row.id}`}
        rowEmphasis={assetRowEmphasis}
        pageSize={data.request.pageSize}
        sortKey={sortKey}
        sortOrder={sortOrder}
        isLoading={isLoading}
        onSortChange={(sort: DataTableSort<AssetSortKey>) => onQueryChange(withSort(query, sort.sortKey, sort.sortOrder))}
        keyset={{
          page: pageNumber,
          hasPrevious: query.pageIndex > 0,
          hasNext: data.nextAfter !== null,
          onPrevious: () => onQueryChange(previousPage(query)),
          onNext: () => data.nextAfter && onQueryChange(nextPage(query, data.nextAfter)),
          label: pages !== null ? `Page ${pageNumber} of ${pages}` : `Page ${pageNumber}`,
        }}
        emptyView={
          <EmptyState
            header={filtered ? 'No assets match' : 'No assets'}
            description={
              filtered
                ? data.partial
                  ? 'None found in this stretch of the search: the next page continues it.'
                  : 'No asset matches these filters. Choose the total count above to see every asset.'
                : 'The connected sources have no assets yet.'
            }
            headingLevel={3}
            testId="no-rows"
          />
        }
      />
      <AuditModal row={auditRow} now={data.now} expiringDays={data.expiringDays} locale={context.locale} timeZone={context.timeZone} onClose={() => setAuditRow(null)} />
    </>
  );
}
