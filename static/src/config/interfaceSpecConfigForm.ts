import { INTERFACE_SPEC_MODES, type InterfaceSpecConfig, type InterfaceSpecMode } from '../../../src/shared/interfaceSpecContract';

export interface InterfaceSpecConfigForm {
  mode: InterfaceSpecMode;
  stages: string[];
}

export const MODE_CHOICES: { value: InterfaceSpecMode; label: string; description: string }[] = [
  { value: 'spec-and-drift', label: 'Spec and drift', description: 'The whole spec, then how each environment compares with it.' },
  { value: 'spec', label: 'Spec only', description: 'The spec, without comparing environments.' },
  { value: 'drift', label: 'Drift only', description: 'Only how each environment compares with the spec: for status pages.' },
];

const isMode = (value: unknown): value is InterfaceSpecMode => (INTERFACE_SPEC_MODES as readonly unknown[]).includes(value);

/** The form's starting values from a saved config; anything malformed falls back to the defaults. */
export function formFromConfig(config: unknown): InterfaceSpecConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  return {
    mode: isMode(saved.mode) ? saved.mode : 'spec-and-drift',
    stages: Array.isArray(saved.stages) ? saved.stages.filter((stage): stage is string => typeof stage === 'string') : [],
  };
}

/** What the macro stores: the mode, and the stages in the order the options list them (none: every stage). */
export function configFromForm(form: InterfaceSpecConfigForm, stages: readonly string[]): InterfaceSpecConfig {
  return { mode: form.mode, stages: stages.filter((stage) => form.stages.includes(stage)) };
}
