/**
 * The release-readiness macro's configuration panel (manifest: config.resource release-ready-config, render: native).
 * UI Kit: the host renders the ForgeDoc this emits; saving goes through view.submit({ config }), which Confluence
 * stores on the macro and hands back to the macro as context.extension.config.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { ErrorMessage, HelperMessage, Label, Select, Spinner, Stack } from '@forge/react';
import { useState } from 'react';
import type { ReleaseReadinessConfigOptionsResponse } from '../../../src/shared/releaseReadinessContract';
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
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { SolutionField, type SelectOption } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

const SOLUTION_FIELD_ID = 'release-readiness-solution';
const RELEASE_FIELD_ID = 'release-readiness-release';
const NEXT_OPTION: SelectOption = { label: 'Next planned release (moves on by itself)', value: releaseOptionValue({ mode: 'next' }) };

function Config() {
  const { form, update: setForm } = useConfigForm<ReleaseReadinessConfigForm>({ solutionId: null, release: { mode: 'next' } }, formFromConfig);
  // The solutions, and the releases of the chosen solution: asked again whenever the solution changes.
  const {
    options,
    ready: releasesReady,
    error: optionsError,
    retry,
  } = useConfigOptions<ReleaseReadinessConfigOptionsResponse>(
    (solutionId) => invoke('getReleaseReadinessConfigOptions', solutionId ? { solutionId } : {}),
    form.solutionId,
  );
  const [errors, setErrors] = useState<ReleaseReadinessConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the solutions and releases" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading solutions" />;

  const releaseOptions: SelectOption[] = [
    NEXT_OPTION,
    ...(releasesReady ? options.releases : []).map((release) => ({
      label: `${release.name} · ${release.targetName ?? 'unknown target'} · ${formatAbsoluteTime(release.plannedFor)}`,
      value: releaseOptionValue({ mode: 'pinned', releaseId: release.id }),
    })),
  ];
  const selectedRelease = releaseOptions.find((option) => option.value === releaseOptionValue(form.release)) ?? null;

  const update = (next: ReleaseReadinessConfigForm) => {
    setForm(next);
    if (errors.solutionId || errors.release) setErrors({});
  };

  const save = async () => {
    if (!releasesReady) return;
    const found = validateConfigForm(form, options);
    setErrors(found);
    if (found.solutionId || found.release) return;
    await submit(configFromForm(form));
  };

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving || !releasesReady}>
      <SolutionField
        id={SOLUTION_FIELD_ID}
        solutions={options.solutions}
        value={form.solutionId}
        error={errors.solutionId}
        helper="The solution whose releases are listed below."
        onChange={(solutionId) => update({ solutionId, release: { mode: 'next' } })}
      />
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
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
