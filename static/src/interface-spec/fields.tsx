import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/**
 * Labelled inputs of the spec editor. Each input's id comes from its spec path (specForm.fieldId), so a field error
 * from the resolver lands on its input, and the input names its error and help text with aria-describedby.
 */
interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  helper?: ReactNode;
  error?: string;
  children(describedBy: string | undefined): ReactNode;
}

function FieldFrame({ id, label, required, helper, error, children }: FieldFrameProps) {
  const describedBy = [error ? `${id}-error` : null, helper ? `${id}-helper` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <Label htmlFor={id}>
        {label}
        {required && <RequiredAsterisk />}
      </Label>
      {children(describedBy)}
      {error && (
        <div id={`${id}-error`} data-testid={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
      {helper && !error && (
        <div id={`${id}-helper`}>
          <HelperMessage>{helper}</HelperMessage>
        </div>
      )}
    </div>
  );
}

export interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  helper?: ReactNode;
  error?: string;
  placeholder?: string;
  type?: 'text' | 'email' | 'url';
  maxLength?: number;
}

export function TextInput({ id, label, value, onChange, required, helper, error, placeholder, type = 'text', maxLength }: TextInputProps) {
  return (
    <FieldFrame id={id} label={label} required={required} helper={helper} error={error}>
      {(describedBy) => (
        <Textfield
          id={id}
          name={id}
          type={type}
          value={value}
          placeholder={placeholder}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          // Generous: the spec's own limits (validated, with a message) are the ones that count.
          maxLength={maxLength ? maxLength * 2 : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaInput({ id, label, value, onChange, required, helper, error, rows = 3, monospace = false }: TextInputProps & { rows?: number; monospace?: boolean }) {
  return (
    <FieldFrame id={id} label={label} required={required} helper={helper} error={error}>
      {(describedBy) => (
        <TextArea
          id={id}
          name={id}
          value={value}
          minimumRows={rows}
          resize="vertical"
          isInvalid={Boolean(error)}
          isMonospaced={monospace}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          spellCheck={!monospace}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

export interface Choice {
  label: string;
  value: string;
}

export interface SelectInputProps {
  id: string;
  label: string;
  value: string;
  options: Choice[];
  onChange(value: string): void;
  required?: boolean;
  helper?: ReactNode;
  error?: string;
  placeholder?: string;
}

/** A single choice; a saved value the options no longer offer stays selectable, marked as such. */
export function SelectInput({ id, label, value, options, onChange, required, helper, error, placeholder }: SelectInputProps) {
  const known = options.find((option) => option.value === value);
  const all = known || !value ? options : [{ label: `${value} (not in the synced data)`, value }, ...options];
  return (
    <FieldFrame id={id} label={label} required={required} helper={helper} error={error}>
      {(describedBy) => (
        <Select<Choice>
          inputId={id}
          options={all}
          value={all.find((option) => option.value === value) ?? null}
          placeholder={placeholder ?? 'Choose…'}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(option) => onChange(option?.value ?? '')}
          menuPortalTarget={typeof document === 'undefined' ? undefined : document.body}
          styles={{ menuPortal: (base) => ({ ...base, zIndex: 510 }) }}
        />
      )}
    </FieldFrame>
  );
}

/** One row of a repeated group (a partner, an endpoint...): its inputs side by side, and its Remove button. */
export function RowBox({ children, columns }: { children: ReactNode; columns: string }) {
  return (
    <li
      style={{
        display: 'grid',
        gridTemplateColumns: columns,
        gap: token('space.100', '0.5rem'),
        alignItems: 'start',
        padding: token('space.100', '0.5rem'),
        border: `${token('border.width', '1px')} solid ${token('color.border', '#0B120E24')}`,
        borderRadius: token('radius.small', '0.25rem'),
      }}
    >
      {children}
    </li>
  );
}
