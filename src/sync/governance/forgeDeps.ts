import { fetch, getAppContext } from '@forge/api';
import { Queue } from '@forge/events';
import { resolveGovernanceConnection } from '../../config/governanceConnection';
import { createGovernanceClient } from '../../sources/governance/client';
import { secretTokenStore } from '../../store/tokenCache';
import type { SyncDeps } from './governanceSync';

export const GOVERNANCE_SYNC_QUEUE = 'governance-sync';
const FALLBACK_BUDGET_MS = 840_000;

/** The sync's dependencies as they are on Forge: egress fetch, the events queue, the invocation's clock. */
export function forgeSyncDeps(): SyncDeps {
  const startedAt = Date.now();
  const queue = new Queue({ key: GOVERNANCE_SYNC_QUEUE });
  return {
    now: () => new Date(),
    async createClient(beforeRequest) {
      const configured = await resolveGovernanceConnection();
      if (!configured.ok) return { error: configured.message };
      return {
        client: createGovernanceClient({
          connection: configured.connection,
          // @forge/api's fetch is the platform's egress fetch; its types predate the DOM's, the values are the same.
          fetch: (url, init) => fetch(url, init as never) as unknown as Promise<Response>,
          tokenCache: secretTokenStore('governance:oauth-token'),
          beforeRequest,
        }),
      };
    },
    async enqueue(event) {
      await queue.push([{ body: event }]);
    },
    remainingTimeMs() {
      try {
        return getAppContext().invocationRemainingTimeInMillis();
      } catch {
        // Older runtimes and tunnels do not expose the remaining time: assume the consumer's full budget.
        return FALLBACK_BUDGET_MS - (Date.now() - startedAt);
      }
    },
  };
}
