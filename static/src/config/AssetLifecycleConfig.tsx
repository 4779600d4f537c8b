/**
 * The asset-lifecycle macro's configuration panel (manifest: config.resource asset-lifecycle-config, render: native).
 * UI Kit: saving goes through view.submit({ config }), which Confluence stores on the macro and hands back to the
 * macro as context.extension.config. Sources are the macro's fixed scope; the filters are the defaults readers start
 * from (they can change them in the macro without editing it).
 */
import { invoke } from '@forge/bridge';
import ForgeReconciler, { CheckboxGroup, ErrorMessage, HelperMessage, Label, RadioGroup, SectionMessage, Select, Spinner, Stack, Text, Textfield, Toggle } from '@forge/react';
import { useState } from 'react';
import {
  DEFAULT_ASSET_PAGE_SIZE,
  DEFAULT_EXPIRING_DAYS,
  DEFAULT_SORT_ORDER,
  MAX_ASSET_PAGE_SIZE,
  MAX_EXPIRING_DAYS,
  type AssetLifecycleConfigOptionsResult,
  type AssetSortKey,
  type AssetSource,
} from '../../../src/shared/assetLifecycleContract';
import {
  configFromForm,
  EMPTY_ASSET_FORM,
  formFromConfig,
  hasErrors,
  MIN_PAGE_SIZE,
  pickerValues,
  validateConfigForm,
  type AssetLifecycleConfigErrors,
  type AssetLifecycleConfigForm,
} from './assetLifecycleConfigForm';
import { ConfigForm, OptionsLoadError } from './shared/ConfigForm';
import type { SelectOption } from './shared/fields';
import { useConfigForm, useSubmitConfig } from './shared/useConfigForm';
import { useConfigOptions } from './shared/useConfigOptions';

/** The parts of UI Kit's serialised change event the panel reads. */
interface FieldEvent {
  target: { value?: unknown; checked?: boolean };
}

const FIELD = {
  title: 'asset-lifecycle-title',
  sources: 'asset-lifecycle-sources',
  approval: 'asset-lifecycle-approval',
  campaign: 'asset-lifecycle-campaign',
  productLine: 'asset-lifecycle-product-line',
  region: 'asset-lifecycle-region',
  failedOnly: 'asset-lifecycle-failed-only',
  expiry: 'asset-lifecycle-expiry',
  expiringDays: 'asset-lifecycle-expiring-days',
  pageSize: 'asset-lifecycle-page-size',
  sort: 'asset-lifecycle-sort',
  order: 'asset-lifecycle-order',
};

const SORT_OPTIONS: { label: string; value: AssetSortKey }[] = [
  { label: 'Name', value: 'name' },
  { label: 'Expiry of usage rights', value: 'expiry' },
  { label: 'Last activity', value: 'activity' },
];

const EXPIRY_OPTIONS: SelectOption[] = [
  { label: 'Expired', value: 'expired' },
  { label: 'Expiring within the window below', value: 'expiring' },
];

interface PickerProps {
  id: string;
  label: string;
  name: string;
  values: string[];
  value: string | null;
  placeholder: string;
  onChange(value: string | null): void;
}

function Picker({ id, label, name, values, value, placeholder, onChange }: PickerProps) {
  const options: SelectOption[] = values.map((v) => ({ label: v, value: v }));
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <Select
        inputId={id}
        name={name}
        isClearable
        options={options}
        value={options.find((option) => option.value === value) ?? null}
        placeholder={placeholder}
        onChange={(option: SelectOption | null) => onChange(option?.value ?? null)}
      />
    </Stack>
  );
}

