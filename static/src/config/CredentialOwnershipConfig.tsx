/**
 * The credential-ownership macro's configuration panel (manifest: config.resource credential-config, render: native).
 * UI Kit: saving goes through view.submit({ config }), which Confluence stores on the macro and hands back to the
 * macro as context.extension.config. The environments and owners offered are the chosen solution's.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { ErrorMessage, HelperMessage, Label, Select, Spinner, Stack, Textfield, Toggle } from '@forge/react';
import { useState } from 'react';
import {
  DEFAULT_DUE_SOON_DAYS,
  MAX_DUE_SOON_DAYS,
  type CredentialOwnershipConfigOptionsResponse,
} from '../../../src/shared/credentialOwnershipContract';
import {
  configFromForm,
  formFromConfig,
  hasErrors,
  validateConfigForm,
  type CredentialOwnershipConfigErrors,
  type CredentialOwnershipConfigForm,
} from './credentialOwnershipConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { SolutionField, StagesField, type SelectOption } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

const FIELD = {
  solution: 'credential-ownership-solution',
  stages: 'credential-ownership-stages',
  environments: 'credential-ownership-environments',
  owner: 'credential-ownership-owner',
  onlyProblems: 'credential-ownership-only-problems',
  dueSoonDays: 'credential-ownership-due-soon-days',
};

const EMPTY_FORM: CredentialOwnershipConfigForm = {
  solutionId: null,
  stages: [],
  environmentIds: [],
  ownerId: null,
  onlyProblems: false,
  dueSoonDays: '',
};

function Config() {
  const { form, update: setForm } = useConfigForm(EMPTY_FORM, formFromConfig);
  // Loaded again whenever the chosen solution changes (its environments and owners).
  const {
    options,
    error: optionsError,
    retry,
  } = useConfigOptions<CredentialOwnershipConfigOptionsResponse>(
    (solutionId) => invoke('getCredentialOwnershipConfigOptions', solutionId ? { solutionId } : {}),
    form.solutionId,
  );
  const [errors, setErrors] = useState<CredentialOwnershipConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the solutions" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading solutions" />;

  const environmentOptions: SelectOption[] = options.environments.map((environment) => ({
    label: `${environment.name} (${environment.stage})`,
    value: environment.id,
  }));
  const ownerOptions: SelectOption[] = options.owners.map((owner) => ({ label: owner.name, value: owner.id }));

  const update = (next: CredentialOwnershipConfigForm) => {
    setForm(next);
    if (hasErrors(errors)) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (hasErrors(found)) return;
    await submit(configFromForm(form, options));
  };

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      <SolutionField
        id={FIELD.solution}
        solutions={options.solutions}
        value={form.solutionId}
        error={errors.solutionId}
        helper="The macro lists this solution's credentials and segregation-of-duties findings."
        onChange={(solutionId) =>
          // Another solution has other environments and owners: those choices start over.
          update({ ...form, solutionId, environmentIds: [], ownerId: null })
        }
      />
      <StagesField
        id={FIELD.stages}
        label="Stages"
        stages={options.stages}
        value={form.stages}
        helper="Leave all unchecked to show every stage."
        onChange={(stages) => update({ ...form, stages })}
      />
      <Stack space="space.050">
        <Label labelFor={FIELD.environments}>Environments</Label>
        <Select
          inputId={FIELD.environments}
          name="environmentIds"
          isMulti
          isClearable
          isDisabled={!form.solutionId}
          options={environmentOptions}
          value={environmentOptions.filter((option) => form.environmentIds.includes(option.value))}
          placeholder={form.solutionId ? 'Every environment' : 'Pick a solution first'}
          onChange={(chosen: SelectOption[] | null) => update({ ...form, environmentIds: (chosen ?? []).map((option) => option.value) })}
        />
        <HelperMessage>Empty shows every environment of the stages above.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.owner}>Owner</Label>
        <Select
          inputId={FIELD.owner}
          name="ownerId"
          isClearable
          isDisabled={!form.solutionId}
          options={ownerOptions}
          value={ownerOptions.find((option) => option.value === form.ownerId) ?? null}
          placeholder={form.solutionId ? 'Every owner' : 'Pick a solution first'}
          onChange={(option: SelectOption | null) => update({ ...form, ownerId: option?.value ?? null })}
        />
        <HelperMessage>Readers can change the owner in the macro without editing it.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.onlyProblems}>Only problems</Label>
        <Toggle
          id={FIELD.onlyProblems}
          name="onlyProblems"
          label="Only problems"
          isChecked={form.onlyProblems}
          onChange={(event: { target: { checked?: boolean } }) => update({ ...form, onlyProblems: Boolean(event.target.checked) })}
        />
        <HelperMessage>Show only credentials that are expired, overdue, due soon or have a finding.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.dueSoonDays}>Due soon within (days)</Label>
        <Textfield
          id={FIELD.dueSoonDays}
          name="dueSoonDays"
          type="number"
          value={form.dueSoonDays}
          placeholder={String(DEFAULT_DUE_SOON_DAYS)}
          isInvalid={Boolean(errors.dueSoonDays)}
          onChange={(event: { target: { value?: string } }) => update({ ...form, dueSoonDays: event.target.value ?? '' })}
        />
        {errors.dueSoonDays ? (
          <ErrorMessage>{errors.dueSoonDays}</ErrorMessage>
        ) : (
          <HelperMessage>{`Rotations due within this many days (1 to ${MAX_DUE_SOON_DAYS}) stand out. Empty: ${DEFAULT_DUE_SOON_DAYS}.`}</HelperMessage>
        )}
      </Stack>
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
