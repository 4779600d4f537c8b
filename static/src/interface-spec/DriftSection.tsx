import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ArtifactCheck, EndpointCheck, EnvironmentDrift, SpecDrift } from '../../../src/shared/interfaceSpecContract';
import type { DataTableColumn } from '../shared/DataTable';
import { codeText, secondaryText, smallFont } from '../shared/textStyles';
import { DRIFT_STATE_WORDS, artifactCheckWords, endpointCheckWords } from './driftWording';
import { SpecTable } from './SpecTable';

/** One row of the drift table: an implementing artifact, or the endpoint, across the environments. */
type DriftRow =
  | { key: string; kind: 'artifact'; artifactId: string; name: string | null; checks: ArtifactCheck[] }
  | { key: 'endpoint'; kind: 'endpoint'; checks: EndpointCheck[] };

function driftRows(drift: SpecDrift): DriftRow[] {
  const first = drift.environments[0];
  if (!first) return [];
  const rows: DriftRow[] = first.artifacts.map((artifact, index) => ({
    key: `artifact:${artifact.artifactId}`,
    kind: 'artifact',
    artifactId: artifact.artifactId,
    name: drift.environments.map((e) => e.artifacts[index]?.artifactName).find(Boolean) ?? null,
    checks: drift.environments.map((e) => e.artifacts[index] as ArtifactCheck),
  }));
  if (drift.environments.some((e) => e.endpoint.state !== 'not-specified')) {
    rows.push({ key: 'endpoint', kind: 'endpoint', checks: drift.environments.map((e) => e.endpoint) });
  }
  return rows;
}

function CheckCell({ label, appearance, lines }: { label: string; appearance: Parameters<typeof Lozenge>[0]['appearance']; lines: string[] }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025', '0.125rem') }}>
      <span>
        <Lozenge appearance={appearance}>{label}</Lozenge>
      </span>
      {lines.map((line) => (
        <span key={line} style={{ ...secondaryText, ...codeText, overflowWrap: 'anywhere' }}>
          {line}
        </span>
      ))}
    </div>
  );
}

function environmentColumn(environment: EnvironmentDrift, index: number): DataTableColumn<DriftRow, never> {
  return {
    key: `env-${index}`,
    label: `${environment.name} (${environment.stage})`,
    render: (row) => {
      if (row.kind === 'endpoint') {
        const words = endpointCheckWords(row.checks[index] as EndpointCheck);
        return <CheckCell label={words.label} appearance={words.appearance} lines={words.lines} />;
      }
      const words = artifactCheckWords(row.checks[index] as ArtifactCheck);
      return <CheckCell label={words.label} appearance={words.appearance} lines={[words.detail]} />;
    },
  };
}

const ENDPOINT_SUMMARY: Record<EndpointCheck['state'], string> = {
  match: '; endpoint matches',
  drift: '; endpoint differs',
  missing: '; endpoint missing',
  'not-specified': '',
};

function EnvironmentSummary({ environment }: { environment: EnvironmentDrift }) {
  const words = DRIFT_STATE_WORDS[environment.state];
  const { match, drift, notDeployed } = environment.counts;
  const total = match + drift + notDeployed;
  return (
    <li
      data-testid={`drift-summary-${environment.environmentId}`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.050', '0.25rem'),
        padding: token('space.100', '0.5rem'),
        border: `1px solid ${token('color.border', '#0B120E24')}`,
        borderRadius: token('radius.medium', '0.375rem'),
        minWidth: '12rem',
      }}
    >
      <strong>
        {environment.name}
        {environment.isProduction && <span style={{ ...secondaryText, font: smallFont }}> · production</span>}
      </strong>
      <span>
        <Lozenge appearance={words.appearance}>{words.label}</Lozenge>
      </span>
      <span style={secondaryText}>
        {total > 0 ? `${match} of ${total} artifacts match` : 'No artifacts in the spec'}
        {drift > 0 ? `, ${drift} drift` : ''}
        {notDeployed > 0 ? `, ${notDeployed} not deployed` : ''}
        {ENDPOINT_SUMMARY[environment.endpoint.state]}
      </span>
    </li>
  );
}

/** Per environment of the spec's solution: what runs and what is exposed there, compared with the spec. */
export function DriftSection({ drift, solutionName }: { drift: SpecDrift; solutionName: string | null }) {
  const rows = driftRows(drift);
  const columns: DataTableColumn<DriftRow, never>[] = [
    {
      key: 'item',
      label: 'Spec item',
      width: 22,
      render: (row) =>
        row.kind === 'endpoint' ? (
          <strong>Endpoint</strong>
        ) : (
          <div>
            <strong>{row.name ?? row.artifactId}</strong>
            {row.name && <div style={{ ...secondaryText, ...codeText }}>{row.artifactId}</div>}
          </div>
        ),
    },
    ...drift.environments.map(environmentColumn),
  ];
  return (
    <section aria-labelledby="spec-drift-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }} data-testid="drift-section">
      <Heading size="xsmall" as="h3" id="spec-drift-heading">
        Drift{solutionName ? ` in ${solutionName}` : ''}
      </Heading>
      {drift.environments.length === 0 ? (
        <p style={{ margin: 0 }}>The solution has no environments in the stages shown.</p>
      ) : (
        <>
          <ul aria-label="Drift per environment" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '0.5rem'), listStyle: 'none', margin: 0, padding: 0 }}>
            {drift.environments.map((environment) => (
              <EnvironmentSummary key={environment.environmentId} environment={environment} />
            ))}
          </ul>
          <SpecTable
            label="Drift per environment"
            testId="drift-table"
            columns={columns}
            rows={rows}
            rowKey={(row) => row.key}
            empty="Nothing to compare: the spec names no artifacts and no endpoints."
          />
        </>
      )}
      {drift.unknownEnvironments.length > 0 && (
        <SectionMessage appearance="warning" title="Endpoints for unknown environments" testId="unknown-environments">
          <p>
            The spec names endpoints for environments the solution does not have: {drift.unknownEnvironments.join(', ')}. Edit the spec to correct or remove
            them.
          </p>
        </SectionMessage>
      )}
    </section>
  );
}
