import { changeTime } from '../../domain/changes/changeRows';
import { streamChunks, type StreamDirectoryEntry } from '../../domain/changes/changeStreams';
import { buildChangeStreams } from '../../domain/changes/changeStreamsBuild';
import { CHUNK_BUDGET_BYTES, jsonBytes } from '../../store/chunking';
import { datasets } from '../../store/datasets';
import { STREAM_CHUNK_BUDGET_BYTES } from '../../store/timeStreams';
import { pendingPromotionsOf } from './derivations';
import type { SolutionViewBuilder } from './viewContext';

/**
 * The change-summary macro: per environment a time-ordered stream of prepared changes (small chunks, newest
 * first), one directory of the streams' chunk bounds, and the pending production promotions. A render reads the
 * directory, the pending list and only the chunks its page needs.
 */
export const changeSummaryView: SolutionViewBuilder = async (context) => {
  const [environments, events] = await Promise.all([context.read('environments'), context.read('changeEvents')]);
  const solutionId = context.solution.id;
  const directory: StreamDirectoryEntry[] = [];
  for (const stream of buildChangeStreams(events, environments)) {
    const dataset = datasets.changeStream(solutionId, stream.environment.id);
    const storable = stream.rows.filter((row, index) => {
      const bytes = jsonBytes(row);
      if (bytes <= CHUNK_BUDGET_BYTES) return true;
      context.report({ resource: dataset, index, id: row.id, issues: [`prepared change of ${bytes} bytes is too large to store; skipped`], solutionId });
      return false;
    });
    const { chunks, bounds } = streamChunks(storable, changeTime, jsonBytes, STREAM_CHUNK_BUDGET_BYTES);
    await context.writeChunks(dataset, chunks);
    const { id, name, stage, isProduction } = stream.environment;
    directory.push({ e: id, n: name, st: stage, p: isProduction, k: bounds });
  }
  await context.write(datasets.changeDirectory(solutionId), directory);
  await context.write(datasets.pendingPromotions(solutionId), await pendingPromotionsOf(context));
};
