/**
 * The release-readiness macro's configuration panel (manifest: config.resource release-ready-config, render: native).
 * UI Kit: the host renders the ForgeDoc this emits; saving goes through view.submit({ config }), which Confluence
 * stores on the macro and hands back to the macro as context.extension.config.
 */
import { invoke, view } from '@forge/bridge';
import ForgeReconciler, {
  Button,
  ButtonGroup,
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
import type {
  ReleaseReadinessConfigOptions,
  ReleaseReadinessConfigOptionsResponse,
} from '../../../src/shared/releaseReadinessContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { formatAbsoluteTime } from '../shared/time';
import {
  configFromForm,
  formFromConfig,
  releaseChoiceOf,
  releaseOptionValue,
  validateConfigForm,
  type ReleaseReadinessConfigErrors,
  type ReleaseReadinessConfigForm,
} from './releaseReadinessConfigForm';

interface SelectOption {
  label: string;
  value: string;
}

const SOLUTION_FIELD_ID = 'release-readiness-solution';
const RELEASE_FIELD_ID = 'release-readiness-release';
const NEXT_OPTION: SelectOption = { label: 'Next planned release (moves on by itself)', value: releaseOptionValue({ mode: 'next' }) };

/** The solutions, and the releases of the chosen solution: asked again whenever the solution changes. */
function useConfigOptions(solutionId: string | null) {
  const [options, setOptions] = useState<ReleaseReadinessConfigOptions>();
  const [loadedFor, setLoadedFor] = useState<string | null>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<ReleaseReadinessConfigOptionsResponse>(invoke('getReleaseReadinessConfigOptions', solutionId ? { solutionId } : {}))
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
  return { options, releasesReady: loadedFor === solutionId, error, retry: () => setAttempt((n) => n + 1) };
}

function Config() {
  const savedConfig = useConfig();
  const [form, setForm] = useState<ReleaseReadinessConfigForm>({ solutionId: null, release: { mode: 'next' } });
  const [touched, setTouched] = useState(false);
  const { options, releasesReady, error: optionsError, retry } = useConfigOptions(form.solutionId);
  const [errors, setErrors] = useState<ReleaseReadinessConfigErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  // useConfig answers asynchronously: seed the form once it arrives, unless the user already changed something.
  useEffect(() => {
    if (savedConfig !== undefined && !touched) setForm(formFromConfig(savedConfig));
  }, [savedConfig, touched]);

  if (optionsError) {
    return (
      <SectionMessage appearance="error" title="Couldn't load the solutions and releases">
        <Text>{optionsError}</Text>
        <Button onClick={retry}>Retry</Button>
      </SectionMessage>
    );
  }
  if (!options) return <Spinner label="Loading solutions" />;

  const solutionOptions: SelectOption[] = options.solutions.map((solution) => ({ label: solution.name, value: solution.id }));
  const selectedSolution = solutionOptions.find((option) => option.value === form.solutionId) ?? null;
  const releaseOptions: SelectOption[] = [
    NEXT_OPTION,
    ...(releasesReady ? options.releases : []).map((release) => ({
      label: `${release.name} · ${release.targetName ?? 'unknown target'} · ${formatAbsoluteTime(release.plannedFor)}`,
      value: releaseOptionValue({ mode: 'pinned', releaseId: release.id }),
    })),
  ];
  const selectedRelease = releaseOptions.find((option) => option.value === releaseOptionValue(form.release)) ?? null;

  const update = (next: ReleaseReadinessConfigForm) => {
    setTouched(true);
    setForm(next);
    if (errors.solutionId || errors.release) setErrors({});
  };

  const save = async () => {
    if (!releasesReady) return;
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId || found.release) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      await view.submit({ config: { ...configFromForm(form) } });
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
              value={selectedSolution}
              placeholder="Pick a solution"
              isRequired
              isInvalid={Boolean(errors.solutionId)}
              onChange={(option: SelectOption | null) => update({ solutionId: option?.value ?? null, release: { mode: 'next' } })}
            />
            {errors.solutionId ? <ErrorMessage>{errors.solutionId}</ErrorMessage> : <HelperMessage>The solution whose releases are listed below.</HelperMessage>}
          </Stack>
          <Stack space="space.050">
            <Label labelFor={RELEASE_FIELD_ID}>Release</Label>
            <Select
              inputId={RELEASE_FIELD_ID}
              name="release"
              options={releaseOptions}
              value={selectedRelease}
              isDisabled={!form.solutionId}
              isLoading={Boolean(form.solutionId) && !releasesReady}
              isInvalid={Boolean(errors.release)}
              onChange={(option: SelectOption | null) => update({ ...form, release: releaseChoiceOf(option?.value) })}
            />
            {errors.release ? (
              <ErrorMessage>{errors.release}</ErrorMessage>
            ) : (
              <HelperMessage>
                {form.solutionId && releasesReady && options.releases.length === 0
                  ? 'This solution has no releases yet: the macro will show the next one once it is planned.'
                  : 'A specific release, or whichever release is planned next.'}
              </HelperMessage>
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
          <Button appearance="primary" type="submit" isDisabled={saving || !releasesReady}>
            Save
          </Button>
        </ButtonGroup>
      </FormFooter>
    </Form>
  );
}

ForgeReconciler.render(<Config />);
