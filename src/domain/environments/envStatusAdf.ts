import { doc, heading, panel, paragraph, strong, table, text, type AdfNode } from '../adf/nodes';
import type { SyncStamp } from '../../shared/syncStamp';
import { envStatusPage } from './envStatusPage';
import type { StoredEnvStatusRow } from './envStatusRows';

/** Exports have no paging: every environment of the configured stages, worst status first within stage. */
const EXPORT_ROW_LIMIT = 500;

function ageText(sync: SyncStamp): string {
  if (!sync.lastSuccessAt) return 'never synced';
  const minutes = Math.max(0, Math.round((Date.parse(sync.now) - Date.parse(sync.lastSuccessAt)) / 60_000));
  return `synced ${sync.lastSuccessAt.replace('T', ' ').slice(0, 16)} UTC (${minutes} minutes before export)`;
}

export function envStatusAdf(input: {
  solutionName: string;
  stages: string[];
  rows: StoredEnvStatusRow[];
  sync: SyncStamp;
  now: Date;
}) {
  const { rows } = envStatusPage(input.rows, {
    stages: input.stages,
    sortKey: 'stage',
    sortOrder: 'ASC',
    page: 1,
    pageSize: EXPORT_ROW_LIMIT,
    now: input.now,
  });
  const content: AdfNode[] = [
    heading(4, `Environment status: ${input.solutionName}`),
    paragraph(text(`${input.stages.length ? `Stages: ${input.stages.join(', ')}. ` : ''}Data ${ageText(input.sync)}.`)),
  ];
  if (input.sync.stale) {
    content.push(panel('warning', paragraph(text(`This data may be out of date${input.sync.lastError ? `: the last sync failed (${input.sync.lastError})` : ''}.`))));
  }
  content.push(
    table(
      ['Environment', 'Stage', 'Status', 'Endpoints', 'Last deployment', 'Next maintenance'],
      rows.map((row) => [
        [strong(row.name), ...(row.isProduction ? ['Production'] : [])],
        [row.stage],
        [strong(row.status.toUpperCase()), ...(row.statusMessage ? [row.statusMessage] : [])],
        row.endpoints.map((e) => `${e.name} (${e.protocol}): ${e.url}`),
        row.lastDeployment
          ? [
              `${row.lastDeployment.artifactName} ${row.lastDeployment.version} (${row.lastDeployment.status})`,
              `${row.lastDeployment.deployedAt}${row.lastDeployment.deployedBy ? ` by ${row.lastDeployment.deployedBy}` : ''}`,
            ]
          : ['None recorded'],
        row.nextMaintenance
          ? [
              `${row.nextMaintenance.title} (${row.nextMaintenance.kind}, ${row.nextMaintenance.status})`,
              `${row.nextMaintenance.startsAt} to ${row.nextMaintenance.endsAt}`,
            ]
          : ['None scheduled'],
      ]),
    ),
  );
  if (rows.length === 0) content.push(paragraph(text('No environments match this macro’s stages.')));
  return doc(...content);
}

export function envStatusMessageAdf(message: string) {
  return doc(heading(4, 'Environment status'), paragraph(text(message)));
}
