import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { useEffect, useRef, type ReactElement, type ReactNode, type RefObject } from 'react';
import type { SortOrder } from '../../../src/shared/envStatusContract';
import './DataTable.css';

export interface DataTableColumn<Row, SortKey extends string> {
  /** Unique per table; also the cell's test id suffix. */
  key: string;
  label: string;
  /** The resolver's sort key; present only on columns the server can sort by. */
  sortKey?: SortKey;
  /** Width as a percentage of the table. */
  width?: number;
  render(row: Row): ReactNode;
}

export interface DataTableSort<SortKey extends string> {
  sortKey: SortKey;
  sortOrder: SortOrder;
}

export interface DataTableProps<Row, SortKey extends string> {
  /** Accessible name of the table. */
  label: string;
  columns: DataTableColumn<Row, SortKey>[];
  /** The rows of the current page, already sorted by the server. */
  rows: Row[];
  rowKey(row: Row): string;
  /** Rows across all pages, as the server counted them. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  sortKey?: SortKey;
  sortOrder?: SortOrder;
  /** While true the current rows stay visible under a spinner and sorting and paging are disabled. */
  isLoading: boolean;
  onSortChange(sort: DataTableSort<SortKey>): void;
  onPageChange(page: number): void;
  /** Shown when the server answered no rows. */
  emptyView: ReactElement;
  testId?: string;
  /** Rows that need attention stand out: a coloured edge and background (data-emphasis on the row). */
  rowEmphasis?(row: Row): RowEmphasis | undefined;
}

export type RowEmphasis = 'danger' | 'warning';

/**
 * The one table of this app: @atlaskit/dynamic-table driven entirely by the server. Sort and page are controlled
 * props; every change is reported so the caller can re-invoke its resolver, and the table never sorts or slices
 * rows itself (a page is what the server sent).
 */
export function DataTable<Row, SortKey extends string>(props: DataTableProps<Row, SortKey>) {
  const { columns, rows, rowKey, isLoading } = props;
  const container = useRef<HTMLDivElement>(null);
  const restoreFocus = useRestoredFocus(container, isLoading);
  const head: HeadType = {
    cells: columns.map((column) => ({
      key: column.sortKey ?? column.key,
      content: column.label,
      isSortable: column.sortKey !== undefined,
      width: column.width,
    })),
  };
  const tableRows: RowType[] = rows.map((row) => {
    const key = rowKey(row);
    const emphasis = props.rowEmphasis?.(row);
    return {
      key,
      testId: `row-${key}`,
      cells: columns.map((column) => ({ key: `${key}:${column.key}`, content: column.render(row) })),
      ...(emphasis ? { 'data-emphasis': emphasis } : {}),
    };
  });
  const sortableKeys = new Set(columns.flatMap((column) => (column.sortKey ? [column.sortKey] : [])));

  return (
    <div className="igh-data-table" ref={container}>
    <DynamicTableStateless
      label={props.label}
      head={head}
      rows={tableRows}
      // dynamic-table treats totalRows as "paged on the server" only when it covers the rows it was given;
      // otherwise it would sort and slice the page client-side.
      totalRows={Math.max(props.total, rows.length)}
      rowsPerPage={props.pageSize}
      page={props.page}
      sortKey={props.sortKey}
      sortOrder={props.sortOrder}
      isLoading={isLoading}
      loadingLabel={`Loading ${props.label.toLowerCase()}`}
      emptyView={props.emptyView}
      onSort={(data: { key: string | null; sortOrder: SortOrder | null }) => {
        if (isLoading || !data.key || !data.sortOrder || !sortableKeys.has(data.key as SortKey)) return;
        restoreFocus.current = { kind: 'sort', column: columns.findIndex((column) => column.sortKey === data.key) };
        props.onSortChange({ sortKey: data.key as SortKey, sortOrder: data.sortOrder });
      }}
      onSetPage={(page: number) => {
        if (isLoading || page === props.page) return;
        restoreFocus.current = { kind: 'page' };
        props.onPageChange(page);
      }}
      paginationi18n={{ prev: 'Previous page', next: 'Next page', label: `${props.label} pages`, pageLabel: 'Page' }}
      testId={props.testId}
    />
    </div>
  );
}

type FocusTarget = { kind: 'sort'; column: number } | { kind: 'page' };

/**
 * dynamic-table makes the table inert and the pagination disabled while loading, which drops keyboard focus to the
 * document. Once the page arrives, focus goes back to the sort button or page button the reader used, unless they
 * moved elsewhere in the meantime.
 */
function useRestoredFocus(container: RefObject<HTMLDivElement>, isLoading: boolean) {
  const target = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const wanted = target.current;
    const root = container.current;
    if (isLoading || !wanted || !root) return;
    target.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const element =
      wanted.kind === 'sort'
        ? root.querySelectorAll('thead th').item(wanted.column)?.querySelector<HTMLElement>('button')
        : root.querySelector<HTMLElement>('nav [aria-current="page"]');
    element?.focus();
  }, [container, isLoading]);
  return target;
}
