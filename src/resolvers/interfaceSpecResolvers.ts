import { z } from 'zod';
import { currentConfluenceUser } from '../confluence/currentUser';
import { describeSpecErrors, validateInterfaceSpec, type SpecFieldError } from '../domain/specs/interfaceSpec';
import { staleSaveMessage } from '../domain/specs/interfaceSpecRecord';
import type {
  InterfaceSpecConfigOptionsResponse,
  InterfaceSpecEditOptionsResponse,
  InterfaceSpecResponse,
  SaveInterfaceSpecResponse,
} from '../shared/interfaceSpecContract';
import { STAGES } from '../sources/governance/schemas';
import { saveInterfaceSpec as storeInterfaceSpec } from '../store/interfaceSpecs';
import { readPointer } from '../store/snapshots';
import { interfaceSpecConfigSchema, loadInterfaceSpec, readSpecDriftSnapshot, saveInfo, type SpecLocation } from '../views/interfaceSpecView';
import { readSolutions } from '../views/solutionsView';
import { parseInput, resolverError } from './validation';
import type { ResolverRequest } from './types';

const contextId = z.string().trim().min(1).max(200);

/** The page and macro a request comes from, as Forge's invocation context names them (never the payload). */
function specLocation(context: ResolverRequest['context']): SpecLocation | null {
  const contentId = contextId.safeParse(context.extension?.content?.id);
  const localId = contextId.safeParse(context.localId);
  return contentId.success && localId.success ? { contentId: contentId.data, localId: localId.data } : null;
}

const SIGN_IN = 'Sign in to Confluence to save this spec: anonymous readers can read it but not change it.';
const NOT_ON_A_PAGE = 'This macro is not on a saved page yet: save the page, then write the spec.';

export async function getInterfaceSpec({ payload, context }: ResolverRequest): Promise<InterfaceSpecResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const config = parseInput('macro configuration', interfaceSpecConfigSchema, context.extension?.config ?? {});
  if (!config.ok) return config.error;
  const location = specLocation(context);
  if (!location) return resolverError(NOT_ON_A_PAGE);
  return loadInterfaceSpec(location, config.value, { accountId: context.accountId ?? null }, new Date());
}

const saveRequestSchema = z
  .object({
    spec: z.unknown(),
    baseVersion: z.number().int().min(0).max(1_000_000_000),
  })
  .strict();

function invalidSpec(fields: SpecFieldError[]): SaveInterfaceSpecResponse {
  const count = fields.length === 1 ? 'a problem' : `${fields.length} problems`;
  return { state: 'error', message: `The spec has ${count}: ${describeSpecErrors(fields)}`, fields };
}

/**
 * Validates and stores the spec of the macro the request comes from. Only signed-in users save; the save records
 * who and when, and is refused when someone else saved a newer version since the edit started.
 */
export async function saveInterfaceSpec({ payload, context }: ResolverRequest): Promise<SaveInterfaceSpecResponse> {
  const accountId = context.accountId;
  if (!accountId) return resolverError(SIGN_IN);
  const request = parseInput('payload', saveRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const location = specLocation(context);
  if (!location) return resolverError(NOT_ON_A_PAGE);
  const validation = validateInterfaceSpec(request.value.spec);
  if (!validation.ok) return invalidSpec(validation.fields);

  const pointer = await readPointer();
  if (pointer && !(await readSolutions(pointer)).some((solution) => solution.id === validation.spec.solutionId)) {
    return invalidSpec([{ path: 'solutionId', message: 'is not a solution the governance backend has' }]);
  }

  // The name comes from Confluence, never from the browser; a save still goes ahead when Confluence cannot say.
  const user = await currentConfluenceUser();
  if (!user.ok && user.reason === 'anonymous') return resolverError(SIGN_IN);
  const saved = await storeInterfaceSpec(
    { ...location, spec: validation.spec, savedAt: new Date().toISOString(), savedBy: accountId, savedByName: user.ok ? user.displayName : null },
    request.value.baseVersion,
  );
  if (saved.ok) return { state: 'saved', saved: saveInfo(saved.record, accountId) };
  return {
    state: 'conflict',
    message:
      staleSaveMessage(request.value.baseVersion, saved.current) ??
      'Someone else is saving this spec right now. Reload to see their version, then apply your changes again.',
    current: saved.current ? saveInfo(saved.current, accountId) : null,
  };
}

/** What the spec form offers: solutions, and the chosen solution's environments and artifacts as last synced. */
export async function getInterfaceSpecEditOptions({ payload }: ResolverRequest): Promise<InterfaceSpecEditOptionsResponse> {
  const request = parseInput('payload', z.object({ solutionId: contextId.optional() }).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const pointer = await readPointer();
  if (!pointer) return { solutions: [], environments: [], artifacts: [] };
  const { solutionId } = request.value;
  const [solutions, snapshot] = await Promise.all([readSolutions(pointer), solutionId ? readSpecDriftSnapshot(solutionId, pointer) : undefined]);
  const stageOrder = (stage: string) => (STAGES as readonly string[]).indexOf(stage) + 1 || 9;
  return {
    solutions: solutions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    environments: (snapshot?.environments ?? [])
      .map(({ id, name, stage }) => ({ id, name, stage }))
      .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.name.localeCompare(b.name)),
    artifacts: Object.entries(snapshot?.artifacts ?? {})
      .map(([id, [name, kind]]) => ({ id, name, kind }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function getInterfaceSpecConfigOptions({ payload }: ResolverRequest): Promise<InterfaceSpecConfigOptionsResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const pointer = await readPointer();
  const stages = new Set<string>(STAGES);
  for (const solution of pointer ? await readSolutions(pointer) : []) for (const stage of solution.stages) stages.add(stage);
  return { stages: [...stages] };
}
