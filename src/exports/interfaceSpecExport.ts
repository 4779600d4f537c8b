import { interfaceSpecAdf, interfaceSpecMessageAdf } from '../domain/specs/interfaceSpecAdf';
import { interfaceSpecConfigSchema, loadInterfaceSpec } from '../views/interfaceSpecView';

interface AdfExportPayload {
  exportType?: string;
  context?: { localId?: string; content?: { id?: string }; extension?: { config?: unknown; content?: { id?: string }; localId?: string } };
}

/** adfExport: the interface spec as a readable document with its drift, for PDF and Word exports. */
export async function interfaceSpecExport(payload: AdfExportPayload) {
  const context = payload?.context;
  const config = interfaceSpecConfigSchema.safeParse(context?.extension?.config ?? {});
  if (!config.success) return interfaceSpecMessageAdf('Interface spec: this macro’s configuration is invalid; edit the macro.');
  const contentId = context?.content?.id ?? context?.extension?.content?.id;
  const localId = context?.localId ?? context?.extension?.localId;
  if (!contentId || !localId) return interfaceSpecMessageAdf('Interface spec: the export did not say which macro to show.');
  const view = await loadInterfaceSpec({ contentId, localId }, config.data, { accountId: null }, new Date());
  if (!view.spec || !view.saved) return interfaceSpecMessageAdf('Interface spec: no spec has been written for this macro yet.');
  return interfaceSpecAdf({
    spec: view.spec,
    solutionName: view.solution?.name ?? null,
    environmentNames: view.environmentNames,
    artifactNames: view.artifactNames,
    saved: view.saved,
    mode: view.mode,
    drift: view.drift,
    sync: view.sync,
  });
}
