/**
 * The settings page's form logic, free of React so it can be unit-tested: drafts from the stored settings, the
 * partial save payloads each section sends, and where a resolver's field error lands.
 */
import {
  CONNECTION_FIELDS,
  secretsOf,
  type AppSettingsView,
  type ConnectionSource,
  type SecretName,
  type SettingsSaveAnswer,
} from '../../../src/shared/appSettingsContract';
import type { ResolverError } from '../../../src/shared/resolverError';

/** The DOM id of the input for a settings path ("connections.canto.baseUrl"). */
export function fieldId(path: string): string {
  return `settings-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** A resolver's field path ("payload.connections.canto.baseUrl") as a settings path. */
export function settingsPath(resolverPath: string): string {
  return resolverPath.replace(/^payload\./, '');
}

export type FieldErrors = Map<string, string>;

/** Field errors by settings path; several problems with one field are joined. */
export function fieldErrorsOf(error: Pick<ResolverError, 'fields'>): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const field of error.fields) {
    const path = settingsPath(field.path);
    errors.set(path, errors.has(path) ? `${errors.get(path)}; ${field.message}` : field.message);
  }
  return errors;
}

export type SaveOutcome =
  | { kind: 'saved'; settings: AppSettingsView }
  | { kind: 'invalid'; message: string; fields: FieldErrors }
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; message: string };

export function saveOutcome(answer: SettingsSaveAnswer): SaveOutcome {
  if (answer.state === 'ok') return { kind: 'saved', settings: answer.settings };
  if (answer.state === 'forbidden') return { kind: 'forbidden', message: answer.message };
  const fields = fieldErrorsOf(answer);
  return fields.size > 0 ? { kind: 'invalid', message: answer.message, fields } : { kind: 'failed', message: answer.message };
}

export type ConnectionDraft = { fields: Record<string, string>; secrets: Partial<Record<SecretName, string>> };

export function connectionDraft(settings: AppSettingsView, source: ConnectionSource): ConnectionDraft {
  const saved = settings.connections[source] as Record<string, { saved: string | null }>;
  return {
    fields: Object.fromEntries((CONNECTION_FIELDS[source] as readonly string[]).map((field) => [field, saved[field]?.saved ?? ''])),
    secrets: {},
  };
}

/** One connection's save: every field (blank clears it back to the Forge variable) and the secrets being replaced. */
export function connectionPayload(source: ConnectionSource, draft: ConnectionDraft): Record<string, unknown> {
  const fields = Object.fromEntries((CONNECTION_FIELDS[source] as readonly string[]).map((field) => [field, (draft.fields[field] ?? '').trim()]));
  const secrets = Object.fromEntries(
    secretsOf(source)
      .map((secret) => [secret.name, (draft.secrets[secret.name] ?? '').trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  return { connections: { [source]: fields }, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) };
}

/** What "Test connection" sends: the form's values (blank = use the saved ones) and the secret being typed, if any. */
export function testConnectionPayload(source: ConnectionSource, draft: ConnectionDraft): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, value]) => value.trim() !== '').map(([field, value]) => [field, value.trim()]));
  const secret = secretsOf(source).find((candidate) => candidate.usedToConnect);
  const typed = secret ? draft.secrets[secret.name]?.trim() : undefined;
  return { source, fields, ...(typed ? { secret: typed } : {}) };
}

/** How a secret's status reads: stored, or set through its Forge variable, or not set. */
export function secretState(status: { stored: boolean; fromEnv: boolean }): 'stored' | 'env' | 'not-set' {
  if (status.stored) return 'stored';
  return status.fromEnv ? 'env' : 'not-set';
}

/** The space a solution shows in: the admin's choice, else the backend's. `''` in the form = follow the backend. */
export const FOLLOW_BACKEND = '';
export const NO_SPACE = '\u0000none';

export function mappingChoice(overrides: Record<string, string | null>, solutionId: string): string {
  if (!Object.prototype.hasOwnProperty.call(overrides, solutionId)) return FOLLOW_BACKEND;
  const value = overrides[solutionId];
  return value === null || value === undefined ? NO_SPACE : value;
}

/** The whole override map after one solution's choice changed. */
export function withMappingChoice(overrides: Record<string, string | null>, solutionId: string, choice: string): Record<string, string | null> {
  const next = { ...overrides };
  if (choice === FOLLOW_BACKEND) delete next[solutionId];
  else next[solutionId] = choice === NO_SPACE ? null : choice;
  return next;
}
