/**
 * One connection check per upstream, each through its own client's testConnection(): the same auth, paging and
 * error wording the sync uses, with the time box's fetch and sleep, and few retries (an admin is waiting).
 */
import type { CantoConnection, IconikConnection } from '../config/connections';
import { createCantoClient } from '../sources/canto/client';
import { createGovernanceClient, type GovernanceConnection } from '../sources/governance/client';
import { createIconikClient } from '../sources/iconik/client';
import type { ConnectionSource } from '../shared/appSettingsContract';
import type { TimeBox } from './timeBox';

export interface UpstreamConnections {
  governance: GovernanceConnection;
  canto: CantoConnection;
  iconik: IconikConnection;
}

export type UpstreamCheck = { ok: true; detail: string } | { ok: false; message: string };
export type UpstreamTesters = { [S in ConnectionSource]: (connection: UpstreamConnections[S], box: TimeBox) => Promise<UpstreamCheck> };

/** One retry: a flaky first answer should not fail the test, a dead host should fail it quickly. */
const ATTEMPTS = 2;

export const UPSTREAM_TESTERS: UpstreamTesters = {
  async governance(connection, box) {
    const client = createGovernanceClient({ connection, fetch: box.fetch, sleep: box.sleep, maxAttempts: ATTEMPTS });
    const result = await client.testConnection();
    if (!result.ok) return result;
    const host = new URL(connection.baseUrl).host;
    return { ok: true, detail: `Signed in to ${host} as client "${connection.clientId}" and read ${result.solutions} solution${result.solutions === 1 ? '' : 's'}.` };
  },
  canto: (connection, box) => createCantoClient({ connection, fetch: box.fetch, sleep: box.sleep, maxAttempts: ATTEMPTS }).testConnection(),
  iconik: (connection, box) => createIconikClient({ connection, fetch: box.fetch, sleep: box.sleep, maxAttempts: ATTEMPTS }).testConnection(),
};
