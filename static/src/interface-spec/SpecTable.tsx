import type { ReactNode } from 'react';
import { DataTable, type DataTableColumn } from '../shared/DataTable';
import { placeholderText } from '../shared/textStyles';

export interface SpecTableProps<Row> {
  label: string;
  columns: DataTableColumn<Row, never>[];
  rows: Row[];
  rowKey(row: Row): string;
  empty: ReactNode;
  testId: string;
}

const ignore = () => undefined;

/**
 * The app's table for the short, bounded lists of a spec (at most 50 rules, artifacts...): every row on one page,
 * in the order the architect wrote them, so there is nothing to sort or page on the server.
 */
export function SpecTable<Row>({ label, columns, rows, rowKey, empty, testId }: SpecTableProps<Row>) {
  if (rows.length === 0) {
    return (
      <p style={{ ...placeholderText, margin: 0 }} data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <div data-testid={testId}>
    <DataTable
      label={label}
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      total={rows.length}
      page={1}
      pageSize={rows.length}
      isLoading={false}
      onSortChange={ignore}
      onPageChange={ignore}
      emptyView={<span />}
    />
    </div>
  );
}
