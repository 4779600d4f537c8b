import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ArtifactDeployment, ReadinessStateName, ReleaseItemRow } from '../../../src/shared/releaseReadinessContract';
import { Timestamp } from '../shared/Timestamp';
import { codeText, placeholderText, secondaryText } from '../shared/textStyles';
import { formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { readinessAppearance } from './readinessAppearance';

export interface CellOptions extends TimeFormatOptions {
  /** Server time of the answer: ages are measured against it. */
  now: string;
}

export function StateLozenge({ state }: { state: ReadinessStateName }) {
  const { appearance, isBold, label } = readinessAppearance(state);
  return (
    <Lozenge appearance={appearance} isBold={isBold} testId="readiness-lozenge">
      {label}
    </Lozenge>
  );
}

export function ArtifactCell({ row }: { row: ReleaseItemRow }) {
  return (
    <div>
      <strong>{row.artifactName}</strong>
      <div style={{ ...secondaryText, ...codeText, overflowWrap: 'anywhere' }}>{row.artifactId}</div>
    </div>
  );
}

/** What runs in one environment, then a failed or scheduled deployment when there is one. */
export function DeploymentCell({ deployment, expected, options }: { deployment: ArtifactDeployment; expected: string; options: CellOptions }) {
  const matches = deployment.deployedVersion !== null && deployment.deployedVersion.trim() === expected.trim();
  return (
    <div>
      {deployment.deployedVersion !== null ? (
        <span style={{ ...codeText, fontWeight: matches ? undefined : token('font.weight.semibold', '600') }}>{deployment.deployedVersion}</span>
      ) : (
        <span style={placeholderText}>{notDeployedText(deployment.latestStatus)}</span>
      )}
      {deployment.deployedAt && (
        <div style={secondaryText}>
          <Timestamp dateTime={deployment.deployedAt} locale={options.locale} timeZone={options.timeZone}>
            {formatRelativeTime(deployment.deployedAt, options.now, options.locale)}
          </Timestamp>
        </div>
      )}
      {deployment.failure && (
        <div style={secondaryText} data-testid="failed-deployment">
          Failed: <span style={codeText}>{deployment.failure.version}</span>
          {deployment.failure.at && <> {formatRelativeTime(deployment.failure.at, options.now, options.locale)}</>}
        </div>
      )}
      {deployment.scheduledVersion && (
        <div style={secondaryText} data-testid="scheduled-deployment">
          Scheduled: <span style={codeText}>{deployment.scheduledVersion}</span>
        </div>
      )}
    </div>
  );
}

function notDeployedText(latestStatus: string | null): string {
  if (latestStatus === 'absent' || latestStatus === 'pending') return `Not deployed (${latestStatus})`;
  return 'Not deployed';
}

export function PreviousStageCell({ row, options }: { row: ReleaseItemRow; options: CellOptions }) {
  if (row.previous.length === 0) return <span style={placeholderText}>—</span>;
  if (row.previous.length === 1) {
    const only = row.previous[0] as ReleaseItemRow['previous'][number];
    return <DeploymentCell deployment={only} expected={row.expectedVersion} options={options} />;
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {row.previous.map((entry) => (
        <li key={entry.environmentId} style={{ marginTop: 0, marginBottom: token('space.050', '0.25rem') }}>
          <div style={secondaryText}>{entry.environmentName}</div>
          <DeploymentCell deployment={entry} expected={row.expectedVersion} options={options} />
        </li>
      ))}
    </ul>
  );
}
