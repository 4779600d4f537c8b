/** One delivery of the dam-sync queue, whatever its kind. */
import type { AssetSyncDeps } from './deps';
import type { DamSyncEvent } from './events';
import { runChainStep } from './chain';
import { runEnrichStep } from './enrichStep';
import { runRefetchStep } from './refetchStep';
import { startRun } from './startRun';
import type { StepOutcome } from './outcome';

export async function handleDamSyncEvent(event: DamSyncEvent, deps: AssetSyncDeps, retryCount = 0): Promise<StepOutcome> {
  switch (event.kind) {
    case 'start':
      return startRun(event, deps);
    case 'list':
    case 'failed-jobs':
    case 'recount':
      return runChainStep(event, deps, retryCount);
    case 'enrich':
      return runEnrichStep(event, deps, retryCount);
    case 'refetch':
      return runRefetchStep(event, deps, retryCount);
  }
}
