import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { IncidentRow } from '../../../src/shared/incidentContract';
import type { DataTableColumn } from '../shared/DataTable';
import { placeholderText, secondaryText } from '../shared/textStyles';
import { formatRelativeTime } from '../shared/time';
import { STATE_APPEARANCE } from './appearance';
import { PageLink } from './PageLink';

export interface ColumnOptions {
  now: string;
  similarOf: string | null;
  onToggleSimilar(row: IncidentRow): void;
}

export function incidentColumns({ now, similarOf, onToggleSimilar }: ColumnOptions): DataTableColumn<IncidentRow, never>[] {
  return [
    {
      key: 'incident',
      label: 'Incident',
      width: 30,
      render: (row) => (
        <div>
          <PageLink url={row.url} testId="incident-link">
            {row.title}
          </PageLink>
          {row.createdAt && <div style={secondaryText}>created {formatRelativeTime(row.createdAt, now)}</div>}
        </div>
      ),
    },
    {
      key: 'state',
      label: 'State',
      width: 10,
      render: (row) => (
        <div data-testid="incident-state">
          <Lozenge appearance={STATE_APPEARANCE[row.state]}>{row.state}</Lozenge>
          {row.failureState && row.failureState !== row.state && <div style={secondaryText}>{row.failureState}</div>}
          {row.stateSource === 'label' && <div style={secondaryText}>from the page label</div>}
        </div>
      ),
    },
    {
      key: 'what',
      label: 'Message type · partner · endpoint',
      width: 25,
      render: (row) => (
        <div>
          <strong>{row.messageType ?? '—'}</strong>
          {row.partner && <div>{row.partner.name || row.partner.id}</div>}
          {row.endpoint && <div style={{ ...secondaryText, overflowWrap: 'anywhere' }}>{row.endpoint}</div>}
          {row.environment && <div style={secondaryText}>{row.environment.name}</div>}
        </div>
      ),
    },
    {
      key: 'root-cause',
      label: 'Root cause',
      width: 25,
      render: (row) =>
        row.rootCause ? <span data-testid="root-cause">{row.rootCause}</span> : <span style={placeholderText}>Not recorded yet</span>,
    },
    {
      key: 'similar',
      label: 'Similar',
      width: 10,
      render: (row) =>
        row.similarKey && row.state === 'open' ? (
          <Button appearance="subtle" spacing="compact" aria-expanded={similarOf === row.pageId} onClick={() => onToggleSimilar(row)} aria-label={`Similar past incidents for ${row.title}`}>
            {similarOf === row.pageId ? 'Hide' : 'Show'}
          </Button>
        ) : null,
    },
  ];
}
