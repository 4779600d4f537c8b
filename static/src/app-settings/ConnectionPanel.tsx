import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import {
  CONNECTION_FIELD_DESCRIPTIONS,
  CONNECTION_FIELDS,
  SOURCE_NAMES,
  secretsOf,
  type AppSettingsView,
  type ConnectionFailureKind,
  type ConnectionSource,
  type ConnectionTestResult,
  type SecretDescription,
  type SecretStatus,
} from '../../../src/shared/appSettingsContract';
import { codeText, secondaryText } from '../shared/textStyles';
import { TextSetting } from './fields';
import { clearStoredSecret, runConnectionTest, saveSettingsSections } from './settingsApi';
import { connectionDraft, connectionPayload, saveOutcome, secretState, testConnectionPayload, type ConnectionDraft } from './settingsForm';
import { SettingsSection, useSectionSave } from './SettingsSection';

export interface ConnectionPanelProps {
  source: ConnectionSource;
  settings: AppSettingsView;
  onSettings(settings: AppSettingsView): void;
  onForbidden(message: string): void;
}

const FAILURE_TITLES: Record<ConnectionFailureKind, string> = {
  'not-configured': 'Not configured',
  egress: 'Host not allowed (egress)',
  dns: 'Host not found (DNS)',
  refused: 'Connection refused',
  timeout: 'Timed out',
  tls: 'Certificate not accepted',
  unauthorized: 'Credentials rejected (401)',
  forbidden: 'Access refused (403)',
  'not-found': 'Not found (404)',
  'rate-limited': 'Rate-limited (429)',
  'server-error': 'Server error',
  'bad-answer': 'Unexpected answer',
  other: 'Connection failed',
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function TestResult({ result, usedForm }: { result: ConnectionTestResult; usedForm: boolean }) {
  const where = `${result.target ? `${result.target}, ` : ''}${seconds(result.durationMs)}, ${usedForm ? 'values in the form' : 'saved values'}`;
  return (
    <div data-testid={`test-result-${result.source}`} data-ok={String(result.ok)}>
      <SectionMessage appearance={result.ok ? 'success' : 'error'} title={result.ok ? 'Connected' : FAILURE_TITLES[result.kind]}>
        <p style={{ margin: 0 }}>{result.ok ? result.detail : result.message}</p>
        <p style={{ ...secondaryText, margin: `${token('space.050', '0.25rem')} 0 0` }}>Tested: {where}.</p>
      </SectionMessage>
    </div>
  );
}

interface SecretRowProps {
  secret: SecretDescription;
  status: SecretStatus;
  value: string | undefined;
  onReplace(value: string | undefined): void;
  onClear(): Promise<void>;
  error?: string;
}

/**
 * A secret as the browser may know it: set or not set. "Replace" opens an empty password field (what is typed is
 * saved with the connection; left blank, the stored secret stays); "Clear" removes the stored one after a confirmation.
 */
function SecretRow({ secret, status, value, onReplace, onClear, error }: SecretRowProps) {
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState(false);
  const state = secretState(status);
  const replacing = value !== undefined;
  const path = `secrets.${secret.name}`;
  return (
    <div data-testid={`secret-${secret.name}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
      <div style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'center', flexWrap: 'wrap' }}>
        <strong id={`${path}-label`}>{secret.label}</strong>
        <span data-testid={`secret-status-${secret.name}`}>
          <Lozenge appearance={state === 'not-set' ? 'default' : 'success'}>{state === 'not-set' ? 'Not set' : 'Set'}</Lozenge>
        </span>
        {state === 'env' && (
          <span style={secondaryText}>
            from the Forge variable <code style={codeText}>{secret.envVar}</code>
          </span>
        )}
        <span style={{ flex: 1 }} />
        {!replacing && (
          <Button appearance="subtle" onClick={() => onReplace('')} aria-describedby={`${path}-label`} testId={`secret-replace-${secret.name}`}>
            {state === 'not-set' ? 'Set' : 'Replace'}
          </Button>
        )}
        {status.stored && !confirming && (
          <Button appearance="subtle" onClick={() => setConfirming(true)} aria-describedby={`${path}-label`} testId={`secret-clear-${secret.name}`}>
            Clear
          </Button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label={`Clear the ${secret.label}`} style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'center', flexWrap: 'wrap' }}>
          <span>
            Clear the stored {secret.label.toLowerCase()}?{' '}
            {status.fromEnv ? `The Forge variable ${secret.envVar} applies again.` : 'The app then has none.'}
          </span>
          <Button
            appearance="danger"
            isLoading={clearing}
            testId={`secret-clear-confirm-${secret.name}`}
            onClick={async () => {
              setClearing(true);
              await onClear();
              setClearing(false);
              setConfirming(false);
            }}
          >
            Clear
          </Button>
          <Button appearance="subtle" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      )}
      {replacing && (
        <div style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'end' }}>
          <div style={{ flex: 1 }}>
            <TextSetting
              path={path}
              label={`New ${secret.label.toLowerCase()}`}
              type="password"
              value={value}
              onChange={onReplace}
              error={error}
              helper={`${secret.help} Saved with the connection; left blank, the current one stays.`}
            />
          </div>
          <Button appearance="subtle" onClick={() => onReplace(undefined)}>
            Cancel
          </Button>
        </div>
      )}
      {!replacing && <span style={secondaryText}>{secret.help}</span>}
    </div>
  );
}

/** One upstream's connection: its fields, its secrets (status only), Save and Test connection. */
export function ConnectionPanel({ source, settings, onSettings, onForbidden }: ConnectionPanelProps) {
  const [draft, setDraft] = useState<ConnectionDraft>(() => connectionDraft(settings, source));
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ result: ConnectionTestResult; usedForm: boolean } | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const save = useSectionSave(`${SOURCE_NAMES[source]} connection`, onForbidden);
  const descriptions = CONNECTION_FIELD_DESCRIPTIONS[source] as Record<string, { label: string; envVar: string; isUrl: boolean; placeholder: string; help: string }>;
  const fields = CONNECTION_FIELDS[source] as readonly string[];
  const saved = settings.connections[source] as Record<string, { saved: string | null; fromEnv: string | null }>;
  const labels = Object.fromEntries([
    ...fields.map((field) => [`connections.${source}.${field}`, `${SOURCE_NAMES[source]} ${descriptions[field]?.label ?? field}`]),
    ...secretsOf(source).map((secret) => [`secrets.${secret.name}`, `${SOURCE_NAMES[source]} ${secret.label.toLowerCase()}`]),
  ]);

  const onSave = () =>
    void save.run(
      async () => saveOutcome(await saveSettingsSections(connectionPayload(source, draft))),
      ({ settings: next }) => {
        onSettings(next);
        setDraft(connectionDraft(next, source));
      },
    );

  const onTest = async () => {
    setTesting(true);
    setTest(null);
    setTestError(null);
    const payload = testConnectionPayload(source, draft);
    try {
      const answer = await runConnectionTest(payload);
      if (answer.state === 'ok') {
        const usedForm = Object.keys(payload.fields as object).some((field) => draft.fields[field] !== (saved[field]?.saved ?? '')) || 'secret' in payload;
        setTest({ result: answer.result, usedForm });
      } else if (answer.state === 'forbidden') onForbidden(answer.message);
      else setTestError(answer.message);
    } catch (reason) {
      setTestError(reason instanceof Error ? reason.message : String(reason));
    }
    setTesting(false);
  };

  const onClear = async (secret: SecretDescription) => {
    try {
      const outcome = saveOutcome(await clearStoredSecret(secret.name));
      if (outcome.kind === 'saved') onSettings(outcome.settings);
      else if (outcome.kind === 'forbidden') onForbidden(outcome.message);
      else setTestError(outcome.message);
    } catch (reason) {
      setTestError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <SettingsSection
      id={`connection-${source}`}
      title={SOURCE_NAMES[source]}
      headingLevel="h3"
      save={save}
      saveLabel={`Save ${SOURCE_NAMES[source]} connection`}
      onSave={onSave}
      labels={labels}
      actions={
        <Button onClick={() => void onTest()} isLoading={testing} testId={`test-connection-${source}`}>
          Test connection
        </Button>
      }
      footer={
        <div role="status" aria-live="polite">
          {test && <TestResult result={test.result} usedForm={test.usedForm} />}
          {testError && (
            <SectionMessage appearance="error" title="Couldn't test the connection">
              <p>{testError}</p>
            </SectionMessage>
          )}
        </div>
      }
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: token('space.150', '0.75rem') }}>
        {fields.map((field) => {
          const description = descriptions[field];
          const path = `connections.${source}.${field}`;
          const fromEnv = saved[field]?.fromEnv;
          return (
            <TextSetting
              key={field}
              path={path}
              label={description?.label ?? field}
              type={description?.isUrl ? 'url' : 'text'}
              value={draft.fields[field] ?? ''}
              placeholder={fromEnv ?? description?.placeholder}
              error={save.fieldError(path)}
              helper={
                <>
                  {description?.help}
                  {fromEnv && !draft.fields[field] && (
                    <>
                      {' '}
                      Blank: the Forge variable <code style={codeText}>{description?.envVar}</code> applies.
                    </>
                  )}
                </>
              }
              onChange={(value) => setDraft((current) => ({ ...current, fields: { ...current.fields, [field]: value } }))}
            />
          );
        })}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '0.75rem') }}>
        {secretsOf(source).map((secret) => (
          <SecretRow
            key={secret.name}
            secret={secret}
            status={settings.secrets[secret.name]}
            value={draft.secrets[secret.name]}
            error={save.fieldError(`secrets.${secret.name}`)}
            onReplace={(value) =>
              setDraft((current) => {
                const secrets = { ...current.secrets };
                if (value === undefined) delete secrets[secret.name];
                else secrets[secret.name] = value;
                return { ...current, secrets };
              })
            }
            onClear={() => onClear(secret)}
          />
        ))}
      </div>
    </SettingsSection>
  );
}
