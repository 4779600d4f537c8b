import { envStatusAdf, envStatusMessageAdf } from '../domain/environments/envStatusAdf';
import { envStatusConfigSchema, loadEnvStatus } from '../views/envStatusView';

interface AdfExportPayload {
  exportType?: string;
  context?: { extension?: { config?: unknown } };
}

/** adfExport: what the env-status macro becomes in PDF and Word exports, where Custom UI cannot render. */
export async function envStatusExport(payload: AdfExportPayload) {
  const config = envStatusConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return envStatusMessageAdf('Environment status: this macro’s configuration is invalid; edit the macro.');
  const now = new Date();
  const data = await loadEnvStatus(config.data, now);
  if (data.state === 'not-configured') return envStatusMessageAdf('Environment status: no solution selected yet.');
  if (data.state === 'no-data') return envStatusMessageAdf(data.message);
  return envStatusAdf({ solutionName: data.solution.name, stages: data.stages, rows: data.rows, sync: data.sync, now });
}
