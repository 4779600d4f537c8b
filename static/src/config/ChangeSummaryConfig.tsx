/**
 * The change-summary macro's configuration panel (manifest: config.resource change-summary-config, render: native).
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
  RadioGroup,
  RequiredAsterisk,
  SectionMessage,
  Select,
  Spinner,
  Stack,
  Text,
  Toggle,
  useConfig,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type { ChangeSummaryConfigOptions, ChangeSummaryConfigOptionsResponse } from '../../../src/shared/changeSummaryContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import {
  configFromForm,
  formFromConfig,
  isChangeWindow,
  validateConfigForm,
  withSolution,
  type ChangeSummaryConfigErrors,
  type ChangeSummaryConfigForm,
} from './changeSummaryConfigForm';

/** The parts of UI Kit's serialised change event the panel reads. */
interface FieldEvent {
  target: { value?: unknown; checked?: boolean };
}

interface SelectOption {
  label: string;
  value: string;
}

const SOLUTION_FIELD_ID = 'change-summary-solution';
const WINDOW_LABEL_ID = 'change-summary-window-label';
const PRODUCTION_FIELD_ID = 'change-summary-only-production';

/** The options for the chosen solution: re-read when the solution changes (its environments differ). */
function useConfigOptions(solutionId: string | null) {
  const [options, setOptions] = useState<ChangeSummaryConfigOptions>();
  const [loadedFor, setLoadedFor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<ChangeSummaryConfigOptionsResponse>(invoke('getChangeSummaryConfigOptions', solutionId ? { solutionId } : {}))
      .then((answer) => {
        if (!active) return;
        setOptions(answer);
        setLoadedFor(solutionId);
      })
      .catch((reason: unknown) => active && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      active = false;
    };
  }, [solutionId, attempt]);
  return { options, environmentsReady: loadedFor === solutionId, error, retry: () => setAttempt((n) => n + 1) };
}

function Config() {
  const savedConfig = useConfig();
  const [form, setForm] = useState<ChangeSummaryConfigForm>(formFromConfig(undefined));
  const [touched, setTouched] = useState(false);
  const { options, environmentsReady, error: optionsError, retry } = useConfigOptions(form.solutionId);
  const [errors, setErrors] = useState<ChangeSummaryConfigErrors>({});
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
  const environments = environmentsReady ? options.environments : [];

  const update = (next: ChangeSummaryConfigForm) => {
    setTouched(true);
    setForm(next);
    if (errors.solutionId) setErrors(validateConfigForm(next, options));
  };

  const save = async () => {
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId || !environmentsReady) return;
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
              onChange={(option: SelectOption | null) => update(withSolution(form, option?.value ?? null))}
            />
            {errors.solutionId ? (
              <ErrorMessage>{errors.solutionId}</ErrorMessage>
            ) : (
              <HelperMessage>The macro summarises this solution's changes and pending production promotions.</HelperMessage>
            )}
          </Stack>
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
