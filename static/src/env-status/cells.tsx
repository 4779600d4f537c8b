import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EnvStatusRow } from '../../../src/shared/envStatusContract';
import { Timestamp } from '../shared/Timestamp';
import { codeText, placeholderText, secondaryText, smallFont } from '../shared/textStyles';
import { formatRelativeTime, formatTimeWindow, type TimeFormatOptions } from '../shared/time';
import { isMaintenanceInProgress } from './maintenance';

export interface CellOptions extends TimeFormatOptions {
  /** Server time of the answer: ages are measured against it. */
  now: string;
}


export function EnvironmentCell({ row }: { row: EnvStatusRow }) {
  return (
    <div>
      <strong>{row.name}</strong>{' '}
      {row.isProduction && (
        <span
          title="Production environment"
          data-testid="production-marker"
          style={{
            padding: `0 ${token('space.050', '0.25rem')}`,
            borderRadius: token('radius.small', '0.25rem'),
            background: token('color.background.accent.purple.subtlest', '#F8EEFE'),
            color: token('color.text.accent.purple', '#803FA5'),
            font: smallFont,
            fontWeight: token('font.weight.semibold', '600'),
            whiteSpace: 'nowrap',
          }}
        >
          Production
        </span>
      )}
    </div>
  );
}

export function EndpointsCell({ row }: { row: EnvStatusRow }) {
  if (row.endpoints.length === 0) return <span style={placeholderText}>No endpoints</span>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`Endpoints of ${row.name}`}>
      {row.endpoints.map((endpoint) => (
        <li key={`${endpoint.name}|${endpoint.url}`} style={{ marginTop: 0, marginBottom: token('space.050', '0.25rem') }}>
          <span>{endpoint.name}</span>{' '}
          <span style={{ ...secondaryText, textTransform: 'uppercase' }}>{endpoint.protocol}</span>
          {/* Text, not a link: the URL comes from the backend and may be internal-only. */}
          <div style={{ ...secondaryText, ...codeText, overflowWrap: 'anywhere' }}>{endpoint.url}</div>
        </li>
      ))}
    </ul>
  );
}

export function LastDeploymentCell({ row, options }: { row: EnvStatusRow; options: CellOptions }) {
  const deployment = row.lastDeployment;
  if (!deployment) return <span style={placeholderText}>No deployment</span>;
  return (
    <div>
      <div>
        {deployment.artifactName} <span style={codeText}>{deployment.version}</span>
        {deployment.status !== 'deployed' && (
          <>
            {' '}
            <Lozenge appearance={deployment.status === 'failed' ? 'removed' : 'default'}>{deployment.status}</Lozenge>
          </>
        )}
      </div>
      <div style={secondaryText}>
        {deployment.deployedBy ? `${deployment.deployedBy}, ` : ''}
        <Timestamp dateTime={deployment.deployedAt} locale={options.locale} timeZone={options.timeZone}>
          {formatRelativeTime(deployment.deployedAt, options.now, options.locale)}
        </Timestamp>
      </div>
    </div>
  );
}

export function NextMaintenanceCell({ row, options }: { row: EnvStatusRow; options: CellOptions }) {
  const maintenance = row.nextMaintenance;
  if (!maintenance) return <span style={placeholderText}>None scheduled</span>;
  const inProgress = isMaintenanceInProgress(maintenance, options.now);
  return (
    <div
      data-testid={inProgress ? 'maintenance-in-progress' : undefined}
      style={
        inProgress
          ? {
              borderInlineStart: `${token('border.width.selected', '0.125rem')} solid ${token('color.border.discovery', '#AF59E1')}`,
              paddingInlineStart: token('space.100', '0.5rem'),
            }
          : undefined
      }
    >
      <div>
        {maintenance.title}
        {inProgress && (
          <>
            {' '}
            <Lozenge appearance="inprogress" isBold>
              in progress
            </Lozenge>
          </>
        )}
      </div>
      <div style={secondaryText}>
        {maintenance.kind} · {formatTimeWindow(maintenance.startsAt, maintenance.endsAt, options)}
      </div>
    </div>
  );
}
