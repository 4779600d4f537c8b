/**
 * The incident-knowledge-base macro's configuration panel (manifest: config.resource incident-kb-config, render:
 * native). Everything is optional: the macro lists the space's incident pages without any configuration.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { HelperMessage, Label, RadioGroup, Select, Spinner, Stack, Toggle } from '@forge/react';
import { useState } from 'react';
import type { IncidentKbConfigOptionsResponse } from '../../../src/shared/incidentContract';
import {
  ALL_STATES,
  configFromForm,
  formFromConfig,
  PAGE_SIZES,
  validateConfigForm,
  type IncidentKbConfigErrors,
  type IncidentKbConfigForm,
  type StateChoice,
} from './incidentKbConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

interface FieldEvent {
  target: { value?: unknown; checked?: boolean };
}
interface Option {
  label: string;
  value: string;
}

const SOLUTION_FIELD_ID = 'incident-kb-solution';
const STATE_LABEL_ID = 'incident-kb-state-label';
const PAGE_SIZE_FIELD_ID = 'incident-kb-page-size';
const ICONIK_FIELD_ID = 'incident-kb-iconik-jobs';
const EVERY_SOLUTION = '';

const STATE_CHOICES: { label: string; value: StateChoice }[] = [
  { label: 'Open and resolved', value: ALL_STATES },
  { label: 'Open only', value: 'open' },
  { label: 'Resolved only', value: 'resolved' },
];

function Config() {
  const { options, error: optionsError, retry } = useConfigOptions<IncidentKbConfigOptionsResponse>(() => invoke('incidentKb.configOptions', {}));
  const { form, update: setForm } = useConfigForm<IncidentKbConfigForm>(formFromConfig(undefined), formFromConfig);
  const [errors, setErrors] = useState<IncidentKbConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the space's solutions" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading solutions" />;

  const update = (next: IncidentKbConfigForm) => {
    setForm(next);
    if (errors.solutionId) setErrors(validateConfigForm(next, options));
  };
  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId) return;
    await submit(configFromForm(form));
  };

  const solutionOptions: Option[] = [{ label: 'Every solution of this space', value: EVERY_SOLUTION }, ...options.solutions.map((s) => ({ label: s.name, value: s.id }))];
  const pageSizeOptions: Option[] = PAGE_SIZES.map((size) => ({ label: `${size} incident pages`, value: String(size) }));
  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      <Stack space="space.050">
        <Label labelFor={SOLUTION_FIELD_ID}>Open failures of</Label>
        <Select
          inputId={SOLUTION_FIELD_ID}
          name="solutionId"
          options={solutionOptions}
          value={solutionOptions.find((option) => option.value === (form.solutionId ?? EVERY_SOLUTION)) ?? solutionOptions[0]}
          isInvalid={Boolean(errors.solutionId)}
          onChange={(option: Option | null) => update({ ...form, solutionId: option?.value ? option.value : null })}
        />
        <HelperMessage>{errors.solutionId ?? 'Which solution’s open failures the macro offers to create incident pages for.'}</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={STATE_LABEL_ID} id={STATE_LABEL_ID}>
          Incidents shown at first
        </Label>
        <RadioGroup
          name="defaultState"
          aria-labelledby={STATE_LABEL_ID}
          options={STATE_CHOICES}
          value={form.defaultState}
          onChange={(event: FieldEvent) => {
            const value = STATE_CHOICES.find((choice) => choice.value === event.target.value)?.value;
            if (value) update({ ...form, defaultState: value });
          }}
        />
        <HelperMessage>Readers can change the filter; this is where the list starts.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={PAGE_SIZE_FIELD_ID}>Page size</Label>
        <Select
          inputId={PAGE_SIZE_FIELD_ID}
          name="pageSize"
          options={pageSizeOptions}
          value={pageSizeOptions.find((option) => option.value === String(form.pageSize)) ?? pageSizeOptions[1]}
          onChange={(option: Option | null) => update({ ...form, pageSize: Number(option?.value ?? form.pageSize) })}
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor={ICONIK_FIELD_ID}>Offer failed iconik jobs</Label>
        <Toggle
          id={ICONIK_FIELD_ID}
          name="iconikJobs"
          label="Offer failed iconik jobs"
          isChecked={form.iconikJobs}
          onChange={(event: FieldEvent) => update({ ...form, iconikJobs: event.target.checked === true })}
        />
        <HelperMessage>Failed iconik jobs and transfers are listed with the open failures, for media operations spaces.</HelperMessage>
      </Stack>
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
