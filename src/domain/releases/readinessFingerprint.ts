import { createHash } from 'node:crypto';
import type { ReadinessState } from './itemReadiness';

export interface FingerprintedItem {
  artifactId: string;
  expectedVersion: string;
  state: ReadinessState;
  target: { deployedVersion: string | null; failure: { version: string } | null; scheduledVersion: string | null };
}

/**
 * A short hash of what a sign-off vouches for: the release's target and, per item, the expected version, the state
 * and the versions deployed, failed or scheduled in the target. A sign-off keeps the fingerprint it saw; a different
 * one later means the deployments (or the release's scope) changed since. Deliberately left out: deployment times (a
 * redeploy of the same version changes nothing a reviewer signed) and earlier stages (they do not decide readiness).
 * Items are sorted first, so the order the backend lists them in does not matter.
 */
export function readinessFingerprint(targetEnvironmentId: string, items: readonly FingerprintedItem[]): string {
  const lines = items
    .map((item) =>
      [
        item.artifactId,
        item.expectedVersion.trim(),
        item.state,
        item.target.deployedVersion ?? '',
        item.target.failure?.version ?? '',
        item.target.scheduledVersion ?? '',
      ].join('\t'),
    )
    .sort();
  return createHash('sha256').update([targetEnvironmentId, ...lines].join('\n')).digest('hex').slice(0, 16);
}
