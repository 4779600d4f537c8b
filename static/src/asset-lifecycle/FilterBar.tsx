import Checkbox from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type ReactNode } from 'react';
import {
  ASSET_SOURCE_LABELS,
  MAX_EXPIRING_DAYS,
  type AssetFilters,
  type AssetPage,
} from '../../../src/shared/assetLifecycleContract';
import { approvalLabel } from './appearance';

interface Option {
  label: string;
  value: string;
}

const ANY = '';

export interface FilterBarProps {
  data: AssetPage;
  /** The filters the reader asked for (shown at once, while their page loads). */
  filters: AssetFilters;
  isLoading: boolean;
  onFiltersChange(filters: AssetFilters): void;
  onExpiringDaysChange(days: number): void;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem'), minWidth: 150 }}>
      <label htmlFor={id} style={{ color: token('color.text.subtle', '#505258'), font: token('font.body.small', '0.75rem') }}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A single-choice picker with "Any" first; values the summary does not list (a configured default) stay choosable. */
function Picker({ id, label, anyLabel, values, value, render, isDisabled, onChange, testId }: {
  id: string;
  label: string;
  anyLabel: string;
  values: string[];
  value: string | undefined;
  render?(value: string): string;
  isDisabled: boolean;
  onChange(value: string | undefined): void;
  testId: string;
}) {
  const all = value && !values.includes(value) ? [value, ...values] : values;
  const options: Option[] = [{ label: anyLabel, value: ANY }, ...all.map((v) => ({ label: render ? render(v) : v, value: v }))];
  const selected = options.find((option) => option.value === (value ?? ANY)) ?? options[0];
  return (
    <Field id={id} label={label}>
      <Select<Option>
        inputId={id}
        options={options}
        value={selected}
        isDisabled={isDisabled}
        spacing="compact"
        testId={testId}
        onChange={(option) => onChange(option && option.value !== ANY ? option.value : undefined)}
      />
    </Field>
  );
}

/** The view's filters: they last for this reader's view; the macro's configuration stays as it is. */
export function FilterBar({ data, filters, isLoading, onFiltersChange, onExpiringDaysChange }: FilterBarProps) {
  const { summary, scope, expiringDays } = data;
  const change = (patch: Partial<AssetFilters>) => onFiltersChange({ ...filters, ...patch });
  const chosenSource = filters.sources && filters.sources.length === 1 && scope.sources.length > 1 ? filters.sources[0] : undefined;
  const [days, setDays] = useState(String(expiringDays));
  useEffect(() => setDays(String(expiringDays)), [expiringDays]);
  const daysValid = /^\d+$/.test(days.trim()) && Number(days) >= 1 && Number(days) <= MAX_EXPIRING_DAYS;
  const applyDays = () => {
    if (daysValid && Number(days) !== expiringDays) onExpiringDaysChange(Number(days));
  };

  return (
    <div role="group" aria-label="Filters" data-testid="asset-filters" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: token('space.150', '0.75rem') }}>
      {scope.sources.length > 1 && (
        <Picker
          id="asset-filter-source"
          label="Source"
          anyLabel="Every source"
          values={scope.sources}
          value={chosenSource}
          render={(source) => ASSET_SOURCE_LABELS[source as keyof typeof ASSET_SOURCE_LABELS] ?? source}
          isDisabled={isLoading}
          testId="filter-source"
          onChange={(source) => change({ sources: source ? [source as (typeof scope.sources)[number]] : undefined })}
        />
      )}
      <Picker
        id="asset-filter-approval"
        label="Approval"
        anyLabel="Any approval"
        values={summary.approvals}
        value={filters.approval}
        render={(approval) => approvalLabel(approval)}
        isDisabled={isLoading}
        testId="filter-approval"
        onChange={(approval) => change({ approval })}
      />
      <Picker
        id="asset-filter-campaign"
        label="Campaign"
        anyLabel="Any campaign"
        values={summary.campaigns}
        value={filters.campaign}
        isDisabled={isLoading}
        testId="filter-campaign"
        onChange={(campaign) => change({ campaign })}
      />
      <Picker
        id="asset-filter-product-line"
        label="Product line"
        anyLabel="Any product line"
        values={summary.productLines}
        value={filters.productLine}
        isDisabled={isLoading}
        testId="filter-product-line"
        onChange={(productLine) => change({ productLine })}
      />
      <Picker
        id="asset-filter-region"
        label="Region"
        anyLabel="Any region"
        values={summary.regions}
        value={filters.region}
        isDisabled={isLoading}
        testId="filter-region"
        onChange={(region) => change({ region })}
      />
      <Picker
        id="asset-filter-expiry"
        label="Usage rights"
        anyLabel="Any expiry"
        values={['expired', 'expiring']}
        value={filters.expiry}
        render={(expiry) => (expiry === 'expired' ? 'Expired' : `Expiring within ${expiringDays} days`)}
        isDisabled={isLoading}
        testId="filter-expiry"
        onChange={(expiry) => change({ expiry: expiry as AssetFilters['expiry'] })}
      />
      <Field id="asset-filter-days" label="Expiring window (days)">
        <div style={{ width: 110 }}>
          <Textfield
            id="asset-filter-days"
            type="number"
            min={1}
            max={MAX_EXPIRING_DAYS}
            isCompact
            value={days}
            isInvalid={!daysValid}
            isDisabled={isLoading}
            aria-describedby={daysValid ? undefined : 'asset-filter-days-error'}
            testId="filter-days"
            onChange={(event) => setDays(event.currentTarget.value)}
            onBlur={applyDays}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyDays();
            }}
          />
        </div>
        {!daysValid && (
          <span id="asset-filter-days-error" style={{ color: token('color.text.danger', '#AE2E24'), font: token('font.body.small', '0.75rem') }}>
            1 to {MAX_EXPIRING_DAYS}
          </span>
        )}
      </Field>
      <div style={{ paddingBottom: token('space.050', '0.25rem') }}>
        <Checkbox
          label="Failed jobs only"
          name="failed-only"
          isChecked={filters.failedOnly ?? false}
          isDisabled={isLoading}
          testId="filter-failed-only"
          onChange={(event) => change({ failedOnly: event.currentTarget.checked || undefined })}
        />
      </div>
    </div>
  );
}
