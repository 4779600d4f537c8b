/**
 * The asset-lifecycle macro in PDF and Word exports (adfExport), where Custom UI cannot render: the summary counts and
 * the first page of assets as a table, with the filters applied and the time the data is "as of". Every value from
 * Canto or iconik goes into ADF as a text node, never as markup.
 */
import { doc, heading, panel, paragraph, strong, table, text, type AdfNode, type AdfText } from '../adf/nodes';
import {
  ASSET_SOURCE_LABELS,
  type AssetFilters,
  type AssetPage,
  type AssetRow,
  type AssetSourceFreshness,
} from '../../shared/assetLifecycleContract';

const DEFAULT_TITLE = 'Asset lifecycle';

const minute = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;
const day = (iso: string) => iso.slice(0, 10);

export function filtersText(filters: AssetFilters, expiringDays: number): string {
  const parts = [
    filters.sources && filters.sources.length > 0 ? `Sources: ${filters.sources.map((s) => ASSET_SOURCE_LABELS[s]).join(', ')}` : null,
    filters.approval ? `Approval: ${filters.approval}` : null,
    filters.campaign ? `Campaign: ${filters.campaign}` : null,
    filters.productLine ? `Product line: ${filters.productLine}` : null,
    filters.region ? `Region: ${filters.region}` : null,
    filters.failedOnly ? 'Only assets with failed jobs' : null,
    filters.expiry === 'expired' ? 'Only expired usage rights' : null,
    filters.expiry === 'expiring' ? `Only usage rights expiring within ${expiringDays} days` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `${parts.join('. ')}.` : 'All assets.';
}

function freshnessText(freshness: AssetSourceFreshness): string {
  const name = ASSET_SOURCE_LABELS[freshness.source];
  const synced = freshness.lastSuccessAt ? `synced ${minute(freshness.lastSuccessAt)}` : 'never synced';
  return `${name}: ${synced}`;
}

function staleText(freshness: AssetSourceFreshness): string {
  const name = ASSET_SOURCE_LABELS[freshness.source];
  if (freshness.lastError) return `${name} data may be out of date: the last sync failed (${freshness.lastError}).`;
  if (!freshness.lastSuccessAt) return `${name} has not been synced yet.`;
  return `${name} data may be out of date: the last successful sync was more than two hours ago.`;
}

export function expiryLines(row: AssetRow, expiringDays: number): (AdfText | string)[] {
  const lines: (AdfText | string)[] = [];
  if (row.usageRights) lines.push(row.usageRights);
  if (!row.expiresAt) {
    lines.push('No expiration date');
    return lines;
  }
  const days = row.daysToExpiry ?? 0;
  if (row.expiryState === 'expired') lines.push(strong(`EXPIRED ${day(row.expiresAt)}`));
  else if (row.expiryState === 'expiring') {
    lines.push(strong(`EXPIRING ${day(row.expiresAt)} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}, within ${expiringDays})`));
  } else lines.push(`Expires ${day(row.expiresAt)}`);
  return lines;
}

function failedJobLines(row: AssetRow): (AdfText | string)[] {
  if (row.failedJobs.length === 0) return ['None'];
  return row.failedJobs.map((job) => `${job.type} ${job.status}${job.title ? `: ${job.title}` : ''}${job.error ? ` (${job.error})` : ''}`);
}

function activityLines(row: AssetRow): string[] {
  const activity = row.lastActivity;
  if (!activity) return ['None recorded'];
  return [`${activity.what}${activity.detail ? `: ${activity.detail}` : ''}`, `${activity.who ?? 'Unknown user'}, ${minute(activity.when)}`];
}

function nameCell(row: AssetRow): AdfText[] {
  return [row.link ? text(row.name, { type: 'strong' }, { type: 'link', attrs: { href: row.link } }) : strong(row.name)];
}

function summaryText(page: AssetPage): string {
  const { summary, expiringDays } = page;
  const bySource = page.scope.sources.map((source) => `${summary.bySource[source] ?? 0} in ${ASSET_SOURCE_LABELS[source]}`).join(', ');
  const approvals = Object.entries(summary.byApproval)
    .sort((a, b) => b[1] - a[1])
    .map(([status, count]) => `${count} ${status.replace(/_/g, ' ')}`)
    .join(', ');
  return (
    `${summary.total} assets (${bySource})` +
    (approvals ? `; approval: ${approvals}` : '') +
    `; ${summary.expired} expired, ${summary.expiring} expiring within ${expiringDays} days, ${summary.withFailedJobs} with failed jobs.`
  );
}

/** The export document. `page.rows` is what the export shows (the caller asks the store for one large page). */
export function assetLifecycleAdf(page: AssetPage) {
  const title = page.scope.title ?? DEFAULT_TITLE;
  const content: AdfNode[] = [
    heading(4, title),
    paragraph(text(`As of ${minute(page.now)}. ${page.freshness.map(freshnessText).join('; ')}.`)),
    paragraph(text(filtersText(page.request.filters, page.expiringDays))),
  ];
  for (const freshness of page.freshness.filter((f) => f.stale)) content.push(panel('warning', paragraph(text(staleText(freshness)))));
  content.push(paragraph(text(summaryText(page))));
  if (page.rows.length === 0) {
    content.push(paragraph(text('No assets match these filters.')));
    return doc(...content);
  }
  content.push(
    table(
      ['Source', 'Asset', 'Approval', 'Campaign', 'Product line', 'Region', 'Usage rights and expiry', 'Failed jobs', 'Last activity'],
      page.rows.map((row) => [
        [ASSET_SOURCE_LABELS[row.source]],
        nameCell(row),
        [row.approval ?? 'Not known yet'],
        [row.campaign ?? ''],
        [row.productLine ?? ''],
        [row.region ?? ''],
        expiryLines(row, page.expiringDays),
        failedJobLines(row),
        activityLines(row),
      ]),
    ),
  );
  if (page.nextAfter !== null || page.partial) {
    const total = page.totalMatching !== null ? ` of ${page.totalMatching}` : '';
    content.push(paragraph(text(`Showing the first ${page.rows.length}${total} matching assets; open the page in Confluence for the rest.`)));
  }
  return doc(...content);
}

export function assetLifecycleMessageAdf(message: string, title = DEFAULT_TITLE) {
  return doc(heading(4, title), paragraph(text(message)));
}
