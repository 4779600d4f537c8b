import {
  DEFAULT_DUE_SOON_DAYS,
  MAX_DUE_SOON_DAYS,
  type CredentialOwnershipConfig,
  type CredentialOwnershipConfigOptions,
} from '../../../src/shared/credentialOwnershipContract';

export interface CredentialOwnershipConfigForm {
  solutionId: string | null;
  stages: string[];
  environmentIds: string[];
  ownerId: string | null;
  onlyProblems: boolean;
  /** As typed; empty means the default window. */
  dueSoonDays: string;
}

export interface CredentialOwnershipConfigErrors {
  solutionId?: string;
  dueSoonDays?: string;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : []);

/** The form's starting values from a saved config; anything malformed is dropped rather than trusted. */
export function formFromConfig(config: unknown): CredentialOwnershipConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const days = saved.dueSoonDays;
  return {
    solutionId: typeof saved.solutionId === 'string' && saved.solutionId ? saved.solutionId : null,
    stages: strings(saved.stages),
    environmentIds: strings(saved.environmentIds),
    ownerId: typeof saved.ownerId === 'string' && saved.ownerId ? saved.ownerId : null,
    onlyProblems: saved.onlyProblems === true,
    dueSoonDays: typeof days === 'number' && Number.isInteger(days) ? String(days) : '',
  };
}

function parseDays(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const days = Number(trimmed);
  return days >= 1 && days <= MAX_DUE_SOON_DAYS ? days : 'invalid';
}

/** Field errors; empty when the form can be saved. */
export function validateConfigForm(
  form: CredentialOwnershipConfigForm,
  options: Pick<CredentialOwnershipConfigOptions, 'solutions'>,
): CredentialOwnershipConfigErrors {
  const errors: CredentialOwnershipConfigErrors = {};
  if (!form.solutionId) errors.solutionId = 'Pick the solution whose credentials this macro shows.';
  else if (!options.solutions.some((solution) => solution.id === form.solutionId)) {
    errors.solutionId = 'The saved solution no longer exists. Pick another one.';
  }
  if (parseDays(form.dueSoonDays) === 'invalid') {
    errors.dueSoonDays = `Enter a whole number of days from 1 to ${MAX_DUE_SOON_DAYS}, or leave it empty for ${DEFAULT_DUE_SOON_DAYS}.`;
  }
  return errors;
}

export const hasErrors = (errors: CredentialOwnershipConfigErrors) => Object.values(errors).some(Boolean);

/**
 * What the macro stores. Stages keep the options' order; environments and the owner are kept only when the chosen
 * solution still has them (they have no control left to clear them with otherwise). No window typed: not stored,
 * so the admin's default applies.
 */
export function configFromForm(
  form: CredentialOwnershipConfigForm,
  options: Pick<CredentialOwnershipConfigOptions, 'stages' | 'environments' | 'owners'>,
): CredentialOwnershipConfig {
  const days = parseDays(form.dueSoonDays);
  return {
    ...(form.solutionId ? { solutionId: form.solutionId } : {}),
    stages: options.stages.filter((stage) => form.stages.includes(stage)),
    environmentIds: options.environments.filter((environment) => form.environmentIds.includes(environment.id)).map((environment) => environment.id),
    ...(form.ownerId && options.owners.some((owner) => owner.id === form.ownerId) ? { ownerId: form.ownerId } : {}),
    onlyProblems: form.onlyProblems,
    ...(typeof days === 'number' ? { dueSoonDays: days } : {}),
  };
}
