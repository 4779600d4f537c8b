import { startGovernanceSync } from '../sync/governance/governanceSync';
import { forgeSyncDeps } from '../sync/governance/forgeDeps';

/**
 * Scheduled trigger: only enqueues the sync. Triggers are not retried and may run twice; the queue consumer
 * does the work, resumes from its cursor and ignores duplicates.
 */
export async function scheduledSync(): Promise<{ statusCode: number; body: string }> {
  const outcome = await startGovernanceSync(forgeSyncDeps(), 'schedule');
  console.log(`governance sync: ${outcome.outcome}`);
  return { statusCode: outcome.outcome === 'not-configured' ? 500 : 204, body: '' };
}
