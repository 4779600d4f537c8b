import Resolver from '@forge/resolver';
import { getCredentialOwnership, getCredentialOwnershipConfigOptions } from './credentialOwnershipResolvers';
import { getEnvironmentStatus, getEnvStatusConfigOptions } from './envStatusResolvers';
import {
  getReleaseReadiness,
  getReleaseReadinessConfigOptions,
  signOffRelease,
  withdrawReleaseSignOff,
} from './releaseReadinessResolvers';
import {
  getInterfaceSpec,
  getInterfaceSpecConfigOptions,
  getInterfaceSpecEditOptions,
  saveInterfaceSpec,
} from './interfaceSpecResolvers';
import { getSolutionSpecs, getSpaceHub } from './spaceHubResolvers';
import { getChangeSummary, getChangeSummaryConfigOptions } from './changeSummaryResolvers';
import { appSettingsResolvers } from './appSettingsResolvers';
import { assetLifecycleResolverDefinitions } from './assetLifecycleResolvers';
import { incidentResolverDefinitions } from './incidentKbResolvers';
import type { ResolverRequest } from './types';

/** Every resolver the Custom UI and UI Kit views may invoke, by key. */
export const resolverDefinitions: Record<string, (request: ResolverRequest) => Promise<unknown>> = {
  getEnvironmentStatus,
  getEnvStatusConfigOptions,
  getReleaseReadiness,
  getReleaseReadinessConfigOptions,
  signOffRelease,
  withdrawReleaseSignOff,
  getCredentialOwnership,
  getCredentialOwnershipConfigOptions,
  getSpaceHub,
  getSolutionSpecs,
  getChangeSummary,
  getChangeSummaryConfigOptions,
  getInterfaceSpec,
  saveInterfaceSpec,
  getInterfaceSpecEditOptions,
  getInterfaceSpecConfigOptions,
  // The settings page (confluence:globalSettings app-settings): Confluence administrators only, checked per call.
  ...appSettingsResolvers,
  // The asset-lifecycle macro and its config panel.
  ...assetLifecycleResolverDefinitions,
  // Incident pages (space hub, knowledge base) and the incident-knowledge-base macro.
  ...incidentResolverDefinitions,
};

const resolver = new Resolver();
for (const [key, definition] of Object.entries(resolverDefinitions)) {
  resolver.define(key, (request) => definition(request as unknown as ResolverRequest));
}

export const handler = resolver.getDefinitions();
