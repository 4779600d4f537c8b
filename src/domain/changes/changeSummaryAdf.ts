import { doc, heading, panel, paragraph, strong, table, text, type AdfNode, type AdfText } from '../adf/nodes';
import {
  CHANGE_WINDOW_LABELS,
  type ChangeDiffEntry,
  type ChangeRow,
  type ChangeWindow,
  type PendingPromotion,
  type RemainingCount,
} from '../../shared/changeSummaryContract';
import type { SyncStamp } from '../../shared/syncStamp';
import { groupByDay } from './dayGroups';

/** Exports have no "Older changes" button: the most recent changes up to this cap, and how many more there are. */
export const EXPORT_CHANGE_LIMIT = 50;

export interface ChangeSummaryAdfInput {
  solutionName: string;
  window: ChangeWindow;
  windowStart: string;
  environments: { name: string }[];
  onlyProduction: boolean;
  pending: PendingPromotion[];
  changes: ChangeRow[];
  remaining: RemainingCount;
  sync: SyncStamp;
}

/** "2026-11-22 10:15 UTC": exports are read anywhere, so every time says its zone. */
function utc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

function syncText(sync: SyncStamp): string {
  if (!sync.lastSuccessAt) return 'Never synced.';
  const minutes = Math.max(0, Math.round((Date.parse(sync.now) - Date.parse(sync.lastSuccessAt)) / 60_000));
  return `Data synced ${utc(sync.lastSuccessAt)} (${minutes} minutes before export).`;
}

export function diffLine(entry: ChangeDiffEntry): string {
  if (entry.sensitive) return `${entry.path}: redacted (sensitive)`;
  return `${entry.path}: ${entry.before ?? '(none)'} → ${entry.after ?? '(none)'}`;
}

function freezeLine(promotion: PendingPromotion): (AdfText | string)[] {
  if (promotion.freezeConflicts.length === 0) return ['No freeze ahead'];
  return promotion.freezeConflicts.map((freeze) =>
    strong(`${freeze.inProgress ? 'FREEZE IN PROGRESS' : 'FREEZE AHEAD'}: ${freeze.title}, ${utc(freeze.startsAt)} to ${utc(freeze.endsAt)}`),
  );
}

function pendingTable(pending: PendingPromotion[]): AdfNode {
  return table(
    ['Target', 'From → to', 'State', 'Requested', 'Approvers', 'Freeze'],
    pending.map((p) => [
      [strong(p.target.name), p.target.kind, ...(p.version?.after ? [`version ${p.version.after}`] : [])],
      [`${p.from.name} → ${p.to.name}`],
      [strong(p.state.toUpperCase())],
      [p.requestedBy, `updated ${utc(p.updatedAt)}`, ...(p.ticketRef ? [p.ticketRef] : [])],
      p.approvedBy.length ? p.approvedBy : ['None yet'],
      freezeLine(p),
    ]),
  );
}

function changesTable(rows: ChangeRow[]): AdfNode {
  return table(
    ['Time (UTC)', 'Who and what', 'Diff', 'Why', 'Impact'],
    rows.map((row) => [
      [row.occurredAt.slice(11, 16)],
      [
        strong(`${row.actor.name} ${row.action} ${row.target.kind} ${row.target.name}`),
        `in ${row.environment.name}`,
        ...(row.promotion ? [`Promotion ${row.promotion.from.name} → ${row.promotion.to.name}: ${row.promotion.state}`] : []),
      ],
      [...row.diff.map(diffLine), ...(row.diffOmitted ? [`and ${row.diffOmitted} more entries`] : []), ...(row.diff.length ? [] : ['No diff'])],
      [row.reason ?? 'No reason given', ...(row.ticketRef ? [row.ticketRef] : [])],
      [
        strong(row.impact.severity.toUpperCase()),
        row.impact.summary,
        ...(row.impact.affectedSystems.length ? [`Systems: ${row.impact.affectedSystems.join(', ')}`] : []),
        ...(row.impact.affectedPartners.length ? [`Partners: ${row.impact.affectedPartners.join(', ')}`] : []),
        ...(row.impact.affectedEnvironments.length ? [`Environments: ${row.impact.affectedEnvironments.map((e) => e.name).join(', ')}`] : []),
      ],
    ]),
  );
}

function remainingText(remaining: RemainingCount): string | null {
  if (remaining.atMost === 0) return null;
  const count = remaining.atLeast === remaining.atMost ? `${remaining.atLeast}` : `${remaining.atLeast} to ${remaining.atMost}`;
  return `Showing the ${EXPORT_CHANGE_LIMIT} most recent changes; ${count} older changes in this window are not included. Open the page to see them.`;
}

/** The change summary as ADF for PDF and Word: pending production promotions, then recent changes by UTC day. */
export function changeSummaryAdf(input: ChangeSummaryAdfInput) {
  const scope = input.onlyProduction ? 'production environments' : 'environments';
  const content: AdfNode[] = [
    heading(4, `Change summary: ${input.solutionName}`),
    paragraph(
      text(
        `${CHANGE_WINDOW_LABELS[input.window]} (since ${utc(input.windowStart)}), ${scope}: ` +
          `${input.environments.map((e) => e.name).join(', ') || 'none'}. ${syncText(input.sync)}`,
      ),
    ),
  ];
  if (input.sync.stale) {
    content.push(panel('warning', paragraph(text(`This data may be out of date${input.sync.lastError ? `: the last sync failed (${input.sync.lastError})` : ''}.`))));
  }
  content.push(heading(5, 'Pending production promotions'));
  const conflicts = input.pending.filter((p) => p.freezeConflicts.length > 0).length;
  if (conflicts > 0) {
    content.push(panel('warning', paragraph(text(`${conflicts} pending production promotion${conflicts === 1 ? ' runs' : 's run'} into a change freeze.`))));
  }
  content.push(input.pending.length ? pendingTable(input.pending) : paragraph(text('No production promotion is pending.')));
  content.push(heading(5, 'Changes'));
  if (input.changes.length === 0) content.push(paragraph(text('No changes in this window.')));
  for (const group of groupByDay(input.changes, 'UTC')) {
    content.push(paragraph(strong(`${group.day} (UTC)`), text(`: ${group.rows.length} change${group.rows.length === 1 ? '' : 's'}`)));
    content.push(changesTable(group.rows));
  }
  const more = remainingText(input.remaining);
  if (more) content.push(paragraph(text(more)));
  return doc(...content);
}

export function changeSummaryMessageAdf(message: string) {
  return doc(heading(4, 'Change summary'), paragraph(text(message)));
}
