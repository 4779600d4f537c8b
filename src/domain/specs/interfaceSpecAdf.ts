import { codeBlock, doc, heading, panel, paragraph, strong, table, text, type AdfNode, type AdfText } from '../adf/nodes';
import type { SyncStamp } from '../../shared/syncStamp';
import type { InterfaceSpec } from './interfaceSpec';
import type { ArtifactCheck, EndpointCheck, EnvironmentDrift, SpecDrift } from './specDrift';

/** Exports show the schema document in full up to this many characters, then say where the rest is. */
const SCHEMA_EXPORT_CHARS = 20_000;

const DIRECTION_WORDS: Record<string, string> = {
  inbound: 'Inbound (partner to us)',
  outbound: 'Outbound (us to partner)',
  bidirectional: 'Both directions',
};

export interface InterfaceSpecAdfInput {
  spec: InterfaceSpec;
  solutionName: string | null;
  /** Environment id -> name, for the endpoints table; ids without a name are shown as they are. */
  environmentNames: Record<string, string>;
  /** Artifact id -> name, as last synced. */
  artifactNames: Record<string, string>;
  saved: { version: number; savedAt: string };
  mode: 'spec-and-drift' | 'spec' | 'drift';
  drift: { state: 'ok'; drift: SpecDrift } | { state: 'unavailable'; message: string };
  sync: SyncStamp;
}

function syncedText(sync: SyncStamp): string {
  if (!sync.lastSuccessAt) return 'Governance data: never synced.';
  const minutes = Math.max(0, Math.round((Date.parse(sync.now) - Date.parse(sync.lastSuccessAt)) / 60_000));
  return `Governance data synced ${sync.lastSuccessAt.replace('T', ' ').slice(0, 16)} UTC (${minutes} minutes before export).`;
}

function schemaContent(schema: InterfaceSpec['schema']): AdfNode[] {
  if (schema.kind === 'json-schema') {
    const json = JSON.stringify(schema.document, null, 2);
    const shown = json.length > SCHEMA_EXPORT_CHARS ? `${json.slice(0, SCHEMA_EXPORT_CHARS)}\n…` : json;
    return [
      paragraph(text('JSON Schema:')),
      codeBlock(shown, 'json'),
      ...(json.length > SCHEMA_EXPORT_CHARS ? [paragraph(text(`Shortened for export: the full document is ${json.length} characters, on the page.`))] : []),
    ];
  }
  const what = schema.kind === 'xsd' ? 'XML Schema (XSD)' : 'EDI implementation guideline';
  const named = [schema.name, schema.version].filter(Boolean).join(' ');
  const parts: AdfText[] = [text(`${what}: `)];
  if (named) parts.push(strong(named));
  if (named && schema.url) parts.push(text(', '));
  if (schema.url) parts.push(text(schema.url, { type: 'link', attrs: { href: schema.url } }));
  return [paragraph(...parts)];
}

function section(title: string, rows: (AdfText | string)[][][], headers: string[], empty: string): AdfNode[] {
  return [heading(5, title), rows.length ? table(headers, rows) : paragraph(text(empty))];
}

export function artifactStateText(check: ArtifactCheck): string {
  switch (check.state) {
    case 'match':
      return 'Match';
    case 'drift':
      return 'DRIFT';
    case 'not-deployed':
      return check.deploymentStatus ? `Not deployed (${check.deploymentStatus})` : 'Not deployed';
  }
}

export function endpointStateText(check: EndpointCheck): string {
  switch (check.state) {
    case 'match':
      return 'Match';
    case 'drift':
      return `DRIFT (${check.differs.join(' and ')})`;
    case 'missing':
      return 'Missing';
    case 'not-specified':
      return 'Not in spec';
  }
}

