import { credentialOwnershipAdf, credentialOwnershipMessageAdf } from '../domain/credentials/credentialOwnershipAdf';
import { credentialOwnershipConfigSchema, loadCredentialOwnership } from '../views/credentialOwnershipView';

interface AdfExportPayload {
  exportType?: string;
  context?: { extension?: { config?: unknown } };
}

/** Exports have no paging: at most this many credentials (most urgent first) and findings (most severe first). */
const EXPORT_ROW_LIMIT = 500;
const EXPORT_FINDING_LIMIT = 200;

/** adfExport: what the credential-ownership macro becomes in PDF and Word exports, where Custom UI cannot render. */
export async function credentialOwnershipExport(payload: AdfExportPayload) {
  const config = credentialOwnershipConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return credentialOwnershipMessageAdf('Credential ownership: this macro’s configuration is invalid; edit the macro.');
  const data = await loadCredentialOwnership(
    config.data,
    { page: 1, pageSize: EXPORT_ROW_LIMIT, sortKey: 'status', sortOrder: 'ASC', findingsPage: 1, findingsPageSize: EXPORT_FINDING_LIMIT },
    new Date(),
  );
  if (data.state === 'not-configured') return credentialOwnershipMessageAdf('Credential ownership: no solution selected yet.');
  if (data.state === 'no-data') return credentialOwnershipMessageAdf(data.message);
  return credentialOwnershipAdf(data);
}
