import { EXPORT_INCIDENT_LIMIT, incidentKbAdf, incidentKbMessageAdf } from '../domain/incidents/incidentKbAdf';
import { incidentKbConfigSchema, loadIncidentList } from '../views/incidentKbView';

interface AdfExportPayload {
  exportType?: string;
  context?: { space?: { key?: unknown }; extension?: { config?: unknown; space?: { key?: unknown } } };
}

/** adfExport: the incident knowledge base in PDF and Word exports (the newest incident pages, as a table). */
export async function incidentKbExport(payload: AdfExportPayload) {
  const config = incidentKbConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return incidentKbMessageAdf('Incident knowledge base: this macro’s configuration is invalid; edit the macro.');
  const spaceKey = payload?.context?.extension?.space?.key ?? payload?.context?.space?.key;
  if (typeof spaceKey !== 'string' || !spaceKey) return incidentKbMessageAdf('Incident knowledge base: the export did not say which space the page is in.');
  const now = new Date();
  const filters = config.data.defaultState ? { state: config.data.defaultState } : {};
  const list = await loadIncidentList(spaceKey, filters, 1, EXPORT_INCIDENT_LIMIT, now);
  if (list.state === 'error') return incidentKbMessageAdf(`Incident knowledge base: ${list.message}`);
  return incidentKbAdf({ spaceKey, rows: list.rows, total: list.total, filters, now });
}
