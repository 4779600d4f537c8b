/**
 * An incident page in Confluence storage format (XHTML): summary table, remediation tasks, the root-cause section to
 * fill in, the changes before the failure and links to the interface specs of the failing message type.
 *
 * Every value from outside (upstream data, names, ids) goes through escapeStorage, the one escaping function, so
 * markup, `]]>`, macro XML or entities in the data show as text and never become elements. Nothing here uses CDATA,
 * whose `]]>` terminator data could forge.
 */
import type { ChangeRow } from '../../shared/changeSummaryContract';
import { escapeStorage, singleLineText, truncateText } from '../storage/escape';
import { CHANGE_LOOKBACK_HOURS, type ChangeWindow } from './changeWindow';
import type { IncidentFacts } from './incidentFacts';
import { remediationSteps } from './remediationSteps';
import { ROOT_CAUSE_HEADING, ROOT_CAUSE_PLACEHOLDER } from './rootCause';
import { utcTime } from './utcTime';

/** Confluence refuses titles over 255 characters. */
export const TITLE_MAX = 255;
/** Ids longer than this are shortened in titles, with a hash that keeps titles of different ids apart. */
const TITLE_ID_MAX = 80;
const VALUE_MAX = 4000;
const STEP_MAX = 2000;
const CELL_MAX = 1000;

export interface SpecLink {
  /** The spec's name and message type as its listing shows them. */
  name: string;
  messageType: string;
  /** The Confluence page holding the spec; null when it could not be read (the reader gets the name only). */
  page: { title: string; spaceKey: string } | null;
}

export interface IncidentChanges {
  window: ChangeWindow;
  environmentName: string;
  /** Newest first. */
  changes: ChangeRow[];
  /** Changes in the window left off the page. */
  omitted: number;
  /** False when the change history was not available (no sync yet, or the environment has no stream). */
  available: boolean;
}

export interface IncidentPageInput {
  facts: IncidentFacts;
  /** Null for incidents that have no governance environment (iconik jobs). */
  changes: IncidentChanges | null;
  /** Null for incidents that have no message type specs (iconik jobs). */
  specLinks: SpecLink[] | null;
  createdAt: Date;
}

