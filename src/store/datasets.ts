import type { GovernanceResource } from '../sources/governance/schemas';
import { keyPart } from './keys';

/** Names of the datasets a governance sync publishes (see snapshots.ts for how they are stored). */
export const datasets = {
  /** Every item of one contract resource for one solution, exactly as validated from the backend. */
  raw(resource: GovernanceResource, solutionId: string | null): string {
    return solutionId === null ? `raw.${resource}` : `raw.${resource}.${keyPart(solutionId)}`;
  },
  /** Solutions with what the config panels need (name, space, stages present). */
  solutionsView: 'view.solutions',
  /** The env-status macro's prepared rows for one solution. */
  envStatusView(solutionId: string): string {
    return `view.envStatus.${keyPart(solutionId)}`;
  },
};
