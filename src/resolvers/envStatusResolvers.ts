import { readGovernanceSnapshot } from '../views/governanceSnapshot';
import { z } from 'zod';
import { STAGES } from '../sources/governance/schemas';
import { envStatusPage } from '../domain/environments/envStatusPage';
import {
  ENV_STATUS_SORT_KEYS,
  type EnvStatusConfigOptionsResponse,
  type EnvStatusResponse,
} from '../shared/envStatusContract';
import { envStatusConfigSchema, loadEnvStatus } from '../views/envStatusView';
import { readSolutions } from '../views/solutionsView';
import { parseInput } from './validation';
import { solutionForView } from './viewScope';
import type { ResolverRequest } from './types';

export const MAX_PAGE_SIZE = 100;

const pageRequestSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
    sortKey: z.enum(ENV_STATUS_SORT_KEYS).default('stage'),
    sortOrder: z.enum(['ASC', 'DESC']).default('ASC'),
    /** Only from the space hub (see viewScope.ts). */
    solutionId: z.string().min(1).max(200).optional(),
  })
  .strict();

export async function getEnvironmentStatus({ payload, context }: ResolverRequest): Promise<EnvStatusResponse> {
  const request = parseInput('payload', pageRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', envStatusConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  const solution = await solutionForView(context, config.value.solutionId, request.value.solutionId);
  if (!solution.ok) return solution.error;
  const now = new Date();
  const data = await loadEnvStatus({ ...config.value, solutionId: solution.value }, now);
  if (data.state !== 'ok') return data;
  const { sortKey, sortOrder, pageSize } = request.value;
  const { rows, total, page } = envStatusPage(data.rows, { sortKey, sortOrder, pageSize, page: request.value.page, stages: data.stages, now });
  return {
    state: 'ok',
    solution: { id: data.solution.id, name: data.solution.name },
    stages: data.stages,
    rows,
    total,
    page,
    pageSize: request.value.pageSize,
    sortKey: request.value.sortKey,
    sortOrder: request.value.sortOrder,
    sync: data.sync,
  };
}

export async function getEnvStatusConfigOptions({ payload }: ResolverRequest): Promise<EnvStatusConfigOptionsResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const { pointer, sync } = await readGovernanceSnapshot(new Date());
  const solutions = pointer ? await readSolutions(pointer) : [];
  const stages = new Set<string>(STAGES);
  for (const solution of solutions) for (const stage of solution.stages) stages.add(stage);
  return {
    solutions: solutions
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    stages: [...stages],
    sync,
  };
}
