import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { secondaryText } from '../shared/textStyles';
import { fieldId, type FieldErrors, type SaveOutcome } from './settingsForm';

/** The state of one section's save: what the admin sees under its Save button. */
export interface SectionSave {
  saving: boolean;
  notice: string | null;
  error: { message: string; fields: FieldErrors } | null;
  fieldError(path: string): string | undefined;
  /** Runs a save; answers whether it succeeded. */
  run(save: () => Promise<SaveOutcome>, onSaved: (outcome: Extract<SaveOutcome, { kind: 'saved' }>) => void): Promise<boolean>;
  clear(): void;
}

export function useSectionSave(what: string, onForbidden: (message: string) => void): SectionSave {
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<SectionSave['error']>(null);
  const run = useCallback<SectionSave['run']>(
    async (save, onSaved) => {
      setSaving(true);
      setNotice(null);
      setError(null);
      let outcome: SaveOutcome;
      try {
        outcome = await save();
      } catch (reason) {
        outcome = { kind: 'failed', message: reason instanceof Error ? reason.message : String(reason) };
      }
      setSaving(false);
      if (outcome.kind === 'saved') {
        onSaved(outcome);
        setNotice(`${what} saved.`);
        return true;
      }
      if (outcome.kind === 'forbidden') onForbidden(outcome.message);
      else setError({ message: outcome.message, fields: outcome.kind === 'invalid' ? outcome.fields : new Map() });
      return false;
    },
    [what, onForbidden],
  );
  return {
    saving,
    notice,
    error,
    fieldError: (path) => error?.fields.get(path),
    run,
    clear: () => {
      setNotice(null);
      setError(null);
    },
  };
}

export interface SettingsSectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  save?: SectionSave;
  saveLabel?: string;
  onSave?(): void;
  /** Labels of the fields by settings path, for the error summary. */
  labels?: Record<string, string>;
  /** Extra buttons beside Save. */
  actions?: ReactNode;
  /** Rendered under the buttons (e.g. a connection test's result). */
  footer?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}

/**
 * One part of the settings page: a heading, its fields, a Save button and what became of the last save (a notice
 * for screen readers, or the errors with links that take the keyboard to each field).
 */
export function SettingsSection({ id, title, description, children, save, saveLabel, onSave, labels = {}, actions, footer, headingLevel = 'h2' }: SettingsSectionProps) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (save?.error) summary.current?.focus();
  }, [save?.error]);
  const fieldErrors = save?.error ? [...save.error.fields.entries()] : [];
  return (
    <section
      aria-labelledby={`${id}-heading`}
      id={id}
      data-testid={id}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150', '0.75rem'),
        padding: token('space.200', '1rem'),
        border: `${token('border.width', '1px')} solid ${token('color.border', '#0B120E24')}`,
        borderRadius: token('radius.medium', '0.375rem'),
      }}
    >
      <Heading size={headingLevel === 'h2' ? 'small' : 'xsmall'} as={headingLevel} id={`${id}-heading`}>
        {title}
      </Heading>
      {description && <div style={{ ...secondaryText, margin: 0 }}>{description}</div>}
      {children}
      {(save || actions) && (
        <div style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'center', flexWrap: 'wrap' }}>
          {save && onSave && (
            <Button appearance="primary" onClick={onSave} isLoading={save.saving} testId={`${id}-save`}>
              {saveLabel ?? 'Save'}
            </Button>
          )}
          {actions}
          <span role="status" aria-live="polite" style={secondaryText} data-testid={`${id}-notice`}>
            {save?.notice}
          </span>
        </div>
      )}
      {save?.error && (
        <div ref={summary} tabIndex={-1} data-testid={`${id}-error`}>
          <SectionMessage appearance="error" title={fieldErrors.length > 0 ? 'Nothing was saved: check these fields' : 'Nothing was saved'}>
            {fieldErrors.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: token('space.250', '1.25rem') }}>
                {fieldErrors.map(([path, message]) => (
                  <li key={path}>
                    <a
                      href={`#${fieldId(path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(fieldId(path))?.focus();
                      }}
                    >
                      {labels[path] ?? path}
                    </a>
                    : {message}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{save.error.message}</p>
            )}
          </SectionMessage>
        </div>
      )}
      {footer}
    </section>
  );
}
