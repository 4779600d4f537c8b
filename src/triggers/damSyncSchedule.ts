import { DAM_SOURCES } from '../sources/dam/asset';
import { checkConnection } from '../sync/assets/startRun';
import { forgeAssetSyncDeps } from '../sync/assets/forgeDeps';
import { flushPendingRefetches } from '../sync/assets/refetchQueue';

/**
 * Hourly: asks for a run of each connected DAM source (the consumer decides incremental or, once a day, the full
 * reconcile, and skips a source whose run is still going), and queues the refetches webhooks could not queue.
 * Triggers are not retried and may run twice; the queue consumer tolerates both.
 */
export async function damSyncSchedule(): Promise<{ statusCode: number; body: string }> {
  const deps = forgeAssetSyncDeps();
  const starts = [];
  for (const source of DAM_SOURCES) {
    const connection = await checkConnection(source, deps);
    // Half-configured sources start too: the run records why it cannot sync, which the settings page shows.
    if (!connection.ok && !connection.configured) continue;
    starts.push({ body: { kind: 'start' as const, source, mode: 'auto' as const, trigger: 'schedule' } });
    const flushed = await flushPendingRefetches(source, deps).catch((error: unknown) => {
      console.warn(`dam sync: pending ${source} refetches stay for the next hour: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    });
    if (flushed > 0) console.log(`dam sync: queued ${flushed} ${source} refetch(es) webhooks could not queue`);
  }
  if (starts.length > 0) await deps.push(starts);
  console.log(`dam sync: ${starts.length === 0 ? 'no DAM source is connected' : `asked for a run of ${starts.map((s) => s.body.source).join(' and ')}`}`);
  return { statusCode: 204, body: '' };
}
