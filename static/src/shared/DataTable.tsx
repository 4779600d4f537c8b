import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
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
  /** Rows across all pages, as the server counted them. Ignored with `keyset`. */
  total?: number;
  /** 1-based. Ignored with `keyset`. */
  page?: number;
  pageSize: number;
  sortKey?: SortKey;
  sortOrder?: SortOrder;
  /** While true the current rows stay visible under a spinner and sorting and paging are disabled. */
  isLoading: boolean;
  onSortChange(sort: DataTableSort<SortKey>): void;
  onPageChange?(page: number): void;
  /**
   * Keyset paging (the server gives a cursor to the next page, not a count): Previous / Next with the page number
   * instead of numbered page buttons. When set, `total`, `page` and `onPageChange` are not used.
   */
  keyset?: KeysetPaging;
  /** Shown when the server answered no rows. */
  emptyView: ReactElement;
  testId?: string;
  /** Rows that need attention stand out: a coloured edge and background (data-emphasis on the row). */
  rowEmphasis?(row: Row): RowEmphasis | undefined;
}

export type RowEmphasis = 'danger' | 'warning';

export interface KeysetPaging {
  /** 1-based number of the page shown. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  /** Replaces "Page N" between the buttons, e.g. "Page 2 of 14". */
  label?: string;
}

/**
 * The one table of this app: @atlaskit/dynamic-table driven entirely by the server. Sort and page are controlled
 * props; every change is reported so the caller can re-invoke its resolver, and the table never sorts or slices
 * rows itself (a page is what the server sent).
 */
export function DataTable<Row, SortKey extends string>(props: DataTableProps<Row, SortKey>) {
  const { columns, rows, rowKey, isLoading, keyset } = props;
  const total = props.total ?? rows.length;
  const page = props.page ?? 1;
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
      // With keyset paging the table holds exactly the page the server sent: one "page" of it, no numbered buttons.
      totalRows={keyset ? rows.length : Math.max(total, rows.length)}
      rowsPerPage={keyset ? Math.max(rows.length, 1) : props.pageSize}
      page={keyset ? 1 : page}
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
        if (isLoading || keyset || page === props.page) return;
        restoreFocus.current = { kind: 'page' };
        props.onPageChange?.(page);
      }}
      paginationi18n={{ prev: 'Previous page', next: 'Next page', label: `${props.label} pages`, pageLabel: 'Page' }}
      testId={props.testId}
    />
    {keyset && (keyset.hasPrevious || keyset.hasNext) && (
      <KeysetPager
        paging={keyset}
        label={props.label}
        isLoading={isLoading}
        onMove={(direction) => {
          restoreFocus.current = { kind: 'keyset', direction };
          if (direction === 'previous') keyset.onPrevious();
          else keyset.onNext();
        }}
      />
    )}
    </div>
  );
}

function KeysetPager({ paging, label, isLoading, onMove }: { paging: KeysetPaging; label: string; isLoading: boolean; onMove(direction: 'previous' | 'next'): void }) {
  return (
    <nav
      aria-label={`${label} pages`}
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: token('space.150', '0.75rem'), marginTop: token('space.100', '0.5rem') }}
    >
      <Button testId="keyset-previous" isDisabled={isLoading || !paging.hasPrevious} onClick={() => onMove('previous')}>
        Previous page
      </Button>
      <span aria-live="polite" data-testid="keyset-page">
        {paging.label ?? `Page ${paging.page}`}
      </span>
      <Button testId="keyset-next" isDisabled={isLoading || !paging.hasNext} onClick={() => onMove('next')}>
        Next page
      </Button>
    </nav>
  );
}

type FocusTarget = { kind: 'sort'; column: number } | { kind: 'page' } | { kind: 'keyset'; direction: 'previous' | 'next' };

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
        : wanted.kind === 'keyset'
          ? keysetButton(root, wanted.direction)
          : root.querySelector<HTMLElement>('nav [aria-current="page"]');
    element?.focus();
  }, [container, isLoading]);
  return target;
}

/** The keyset button the reader used, or the other one when that end was reached (the first or last page). */
function keysetButton(root: HTMLElement, direction: 'previous' | 'next'): HTMLElement | null {
  const button = (which: string) => root.querySelector<HTMLButtonElement>(`nav [data-testid="keyset-${which}"]`);
  const used = button(direction);
  if (used && !used.disabled && used.getAttribute('aria-disabled') !== 'true') return used;
  return button(direction === 'next' ? 'previous' : 'next');
}
