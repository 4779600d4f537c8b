import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';
import { fieldId } from './settingsForm';

/**
 * Labelled inputs of the settings page. Each input's id comes from its settings path (settingsForm.fieldId), so
 * an error the resolver names lands on its input, and the input names its error and help with aria-describedby.
 */
interface FrameProps {
  path: string;
  label: string;
  helper?: ReactNode;
  error?: string;
  children(id: string, describedBy: string | undefined): ReactNode;
}

function FieldFrame({ path, label, helper, error, children }: FrameProps) {
  const id = fieldId(path);
  const describedBy = [error ? `${id}-error` : null, helper ? `${id}-helper` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <Label htmlFor={id}>{label}</Label>
      {children(id, describedBy)}
      {error && (
        <div id={`${id}-error`} data-testid={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
      {helper && (
        <div id={`${id}-helper`}>
          <HelperMessage>{helper}</HelperMessage>
        </div>
      )}
    </div>
  );
}

export interface TextSettingProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  helper?: ReactNode;
  error?: string;
  placeholder?: string;
  type?: 'text' | 'url' | 'password';
}

export function TextSetting({ path, label, value, onChange, helper, error, placeholder, type = 'text' }: TextSettingProps) {
  return (
    <FieldFrame path={path} label={label} helper={helper} error={error}>
      {(id, describedBy) => (
        <Textfield
          id={id}
          name={id}
          type={type}
          value={value}
          placeholder={placeholder}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
          // Secrets must not be offered to a password manager as this site's login.
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          spellCheck={false}
          onChange={(event) => onChange(event.currentTarget.value)}
          testId={fieldId(path)}
        />
      )}
    </FieldFrame>
  );
}

export interface Choice {
  label: string;
  value: string;
}

export interface SelectSettingProps {
  path: string;
  label: string;
  value: string;
  options: Choice[];
  onChange(value: string): void;
  helper?: ReactNode;
  error?: string;
}

export function SelectSetting({ path, label, value, options, onChange, helper, error }: SelectSettingProps) {
  return (
    <FieldFrame path={path} label={label} helper={helper} error={error}>
      {(id, describedBy) => (
        <Select<Choice>
          inputId={id}
          options={options}
          value={options.find((option) => option.value === value) ?? null}
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
