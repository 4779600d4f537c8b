import { doc, heading, panel, paragraph, strong, table, text, type AdfNode } from '../adf/nodes';
import {
  READINESS_STATE_LABELS,
  READINESS_STATE_ORDER,
  type ArtifactDeployment,
  type ReadinessFigure,
  type ReleaseHeader,
  type ReleaseItemRow,
  type ReleaseSignOff,
} from '../../shared/releaseReadinessContract';
import type { SyncStamp } from '../../shared/syncStamp';

function utc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

function ageText(sync: SyncStamp): string {
  if (!sync.lastSuccessAt) return 'never synced';
  const minutes = Math.max(0, Math.round((Date.parse(sync.now) - Date.parse(sync.lastSuccessAt)) / 60_000));
  return `synced ${utc(sync.lastSuccessAt)} (${minutes} minutes before export)`;
}

/** "3 of 5 items ready (60%)", then the other states that occur: "1 failed, 1 version mismatch". */
export function readinessText(readiness: ReadinessFigure): string {
  if (readiness.total === 0) return 'This release has no items.';
  const others = READINESS_STATE_ORDER.filter((state) => state !== 'ready' && readiness.counts[state] > 0).map(
    (state) => `${readiness.counts[state]} ${READINESS_STATE_LABELS[state].toLowerCase()}`,
  );
  return `${readiness.ready} of ${readiness.total} items ready (${readiness.percent ?? 0}%)${others.length ? `: ${others.join(', ')}` : ''}.`;
}

/** What a table cell says about an artifact in one environment. */
export function deploymentLines(deployment: ArtifactDeployment): string[] {
  const waiting = deployment.latestStatus === 'absent' || deployment.latestStatus === 'pending';
  const lines = [deployment.deployedVersion ?? (waiting ? `Not deployed (${deployment.latestStatus})` : 'Not deployed')];
  if (deployment.failure) lines.push(`Failed: ${deployment.failure.version}${deployment.failure.at ? ` at ${utc(deployment.failure.at)}` : ''}`);
  if (deployment.scheduledVersion) lines.push(`Scheduled: ${deployment.scheduledVersion}`);
  return lines;
}

function targetName(release: ReleaseHeader): string {
  return release.target.name ?? `${release.target.id} (not one of the solution’s environments)`;
}

export function releaseReadinessAdf(input: {
  solutionName: string;
  release: ReleaseHeader;
  items: ReleaseItemRow[];
  /** Items the release has beyond those exported. */
  omittedItems: number;
  signOffs: ReleaseSignOff[];
  sync: SyncStamp;
}) {
  const { release } = input;
  const content: AdfNode[] = [
    heading(4, `Release readiness: ${release.name}`),
    paragraph(
      text(`${input.solutionName} · target ${targetName(release)}${release.target.stage ? ` (${release.target.stage})` : ''} · planned for ${utc(release.plannedFor)}. Data ${ageText(input.sync)}.`),
    ),
    paragraph(strong(readinessText(release.readiness))),
  ];
  if (input.sync.stale) {
    content.push(panel('warning', paragraph(text(`This data may be out of date${input.sync.lastError ? `: the last sync failed (${input.sync.lastError})` : ''}.`))));
  }
  const previousLabel = release.previousStage ? `Deployed in ${release.previousStage.stage}` : 'Deployed in previous stage';
  content.push(
    table(
      ['Artifact', 'Kind', 'Expected', `Deployed in ${targetName(release)}`, previousLabel, 'State'],
      input.items.map((item) => [
        [strong(item.artifactName)],
        [item.kind],
        [item.expectedVersion],
        deploymentLines(item.target),
        item.previous.length === 0
          ? ['No earlier stage']
          : item.previous.flatMap((entry) => deploymentLines(entry).map((line, i) => (i === 0 && item.previous.length > 1 ? `${entry.environmentName}: ${line}` : line))),
        [strong(READINESS_STATE_LABELS[item.state].toUpperCase())],
      ]),
    ),
  );
  if (input.items.length === 0) content.push(paragraph(text('This release has no items.')));
  if (input.omittedItems > 0) content.push(paragraph(text(`${input.omittedItems} more items are not included in this export.`)));

  content.push(heading(5, 'Sign-offs'));
  if (input.signOffs.length === 0) {
    content.push(paragraph(text('Nobody has signed off this release yet.')));
  } else {
    content.push(
      table(
        ['Signed off by', 'When', 'Readiness seen', 'Note', 'Status'],
        input.signOffs.map((signOff) => [
          [strong(signOff.displayName)],
          [utc(signOff.signedAt)],
          [readinessText(signOff.readiness)],
          signOff.note ? signOff.note.split('\n') : ['—'],
          [signOff.outdated ? strong('OUTDATED: deployments changed since') : 'Current'],
        ]),
      ),
    );
  }
  return doc(...content);
}

export function releaseReadinessMessageAdf(message: string) {
  return doc(heading(4, 'Release readiness'), paragraph(text(message)));
}
