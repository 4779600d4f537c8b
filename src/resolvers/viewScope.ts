import { solutionsForSpace } from '../domain/hub/spaceMapping';
import { readAppSettings } from '../store/settings';
import { readPointer } from '../store/snapshots';
import { readSolutions } from '../views/solutionsView';
import type { ResolverRequest } from './types';
import { resolverError, type Parsed } from './validation';

/**
 * Which solution a view shows. A macro's comes from its saved configuration; a view embedded in the space hub
 * names one in its payload, and may only name a solution mapped to the space it is in, so a reader cannot
 * point the hub at another space's data.
 */
export async function solutionForView(
  context: ResolverRequest['context'],
  configSolutionId: string | undefined,
  payloadSolutionId: string | undefined,
): Promise<Parsed<string | undefined>> {
  const isMacro = context.extension?.type === 'macro' || context.extension?.config !== undefined;
  if (isMacro) {
    if (payloadSolutionId !== undefined) return { ok: false, error: resolverError('payload.solutionId: a macro shows the solution its configuration names') };
    return { ok: true, value: configSolutionId };
  }
  if (payloadSolutionId === undefined) return { ok: true, value: undefined };
  const spaceKey = typeof context.extension?.space?.key === 'string' ? context.extension.space.key : null;
  const [pointer, { settings }] = await Promise.all([readPointer(), readAppSettings()]);
  const mapped = pointer ? solutionsForSpace(await readSolutions(pointer), spaceKey, settings.spaceMapping.bySolution) : [];
  if (!mapped.some((solution) => solution.id === payloadSolutionId)) {
    return { ok: false, error: resolverError(`payload.solutionId: solution "${payloadSolutionId}" is not mapped to this space`) };
  }
  return { ok: true, value: payloadSolutionId };
}
