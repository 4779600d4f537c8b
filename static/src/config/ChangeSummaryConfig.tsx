/**
 * The change-summary macro's configuration panel (manifest: config.resource change-summary-config, render: native).
 * UI Kit: the host renders the ForgeDoc this emits; saving goes through view.submit({ config }), which Confluence
 * stores on the macro and hands back to the macro as context.extension.config.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { CheckboxGroup, HelperMessage, Label, RadioGroup, Spinner, Stack, Toggle } from '@forge/react';
import { useState } from 'react';
import type { ChangeSummaryConfigOptionsResponse } from '../../../src/shared/changeSummaryContract';
import {
  configFromForm,
  formFromConfig,
  isChangeWindow,
  validateConfigForm,
  withSolution,
  type ChangeSummaryConfigErrors,
  type ChangeSummaryConfigForm,
} from './changeSummaryConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { SolutionField } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

/** The parts of UI Kit's serialised change event the panel reads. */
interface FieldEvent {
  target: { value?: unknown; checked?: boolean };
}

const SOLUTION_FIELD_ID = 'change-summary-solution';
const WINDOW_LABEL_ID = 'change-summary-window-label';
const PRODUCTION_FIELD_ID = 'change-summary-only-production';

function Config() {
  const { form, update: setForm } = useConfigForm<ChangeSummaryConfigForm>(formFromConfig(undefined), formFromConfig);
  // The options for the chosen solution: re-read when the solution changes (its environments differ).
  const {
    options,
    ready: environmentsReady,
    error: optionsError,
    retry,
  } = useConfigOptions<ChangeSummaryConfigOptionsResponse>(
    (solutionId) => invoke('getChangeSummaryConfigOptions', solutionId ? { solutionId } : {}),
    form.solutionId,
  );
  const [errors, setErrors] = useState<ChangeSummaryConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the solutions" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading solutions" />;

  const environments = environmentsReady ? options.environments : [];

  const update = (next: ChangeSummaryConfigForm) => {
    setForm(next);
    if (errors.solutionId) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId || !environmentsReady) return;
    await submit(configFromForm(form, options));
  };

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      <SolutionField
        id={SOLUTION_FIELD_ID}
        solutions={options.solutions}
        value={form.solutionId}
        error={errors.solutionId}
        helper="The macro summarises this solution's changes and pending production promotions."
        onChange={(solutionId) => update(withSolution(form, solutionId))}
      />
      <Stack space="space.050">
        <Label labelFor={WINDOW_LABEL_ID} id={WINDOW_LABEL_ID}>
          Time window
        </Label>
        <RadioGroup
          name="window"
          aria-labelledby={WINDOW_LABEL_ID}
          options={options.windows.map((w) => ({ label: w.label, value: w.value }))}
          value={form.window}
          onChange={(event: FieldEvent) => {
            if (isChangeWindow(event.target.value)) update({ ...form, window: event.target.value });
          }}
        />
      </Stack>
      {form.solutionId && (
        <Stack space="space.050">
          <Label labelFor="environmentIds">Environments</Label>
          {environmentsReady ? (
            <CheckboxGroup
              name="environmentIds"
              options={environments.map((e) => ({ label: `${e.name}${e.isProduction ? ' (production)' : ''}`, value: e.id }))}
              value={form.environmentIds}
              onChange={(environmentIds: string[]) => update({ ...form, environmentIds })}
            />
          ) : (
            <Spinner label="Loading environments" />
          )}
          <HelperMessage>Leave all unchecked to show every environment.</HelperMessage>
        </Stack>
      )}
      <Stack space="space.050">
        <Label labelFor={PRODUCTION_FIELD_ID}>Only production environments</Label>
        <Toggle
          id={PRODUCTION_FIELD_ID}
          name="onlyProduction"
          label="Only production environments"
          isChecked={form.onlyProduction}
          onChange={(event: FieldEvent) => update({ ...form, onlyProduction: event.target.checked === true })}
        />
      </Stack>
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
