import type { ReleaseItemRow, ReleaseItemSortKey } from '../../../src/shared/releaseReadinessContract';
import type { DataTableColumn } from '../shared/DataTable';
import { codeText } from '../shared/textStyles';
import { ArtifactCell, DeploymentCell, PreviousStageCell, StateLozenge, type CellOptions } from './cells';

/** The items table's columns; sortable ones carry the resolver's RELEASE_ITEM_SORT_KEYS. */
export function releaseItemColumns(
  options: CellOptions,
  labels: { target: string; previous: string },
): DataTableColumn<ReleaseItemRow, ReleaseItemSortKey>[] {
  return [
    { key: 'artifact', label: 'Artifact', sortKey: 'artifact', width: 24, render: (row) => <ArtifactCell row={row} /> },
    { key: 'kind', label: 'Kind', sortKey: 'kind', width: 11, render: (row) => row.kind.replace(/_/g, ' ') },
    { key: 'expected', label: 'Expected', width: 11, render: (row) => <span style={codeText}>{row.expectedVersion}</span> },
    {
      key: 'target',
      label: labels.target,
      width: 19,
      render: (row) => <DeploymentCell deployment={row.target} expected={row.expectedVersion} options={options} />,
    },
    { key: 'previous', label: labels.previous, width: 19, render: (row) => <PreviousStageCell row={row} options={options} /> },
    { key: 'state', label: 'State', sortKey: 'state', width: 16, render: (row) => <StateLozenge state={row.state} /> },
  ];
}
