/**
 * Every page writer against hostile strings: each string must end up as text in the stored storage format (parsed
 * with the workbench's strict storage-format parser, the same refusal Confluence gives), never as an element, a
 * macro or an attribute that came from the data.
 */
import { changeLogIntroduction, insertEntries, parseChangeLog, renderChangeLogEntry } from '../../src/domain/changeLog/changeLogEntry';
import { governanceIncidentFacts, iconikJobIncidentFacts } from '../../src/domain/incidents/incidentFacts';
import { incidentKbAdf } from '../../src/domain/incidents/incidentKbAdf';
import { incidentPageTitle, renderIncidentPage } from '../../src/domain/incidents/incidentPage';
import { rootCauseLine } from '../../src/domain/incidents/rootCause';
import { escapeStorage, truncateText } from '../../src/domain/storage/escape';
import { renderStatusSummary, statusPageTitle, type StatusSummaryInput } from '../../src/domain/statusSummary/statusSummaryPage';
import type { ChangeRow } from '../../src/shared/changeSummaryContract';
import type { IncidentRow } from '../../src/shared/incidentContract';
import { parseStorage, type StorageNode } from '../../workbench/forge/confluence/storage-format';
import { changeRow, failedJob, failure, iconikAsset, NOW } from '../domain/incidents/incidentFixtures';
import { HOSTILE_STRINGS, visibleForm } from './hostileStrings';

const BENIGN = 'benign value';
const cases = Object.entries(HOSTILE_STRINGS);

/** Element names, macros by name, and every attribute name=value pair: what markup the body is made of. */
function markupOf(nodes: StorageNode[], out = { elements: new Set<string>(), macros: [] as string[], attributes: new Set<string>() }) {
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    out.elements.add(node.name);
    if (node.name === 'ac:structured-macro') out.macros.push(node.attrs['ac:name'] ?? '?');
    for (const [name, value] of Object.entries(node.attrs)) out.attributes.add(name === 'ri:content-title' || name === 'ri:space-key' ? name : `${name}=${value}`);
    markupOf(node.children, out);
  }
  return out;
}

function textOf(nodes: StorageNode[]): string {
  return nodes.map((node) => (node.kind === 'element' ? textOf(node.children) : node.text)).join('');
}

/**
 * Renders a writer with the benign value and with the hostile one: the hostile body must parse, be made of the same
 * markup (no element, macro or attribute from data), and show the hostile text.
 */
