import { buildReleaseReadiness, type StoredReleaseItem, type StoredReleaseSummary } from '../../domain/releases/releaseReadiness';
import type { ReleaseItemIndexEntry } from '../../domain/releases/releaseItemsPage';
import { CHUNK_BUDGET_BYTES, chunkByBytes } from '../../store/chunking';
import { datasets } from '../../store/datasets';
import type { SolutionViewBuilder } from './viewContext';

/** Row chunks stay small, so one page of items costs one small read. */
const ROW_CHUNK_BUDGET_BYTES = 16 * 1024;

/**
 * The release-readiness macro. Three datasets per solution: the release summaries (read whole: header, figure,
 * fingerprint, config panel), the item rows, and an index of the items' sort fields. Rows and index entries are
 * chunked per release, never mixing two releases in a chunk, and each summary names its index chunks: a render reads
 * the summaries, its release's index and the row chunks of one page, however many releases the solution keeps.
 */
export const releaseReadinessView: SolutionViewBuilder = async (context) => {
  const [releases, environments, deployments] = await Promise.all([
    context.read('releases'),
    context.read('environments'),
    context.read('deployments'),
  ]);
  const summaries: StoredReleaseSummary[] = [];
  const rowChunks: StoredReleaseItem[][] = [];
  const indexChunks: ReleaseItemIndexEntry[][] = [];

  for (const { summary, items } of buildReleaseReadiness(releases, environments, deployments)) {
    const sortOf = new Map(items.map(({ item, sort }) => [item.id, sort]));
    const rows = chunkByBytes(
      items.map(({ item }) => item),
      ROW_CHUNK_BUDGET_BYTES,
      CHUNK_BUDGET_BYTES,
    );
    for (const oversized of rows.oversized) {
      const item = items[oversized.index]?.item;
      context.report({
        resource: datasets.releaseItemsView(context.solution.id),
        index: oversized.index,
        id: item ? `${summary.id}/${item.artifactId}` : null,
        issues: [`prepared release item of ${oversized.bytes} bytes is too large to store; skipped`],
        solutionId: context.solution.id,
      });
    }
    const entries: ReleaseItemIndexEntry[] = [];
    for (const chunk of rows.chunks) {
      const c = rowChunks.length;
      rowChunks.push(chunk);
      for (const item of chunk) entries.push({ id: item.id, c, ...(sortOf.get(item.id) ?? { a: 0, k: 0, s: 0 }) });
    }
    const first = indexChunks.length;
    indexChunks.push(...chunkByBytes(entries).chunks);
    summaries.push({ ...summary, indexChunks: Array.from({ length: indexChunks.length - first }, (_, i) => first + i) });
  }

  await context.write(datasets.releasesView(context.solution.id), summaries);
  await context.writeChunks(datasets.releaseItemsView(context.solution.id), rowChunks);
  await context.writeChunks(datasets.releaseItemIndexView(context.solution.id), indexChunks);
};