/** Text fit for a title: no control characters or lone surrogates, whitespace collapsed. */
/** FNV-1a over UTF-16 code units, twice with different offsets: 16 hex digits, stable across runs and runtimes. */
export function shortHash(text: string): string {
  const fnv = (offset: number) => {
    let hash = offset >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

/** The id as titles show it: itself, or when very long its start and a hash of the whole. */
export function titleId(failureId: string): string {
  const plain = singleLineText(failureId);
  if (plain === failureId && failureId.length <= TITLE_ID_MAX) return failureId;
  return `${truncateText(plain, 40)}#${shortHash(failureId)}`;
}

/**
 * "Incident <id>: <headline>". Titles are unique per space and the id makes them unique per failure, so two people
 * creating the page at once end up with the same page (see src/confluence/incidentPages.ts).
 */
export function incidentPageTitle(facts: Pick<IncidentFacts, 'kind' | 'failureId' | 'headline'>): string {
  const prefix = `Incident ${facts.kind === 'iconik-job' ? 'iconik job ' : ''}${titleId(facts.failureId)}`;
  const headline = singleLineText(facts.headline);
  return headline ? truncateText(`${prefix}: ${headline}`, TITLE_MAX) : prefix;
}

const text = (value: string, max = VALUE_MAX) => escapeStorage(truncateText(value, max));
const lines = (values: string[], max = VALUE_MAX) => values.map((value) => text(value, max)).join('<br />');

function summaryTable(facts: IncidentFacts): string {
  const rows = facts.summary.map((row) => `<tr><th>${text(row.label)}</th><td>${lines(row.values)}</td></tr>`);
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

function taskList(steps: string[]): string {
  const tasks = steps.map(
    (step, index) => `<ac:task><ac:task-id>${index + 1}</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>${text(step, STEP_MAX)}</ac:task-body></ac:task>`,
  );
  return `<ac:task-list>${tasks.join('')}</ac:task-list>`;
}

function changeDescription(change: ChangeRow): string {
  const promotion = change.promotion ? ` (promotion ${change.promotion.from.name} → ${change.promotion.to.name}, ${change.promotion.state})` : '';
  return `${change.action} ${change.target.kind} ${change.target.name}${promotion}`;
}

function changesSection(changes: IncidentChanges, facts: IncidentFacts): string {
  const heading = `<h2>Changes in the ${CHANGE_LOOKBACK_HOURS} hours before the failure</h2>`;
  const scope = `<p>Environment ${text(changes.environmentName)}, from ${text(utcTime(changes.window.from))} to ${text(utcTime(changes.window.to))} (first seen).</p>`;
  if (!changes.available) {
    return `${heading}<p>The change history of this environment is not available yet (no completed governance sync). Check the Change summary macro.</p>`;
  }
  if (changes.changes.length === 0) {
    return `${heading}${scope}<p>No change was recorded in this environment in the ${CHANGE_LOOKBACK_HOURS} hours before ${text(facts.headline, CELL_MAX)} was first seen.</p>`;
  }
  const header = '<tr><th>When</th><th>Change</th><th>By</th><th>Reason</th><th>Impact</th></tr>';
  const rows = changes.changes.map((change) => {
    const reason = [change.reason, change.ticketRef ? `ticket ${change.ticketRef}` : null].filter((part): part is string => Boolean(part));
    const impact = `${change.impact.severity}${change.impact.summary ? `: ${change.impact.summary}` : ''}`;
    return `<tr><td>${text(utcTime(change.occurredAt))}</td><td>${text(changeDescription(change), CELL_MAX)}</td><td>${text(change.actor.name, CELL_MAX)}</td><td>${reason.length ? lines(reason, CELL_MAX) : '—'}</td><td>${text(impact, CELL_MAX)}</td></tr>`;
  });
  const omitted = changes.omitted > 0 ? `<p>${changes.omitted} more change${changes.omitted === 1 ? '' : 's'} in this window: see the Change summary macro.</p>` : '';
  return `${heading}${scope}<table><tbody>${header}${rows.join('')}</tbody></table>${omitted}`;
}

function specLink(link: SpecLink): string {
  const label = text(`${link.name} (${link.messageType})`, CELL_MAX);
  if (!link.page) return `<li>${label}: the spec page could not be read.</li>`;
  return `<li><ac:link><ri:page ri:space-key="${escapeStorage(link.page.spaceKey)}" ri:content-title="${escapeStorage(link.page.title)}" /><ac:link-body>${label}</ac:link-body></ac:link></li>`;
}

function specsSection(links: SpecLink[], facts: IncidentFacts): string {
  const types = facts.messageTypes.join(', ');
  const heading = `<h2>Interface specs for ${text(types, CELL_MAX)}</h2>`;
  if (links.length === 0) {
    return `${heading}<p>No interface spec for ${text(types, CELL_MAX)} has been written for ${facts.solution ? text(facts.solution.name, CELL_MAX) : 'this solution'} yet.</p>`;
  }
  return `${heading}<ul>${links.map(specLink).join('')}</ul>`;
}

function origin(facts: IncidentFacts, createdAt: Date): string {
  const what =
    facts.kind === 'governance'
      ? `governance failure <code>${text(facts.failureId, CELL_MAX)}</code>${facts.solution ? ` of ${text(facts.solution.name, CELL_MAX)}` : ''}`
      : `iconik job <code>${text(facts.failureId, CELL_MAX)}</code> on ${text(facts.asset?.name ?? '', CELL_MAX)}`;
  const link =
    facts.asset?.link && /^https:\/\//i.test(facts.asset.link) ? ` <a href="${escapeStorage(facts.asset.link)}">Open the asset in ${text(facts.asset.source)}</a>.` : '';
  return `<p>Created by Integration Governance Hub on ${text(utcTime(createdAt))} from ${what}.${link}</p>`;
}

/** The page body. Deterministic: the same input gives the same XHTML. */
export function renderIncidentPage(input: IncidentPageInput): string {
  const { facts } = input;
  const { steps, fromUpstream } = remediationSteps(facts);
  const remediationSource = fromUpstream
    ? `<p>From the ${facts.kind === 'governance' ? 'governance backend' : 'platform'}\u2019s remediation advice:</p>`
    : '<p>No remediation advice came with this failure; generic first steps:</p>';
  return [
    origin(facts, input.createdAt),
    `<h2>Summary</h2>${summaryTable(facts)}`,
    `<h2>Remediation actions</h2>${remediationSource}${taskList(steps)}`,
    `<h2>${ROOT_CAUSE_HEADING}</h2><p><em>${ROOT_CAUSE_PLACEHOLDER}</em></p>`,
    input.changes ? changesSection(input.changes, facts) : '',
    input.specLinks ? specsSection(input.specLinks, facts) : '',
  ].join('');
}
