import type { EnvStatusConfig, EnvStatusConfigOptions } from '../../../src/shared/envStatusContract';

export interface EnvStatusConfigForm {
  solutionId: string | null;
  stages: string[];
}

export interface EnvStatusConfigErrors {
  solutionId?: string;
}

/** The form's starting values from a saved config; anything malformed is dropped rather than trusted. */
export function formFromConfig(config: unknown): EnvStatusConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as EnvStatusConfig;
  return {
    solutionId: typeof saved.solutionId === 'string' && saved.solutionId ? saved.solutionId : null,
    stages: Array.isArray(saved.stages) ? saved.stages.filter((stage): stage is string => typeof stage === 'string') : [],
  };
}

/** Field errors; empty when the form can be saved. */
export function validateConfigForm(form: EnvStatusConfigForm, options: Pick<EnvStatusConfigOptions, 'solutions'>): EnvStatusConfigErrors {
  if (!form.solutionId) return { solutionId: 'Pick the solution whose environments this macro shows.' };
  if (!options.solutions.some((solution) => solution.id === form.solutionId)) {
    return { solutionId: 'The saved solution no longer exists. Pick another one.' };
  }
  return {};
}

/**
 * What the macro stores: the solution and the stages shown, in the order the options list them. No stage means every
 * stage; a saved stage the backend no longer has is dropped (it has no checkbox to clear it with).
 */
export function configFromForm(form: EnvStatusConfigForm, options: Pick<EnvStatusConfigOptions, 'stages'>): EnvStatusConfig {
  return {
    ...(form.solutionId ? { solutionId: form.solutionId } : {}),
    stages: options.stages.filter((stage) => form.stages.includes(stage)),
  };
}
