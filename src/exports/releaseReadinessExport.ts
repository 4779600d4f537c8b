import { releaseReadinessAdf, releaseReadinessMessageAdf } from '../domain/releases/releaseReadinessAdf';
import { signOffsWithStatus } from '../domain/releases/signOffs';
import { listSignOffs } from '../store/releaseSignOffs';
import { loadReleaseContext, readReleaseItems, releaseReadinessConfigSchema } from '../views/releaseReadinessView';

interface AdfExportPayload {
  exportType?: string;
  context?: { extension?: { config?: unknown } };
}

/** Exports have no paging: the release's items up to this many, worst state first. */
const EXPORT_ITEM_LIMIT = 500;

/** adfExport: what the release-readiness macro becomes in PDF and Word exports, where Custom UI cannot render. */
export async function releaseReadinessExport(payload: AdfExportPayload) {
  const config = releaseReadinessConfigSchema.safeParse(payload?.context?.extension?.config ?? {});
  if (!config.success) return releaseReadinessMessageAdf('Release readiness: this macro’s configuration is invalid; edit the macro.');
  const context = await loadReleaseContext(config.data, new Date());
  if (context.state === 'not-configured') return releaseReadinessMessageAdf('Release readiness: no solution selected yet.');
  if (context.state !== 'ok') return releaseReadinessMessageAdf(context.message);
  const { solution, release, pointer } = context;
  const [items, signOffs] = await Promise.all([
    readReleaseItems(solution.id, release, { page: 1, pageSize: EXPORT_ITEM_LIMIT, sortKey: 'state', sortOrder: 'ASC' }, pointer),
    listSignOffs(solution.id, release.id),
  ]);
  return releaseReadinessAdf({
    solutionName: solution.name,
    release,
    items: items.rows,
    omittedItems: Math.max(0, items.total - items.rows.length),
    signOffs: signOffsWithStatus(signOffs.signOffs, release.fingerprint, undefined),
    sync: context.sync,
  });
}
