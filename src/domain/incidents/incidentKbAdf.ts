import { doc, heading, paragraph, strong, table, text } from '../adf/nodes';
import type { IncidentKbFilters, IncidentRow } from '../../shared/incidentContract';

/** What the knowledge base becomes in PDF and Word exports: the newest incident pages as a table, as text. */
export const EXPORT_INCIDENT_LIMIT = 50;

function filterText(filters: IncidentKbFilters): string {
  const parts = [
    filters.state ? `state ${filters.state}` : null,
    filters.messageType ? `message type ${filters.messageType}` : null,
    filters.partnerId ? `partner ${filters.partnerId}` : null,
    filters.endpoint ? `endpoint ${filters.endpoint}` : null,
    filters.environmentId ? `environment ${filters.environmentId}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? ` Filtered by ${parts.join(', ')}.` : '';
}

export function incidentKbAdf(input: { spaceKey: string; rows: IncidentRow[]; total: number; filters: IncidentKbFilters; now: Date }) {
  const shown = input.rows.length < input.total ? `the newest ${input.rows.length} of ${input.total}` : `${input.total}`;
  return doc(
    heading(4, `Incident knowledge base: ${input.spaceKey}`),
    paragraph(text(`Incident pages in space ${input.spaceKey}: ${shown}, as of ${input.now.toISOString().slice(0, 16).replace('T', ' ')} UTC.${filterText(input.filters)}`)),
    input.rows.length === 0
      ? paragraph(text('No incident pages yet.'))
      : table(
          ['Incident', 'State', 'Message type', 'Partner / endpoint', 'Root cause'],
          input.rows.map((row) => [
            [strong(row.title), ...(row.createdAt ? [`created ${row.createdAt.slice(0, 10)}`] : [])],
            [row.state === 'open' ? 'Open' : 'Resolved', ...(row.failureState && row.failureState !== row.state ? [row.failureState] : [])],
            [row.messageType ?? '—'],
            [...(row.partner ? [row.partner.name || row.partner.id] : []), ...(row.endpoint ? [row.endpoint] : []), ...(!row.partner && !row.endpoint ? ['—'] : [])],
            [row.rootCause ?? 'Not filled in yet'],
          ]),
        ),
  );
}

export function incidentKbMessageAdf(message: string) {
  return doc(paragraph(text(message)));
}
