import { createHash } from 'node:crypto';
import type { ChangeRow, EnvironmentRef } from '../../shared/changeSummaryContract';
import { escapeStorage, truncateText } from '../storage/escape';

/**
 * One entry of a space's "Integration change log" page (storage format), and the page-level edits the writer
 * makes: insert an entry at its place (newest first), find entries, move the oldest out.
 *
 * Every entry starts with an anchor macro whose name is the entry's marker, `gov-change-<unix seconds>-<16 hex>`:
 * the seconds are the change's time (for ordering), the hex a digest of the change id (for de-duplication: a
 * redelivered event finds its marker and adds nothing). An entry runs from its marker to the next marker or the
 * end of the body, so the page's own introduction sits before the first entry. Outside text is escaped, so it can
 * never forge a marker.
 */
export const CHANGE_LOG_TITLE = 'Integration change log';
/** Entries kept on the change-log page; past this the oldest move to the yearly archive. */
export const CHANGE_LOG_MAX_ENTRIES = 500;
/** What the page is cut back to when it overflows, so the archive is touched once per 50 changes, not every time. */
export const CHANGE_LOG_TRIM_TO = 450;
/** The page body's size limit (characters): very large diffs make entries big, and a huge page is slow to open. */
export const CHANGE_LOG_MAX_CHARS = 1_500_000;
/** Entries per archive page before the next part of the year starts. */
export const ARCHIVE_MAX_ENTRIES = 1_000;
export const ARCHIVE_MAX_CHARS = 3_000_000;
/** Diff lines shown per entry; the change-summary macro has them all. */
export const DIFF_LINES_SHOWN = 10;
const VALUE_CHARS = 200;
const TEXT_CHARS = 2_000;

export interface ChangeLogEntryInput {
  /** The change as the change-summary view stores it: sensitive diff values already redacted, names resolved. */
  row: ChangeRow;
  solution: { id: string; name: string };
  /** The change's environment (or its promotion's target) is production: the entry shows the impact. */
  production: boolean;
}

export interface EntryMarker {
  name: string;
  seconds: number;
  digest: string;
}

export function changeDigest(changeId: string): string {
  return createHash('sha256').update(changeId, 'utf8').digest('hex').slice(0, 16);
}

export function entryMarker(row: Pick<ChangeRow, 'id' | 'occurredAt'>): EntryMarker {
  const parsed = Date.parse(row.occurredAt);
  const seconds = Number.isNaN(parsed) ? 0 : Math.max(0, Math.floor(parsed / 1000));
  const digest = changeDigest(row.id);
  return { name: `gov-change-${seconds}-${digest}`, seconds, digest };
}

const text = (value: string | null | undefined, max = TEXT_CHARS) => escapeStorage(truncateText(value ?? '', max));

/** "2026-11-22 10:15 UTC" */
export function utcMinute(iso: string): string {
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) return iso;
  return `${new Date(parsed).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const SEVERITY_COLOURS: Record<string, string> = { critical: 'Red', high: 'Red', medium: 'Yellow', low: 'Green' };

/** A Confluence status lozenge: static in the page and in PDF exports. */
export function statusLozenge(title: string, colour: string): string {
  return `<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">${escapeStorage(colour)}</ac:parameter><ac:parameter ac:name="title">${text(title.toUpperCase(), 60)}</ac:parameter></ac:structured-macro>`;
}

export function severityLozenge(severity: string): string {
  return statusLozenge(severity, SEVERITY_COLOURS[severity] ?? 'Grey');
}

function anchor(name: string): string {
  return `<ac:structured-macro ac:name="anchor" ac:schema-version="1"><ac:parameter ac:name="">${escapeStorage(name)}</ac:parameter></ac:structured-macro>`;
}

const row = (header: string, cell: string) => `<tr><th>${escapeStorage(header)}</th><td>${cell}</td></tr>`;
const list = (values: readonly string[], empty = 'none') => (values.length === 0 ? escapeStorage(empty) : values.map((value) => text(value, 300)).join(', '));
const environmentName = (environment: EnvironmentRef) => text(environment.name === environment.id ? environment.id : `${environment.name} (${environment.id})`, 300);

