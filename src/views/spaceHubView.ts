import { readGovernanceSnapshot, noGovernanceDataMessage } from './governanceSnapshot';
import { z } from 'zod';
import { mappedSpaceKey, solutionsForSpace } from '../domain/hub/spaceMapping';
import type { HubSolutionSummary, SpaceHubResponse } from '../shared/spaceHubContract';
import { datasets } from '../store/datasets';
import { readAppSettings } from '../store/settings';
import { readDataset } from '../store/snapshots';
import { readSolutions } from './solutionsView';

/** Validated on read like every stored value; the shape is the contract's HubSolutionSummary. */
export const hubSummarySchema: z.ZodType<HubSolutionSummary> = z.object({
  solution: z.object({ id: z.string(), name: z.string() }),
  environments: z.array(
    z.object({ id: z.string(), name: z.string(), stage: z.string(), isProduction: z.boolean(), status: z.string(), statusKnown: z.boolean(), statusMessage: z.string().nullable() }),
  ),
  counts: z.object({
    environmentsByStatus: z.record(z.number()),
    overdueCredentials: z.number(),
    credentialsDueSoon: z.number(),
    sodFindings: z.number(),
    openFailures: z.number(),
    pendingProductionPromotions: z.number(),
    upcomingMaintenance: z.number(),
    releases: z.number(),
  }),
  urgent: z.array(
    z.object({
      kind: z.enum(['outage', 'overdue-credential', 'sod-finding', 'open-failure', 'pending-promotion', 'maintenance']),
      severity: z.enum(['critical', 'high', 'medium', 'low']),
      title: z.string(),
      detail: z.string(),
      at: z.string().nullable(),
      environmentName: z.string().nullable(),
      tab: z.enum(['overview', 'environments', 'credentials', 'changes', 'releases', 'specs']),
      failureId: z.string().optional(),
    }),
  ),
  maintenance: z.array(
    z.object({ id: z.string(), title: z.string(), kind: z.string(), status: z.string(), startsAt: z.string(), endsAt: z.string(), environments: z.array(z.string()), inProgress: z.boolean() }),
  ),
  openFailures: z
    .array(
      z.object({
        failureId: z.string(),
        severity: z.enum(['critical', 'high', 'medium', 'low']),
        title: z.string(),
        detail: z.string(),
        state: z.string(),
        lastSeenAt: z.string(),
        environmentName: z.string().nullable(),
      }),
    )
    .optional(),
});

/**
 * The hub of one space: the pointer, the sync status, the solutions list and one prepared summary per
 * solution mapped to the space. Nothing here grows with credentials, changes or assets.
 */
export async function loadSpaceHub(spaceKey: string | null, now: Date): Promise<SpaceHubResponse> {
  const [{ pointer, sync }, { settings }] = await Promise.all([readGovernanceSnapshot(now), readAppSettings()]);
  const overrides = settings.spaceMapping.bySolution;
  const space = { key: spaceKey };
  if (!pointer) {
    return {
      state: 'no-data',
      sync,
      space,
      message: noGovernanceDataMessage(sync),
    };
  }
  const solutions = await readSolutions(pointer);
  const mapped = solutionsForSpace(solutions, spaceKey, overrides);
  if (mapped.length === 0) {
    return { state: 'not-mapped', sync, space, solutions: solutions.map((solution) => ({ id: solution.id, name: solution.name, spaceKey: mappedSpaceKey(solution, overrides) })) };
  }
  const summaries = await Promise.all(mapped.map((solution) => readDataset(datasets.hubView(solution.id), hubSummarySchema, pointer)));
  return { state: 'ok', sync, space, solutions: summaries.flatMap((read) => read?.items ?? []) };
}
