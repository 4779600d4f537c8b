import Resolver from '@forge/resolver';
import { getEnvironmentStatus, getEnvStatusConfigOptions } from './envStatusResolvers';
import type { ResolverRequest } from './types';

/** Every resolver the Custom UI and UI Kit views may invoke, by key. */
export const resolverDefinitions: Record<string, (request: ResolverRequest) => Promise<unknown>> = {
  getEnvironmentStatus,
  getEnvStatusConfigOptions,
};

const resolver = new Resolver();
for (const [key, definition] of Object.entries(resolverDefinitions)) {
  resolver.define(key, (request) => definition(request as unknown as ResolverRequest));
}

export const handler = resolver.getDefinitions();
