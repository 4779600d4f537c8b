/**
 * The credential-ownership macro's configuration panel (manifest: config.resource credential-config, render: native).
 * UI Kit: saving goes through view.submit({ config }), which Confluence stores on the macro and hands back to the
 * macro as context.extension.config. The environments and owners offered are the chosen solution's.
 */
import { invoke, view } from '@forge/bridge';
import ForgeReconciler, {
  Button,
  ButtonGroup,
  CheckboxGroup,
  ErrorMessage,
  Form,
  FormFooter,
  FormSection,
  HelperMessage,
  Label,
  RequiredAsterisk,
  SectionMessage,
  Select,
  Spinner,
  Stack,
  Text,
  Textfield,
  Toggle,
  useConfig,
} from '@forge/react';
import { useEffect, useState } from 'react';
import {
  DEFAULT_DUE_SOON_DAYS,
  MAX_DUE_SOON_DAYS,
  type CredentialOwnershipConfigOptions,
  type CredentialOwnershipConfigOptionsResponse,
} from '../../../src/shared/credentialOwnershipContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import {
  configFromForm,
  formFromConfig,
  hasErrors,
  validateConfigForm,
  type CredentialOwnershipConfigErrors,
  type CredentialOwnershipConfigForm,
} from './credentialOwnershipConfigForm';

interface SelectOption {
  label: string;
  value: string;
}

const FIELD = {
  solution: 'credential-ownership-solution',
  stages: 'credential-ownership-stages',
  environments: 'credential-ownership-environments',
  owner: 'credential-ownership-owner',
  onlyProblems: 'credential-ownership-only-problems',
  dueSoonDays: 'credential-ownership-due-soon-days',
};

/** Loads the options again whenever the chosen solution changes (its environments and owners). */
function useConfigOptions(solutionId: string | null) {
  const [options, setOptions] = useState<CredentialOwnershipConfigOptions>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<CredentialOwnershipConfigOptionsResponse>(
      invoke('getCredentialOwnershipConfigOptions', solutionId ? { solutionId } : {}),
    )
      .then((answer) => active && setOptions(answer))
      .catch((reason: unknown) => active && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      active = false;
    };
  }, [solutionId, attempt]);
  return { options, error, retry: () => setAttempt((n) => n + 1) };
}

const EMPTY_FORM: CredentialOwnershipConfigForm = {
  solutionId: null,
  stages: [],
  environmentIds: [],
  ownerId: null,
  onlyProblems: false,
  dueSoonDays: '',
};

function Config() {
  const savedConfig = useConfig();
  const [form, setForm] = useState<CredentialOwnershipConfigForm>(EMPTY_FORM);
  const { options, error: optionsError, retry } = useConfigOptions(form.solutionId);
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<CredentialOwnershipConfigErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  // useConfig answers asynchronously: seed the form once it arrives, unless the user already changed something.
  useEffect(() => {
    if (savedConfig !== undefined && !touched) setForm(formFromConfig(savedConfig));
  }, [savedConfig, touched]);

  if (optionsError) {
    return (
      <SectionMessage appearance="error" title="Couldn't load the solutions">
        <Text>{optionsError}</Text>
        <Button onClick={retry}>Retry</Button>
      </SectionMessage>
    );
  }
  if (!options) return <Spinner label="Loading solutions" />;

  const solutionOptions: SelectOption[] = options.solutions.map((solution) => ({ label: solution.name, value: solution.id }));
  const environmentOptions: SelectOption[] = options.environments.map((environment) => ({
    label: `${environment.name} (${environment.stage})`,
    value: environment.id,
  }));
  const ownerOptions: SelectOption[] = options.owners.map((owner) => ({ label: owner.name, value: owner.id }));

  const update = (next: CredentialOwnershipConfigForm) => {
    setTouched(true);
    setForm(next);
    if (hasErrors(errors)) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (hasErrors(found)) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      await view.submit({ config: { ...configFromForm(form, options) } });
    } catch (reason) {
      setSaveError(reason instanceof Error ? reason.message : String(reason));
      setSaving(false);
    }
  };

  return (
    <Form onSubmit={save}>
      <FormSection>
        <Stack space="space.200">
          {options.solutions.length === 0 && (
            <SectionMessage appearance="warning" title="No solutions yet">
              <Text>No solution has been synced from the governance backend yet. Run a sync, then reopen this panel.</Text>
            </SectionMessage>
          )}
          <Stack space="space.050">
            <Label labelFor={FIELD.solution}>
              Solution
              <RequiredAsterisk />
            </Label>
            <Select
              inputId={FIELD.solution}
              name="solutionId"
              options={solutionOptions}
              value={solutionOptions.find((option) => option.value === form.solutionId) ?? null}
              placeholder="Pick a solution"
              isRequired
              isInvalid={Boolean(errors.solutionId)}
              onChange={(option: SelectOption | null) =>
                // Another solution has other environments and owners: those choices start over.
                update({ ...form, solutionId: option?.value ?? null, environmentIds: [], ownerId: null })
              }
            />
            {errors.solutionId ? (
              <ErrorMessage>{errors.solutionId}</ErrorMessage>
            ) : (
              <HelperMessage>The macro lists this solution's credentials and segregation-of-duties findings.</HelperMessage>
            )}
          </Stack>
          <Stack space="space.050">
            <Label labelFor={FIELD.stages}>Stages</Label>
            <CheckboxGroup
              name="stages"
              options={options.stages.map((stage) => ({ label: stage, value: stage }))}
              value={form.stages}
              onChange={(stages: string[]) => update({ ...form, stages })}
            />
            <HelperMessage>Leave all unchecked to show every stage.</HelperMessage>
          </Stack>
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
          {saveError && (
            <SectionMessage appearance="error" title="Couldn't save">
              <Text>{saveError}</Text>
            </SectionMessage>
          )}
        </Stack>
      </FormSection>
      <FormFooter>
        <ButtonGroup label="Form actions">
          <Button appearance="subtle" onClick={() => void view.close()}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isDisabled={saving}>
            Save
          </Button>
        </ButtonGroup>
      </FormFooter>
    </Form>
  );
}

ForgeReconciler.render(<Config />);
