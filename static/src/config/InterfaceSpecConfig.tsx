/**
 * The interface-spec macro's configuration panel (manifest: config.resource interface-spec-config, render: native).
 * It holds display settings only. The spec itself is too large for a macro's config and is user data the app
 * stores: signed-in readers write it in the macro (Edit spec), where the form has room and validation per field.
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { HelperMessage, Label, Select, Spinner, Stack, Text } from '@forge/react';
import type { InterfaceSpecConfigOptionsResponse } from '../../../src/shared/interfaceSpecContract';
import { MODE_CHOICES, configFromForm, formFromConfig, type InterfaceSpecConfigForm } from './interfaceSpecConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import { StagesField, type SelectOption } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

const MODE_FIELD_ID = 'interface-spec-mode';
const STAGES_FIELD_ID = 'interface-spec-stages';

function Config() {
  const { options, error, retry } = useConfigOptions<InterfaceSpecConfigOptionsResponse>(() => invoke('getInterfaceSpecConfigOptions'));
  const { form, update } = useConfigForm<InterfaceSpecConfigForm>({ mode: 'spec-and-drift', stages: [] }, formFromConfig);
  const { saving, saveError, submit } = useSubmitConfig();

  if (error) return <OptionsLoadError title="Couldn't load the stages" message={error} onRetry={retry} />;
  if (!options) return <Spinner label="Loading" />;
  const { stages } = options;

  const modeOptions: SelectOption[] = MODE_CHOICES.map(({ label, value }) => ({ label, value }));
  const chosen = MODE_CHOICES.find((choice) => choice.value === form.mode) ?? MODE_CHOICES[0];

  const save = () => submit(configFromForm(form, stages));

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      <Text>The spec itself is written in the macro: open the page and choose Edit spec.</Text>
      <Stack space="space.050">
        <Label labelFor={MODE_FIELD_ID}>Show</Label>
        <Select
          inputId={MODE_FIELD_ID}
          name="mode"
          options={modeOptions}
          value={modeOptions.find((option) => option.value === form.mode) ?? null}
          onChange={(option: SelectOption | null) => update({ ...form, mode: (option?.value as InterfaceSpecConfigForm['mode']) ?? 'spec-and-drift' })}
        />
        <HelperMessage>{chosen?.description ?? ''}</HelperMessage>
      </Stack>
      <StagesField
        id={STAGES_FIELD_ID}
        label="Stages compared"
        stages={stages}
        value={form.stages}
        helper="Leave all unchecked to compare every environment of the spec's solution."
        onChange={(next) => update({ ...form, stages: next })}
      />
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
