import type { EnvStatusRow, EnvStatusSortKey } from '../../../src/shared/envStatusContract';
import type { DataTableColumn } from '../shared/DataTable';
import { StatusLozenge } from '../shared/StatusLozenge';
import { placeholderText } from '../shared/textStyles';
import { EndpointsCell, EnvironmentCell, LastDeploymentCell, NextMaintenanceCell, type CellOptions } from './cells';

/** The env-status table's columns; sortable ones carry the resolver's ENV_STATUS_SORT_KEYS. */
export function envStatusColumns(options: CellOptions): DataTableColumn<EnvStatusRow, EnvStatusSortKey>[] {
  return [
    { key: 'environment', label: 'Environment', sortKey: 'environment', width: 13, render: (row) => <EnvironmentCell row={row} /> },
    { key: 'stage', label: 'Stage', sortKey: 'stage', width: 7, render: (row) => row.stage },
    {
      key: 'status',
      label: 'Status',
      sortKey: 'status',
      width: 10,
      render: (row) => <StatusLozenge status={row.status} statusKnown={row.statusKnown} />,
    },
    {
      key: 'statusMessage',
      label: 'Status message',
      width: 15,
      render: (row) => row.statusMessage ?? <span style={placeholderText}>—</span>,
    },
    { key: 'endpoints', label: 'Endpoints', width: 22, render: (row) => <EndpointsCell row={row} /> },
    {
      key: 'lastDeployment',
      label: 'Last deployment',
      sortKey: 'lastDeployment',
      width: 16,
      render: (row) => <LastDeploymentCell row={row} options={options} />,
    },
    {
      key: 'nextMaintenance',
      label: 'Next maintenance',
      sortKey: 'nextMaintenance',
      width: 17,
      render: (row) => <NextMaintenanceCell row={row} options={options} />,
    },
  ];
}