function Config() {
  const { form, update: setForm } = useConfigForm<AssetLifecycleConfigForm>(EMPTY_ASSET_FORM, formFromConfig);
  const { options, error: optionsError, retry } = useConfigOptions<AssetLifecycleConfigOptionsResult>(() => invoke('assetLifecycle.getConfigOptions', {}));
  const [errors, setErrors] = useState<AssetLifecycleConfigErrors>({});
  const { saving, saveError, submit } = useSubmitConfig();

  if (optionsError) return <OptionsLoadError title="Couldn't load the asset sources" message={optionsError} onRetry={retry} />;
  if (!options) return <Spinner label="Loading asset sources" />;

  const update = (next: AssetLifecycleConfigForm) => {
    setForm(next);
    if (hasErrors(errors)) setErrors(validateConfigForm(next));
  };
  const save = async () => {
    const found = validateConfigForm(form);
    setErrors(found);
    if (hasErrors(found)) return;
    await submit(configFromForm(form));
  };
  const connected = options.sources.filter((s) => s.connected);

  return (
    <ConfigForm onSubmit={save} saveError={saveError} isSaveDisabled={saving}>
      {connected.length === 0 && (
        <SectionMessage appearance="warning" title="No asset source connected">
          <Text>Neither Canto nor iconik is connected yet. A Confluence admin connects them in the app's settings; the macro shows their assets after the first sync.</Text>
        </SectionMessage>
      )}
      <Stack space="space.050">
        <Label labelFor={FIELD.title}>Title</Label>
        <Textfield
          id={FIELD.title}
          name="title"
          value={form.title}
          placeholder="Asset lifecycle"
          isInvalid={Boolean(errors.title)}
          onChange={(event: FieldEvent) => update({ ...form, title: String(event.target.value ?? '') })}
        />
        {errors.title ? <ErrorMessage>{errors.title}</ErrorMessage> : <HelperMessage>Shown above the table.</HelperMessage>}
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.sources}>Sources</Label>
        <CheckboxGroup
          name="sources"
          options={options.sources.map((s) => ({ label: s.connected ? s.label : `${s.label} (not connected)`, value: s.source }))}
          value={form.sources}
          onChange={(sources: string[]) => update({ ...form, sources: sources as AssetSource[] })}
        />
        <HelperMessage>Leave both unchecked to show every connected source. Readers can narrow the sources, never widen them.</HelperMessage>
      </Stack>
      <Picker id={FIELD.approval} label="Approval" name="approval" values={pickerValues(options.approvals, form.approval)} value={form.approval} placeholder="Any approval" onChange={(approval) => update({ ...form, approval })} />
      <Picker id={FIELD.campaign} label="Campaign" name="campaign" values={pickerValues(options.campaigns, form.campaign)} value={form.campaign} placeholder="Any campaign" onChange={(campaign) => update({ ...form, campaign })} />
      <Picker id={FIELD.productLine} label="Product line" name="productLine" values={pickerValues(options.productLines, form.productLine)} value={form.productLine} placeholder="Any product line" onChange={(productLine) => update({ ...form, productLine })} />
      <Picker id={FIELD.region} label="Region" name="region" values={pickerValues(options.regions, form.region)} value={form.region} placeholder="Any region" onChange={(region) => update({ ...form, region })} />
      <Stack space="space.050">
        <Label labelFor={FIELD.expiry}>Usage rights</Label>
        <Select
          inputId={FIELD.expiry}
          name="expiry"
          isClearable
          options={EXPIRY_OPTIONS}
          value={EXPIRY_OPTIONS.find((option) => option.value === form.expiry) ?? null}
          placeholder="Any expiry"
          onChange={(option: SelectOption | null) => update({ ...form, expiry: option?.value === 'expired' || option?.value === 'expiring' ? option.value : null })}
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.failedOnly}>Failed jobs only</Label>
        <Toggle
          id={FIELD.failedOnly}
          name="failedOnly"
          label="Failed jobs only"
          isChecked={form.failedOnly}
          onChange={(event: FieldEvent) => update({ ...form, failedOnly: event.target.checked === true })}
        />
        <HelperMessage>Start with only the assets that have a failed job or transfer.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.expiringDays}>Expiring window (days)</Label>
        <Textfield
          id={FIELD.expiringDays}
          name="expiringDays"
          type="number"
          value={form.expiringDays}
          placeholder={String(DEFAULT_EXPIRING_DAYS)}
          isInvalid={Boolean(errors.expiringDays)}
          onChange={(event: FieldEvent) => update({ ...form, expiringDays: String(event.target.value ?? '') })}
        />
        {errors.expiringDays ? (
          <ErrorMessage>{errors.expiringDays}</ErrorMessage>
        ) : (
          <HelperMessage>{`Usage rights expiring within this many days (1 to ${MAX_EXPIRING_DAYS}) stand out. Empty: ${DEFAULT_EXPIRING_DAYS}.`}</HelperMessage>
        )}
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.pageSize}>Rows per page</Label>
        <Textfield
          id={FIELD.pageSize}
          name="pageSize"
          type="number"
          value={form.pageSize}
          placeholder={String(DEFAULT_ASSET_PAGE_SIZE)}
          isInvalid={Boolean(errors.pageSize)}
          onChange={(event: FieldEvent) => update({ ...form, pageSize: String(event.target.value ?? '') })}
        />
        {errors.pageSize ? (
          <ErrorMessage>{errors.pageSize}</ErrorMessage>
        ) : (
          <HelperMessage>{`${MIN_PAGE_SIZE} to ${MAX_ASSET_PAGE_SIZE}. Empty: ${DEFAULT_ASSET_PAGE_SIZE}.`}</HelperMessage>
        )}
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.sort}>Sort by</Label>
        <Select
          inputId={FIELD.sort}
          name="sort"
          options={SORT_OPTIONS}
          value={SORT_OPTIONS.find((option) => option.value === form.sort) ?? SORT_OPTIONS[0]}
          onChange={(option: { value: AssetSortKey } | null) => {
            const sort = option?.value ?? 'name';
            update({ ...form, sort, order: DEFAULT_SORT_ORDER[sort] });
          }}
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor={FIELD.order} id={FIELD.order}>
          Order
        </Label>
        <RadioGroup
          name="order"
          aria-labelledby={FIELD.order}
          options={[
            { label: form.sort === 'name' ? 'A to Z' : 'Oldest or soonest first', value: 'ASC' },
            { label: form.sort === 'name' ? 'Z to A' : 'Newest or latest first', value: 'DESC' },
          ]}
          value={form.order}
          onChange={(event: FieldEvent) => {
            if (event.target.value === 'ASC' || event.target.value === 'DESC') update({ ...form, order: event.target.value });
          }}
        />
      </Stack>
    </ConfigForm>
  );
}

ForgeReconciler.render(<Config />);
