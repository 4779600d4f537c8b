import { view } from '@forge/bridge';
import { useConfig } from '@forge/react';
import { useEffect, useState } from 'react';
import { messageOf } from './messageOf';

/**
 * The panel's form values, seeded from the macro's saved config. useConfig answers asynchronously: the form is
 * seeded once it arrives, unless the user already changed something.
 */
export function useConfigForm<F>(initial: F, formFromConfig: (config: unknown) => F) {
  const savedConfig = useConfig();
  const [form, setForm] = useState<F>(initial);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (savedConfig !== undefined && !touched) setForm(formFromConfig(savedConfig));
  }, [savedConfig, touched, formFromConfig]);
  const update = (next: F) => {
    setTouched(true);
    setForm(next);
  };
  return { form, update };
}

/**
 * Saving: view.submit({ config }) has Confluence store the config on the macro (the macro reads it back as
 * context.extension.config) and close the panel. A failed save is kept for the panel to show.
 */
export function useSubmitConfig() {
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const submit = async (config: object) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await view.submit({ config: { ...config } });
    } catch (reason) {
      setSaveError(messageOf(reason));
      setSaving(false);
    }
  };
  return { saving, saveError, submit };
}
