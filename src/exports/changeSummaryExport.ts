import { changeSummaryAdf, changeSummaryMessageAdf, EXPORT_CHANGE_LIMIT } from '../domain/changes/changeSummaryAdf';
import { changeSummaryConfigSchema, loadChangeSummary } from '../views/changeSummaryView';

interface AdfExportPayload {
  exportType?: string;
  context?: { extension?: { config?: unknown } };
}

/** adfExport: what the change-summary macro becomes in PDF and Word exports, where Custom UI cannot render. */
export async function changeSummaryExport(payload: AdfExportPayload) {
  const config = changeSummaryConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return changeSummaryMessageAdf('Change summary: this macro’s configuration is invalid; edit the macro.');
  const data = await loadChangeSummary(
    config.data,
    { cursor: null, pageSize: EXPORT_CHANGE_LIMIT, includePending: true, exactRemaining: true },
    new Date(),
  );
  if (data.state === 'not-configured') return changeSummaryMessageAdf('Change summary: no solution selected yet.');
  if (data.state === 'no-data') return changeSummaryMessageAdf(data.message);
  return changeSummaryAdf({
    solutionName: data.solution.name,
    window: data.window,
    windowStart: data.windowStart,
    environments: data.environments,
    onlyProduction: data.onlyProduction,
    pending: data.pending ?? [],
    changes: data.changes,
    remaining: data.remaining,
    sync: data.sync,
  });
}