function driftRows(environment: EnvironmentDrift): string[][][] {
  const label = `${environment.name} (${environment.stage}${environment.isProduction ? ', production' : ''})`;
  const rows: string[][][] = environment.artifacts.map((check) => [
    [label],
    [check.artifactName ? `${check.artifactName} (${check.artifactId})` : check.artifactId],
    [check.expected],
    [check.state === 'not-deployed' ? (check.version ?? '—') : check.deployed],
    [artifactStateText(check)],
  ]);
  const endpoint = environment.endpoint;
  if (endpoint.state !== 'not-specified') {
    rows.push([
      [label],
      ['Endpoint'],
      [`${endpoint.expected.url} (${endpoint.expected.protocol})`],
      [endpoint.state === 'missing' ? `none like it (${endpoint.available} other endpoint${endpoint.available === 1 ? '' : 's'})` : `${endpoint.actual.url} (${endpoint.actual.protocol})`],
      [endpointStateText(endpoint)],
    ]);
  }
  return rows;
}

function driftContent(input: InterfaceSpecAdfInput): AdfNode[] {
  const content: AdfNode[] = [heading(5, 'Drift: the environments compared with this spec'), paragraph(text(syncedText(input.sync)))];
  if (input.sync.stale) {
    content.push(panel('warning', paragraph(text(`This data may be out of date${input.sync.lastError ? `: the last sync failed (${input.sync.lastError})` : ''}.`))));
  }
  if (input.drift.state === 'unavailable') return [...content, paragraph(text(input.drift.message))];
  const { drift } = input.drift;
  const rows = drift.environments.flatMap(driftRows);
  content.push(rows.length ? table(['Environment', 'Item', 'Spec', 'Deployed / configured', 'State'], rows) : paragraph(text('Nothing to compare: the spec names no artifacts or endpoints for these environments.')));
  if (drift.unknownEnvironments.length) {
    content.push(panel('note', paragraph(text(`The spec names endpoints for environments the solution does not have: ${drift.unknownEnvironments.join(', ')}.`))));
  }
  return content;
}

/** The spec as a readable document for PDF and Word export, with its drift at the time of export. */
export function interfaceSpecAdf(input: InterfaceSpecAdfInput) {
  const { spec } = input;
  const content: AdfNode[] = [heading(4, `Interface spec: ${spec.name}`)];
  if (spec.description) content.push(paragraph(text(spec.description)));
  if (input.mode !== 'drift') {
    content.push(
      table(
        ['Field', 'Value'],
        [
          [['Solution'], [input.solutionName ?? spec.solutionId]],
          [['Partners'], spec.partners.map((p) => `${p.name} (${p.id})`)],
          [['Direction'], [DIRECTION_WORDS[spec.direction] ?? spec.direction]],
          [['Message'], [`${spec.message.type} ${spec.message.version}`]],
          [['Owner'], [`${spec.owner.name} <${spec.owner.email}>`]],
          [['Spec version'], [`${input.saved.version}, saved ${input.saved.savedAt.replace('T', ' ').slice(0, 16)} UTC`]],
        ],
      ),
      heading(5, 'Schema'),
      ...schemaContent(spec.schema),
      ...section(
        'Endpoints',
        spec.endpoints.map((e) => [[input.environmentNames[e.environmentId] ?? e.environmentId], [e.protocol], [e.url]]),
        ['Environment', 'Protocol', 'URL'],
        'No endpoints specified.',
      ),
      ...section(
        'Implementing artifacts',
        spec.artifacts.map((a) => [[input.artifactNames[a.artifactId] ? `${input.artifactNames[a.artifactId]} (${a.artifactId})` : a.artifactId], [a.expectedVersion]]),
        ['Artifact', 'Expected version'],
        'No artifacts specified.',
      ),
      ...section('Business rules', spec.businessRules.map((r) => [[strong(r.id)], [r.text]]), ['Rule', 'Text'], 'No business rules specified.'),
      ...section('Exception handling', spec.exceptionHandling.map((e) => [[e.condition], [e.action]]), ['Condition', 'Action'], 'No exception handling specified.'),
    );
  }
  if (input.mode !== 'spec') content.push(...driftContent(input));
  return doc(...content);
}

export function interfaceSpecMessageAdf(message: string) {
  return doc(heading(4, 'Interface spec'), paragraph(text(message)));
}
