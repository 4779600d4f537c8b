import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { FilterOption, IncidentKbFilterOptions, IncidentKbFilters, IncidentState } from '../../../src/shared/incidentContract';

const ANY = '';

function Picker({ id, label, anyLabel, options, value, isDisabled, onChange }: {
  id: string;
  label: string;
  anyLabel: string;
  options: FilterOption[];
  value: string | undefined;
  isDisabled: boolean;
  onChange(value: string | undefined): void;
}) {
  // A value no failure uses any more (a page of an older failure) stays choosable.
  const all = value && !options.some((option) => option.value === value) ? [{ value, label: value }, ...options] : options;
  const choices: FilterOption[] = [{ value: ANY, label: anyLabel }, ...all];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem'), minWidth: 170, flex: '1 1 170px' }}>
      <label htmlFor={id} style={{ color: token('color.text.subtle', '#505258'), font: token('font.body.small', '0.75rem') }}>
        {label}
      </label>
      <Select<FilterOption>
        inputId={id}
        options={choices}
        value={choices.find((option) => option.value === (value ?? ANY)) ?? choices[0]}
        isDisabled={isDisabled}
        spacing="compact"
        testId={`${id}-select`}
        onChange={(option) => onChange(option && option.value !== ANY ? option.value : undefined)}
      />
    </div>
  );
}

const STATE_OPTIONS: FilterOption[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
];

export interface FiltersProps {
  filters: IncidentKbFilters;
  options: IncidentKbFilterOptions;
  isLoading: boolean;
  onChange(filters: IncidentKbFilters): void;
}

/** The knowledge base's filters; each maps to a page label on the server. */
export function Filters({ filters, options, isLoading, onChange }: FiltersProps) {
  const set = (change: Partial<IncidentKbFilters>) => {
    const next: IncidentKbFilters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof IncidentKbFilters)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <div role="group" aria-label="Filters" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '0.75rem') }}>
      <Picker id="incident-filter-message-type" label="Message type" anyLabel="Any message type" options={options.messageTypes} value={filters.messageType} isDisabled={isLoading} onChange={(messageType) => set({ messageType })} />
      <Picker id="incident-filter-partner" label="Partner" anyLabel="Any partner" options={options.partners} value={filters.partnerId} isDisabled={isLoading} onChange={(partnerId) => set({ partnerId })} />
      <Picker id="incident-filter-endpoint" label="Endpoint" anyLabel="Any endpoint" options={options.endpoints} value={filters.endpoint} isDisabled={isLoading} onChange={(endpoint) => set({ endpoint })} />
      <Picker id="incident-filter-environment" label="Environment" anyLabel="Any environment" options={options.environments} value={filters.environmentId} isDisabled={isLoading} onChange={(environmentId) => set({ environmentId })} />
      <Picker
        id="incident-filter-state"
        label="State"
        anyLabel="Open and resolved"
        options={STATE_OPTIONS}
        value={filters.state}
        isDisabled={isLoading}
        onChange={(state) => set({ state: state as IncidentState | undefined })}
      />
    </div>
  );
}
