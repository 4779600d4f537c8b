import {
  CHANGE_WINDOWS,
  DEFAULT_CHANGE_WINDOW,
  type ChangeSummaryConfig,
  type ChangeSummaryConfigOptions,
  type ChangeWindow,
} from '../../../src/shared/changeSummaryContract';

export interface ChangeSummaryConfigForm {
  solutionId: string | null;
  environmentIds: string[];
  window: ChangeWindow;
  onlyProduction: boolean;
}

export interface ChangeSummaryConfigErrors {
  solutionId?: string;
}

export function isChangeWindow(value: unknown): value is ChangeWindow {
  return typeof value === 'string' && (CHANGE_WINDOWS as readonly string[]).includes(value);
}

/** The form's starting values from a saved config; anything malformed is dropped rather than trusted. */
export function formFromConfig(config: unknown): ChangeSummaryConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as ChangeSummaryConfig;
  return {
    solutionId: typeof saved.solutionId === 'string' && saved.solutionId ? saved.solutionId : null,
    environmentIds: Array.isArray(saved.environmentIds) ? saved.environmentIds.filter((id): id is string => typeof id === 'string') : [],
    window: isChangeWindow(saved.window) ? saved.window : DEFAULT_CHANGE_WINDOW,
    onlyProduction: saved.onlyProduction === true,
  };
}

/** Field errors; empty when the form can be saved. */
export function validateConfigForm(form: ChangeSummaryConfigForm, options: Pick<ChangeSummaryConfigOptions, 'solutions'>): ChangeSummaryConfigErrors {
  if (!form.solutionId) return { solutionId: 'Pick the solution whose changes this macro summarises.' };
  if (!options.solutions.some((solution) => solution.id === form.solutionId)) {
    return { solutionId: 'The saved solution no longer exists. Pick another one.' };
  }
  return {};
}

/** Picking another solution clears the environments: they belong to the previous one. */
export function withSolution(form: ChangeSummaryConfigForm, solutionId: string | null): ChangeSummaryConfigForm {
  return solutionId === form.solutionId ? form : { ...form, solutionId, environmentIds: [] };
}

/**
 * What the macro stores. No environment means every environment; a saved environment the solution no longer has
 * is dropped (it has no checkbox to clear it with), and the kept ones follow the options' order.
 */
export function configFromForm(form: ChangeSummaryConfigForm, options: Pick<ChangeSummaryConfigOptions, 'environments'>): ChangeSummaryConfig {
  return {
    ...(form.solutionId ? { solutionId: form.solutionId } : {}),
    environmentIds: options.environments.map((e) => e.id).filter((id) => form.environmentIds.includes(id)),
    window: form.window,
    onlyProduction: form.onlyProduction,
  };
}