function expectShownAsText(render: (value: string) => string, hostile: string, options: { shownPrefix?: number } = {}) {
  const benign = markupOf(parseStorage(render(BENIGN)));
  const storage = render(hostile);
  let nodes: StorageNode[] = [];
  expect(() => (nodes = parseStorage(storage))).not.toThrow();
  const markup = markupOf(nodes);
  expect([...markup.elements].filter((name) => !benign.elements.has(name))).toEqual([]);
  expect(markup.macros.sort()).toEqual(benign.macros.sort());
  expect([...markup.attributes].filter((attribute) => !benign.attributes.has(attribute))).toEqual([]);
  // Markup in the data arrives escaped: no raw tag, macro or CDATA section of its own.
  expect(storage).not.toMatch(/<script|<img|ac:name="html"|<!\[CDATA\[/i);
  const shown = visibleForm(hostile).slice(0, options.shownPrefix ?? 40);
  expect(textOf(nodes)).toContain(shown);
}

const incidentFailure = (value: string) =>
  failure({
    id: value,
    environmentId: value,
    messageType: value,
    partner: { id: value, name: value },
    endpoint: value,
    errorCode: value,
    errorMessage: value,
    correlationId: value,
    remediation: value,
    severity: value,
    state: value,
  });

const hostileChange = (value: string): ChangeRow =>
  changeRow({
    id: value,
    actor: { id: value, name: value },
    action: value,
    target: { kind: value, id: value, name: value },
    environment: { id: value, name: value },
    reason: value,
    ticketRef: value,
    diff: [
      { op: 'replace', path: value, before: value, after: value, sensitive: false },
      { op: 'add', path: value, before: null, after: null, sensitive: true },
    ],
    impact: { severity: value, summary: value, affectedSystems: [value], affectedPartners: [value], affectedEnvironments: [{ id: value, name: value }] },
    promotion: { from: { id: value, name: value }, to: { id: value, name: value }, state: value, approvedBy: [value] },
  });

function statusInput(value: string): StatusSummaryInput {
  return {
    solution: { id: value, name: value },
    generatedAt: NOW.toISOString(),
    cadence: 'daily',
    syncedAt: NOW.toISOString(),
    changesSince: NOW.toISOString(),
    firstSummary: false,
    environments: [{ name: value, stage: value, isProduction: true, status: value, statusMessage: value, updatedAt: NOW.toISOString(), lastDeployment: { artifactName: value, version: value, status: value, deployedAt: NOW.toISOString() } }],
    changes: { rows: [hostileChange(value)], more: 0, productionIds: new Set([value]) },
    failures: [
      { severity: value, state: value, environmentName: value, direction: value, messageType: value, partner: value, endpoint: value, errorCode: value, errorMessage: value, occurrences: 3, firstSeenAt: NOW.toISOString(), lastSeenAt: NOW.toISOString() },
    ],
    issues: [{ severity: value, title: value, detail: value, environmentName: value }],
    maintenance: [{ id: value, title: value, kind: value, status: value, startsAt: NOW.toISOString(), endsAt: NOW.toISOString(), environments: [value], inProgress: true }],
    maintenanceHorizonDays: 14,
    credentials: [{ name: value, kind: value, environmentName: value, system: value, owner: value, dueAt: NOW.toISOString(), state: value }],
    dueSoonDays: 30,
    assets: { state: 'ok', expiringDays: 30, expired: 1, expiring: 1, rows: [{ name: value, source: value, usageRights: value, expiresAt: NOW.toISOString(), daysToExpiry: 3, link: value }], more: 0 },
  };
}

/** Titles are plain text in the REST call: no control characters or lone surrogates (Confluence shows them garbled). */
function expectPlainTitle(title: string) {
  expect(title.length).toBeLessThanOrEqual(255);
  // eslint-disable-next-line no-control-regex -- control characters must not reach a title
  expect(title).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe.each(cases)('the hostile string "%s"', (_name, hostile) => {
  it('is text on a governance incident page: summary, tasks, changes and spec links', () => {
    expectShownAsText(
      (value) =>
        renderIncidentPage({
          facts: governanceIncidentFacts(incidentFailure(value), { solution: { id: value, name: value }, environmentName: value }),
          changes: { window: { from: 0, to: 1 }, environmentName: value, changes: [hostileChange(value)], omitted: 0, available: true },
          specLinks: [{ name: value, messageType: value, page: { title: value, spaceKey: value } }],
          createdAt: NOW,
        }),
      hostile,
    );
  });

  it('is text on an iconik incident page', () => {
    expectShownAsText(
      (value) =>
        renderIncidentPage({
          facts: iconikJobIncidentFacts(iconikAsset({ id: value, name: value, source: 'iconik' }), failedJob({ id: value, type: value, title: value, status: value, error: value, steps: [{ label: value, status: value, error: value }] })),
          changes: null,
          specLinks: null,
          createdAt: NOW,
        }),
      hostile,
    );
  });

  it('is text in a change-log entry, and cannot forge an entry marker', () => {
    const render = (value: string) => insertEntries('', [renderChangeLogEntry({ row: hostileChange(value), solution: { id: value, name: value }, production: true })], changeLogIntroduction()) ?? '';
    expectShownAsText(render, hostile);
    expect(parseChangeLog(render(hostile)).entries).toHaveLength(1);
  });

  it('is text on the status summary page', () => {
    expectShownAsText((value) => renderStatusSummary(statusInput(value)), hostile);
  });

  it('reads back as text from a root-cause section', () => {
    const page = `<h2>Root cause</h2><p>${escapeStorage(hostile)}</p><h2>Next</h2>`;
    expect(rootCauseLine(page)).toBe(truncateText(visibleForm(hostile).replace(/\s+/g, ' ').trim(), 300));
  });

  it('makes incident page titles of plain characters within 255', () => {
    expectPlainTitle(incidentPageTitle({ kind: 'governance', failureId: hostile, headline: hostile }));
  });

  it('makes status page titles of plain characters within 255', () => {
    expectPlainTitle(statusPageTitle(hostile));
  });

  it('stays data in the knowledge base’s PDF export (ADF text nodes)', () => {
    const row: IncidentRow = {
      pageId: '1', title: hostile, url: '/wiki/x', createdAt: null, state: 'open', stateSource: 'label', failureState: hostile, rootCause: hostile, kind: 'governance',
      messageType: hostile, partner: { id: hostile, name: hostile }, endpoint: hostile, environment: null, severity: hostile, similarKey: null,
    };
    const adf = incidentKbAdf({ spaceKey: 'OTC', rows: [row], total: 1, filters: { messageType: hostile }, now: NOW });
    const texts: string[] = [];
    const walk = (node: unknown) => {
      const n = node as { type?: string; text?: string; content?: unknown[] };
      if (n.type === 'text') texts.push(n.text ?? '');
      n.content?.forEach(walk);
    };
    walk(adf);
    expect(texts).toContain(hostile);
    expect(JSON.stringify(adf)).not.toContain('"type":"extension"');
  });
});
