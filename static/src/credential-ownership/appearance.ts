import type { CredentialRow, CredentialState, FindingSeverity } from '../../../src/shared/credentialOwnershipContract';
import type { RowEmphasis } from '../shared/DataTable';
import type { StatusAppearance } from '../shared/statusAppearance';
import { statusLabel } from '../shared/statusAppearance';

type LozengeLook = { appearance: StatusAppearance; isBold: boolean };

const STATE_LOOK: Record<CredentialState, LozengeLook> = {
  expired: { appearance: 'removed', isBold: true },
  overdue: { appearance: 'removed', isBold: false },
  'due-soon': { appearance: 'moved', isBold: false },
  unknown: { appearance: 'default', isBold: false },
  ok: { appearance: 'success', isBold: false },
  revoked: { appearance: 'default', isBold: false },
};

const SEVERITY_LOOK: Record<FindingSeverity, LozengeLook> = {
  critical: { appearance: 'removed', isBold: true },
  high: { appearance: 'removed', isBold: false },
  medium: { appearance: 'moved', isBold: false },
  low: { appearance: 'default', isBold: false },
};

export function stateLook(state: CredentialState): LozengeLook {
  return STATE_LOOK[state] ?? { appearance: 'default', isBold: false };
}

/** The lozenge text: the state in words; for a status this build does not know, the backend's own word. */
export function stateLabel(row: Pick<CredentialRow, 'state' | 'status'>): string {
  switch (row.state) {
    case 'due-soon':
      return 'due soon';
    case 'unknown':
      return statusLabel(row.status);
    default:
      return row.state;
  }
}

export function severityLook(severity: string): LozengeLook {
  return SEVERITY_LOOK[severity as FindingSeverity] ?? { appearance: 'default', isBold: false };
}

/** Overdue and expired rows stand out in red, due-soon ones in amber. */
export function rowEmphasis(row: Pick<CredentialRow, 'state'>): RowEmphasis | undefined {
  if (row.state === 'expired' || row.state === 'overdue') return 'danger';
  if (row.state === 'due-soon') return 'warning';
  return undefined;
}

/** "Credential type" words for the kind column: oauth_client -> "OAuth client"; a newer kind shown readable. */
export function kindLabel(kind: string): string {
  const known: Record<string, string> = {
    oauth_client: 'OAuth client',
    api_key: 'API key',
    certificate: 'Certificate',
    password: 'Password',
    ssh_key: 'SSH key',
  };
  return known[kind] ?? statusLabel(kind);
}
