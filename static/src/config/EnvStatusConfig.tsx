/**
 * The env-status macro's custom configuration panel (manifest: config.resource env-status-config, render: native).
 * UI Kit: the host renders the ForgeDoc this emits; saving goes through view.submit({ config }), which Confluence
 * stores on the macro and hands back to the macro as context.extension.config.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { Spinner } from '@forge/react';
import { useState } from 'react';
import type { EnvStatusConfigOptionsResponse } from '../../../src/shared/envStatusContract';
import {
  configFromForm,
  formFromConfig,
  validateConfigForm,
  type EnvStatusConfigErrors,
  type EnvStatusConfigForm,
} from './envStatusConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { SolutionField, StagesField } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

const SOLUTION_FIELD_ID = 'env-status-solution';
const STAGES_FIELD_ID = 'env-status-stages';

function Config() {
  const { options, error: optionsError, retry } = useConfigOptions<EnvStatusConfigOptionsResponse>(() => invoke('getEnvStatusConfigOptions'));
  const { form, update: setForm } = useConfigForm<EnvStatusConfigForm>({ solutionId: null, stages: [] }, formFromConfig);
  const [errors, setErrors] = useState<EnvStatusConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the solutions" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading solutions" />;

  const update = (next: EnvStatusConfigForm) => {
    setForm(next);
    if (errors.solutionId) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId) return;
    await submit(configFromForm(form, options));
  };

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      <SolutionField
        id={SOLUTION_FIELD_ID}
        solutions={options.solutions}
        value={form.solutionId}
        error={errors.solutionId}
        helper="The macro lists this solution's environments."
        onChange={(solutionId) => update({ ...form, solutionId })}
      />
      <StagesField
        id={STAGES_FIELD_ID}
        label="Stages"
        stages={options.stages}
        value={form.stages}
        helper="Leave all unchecked to show every stage."
        onChange={(stages) => update({ ...form, stages })}
      />
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
