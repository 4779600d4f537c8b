import type { ArtifactCheck, DriftState, EndpointCheck } from '../../../src/shared/interfaceSpecContract';

/** @atlaskit/lozenge appearances. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'moved' | 'inprogress' | 'new';

export const DRIFT_STATE_WORDS: Record<DriftState, { label: string; appearance: LozengeAppearance; explanation: string }> = {
  match: { label: 'Match', appearance: 'success', explanation: 'runs and exposes what the spec says' },
  drift: { label: 'Drift', appearance: 'removed', explanation: 'runs or exposes something else than the spec says' },
  gaps: { label: 'Gaps', appearance: 'moved', explanation: 'is missing something the spec names' },
  unchecked: { label: 'Nothing to check', appearance: 'default', explanation: 'the spec names no artifacts or endpoint here' },
};

export function artifactCheckWords(check: ArtifactCheck): { label: string; appearance: LozengeAppearance; detail: string } {
  switch (check.state) {
    case 'match':
      return { label: 'Match', appearance: 'success', detail: check.deployed };
    case 'drift':
      return { label: 'Drift', appearance: 'removed', detail: `spec ${check.expected}, deployed ${check.deployed}` };
    case 'not-deployed': {
      const status = check.deploymentStatus && check.deploymentStatus !== 'absent' ? `${check.deploymentStatus}${check.version ? ` ${check.version}` : ''}` : null;
      return { label: 'Not deployed', appearance: 'moved', detail: status ? `spec ${check.expected}; ${status}` : `spec ${check.expected}` };
    }
  }
}

export function endpointCheckWords(check: EndpointCheck): { label: string; appearance: LozengeAppearance; lines: string[] } {
  switch (check.state) {
    case 'match':
      return { label: 'Match', appearance: 'success', lines: [`${check.actual.url} (${check.actual.protocol})`] };
    case 'drift':
      return {
        label: 'Drift',
        appearance: 'removed',
        lines: [`spec ${check.expected.url} (${check.expected.protocol})`, `environment ${check.actual.url} (${check.actual.protocol})`],
      };
    case 'missing':
      return {
        label: 'Missing',
        appearance: 'moved',
        lines: [
          `spec ${check.expected.url} (${check.expected.protocol})`,
          check.available ? `the environment has ${check.available} other endpoint${check.available === 1 ? '' : 's'}, none like it` : 'the environment has no endpoints',
        ],
      };
    case 'not-specified':
      return { label: 'Not in spec', appearance: 'default', lines: [] };
  }
}

export const DIRECTION_WORDS: Record<string, string> = {
  inbound: 'Inbound (partner to us)',
  outbound: 'Outbound (us to partner)',
  bidirectional: 'Both directions',
};
