/**
 * Where the governance backend is and how to authenticate. Per field, what a Confluence admin saved on the settings
 * page wins (base URL and client ID in the settings:app record, the client secret in Forge secret storage); else the
 * Forge environment variable (`forge variables set GOVERNANCE_BASE_URL ...`, `forge variables set --encrypt
 * GOVERNANCE_CLIENT_SECRET ...`), which the workbench sets from its own environment or points at its simulator.
 */
import { z } from 'zod';
import type { GovernanceConnection } from '../sources/governance/client';
import { readAppSettings, type AppSettings } from '../store/settings';
import { readSecret } from './connections';

const connectionSchema = z.object({
  GOVERNANCE_BASE_URL: z.string().url('must be an absolute URL such as https://governance.example.com'),
  GOVERNANCE_CLIENT_ID: z.string().min(1, 'is not set'),
  GOVERNANCE_CLIENT_SECRET: z.string().min(1, 'is not set'),
});

export type ConnectionResult = { ok: true; connection: GovernanceConnection } | { ok: false; message: string };

export function governanceConnectionFromEnv(env: Record<string, string | undefined> = process.env): ConnectionResult {
  return checkConnection({
    GOVERNANCE_BASE_URL: env.GOVERNANCE_BASE_URL?.trim() || undefined,
    GOVERNANCE_CLIENT_ID: env.GOVERNANCE_CLIENT_ID ?? '',
    GOVERNANCE_CLIENT_SECRET: env.GOVERNANCE_CLIENT_SECRET ?? '',
  });
}

/**
 * The connection the sync and "test connection" use: the settings page's values and stored secret first, the
 * GOVERNANCE_* variables for whatever the admin left unset. `settings` saves a KVS read when the caller has them.
 */
export async function resolveGovernanceConnection(
  options: { env?: Record<string, string | undefined>; settings?: AppSettings } = {},
): Promise<ConnectionResult> {
  const env = options.env ?? process.env;
  const saved = (options.settings ?? (await readAppSettings()).settings).connections.governance;
  const result = checkConnection({
    GOVERNANCE_BASE_URL: saved.baseUrl?.trim() || env.GOVERNANCE_BASE_URL?.trim() || undefined,
    GOVERNANCE_CLIENT_ID: saved.clientId?.trim() || env.GOVERNANCE_CLIENT_ID?.trim() || '',
    GOVERNANCE_CLIENT_SECRET: (await readSecret('governanceClientSecret', env)) ?? '',
  });
  if (result.ok) return result;
  return { ok: false, message: `${result.message}. A Confluence admin sets it on the app's settings page (or as a Forge variable).` };
}

function checkConnection(values: { GOVERNANCE_BASE_URL: string | undefined; GOVERNANCE_CLIENT_ID: string; GOVERNANCE_CLIENT_SECRET: string }): ConnectionResult {
  const parsed = connectionSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    return { ok: false, message: `The governance backend is not configured: ${problems.join('; ')}` };
  }
  return {
    ok: true,
    connection: {
      baseUrl: parsed.data.GOVERNANCE_BASE_URL,
      clientId: parsed.data.GOVERNANCE_CLIENT_ID,
      clientSecret: parsed.data.GOVERNANCE_CLIENT_SECRET,
    },
  };
}

/** The scheduled trigger's interval in manifest.yml; a test keeps the two in step. */
export const GOVERNANCE_SYNC_INTERVAL_MINUTES = 60;
