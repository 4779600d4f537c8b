import { READINESS_STATE_LABELS, type ReadinessStateName } from '../../../src/shared/releaseReadinessContract';
import type { StatusAppearance } from '../shared/statusAppearance';

const APPEARANCE: Record<ReadinessStateName, StatusAppearance> = {
  ready: 'success',
  scheduled: 'inprogress',
  mismatch: 'moved',
  missing: 'removed',
  failed: 'removed',
};

/** Lozenge colour per readiness state; a failed deployment is the one shown bold, as the most urgent. */
export function readinessAppearance(state: ReadinessStateName): { appearance: StatusAppearance; isBold: boolean; label: string } {
  return { appearance: APPEARANCE[state], isBold: state === 'failed', label: READINESS_STATE_LABELS[state] };
}
