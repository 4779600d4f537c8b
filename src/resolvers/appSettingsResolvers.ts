import { fetch } from '@forge/api';
import { z } from 'zod';
import { checkConfluenceAdministrator } from '../confluence/administrators';
import { listSpacesForMapping } from '../confluence/spaceDirectory';
import { DECLARED_EGRESS_ADDRESSES } from '../config/declaredEgress';
import { upstreamUrlProblem } from '../domain/settings/upstreamUrl';
import { runConnectionTest } from '../settings/connectionTest';
import { clearStoredSecret, readSettingsAnswer, saveSettings, storeSecret } from '../settings/appSettingsService';
import { settingsUpdateSchema } from '../settings/settingsUpdate';
import {
  CONNECTION_FIELDS,
  SECRET_NAMES,
  type SettingsAnswer,
  type SettingsForbidden,
  type SettingsSaveAnswer,
  type SolutionsAnswer,
  type TestConnectionAnswer,
} from '../shared/appSettingsContract';
import type { ResolverError } from '../shared/resolverError';
import { readAppSettings } from '../store/settings';
import { readPointer } from '../store/snapshots';
import { readSolutions } from '../views/solutionsView';
import type { ResolverRequest } from './types';
import { parseInput, resolverError } from './validation';

/**
 * The settings page's resolvers. Every one asks Confluence whether the caller is a Confluence administrator before
 * doing anything: the page is only shown to administrators, but the resolver function is shared by every module,
 * so any reader's frame could invoke these keys.
 */
export const FORBIDDEN_MESSAGE =
  'Only Confluence administrators can see or change the Integration Governance Hub settings. Ask a Confluence administrator for help.';

type Guarded<T> = (request: ResolverRequest) => Promise<T | SettingsForbidden | ResolverError>;

function administratorsOnly<T>(handler: (request: ResolverRequest) => Promise<T | ResolverError>): Guarded<T> {
  return async (request) => {
    if (!request.context.accountId) return { state: 'forbidden', message: FORBIDDEN_MESSAGE };
    const check = await checkConfluenceAdministrator();
    if (!check.ok) {
      if (check.reason === 'unavailable') return resolverError(`Could not confirm that you are a Confluence administrator (${check.detail}). Try again.`);
      return { state: 'forbidden', message: FORBIDDEN_MESSAGE };
    }
    return handler(request);
  };
}

const noPayload = z.object({}).strict();
const secretNameSchema = z.enum(SECRET_NAMES);
const secretValueSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1, 'must not be blank (use clear to remove a secret)').max(4096, 'must be at most 4096 characters'));

const formField = z.string().max(500, 'must be at most 500 characters').optional();
const testConnectionSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('governance'), fields: z.object({ baseUrl: formField, clientId: formField }).strict().default({}), secret: z.string().max(4096).optional() }).strict(),
  z.object({ source: z.literal('canto'), fields: z.object({ baseUrl: formField, oauthUrl: formField, appId: formField }).strict().default({}), secret: z.string().max(4096).optional() }).strict(),
  z.object({ source: z.literal('iconik'), fields: z.object({ baseUrl: formField, appId: formField }).strict().default({}), secret: z.string().max(4096).optional() }).strict(),
]);

export const getSettings: Guarded<SettingsAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', noPayload, payload ?? {});
  if (!request.ok) return request.error;
  return readSettingsAnswer();
});

export const saveSettingsResolver: Guarded<SettingsSaveAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', settingsUpdateSchema(DECLARED_EGRESS_ADDRESSES), payload ?? {});
  if (!request.ok) return request.error;
  return saveSettings(request.value);
});

export const setSecret: Guarded<SettingsSaveAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', z.object({ name: secretNameSchema, value: secretValueSchema }).strict(), payload ?? {});
  if (!request.ok) return request.error;
  return storeSecret(request.value.name, request.value.value);
});

export const clearSecret: Guarded<SettingsSaveAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', z.object({ name: secretNameSchema }).strict(), payload ?? {});
  if (!request.ok) return request.error;
  return clearStoredSecret(request.value.name);
});

export const testConnection: Guarded<TestConnectionAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', testConnectionSchema, payload ?? {});
  if (!request.ok) return request.error;
  const { source, fields, secret } = request.value;
  // A URL typed into the form is checked like a saved one, so the test never calls a host the save would refuse.
  const urlFields = (CONNECTION_FIELDS[source] as readonly string[]).filter((field) => field.endsWith('Url'));
  const problems = urlFields.flatMap((field) => {
    const value = (fields as Record<string, string | undefined>)[field]?.trim();
    const problem = value ? upstreamUrlProblem(value, DECLARED_EGRESS_ADDRESSES) : null;
    return problem ? [{ path: `payload.fields.${field}`, message: problem }] : [];
  });
  if (problems.length > 0) {
    return { state: 'error', message: `Invalid payload: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, fields: problems };
  }
  const { settings } = await readAppSettings();
  const result = await runConnectionTest(
    { source, fields, secret },
    // @forge/api's fetch is the platform's egress fetch; its types predate the DOM's, the values are the same.
    { fetch: (url, init) => fetch(url, init as never) as unknown as Promise<Response>, settings },
  );
  return { state: 'ok', result };
});

export const listSolutionsForMapping: Guarded<SolutionsAnswer> = administratorsOnly(async ({ payload }) => {
  const request = parseInput('payload', noPayload, payload ?? {});
  if (!request.ok) return request.error;
  const [pointer, listing] = await Promise.all([readPointer(), listSpacesForMapping()]);
  const solutions = pointer ? await readSolutions(pointer) : [];
  return {
    state: 'ok',
    solutions: solutions
      .map(({ id, name, spaceKey }) => ({ id, name, backendSpaceKey: spaceKey }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.id.localeCompare(b.id)),
    solutionsMessage: pointer ? null : 'No governance sync has finished yet: the solutions appear here after the first sync.',
    spaces: listing.spaces,
    spacesMessage: listing.message,
  };
});

/** By resolver key (src/resolvers/index.ts registers them). */
export const appSettingsResolvers = {
  'settings.get': getSettings,
  'settings.save': saveSettingsResolver,
  'settings.setSecret': setSecret,
  'settings.clearSecret': clearSecret,
  'settings.testConnection': testConnection,
  'settings.listSolutions': listSolutionsForMapping,
} as const;
