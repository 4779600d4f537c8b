/**
 * Where the governance backend is and how to authenticate. On Forge these come from environment variables
 * (`forge variables set GOVERNANCE_BASE_URL ...`, `forge variables set --encrypt GOVERNANCE_CLIENT_SECRET ...`);
 * the workbench sets the same variables from its own environment or points them at its simulator.
 */
import { z } from 'zod';
import type { GovernanceConnection } from '../sources/governance/client';

const connectionSchema = z.object({
  GOVERNANCE_BASE_URL: z.string().url('must be an absolute URL such as https://governance.example.com'),
  GOVERNANCE_CLIENT_ID: z.string().min(1, 'is not set'),
  GOVERNANCE_CLIENT_SECRET: z.string().min(1, 'is not set'),
});

export type ConnectionResult = { ok: true; connection: GovernanceConnection } | { ok: false; message: string };

export function governanceConnectionFromEnv(env: Record<string, string | undefined> = process.env): ConnectionResult {
  const parsed = connectionSchema.safeParse({
    GOVERNANCE_BASE_URL: env.GOVERNANCE_BASE_URL?.trim() || undefined,
    GOVERNANCE_CLIENT_ID: env.GOVERNANCE_CLIENT_ID ?? '',
    GOVERNANCE_CLIENT_SECRET: env.GOVERNANCE_CLIENT_SECRET ?? '',
  });
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
