import { openSolutionView, unknownSolutionMessage } from './governanceSnapshot';
import { z } from 'zod';
import { storedEnvStatusRowSchema, type StoredEnvStatusRow } from '../domain/environments/envStatusRows';
import type { SyncStamp } from '../shared/syncStamp';
import { datasets } from '../store/datasets';
import { readDataset } from '../store/snapshots';
import { readSolutions, type SolutionView } from './solutionsView';
import { mergeLiveEnvironments } from '../domain/events/liveOverlay';
import { readLiveEvents } from '../store/liveEvents';

export const envStatusConfigSchema = z
  .object({
    solutionId: z.string().trim().min(1).max(200).optional(),
    stages: z.array(z.string().min(1).max(50)).max(20).optional(),
  })
  .passthrough();
export type EnvStatusMacroConfig = z.infer<typeof envStatusConfigSchema>;

export type EnvStatusData =
  | { state: 'not-configured'; sync: SyncStamp }
  | { state: 'no-data'; sync: SyncStamp; message: string }
  | { state: 'ok'; sync: SyncStamp; solution: SolutionView; stages: string[]; rows: StoredEnvStatusRow[] };

/**
 * What the env-status macro shows, read from the last published sync: the pointer, the source status, the
 * solutions list and the one solution's prepared rows. Nothing here scales with deployments or history.
 */
export async function loadEnvStatus(config: EnvStatusMacroConfig, now: Date): Promise<EnvStatusData> {
  const opened = await openSolutionView(config.solutionId, now);
  if (opened.state !== 'ready') return opened;
  const { pointer, sync, solutionId, status } = opened;
  const [solutions, rows, live] = await Promise.all([
    readSolutions(pointer),
    readDataset(datasets.envStatusView(solutionId), storedEnvStatusRowSchema, pointer),
    // Status changes and maintenance windows the backend pushed since the last sync (src/domain/events/liveOverlay.ts).
    readLiveEvents(solutionId, status),
  ]);
  const solution = solutions.find((s) => s.id === solutionId);
  if (!solution || !rows) {
    return {
      state: 'no-data',
      sync,
      message: unknownSolutionMessage(solutionId),
    };
  }
  return { state: 'ok', sync, solution, stages: config.stages ?? [], rows: mergeLiveEnvironments(rows.items, live, solutionId, now) };
}
