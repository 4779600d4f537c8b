/**
 * The interface-spec macro's configuration panel (manifest: config.resource interface-spec-config, render: native).
 * It holds display settings only. The spec itself is too large for a macro's config and is user data the app
 * stores: signed-in readers write it in the macro (Edit spec), where the form has room and validation per field.
 */
import { invoke, view } from '@forge/bridge';
import ForgeReconciler, {
  Button,
  ButtonGroup,
  CheckboxGroup,
  Form,
  FormFooter,
  FormSection,
  HelperMessage,
  Label,
  SectionMessage,
  Select,
  Spinner,
  Stack,
  Text,
  useConfig,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type { InterfaceSpecConfigOptionsResponse } from '../../../src/shared/interfaceSpecContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { MODE_CHOICES, configFromForm, formFromConfig, type InterfaceSpecConfigForm } from './interfaceSpecConfigForm';

interface SelectOption {
  label: string;
  value: string;
}

const MODE_FIELD_ID = 'interface-spec-mode';
const STAGES_FIELD_ID = 'interface-spec-stages';

function useStages() {
  const [stages, setStages] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<InterfaceSpecConfigOptionsResponse>(invoke('getInterfaceSpecConfigOptions'))
      .then((answer) => active && setStages(answer.stages))
      .catch((reason: unknown) => active && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      active = false;
    };
  }, [attempt]);
  return { stages, error, retry: () => setAttempt((n) => n + 1) };
}

function Config() {
  const savedConfig = useConfig();
  const { stages, error, retry } = useStages();
  const [form, setForm] = useState<InterfaceSpecConfigForm>({ mode: 'spec-and-drift', stages: [] });
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  useEffect(() => {
    if (savedConfig !== undefined && !touched) setForm(formFromConfig(savedConfig));
  }, [savedConfig, touched]);

  if (error) {
    return (
      <SectionMessage appearance="error" title="Couldn't load the stages">
        <Text>{error}</Text>
        <Button onClick={retry}>Retry</Button>
      </SectionMessage>
    );
  }
  if (!stages) return <Spinner label="Loading" />;

  const modeOptions: SelectOption[] = MODE_CHOICES.map(({ label, value }) => ({ label, value }));
  const chosen = MODE_CHOICES.find((choice) => choice.value === form.mode) ?? MODE_CHOICES[0];
  const update = (next: InterfaceSpecConfigForm) => {
    setTouched(true);
    setForm(next);
  };

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await view.submit({ config: { ...configFromForm(form, stages) } });
    } catch (reason) {
      setSaveError(reason instanceof Error ? reason.message : String(reason));
      setSaving(false);
    }
  };

  return (
    <Form onSubmit={save}>
      <FormSection>
        <Stack space="space.200">
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
          <Stack space="space.050">
            <Label labelFor={STAGES_FIELD_ID}>Stages compared</Label>
            <CheckboxGroup
              name="stages"
              options={stages.map((stage) => ({ label: stage, value: stage }))}
              value={form.stages}
              onChange={(next: string[]) => update({ ...form, stages: next })}
            />
            <HelperMessage>Leave all unchecked to compare every environment of the spec's solution.</HelperMessage>
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