function diffLines(entry: ChangeRow): string {
  const lines = entry.diff.slice(0, DIFF_LINES_SHOWN).map((diff) => {
    const path = `<code>${text(diff.path, 300)}</code>`;
    if (diff.sensitive) return `<li>${path}: ${diff.op === 'add' ? 'added' : diff.op === 'remove' ? 'removed' : 'changed'}, value hidden (sensitive)</li>`;
    const before = diff.before === null ? '' : text(diff.before, VALUE_CHARS);
    const after = diff.after === null ? '' : text(diff.after, VALUE_CHARS);
    const change = diff.op === 'add' ? `added ${after}` : diff.op === 'remove' ? `removed ${before}` : `${before || '(empty)'} → ${after || '(empty)'}`;
    return `<li>${path}: ${change}</li>`;
  });
  const hidden = entry.diff.length - Math.min(entry.diff.length, DIFF_LINES_SHOWN) + entry.diffOmitted;
  if (hidden > 0) lines.push(`<li>${hidden} more change${hidden === 1 ? '' : 's'} (see the Change summary macro)</li>`);
  return `<ul>${lines.join('')}</ul>`;
}

/** One entry: marker, heading and a two-column table (readable on the page and in PDF exports). */
export function renderChangeLogEntry(input: ChangeLogEntryInput): { marker: EntryMarker; storage: string } {
  const { row: change, solution, production } = input;
  const marker = entryMarker(change);
  const what = `${change.action} ${change.target.kind} ${change.target.name}`;
  const rows = [
    row('When', escapeStorage(utcMinute(change.occurredAt))),
    row('Who', text(change.actor.name, 300)),
    row('What', `${text(change.action, 60)} ${text(change.target.kind, 60)} <strong>${text(change.target.name, 300)}</strong> (${text(change.target.id, 200)})`),
    row('Why', change.reason ? text(change.reason) : '<em>No reason given</em>'),
    row('Ticket', change.ticketRef ? text(change.ticketRef, 200) : '<em>None</em>'),
    row('Environment', `${environmentName(change.environment)}${production ? ' · production' : ''}`),
    row('Solution', text(solution.name, 300)),
  ];
  if (production) {
    rows.push(
      row('Impact', `${severityLozenge(change.impact.severity)} ${text(change.impact.summary)}`),
      row('Affected systems', list(change.impact.affectedSystems)),
      row('Affected partners', list(change.impact.affectedPartners)),
      row('Affected environments', list(change.impact.affectedEnvironments.map((environment) => (environment.name === environment.id ? environment.id : environment.name)))),
    );
  }
  if (change.promotion) {
    const approvers = change.promotion.approvedBy.length > 0 ? ` · approved by ${list(change.promotion.approvedBy)}` : '';
    rows.push(row('Promotion', `${environmentName(change.promotion.from)} → ${environmentName(change.promotion.to)}: ${text(change.promotion.state, 60)}${approvers}`));
  }
  if (change.diff.length > 0 || change.diffOmitted > 0) rows.push(row('Changes', diffLines(change)));
  const heading = `<h3>${text(what, 300)} · ${escapeStorage(utcMinute(change.occurredAt))}</h3>`;
  return { marker, storage: `${anchor(marker.name)}${heading}<table><tbody>${rows.join('')}</tbody></table>` };
}

export function changeLogIntroduction(): string {
  return (
    '<p>Configuration changes of the integrations mapped to this space, newest first, written by the Integration Governance Hub app ' +
    "from the governance backend's signed change events. Production changes show their impact. Sensitive values are never shown.</p>" +
    `<p>The newest ${CHANGE_LOG_MAX_ENTRIES} entries stay on this page; older entries move to the yearly archive pages below it ` +
    '("Integration change log archive &lt;year&gt;"). Please do not edit the entries: the app re-reads them.</p>'
  );
}

export function archiveTitle(year: number, part: number): string {
  return part <= 1 ? `${CHANGE_LOG_TITLE} archive ${year}` : `${CHANGE_LOG_TITLE} archive ${year} (${part})`;
}

export function archiveIntroduction(year: number): string {
  return `<p>Entries of the ${escapeStorage(CHANGE_LOG_TITLE)} from ${year} that no longer fit on that page, newest first.</p>`;
}

