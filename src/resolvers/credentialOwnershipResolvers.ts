import { z } from 'zod';
import { STAGES } from '../sources/governance/schemas';
import {
  CREDENTIAL_SORT_KEYS,
  type CredentialOwnershipConfigOptionsResponse,
  type CredentialOwnershipResponse,
} from '../shared/credentialOwnershipContract';
import {
  credentialOwnershipConfigSchema,
  loadCredentialOwnership,
  loadCredentialOwnershipOptions,
} from '../views/credentialOwnershipView';
import { readSolutions } from '../views/solutionsView';
import type { ResolverRequest } from './types';
import { parseInput } from './validation';
import { solutionForView } from './viewScope';

export const MAX_CREDENTIAL_PAGE_SIZE = 100;
export const MAX_FINDINGS_PAGE_SIZE = 50;

const pageRequestSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(MAX_CREDENTIAL_PAGE_SIZE).default(10),
    sortKey: z.enum(CREDENTIAL_SORT_KEYS).default('status'),
    sortOrder: z.enum(['ASC', 'DESC']).default('ASC'),
    ownerId: z.string().min(1).max(200).nullable().optional(),
    onlyProblems: z.boolean().optional(),
    findingsPage: z.number().int().min(1).max(100_000).default(1),
    findingsPageSize: z.number().int().min(1).max(MAX_FINDINGS_PAGE_SIZE).default(5),
    /** Only from the space hub (see viewScope.ts). */
    solutionId: z.string().min(1).max(200).optional(),
  })
  .strict();

export async function getCredentialOwnership({ payload, context }: ResolverRequest): Promise<CredentialOwnershipResponse> {
  const request = parseInput('payload', pageRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', credentialOwnershipConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  const solution = await solutionForView(context, config.value.solutionId, request.value.solutionId);
  if (!solution.ok) return solution.error;
  const { solutionId: _fromHub, ...options } = request.value;
  return loadCredentialOwnership({ ...config.value, solutionId: solution.value }, options, new Date());
}

const optionsRequestSchema = z.object({ solutionId: z.string().min(1).max(200).optional() }).strict();

export async function getCredentialOwnershipConfigOptions({ payload }: ResolverRequest): Promise<CredentialOwnershipConfigOptionsResponse> {
  const request = parseInput('payload', optionsRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const { pointer, sync, summary } = await loadCredentialOwnershipOptions(request.value.solutionId, new Date());
  const solutions = pointer ? await readSolutions(pointer) : [];
  const stages = new Set<string>(STAGES);
  for (const solution of solutions) for (const stage of solution.stages) stages.add(stage);
  return {
    solutions: solutions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    stages: [...stages],
    environments: summary?.environments ?? [],
    owners: summary?.owners ?? [],
    sync,
  };
}
