import { readGovernanceSnapshot } from '../views/governanceSnapshot';
import { z } from 'zod';
import { decodeCursor } from '../domain/changes/changeStreams';
import {
  CHANGE_WINDOW_LABELS,
  CHANGE_WINDOWS,
  type ChangeSummaryConfigOptionsResponse,
  type ChangeSummaryResponse,
} from '../shared/changeSummaryContract';
import { changeSummaryConfigSchema, loadChangeSummary, readChangeEnvironments } from '../views/changeSummaryView';
import { readSolutions } from '../views/solutionsView';
import type { ResolverRequest } from './types';
import { solutionForView } from './viewScope';
import { parseInput } from './validation';

export const MAX_CHANGES_PAGE_SIZE = 50;
const CURSOR_MAX_CHARS = 4_000;

const pageRequestSchema = z
  .object({
    cursor: z
      .string()
      .min(1)
      .max(CURSOR_MAX_CHARS)
      .refine((text) => decodeCursor(text) !== null, 'is not a cursor from an earlier page of this macro')
      .optional(),
    pageSize: z.number().int().min(1).max(MAX_CHANGES_PAGE_SIZE).default(20),
    /** Only from the space hub (see viewScope.ts). */
    solutionId: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export async function getChangeSummary({ payload, context }: ResolverRequest): Promise<ChangeSummaryResponse> {
  const request = parseInput('payload', pageRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', changeSummaryConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  const solution = await solutionForView(context, config.value.solutionId, request.value.solutionId);
  if (!solution.ok) return solution.error;
  const cursor = request.value.cursor ? decodeCursor(request.value.cursor) : null;
  const data = await loadChangeSummary(
    { ...config.value, solutionId: solution.value },
    { cursor, pageSize: request.value.pageSize, includePending: cursor === null },
    new Date(),
  );
  if (data.state !== 'ok') return data;
  return {
    state: 'ok',
    solution: { id: data.solution.id, name: data.solution.name },
    window: data.window,
    windowStart: data.windowStart,
    onlyProduction: data.onlyProduction,
    environments: data.environments,
    pending: data.pending,
    changes: data.changes,
    nextCursor: data.nextCursor,
    remaining: data.remaining,
    sync: data.sync,
  };
}

const optionsRequestSchema = z.object({ solutionId: z.string().trim().min(1).max(200).optional() }).strict();

export async function getChangeSummaryConfigOptions({ payload }: ResolverRequest): Promise<ChangeSummaryConfigOptionsResponse> {
  const request = parseInput('payload', optionsRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const { pointer, sync } = await readGovernanceSnapshot(new Date());
  const [solutions, environments] = pointer
    ? await Promise.all([
        readSolutions(pointer),
        request.value.solutionId ? readChangeEnvironments(pointer, request.value.solutionId) : Promise.resolve(undefined),
      ])
    : [[], undefined];
  return {
    solutions: solutions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    environments: environments ?? [],
    windows: CHANGE_WINDOWS.map((value) => ({ value, label: CHANGE_WINDOW_LABELS[value] })),
    sync,
  };
}
