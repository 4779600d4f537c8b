import type { AssetRow, AssetSortKey } from '../../../src/shared/assetLifecycleContract';
import type { DataTableColumn } from '../shared/DataTable';
import { ApprovalCell, ExpiryCell, FailedJobsCell, LastActivityCell, NameCell, SourceCell, TextCell, type CellOptions } from './cells';

/** The asset table's columns; the sortable ones carry the resolver's ASSET_SORT_KEYS (sorted on the server). */
export function assetColumns(options: CellOptions): DataTableColumn<AssetRow, AssetSortKey>[] {
  return [
    { key: 'source', label: 'Source', width: 7, render: (row) => <SourceCell row={row} /> },
    { key: 'name', label: 'Asset', sortKey: 'name', width: 17, render: (row) => <NameCell row={row} /> },
    { key: 'approval', label: 'Approval', width: 9, render: (row) => <ApprovalCell row={row} /> },
    { key: 'campaign', label: 'Campaign', width: 9, render: (row) => <TextCell value={row.campaign} /> },
    { key: 'productLine', label: 'Product line', width: 8, render: (row) => <TextCell value={row.productLine} /> },
    { key: 'region', label: 'Region', width: 7, render: (row) => <TextCell value={row.region} /> },
    { key: 'expiry', label: 'Usage rights and expiry', sortKey: 'expiry', width: 16, render: (row) => <ExpiryCell row={row} options={options} /> },
    { key: 'failedJobs', label: 'Failed jobs', width: 13, render: (row) => <FailedJobsCell row={row} /> },
    { key: 'activity', label: 'Last activity', sortKey: 'activity', width: 14, render: (row) => <LastActivityCell row={row} options={options} /> },
  ];
}
