import { z } from 'zod';
import type { SolutionSpecsResponse, SpaceHubResponse } from '../shared/spaceHubContract';
import { listSolutionSpecs } from '../store/specsBySolution';
import { loadSpaceHub } from '../views/spaceHubView';
import type { ResolverRequest } from './types';
import { parseInput } from './validation';
import { solutionForView } from './viewScope';

/** The space page: which space comes from Confluence's context, never from the browser's payload. */
export async function getSpaceHub({ payload, context }: ResolverRequest): Promise<SpaceHubResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const spaceKey = typeof context.extension?.space?.key === 'string' ? context.extension.space.key : null;
  return loadSpaceHub(spaceKey, new Date());
}

const specsRequestSchema = z.object({ solutionId: z.string().trim().min(1).max(200), cursor: z.string().min(1).max(2000).optional() }).strict();

/** The hub's Specs tab: the interface specs architects wrote for one of the space's solutions, 20 at a time. */
export async function getSolutionSpecs({ payload, context }: ResolverRequest): Promise<SolutionSpecsResponse> {
  const request = parseInput('payload', specsRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const solution = await solutionForView(context, undefined, request.value.solutionId);
  if (!solution.ok) return solution.error;
  const page = await listSolutionSpecs(request.value.solutionId, request.value.cursor);
  return { state: 'ok', specs: page.specs, nextCursor: page.nextCursor };
}
