import { planPushes } from '../../domain/assetSync/fanOut';
import type { AssetSyncDeps } from './deps';
import type { QueuedEvent } from './events';

/** Pushes any number of events as few pushes as Forge's limits allow (50 events, 200 KB each). */
export async function pushAll(deps: Pick<AssetSyncDeps, 'push'>, events: QueuedEvent[]): Promise<void> {
  for (const batch of planPushes(events)) await deps.push(batch);
}
