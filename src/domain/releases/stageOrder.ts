import type { Environment } from '../../sources/governance/schemas';

/**
 * Where a stage sits on the way to production. The contract knows dev, test and prod; backends also use other
 * names for the same steps (uat, staging, qa), so the common ones are placed between them. A stage name we do not
 * recognise has no place, unless its environment is marked as production: guessing an order for "blue" or "eu-2"
 * would show a misleading "previous stage".
 */
const STAGE_RANKS: Record<string, number> = {
  dev: 10,
  development: 10,
  int: 15,
  integration: 15,
  sit: 15,
  test: 20,
  qa: 20,
  uat: 25,
  staging: 25,
  stage: 25,
  preprod: 25,
  'pre-prod': 25,
  prod: 30,
  production: 30,
  live: 30,
};
const PRODUCTION_RANK = 30;

export function stageRank(environment: Pick<Environment, 'stage' | 'isProduction'>): number | null {
  const known = STAGE_RANKS[environment.stage.trim().toLowerCase()];
  if (known !== undefined) return known;
  return environment.isProduction ? PRODUCTION_RANK : null;
}

export interface PreviousStage {
  stage: string;
  /** Every environment of the solution in that stage (usually one). */
  environments: Environment[];
}

/**
 * The stage a release passes through just before its target: the nearest lower-ranked stage among the solution's
 * environments, so a solution without a test stage promotes from dev to prod. Null when the target is the first
 * stage, or when its stage name gives no order.
 */
export function previousStageOf(target: Environment, environments: readonly Environment[]): PreviousStage | null {
  const targetRank = stageRank(target);
  if (targetRank === null) return null;
  let best: number | null = null;
  for (const environment of environments) {
    if (environment.id === target.id) continue;
    const rank = stageRank(environment);
    if (rank !== null && rank < targetRank && (best === null || rank > best)) best = rank;
  }
  if (best === null) return null;
  const inStage = environments
    .filter((environment) => environment.id !== target.id && stageRank(environment) === best)
    .sort((a, b) => a.name.localeCompare(b.name));
  const first = inStage[0];
  if (!first) return null;
  return { stage: first.stage, environments: inStage };
}
