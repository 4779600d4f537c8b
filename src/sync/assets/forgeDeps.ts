import { fetch, getAppContext } from '@forge/api';
import { Queue } from '@forge/events';
import { resolveCantoConnection, resolveIconikConnection } from '../../config/connections';
import { CANTO_MIN_REQUEST_INTERVAL_MS, ICONIK_REQUESTS_PER_SECOND, iconikRateShares } from '../../domain/assetSync/budgets';
import { createCantoClient } from '../../sources/canto/client';
import { createIconikClient } from '../../sources/iconik/client';
import type { FetchLike } from '../../sources/http/retry';
import { secretTokenStore } from '../../store/tokenCache';
import type { AssetSyncDeps, ClientPurpose } from './deps';
import { DAM_SYNC_QUEUE } from './events';

/** Canto's OAuth token, shared by every invocation of the sync and the webhooks' refetches. */
export const CANTO_TOKEN_SECRET_KEY = 'canto:oauth-token';
const FALLBACK_BUDGET_MS = 840_000;

// @forge/api's fetch is the platform's egress fetch; its types predate the DOM's, the values are the same.
const egressFetch: FetchLike = (url, init) => fetch(url, init as never) as unknown as Promise<Response>;

/** The token's limit: iconik documents ~50 requests/s; ICONIK_MAX_REQUESTS_PER_SECOND says when a tenant's differs. */
export function iconikTokenRate(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.ICONIK_MAX_REQUESTS_PER_SECOND);
  return Number.isFinite(configured) && configured > 0 ? configured : ICONIK_REQUESTS_PER_SECOND;
}

/** iconik requests per second of one client, by what it does: together they stay under the token's limit. */
function iconikRate(purpose: ClientPurpose): number {
  const shares = iconikRateShares(iconikTokenRate());
  return purpose === 'enrich' ? shares.enrichPerLane : shares.list;
}

/** The DAM sync's dependencies as they are on Forge: egress fetch, the events queue, the invocation's clock. */
export function forgeAssetSyncDeps(): AssetSyncDeps {
  const startedAt = Date.now();
  const queue = new Queue({ key: DAM_SYNC_QUEUE });
  return {
    now: () => new Date(),
    remainingTimeMs() {
      try {
        return getAppContext().invocationRemainingTimeInMillis();
      } catch {
        // Older runtimes and tunnels do not expose the remaining time: assume the consumer's full budget.
        return FALLBACK_BUDGET_MS - (Date.now() - startedAt);
      }
    },
    async push(events) {
      await queue.push(events.map((event) => ({ ...event, body: event.body as unknown as Record<string, unknown> })));
    },
    async canto({ beforeRequest }) {
      const resolved = await resolveCantoConnection();
      if (!resolved.ok) return resolved;
      return {
        ok: true,
        baseUrl: resolved.connection.baseUrl,
        client: createCantoClient({
          connection: resolved.connection,
          fetch: egressFetch,
          tokenStore: secretTokenStore(CANTO_TOKEN_SECRET_KEY),
          beforeRequest: () => beforeRequest(),
          minRequestIntervalMs: CANTO_MIN_REQUEST_INTERVAL_MS,
        }),
      };
    },
    async iconik({ purpose, beforeRequest }) {
      const resolved = await resolveIconikConnection();
      if (!resolved.ok) return resolved;
      return {
        ok: true,
        baseUrl: resolved.connection.baseUrl,
        client: createIconikClient({
          connection: resolved.connection,
          fetch: egressFetch,
          beforeRequest: () => beforeRequest(),
          maxRequestsPerSecond: iconikRate(purpose),
        }),
      };
    },
  };
}
