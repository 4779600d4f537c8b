import { DEFAULT_KB_PAGE_SIZE, INCIDENT_STATES, type IncidentKbConfig, type IncidentKbConfigOptions, type IncidentState } from '../../../src/shared/incidentContract';

export const ALL_STATES = 'all';
export type StateChoice = IncidentState | typeof ALL_STATES;
export const PAGE_SIZES = [5, 10, 20, 50] as const;

export interface IncidentKbConfigForm {
  /** Null: every solution of the space. */
  solutionId: string | null;
  defaultState: StateChoice;
  pageSize: number;
  iconikJobs: boolean;
}

export interface IncidentKbConfigErrors {
  solutionId?: string;
}

const isState = (value: unknown): value is IncidentState => typeof value === 'string' && (INCIDENT_STATES as readonly string[]).includes(value);

/** The form's starting values from a saved config; anything malformed falls back to the defaults. */
export function formFromConfig(config: unknown): IncidentKbConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const pageSize = typeof saved.pageSize === 'number' && (PAGE_SIZES as readonly number[]).includes(saved.pageSize) ? saved.pageSize : DEFAULT_KB_PAGE_SIZE;
  return {
    solutionId: typeof saved.solutionId === 'string' && saved.solutionId ? saved.solutionId : null,
    defaultState: isState(saved.defaultState) ? saved.defaultState : ALL_STATES,
    pageSize,
    iconikJobs: saved.iconikJobs !== false,
  };
}

export function validateConfigForm(form: IncidentKbConfigForm, options: Pick<IncidentKbConfigOptions, 'solutions'>): IncidentKbConfigErrors {
  if (form.solutionId && !options.solutions.some((solution) => solution.id === form.solutionId)) {
    return { solutionId: 'This solution is no longer mapped to the space. Pick another one, or every solution.' };
  }
  return {};
}

export function configFromForm(form: IncidentKbConfigForm): IncidentKbConfig {
  return {
    ...(form.solutionId ? { solutionId: form.solutionId } : {}),
    ...(form.defaultState !== ALL_STATES ? { defaultState: form.defaultState } : {}),
    pageSize: form.pageSize,
    iconikJobs: form.iconikJobs,
  };
}