export interface LogEntry {
  marker: EntryMarker;
  storage: string;
}

export interface ParsedLog {
  /** Everything before the first entry: the page's introduction, and anything a person added there. */
  head: string;
  entries: LogEntry[];
}

const MARKER_PATTERN = /<ac:structured-macro\b[^>]*\bac:name="anchor"[^>]*>\s*<ac:parameter\b[^>]*>\s*gov-change-(\d{1,12})-([0-9a-f]{16})\s*<\/ac:parameter>\s*<\/ac:structured-macro>/g;

/** Splits a change-log body into its introduction and its entries (in page order). */
export function parseChangeLog(storage: string): ParsedLog {
  const starts: { index: number; marker: EntryMarker }[] = [];
  for (const match of storage.matchAll(MARKER_PATTERN)) {
    const seconds = Number(match[1]);
    const digest = match[2] as string;
    starts.push({ index: match.index ?? 0, marker: { name: `gov-change-${seconds}-${digest}`, seconds, digest } });
  }
  if (starts.length === 0) return { head: storage, entries: [] };
  const head = storage.slice(0, starts[0]?.index ?? 0);
  const entries = starts.map((start, i) => ({ marker: start.marker, storage: storage.slice(start.index, starts[i + 1]?.index ?? storage.length) }));
  return { head, entries };
}

export function serializeChangeLog(log: ParsedLog): string {
  return log.head + log.entries.map((entry) => entry.storage).join('');
}

/** Newer first; equal seconds by digest so every writer puts entries in the same order. */
function entryOrder(a: EntryMarker, b: EntryMarker): number {
  return b.seconds - a.seconds || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0);
}

/**
 * The body with `entry` inserted at its place (newest first), or null when an entry with the same change digest
 * is already there (a redelivered event). `introduction` is written first when the page has none of its own.
 */
export function insertEntries(storage: string, entries: readonly LogEntry[], introduction: string): string | null {
  const log = parseChangeLog(storage);
  const present = new Set(log.entries.map((entry) => entry.marker.digest));
  const fresh = entries.filter((entry) => !present.has(entry.marker.digest));
  if (fresh.length === 0) return null;
  const head = log.entries.length === 0 && log.head.trim() === '' ? introduction : log.head;
  const merged = [...log.entries];
  for (const entry of fresh) {
    const position = merged.findIndex((existing) => entryOrder(entry.marker, existing.marker) < 0);
    if (position < 0) merged.push(entry);
    else merged.splice(position, 0, entry);
    present.add(entry.marker.digest);
  }
  return serializeChangeLog({ head, entries: merged });
}

/** The body without the entries of these digests, or null when none of them is there any more. */
export function removeEntries(storage: string, digests: ReadonlySet<string>): string | null {
  const log = parseChangeLog(storage);
  const kept = log.entries.filter((entry) => !digests.has(entry.marker.digest));
  if (kept.length === log.entries.length) return null;
  return serializeChangeLog({ head: log.head, entries: kept });
}

/**
 * The oldest entries to move out so the page keeps at most `maxEntries` entries and `maxChars` characters; none
 * while it is within both limits. Cuts back to `trimTo` entries (or 90% of `maxChars`) so moves are batched.
 */
export function overflowEntries(storage: string, limits: { maxEntries: number; trimTo: number; maxChars: number }): LogEntry[] {
  const log = parseChangeLog(storage);
  if (log.entries.length <= limits.maxEntries && storage.length <= limits.maxChars) return [];
  let keep = Math.min(log.entries.length, log.entries.length > limits.maxEntries ? limits.trimTo : log.entries.length);
  const budget = Math.floor(limits.maxChars * 0.9) - log.head.length;
  let size = log.entries.slice(0, keep).reduce((total, entry) => total + entry.storage.length, 0);
  while (keep > 1 && size > budget) {
    keep -= 1;
    size -= log.entries[keep]?.storage.length ?? 0;
  }
  return log.entries.slice(keep);
}

export function entryYear(marker: EntryMarker): number {
  return new Date(marker.seconds * 1000).getUTCFullYear();
}
