/**
 * The env-status macro's custom configuration panel (manifest: config.resource env-status-config, render: native).
 * UI Kit: the host renders the ForgeDoc this emits; saving goes through view.submit({ config }), which Confluence
 * stores on the macro and hands back to the macro as context.extension.config.
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
  useConfig,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type { EnvStatusConfigOptions, EnvStatusConfigOptionsResponse } from '../../../src/shared/envStatusContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import {
  configFromForm,
  formFromConfig,
  validateConfigForm,
  type EnvStatusConfigErrors,
  type EnvStatusConfigForm,
} from './envStatusConfigForm';

interface SelectOption {
  label: string;
  value: string;
}

const SOLUTION_FIELD_ID = 'env-status-solution';
const STAGES_FIELD_ID = 'env-status-stages';

function useConfigOptions() {
  const [options, setOptions] = useState<EnvStatusConfigOptions>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<EnvStatusConfigOptionsResponse>(invoke('getEnvStatusConfigOptions'))
      .then((answer) => active && setOptions(answer))
      .catch((reason: unknown) => active && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      active = false;
    };
  }, [attempt]);
  return { options, error, retry: () => setAttempt((n) => n + 1) };
}

function Config() {
  const savedConfig = useConfig();
  const { options, error: optionsError, retry } = useConfigOptions();
  const [form, setForm] = useState<EnvStatusConfigForm>({ solutionId: null, stages: [] });
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<EnvStatusConfigErrors>({});
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
  const selected = solutionOptions.find((option) => option.value === form.solutionId) ?? null;

  const update = (next: EnvStatusConfigForm) => {
    setTouched(true);
    setForm(next);
    if (errors.solutionId) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId) return;
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
            <Label labelFor={SOLUTION_FIELD_ID}>
              Solution
              <RequiredAsterisk />
            </Label>
            <Select
              inputId={SOLUTION_FIELD_ID}
              name="solutionId"
              options={solutionOptions}
              value={selected}
              placeholder="Pick a solution"
              isRequired
              isInvalid={Boolean(errors.solutionId)}
              onChange={(option: SelectOption | null) => update({ ...form, solutionId: option?.value ?? null })}
            />
            {errors.solutionId ? (
              <ErrorMessage>{errors.solutionId}</ErrorMessage>
            ) : (
              <HelperMessage>The macro lists this solution's environments.</HelperMessage>
            )}
          </Stack>
          <Stack space="space.050">
            <Label labelFor={STAGES_FIELD_ID}>Stages</Label>
            <CheckboxGroup
              name="stages"
              options={options.stages.map((stage) => ({ label: stage, value: stage }))}
              value={form.stages}
              onChange={(stages: string[]) => update({ ...form, stages })}
            />
            <HelperMessage>Leave all unchecked to show every stage.</HelperMessage>
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
