import { CREDENTIAL_STATUSES, isKnown } from '../../sources/governance/schemas';
import type { CredentialState } from '../../shared/credentialOwnershipContract';

const DAY_MS = 86_400_000;

export interface RotationDue {
  dueAt: string;
  /** What sets the date: the rotation policy, or the credential's expiry when that comes first. */
  reason: 'rotation-policy' | 'expiry';
}

/**
 * When a credential must next be rotated: lastRotatedAt + rotationPolicyDays, or expiresAt when that is sooner.
 * Null when neither is known (never rotated without an expiry, or no policy and no expiry).
 */
export function credentialRotationDue(credential: {
  lastRotatedAt: string | null;
  rotationPolicyDays: number | null;
  expiresAt: string | null;
}): RotationDue | null {
  const byPolicy =
    credential.lastRotatedAt !== null && credential.rotationPolicyDays !== null
      ? Date.parse(credential.lastRotatedAt) + credential.rotationPolicyDays * DAY_MS
      : null;
  const byExpiry = credential.expiresAt !== null ? Date.parse(credential.expiresAt) : null;
  if (byExpiry !== null && !Number.isNaN(byExpiry) && (byPolicy === null || Number.isNaN(byPolicy) || byExpiry <= byPolicy)) {
    return { dueAt: new Date(byExpiry).toISOString(), reason: 'expiry' };
  }
  if (byPolicy !== null && !Number.isNaN(byPolicy)) return { dueAt: new Date(byPolicy).toISOString(), reason: 'rotation-policy' };
  return null;
}

export function isKnownCredentialStatus(status: string): boolean {
  return isKnown(CREDENTIAL_STATUSES, status);
}

export interface StateInput {
  status: string;
  /** Epoch milliseconds, or null. */
  dueAt: number | null;
  expiresAt: number | null;
}

/**
 * A credential's state at `now` with a due-soon window of `dueSoonDays`. Revoked wins (a revoked credential is
 * no longer rotated), then expired (by status or by its expiry date), then the due date; a status this build does
 * not know is `unknown` unless a date already says overdue or due soon.
 */
export function credentialState(input: StateInput, now: number, dueSoonDays: number): CredentialState {
  if (input.status === 'revoked') return 'revoked';
  if (input.status === 'expired' || (input.expiresAt !== null && input.expiresAt <= now)) return 'expired';
  if (input.dueAt !== null && input.dueAt <= now) return 'overdue';
  if (input.dueAt !== null && input.dueAt <= now + dueSoonDays * DAY_MS) return 'due-soon';
  if (!isKnownCredentialStatus(input.status)) return 'unknown';
  return 'ok';
}

/** Worst first: the order of the status sort and of the lozenges' urgency. */
export const STATE_RANK: Record<CredentialState, number> = {
  expired: 0,
  overdue: 1,
  'due-soon': 2,
  unknown: 3,
  ok: 4,
  revoked: 5,
};

/** States the only-problems filter keeps (besides credentials with findings). */
export function isProblemState(state: CredentialState): boolean {
  return state === 'expired' || state === 'overdue' || state === 'due-soon';
}
