import { z } from 'zod';
import type { SpaceHubResponse } from '../shared/spaceHubContract';
import { loadSpaceHub } from '../views/spaceHubView';
import type { ResolverRequest } from './types';
import { parseInput } from './validation';

/** The space page: which space comes from Confluence's context, never from the browser's payload. */
export async function getSpaceHub({ payload, context }: ResolverRequest): Promise<SpaceHubResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const spaceKey = typeof context.extension?.space?.key === 'string' ? context.extension.space.key : null;
  return loadSpaceHub(spaceKey, new Date());
}
