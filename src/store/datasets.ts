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
  /** The space hub's overview of one solution: counts, urgent items, maintenance. */
  hubView(solutionId: string): string {
    return `view.hub.${keyPart(solutionId)}`;
  },
  /** The env-status macro's prepared rows for one solution. */
  envStatusView(solutionId: string): string {
    return `view.envStatus.${keyPart(solutionId)}`;
  },
  /** The change-summary macro: one environment's changes, newest first, in small chunks (a time-ordered stream). */
  changeStream(solutionId: string, environmentId: string): string {
    return `view.changes.${keyPart(solutionId)}.env.${keyPart(environmentId)}`;
  },
  /** The change-summary macro: per environment of a solution, its stream's chunk bounds (read whole). */
  changeDirectory(solutionId: string): string {
    return `view.changes.${keyPart(solutionId)}.directory`;
  },
  /** The change-summary macro: a solution's pending production promotions with the freezes ahead (read whole). */
  pendingPromotions(solutionId: string): string {
    return `view.changes.${keyPart(solutionId)}.pending`;
  },
  /** The credential-ownership macro's credentials of one solution (paged: rows + index). */
  credentialOwnershipView(solutionId: string): string {
    return `view.credentials.${keyPart(solutionId)}`;
  },
  /** The segregation-of-duties findings of one solution, most severe first (paged: rows + index). */
  credentialFindingsView(solutionId: string): string {
    return `view.credentialFindings.${keyPart(solutionId)}`;
  },
  /** One small record per solution: environments, owners, finding counts (read whole). */
  credentialSummaryView(solutionId: string): string {
    return `view.credentialSummary.${keyPart(solutionId)}`;
  },
  /** The release-readiness macro: one summary per release of a solution (header, readiness, fingerprint). */
  releasesView(solutionId: string): string {
    return `view.releases.${keyPart(solutionId)}`;
  },
  /** The release-readiness macro: the items of a solution's releases, in chunks that each hold one release's rows. */
  releaseItemsView(solutionId: string): string {
    return `view.releaseItems.${keyPart(solutionId)}`;
  },
  /** The release-readiness macro: per release, the sort fields and row chunk of each item (a summary names its chunks). */
  releaseItemIndexView(solutionId: string): string {
    return `view.releaseItemIndex.${keyPart(solutionId)}`;
  },
  /** The interface-spec macro: per environment the deployed artifact versions and endpoints, read whole for drift. */
  specDriftView(solutionId: string): string {
    return `view.specDrift.${keyPart(solutionId)}`;
  },
};
