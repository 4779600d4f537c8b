import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { CONNECTION_SOURCES, type AppSettingsView, type SettingsAnswer } from '../../../src/shared/appSettingsContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { codeText, secondaryText } from '../shared/textStyles';
import { useResolver } from '../shared/useResolver';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { ConnectionPanel } from './ConnectionPanel';
import { FieldMappingSection } from './FieldMappingSection';
import { loadSettings } from './settingsApi';
import { SodRulesSection } from './SodRulesSection';
import { SpaceMappingSection } from './SpaceMappingSection';
import { SummarySection } from './SummarySection';

const fetchSettings = () => unwrapResolverAnswer<SettingsAnswer>(loadSettings());

const SECTIONS = [
  { id: 'connections', title: 'Connections' },
  { id: 'space-mapping', title: 'Space mapping' },
  { id: 'summary', title: 'Status summary' },
  { id: 'field-mapping', title: 'Asset field mapping' },
  { id: 'sod-rules', title: 'Segregation-of-duties rules' },
];

function Forbidden({ message }: { message: string }) {
  return (
    <div data-testid="settings-forbidden">
      <SectionMessage appearance="warning" title="Confluence administrators only">
        <p>{message}</p>
      </SectionMessage>
    </div>
  );
}

/**
 * The app's settings (confluence:globalSettings). Each section saves on its own; the resolvers check on every call
 * that the reader is a Confluence administrator, and a reader who is not sees why instead of the form.
 */
export function AppSettingsApp() {
  const answer = useResolver(fetchSettings, {});
  const [settings, setSettings] = useState<AppSettingsView | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  useEffect(() => {
    if (answer.data?.state === 'ok') setSettings(answer.data.settings);
    if (answer.data?.state === 'forbidden') setForbidden(answer.data.message);
  }, [answer.data]);
  const onForbidden = useCallback((message: string) => setForbidden(message), []);
  const settled = answer.data !== undefined || answer.error !== undefined;
  useEffect(() => {
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);

  const page = (content: React.ReactNode) => (
    <main style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '1rem'), color: token('color.text', '#292A2E'), padding: token('space.100', '0.5rem') }}>
      <Heading size="medium" as="h1">
        Integration Governance Hub settings
      </Heading>
      {content}
    </main>
  );

  if (forbidden) return page(<Forbidden message={forbidden} />);
  if (!answer.data || !settings) {
    if (answer.error) return page(<ErrorState title="Couldn't load the settings" message={answer.error.message} onRetry={answer.retry} isRetrying={answer.isLoading} />);
    return page(<LoadingState label="Loading the settings" />);
  }
  const loaded = answer.data.state === 'ok' ? answer.data : null;
  const props = { settings, onSettings: setSettings, onForbidden };

  return page(
    <>
      <p style={{ ...secondaryText, margin: 0 }}>
        Connections to the governance backend, Canto and iconik, where each solution is published, and what the views check. Secrets are kept in Forge
        secret storage: this page only shows whether each one is set.
      </p>
      <nav aria-label="Settings sections">
        <ul style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '0.75rem'), listStyle: 'none', margin: 0, padding: 0 }}>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {loaded && loaded.issues.length > 0 && (
        <SectionMessage appearance="warning" title="Some stored settings were damaged: their defaults apply">
          <ul>
            {loaded.issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      <section id="connections" aria-labelledby="connections-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '0.75rem') }}>
        <Heading size="small" as="h2" id="connections-heading">
          Connections
        </Heading>
        <p style={{ ...secondaryText, margin: 0 }} data-testid="egress-list">
          The app can call only the hosts its manifest declares, fixed when it is deployed:{' '}
          {(loaded?.egress ?? []).map((address, index) => (
            <span key={address}>
              {index > 0 && ', '}
              <code style={codeText}>{address}</code>
            </span>
          ))}
          . A base URL elsewhere needs a manifest change and a redeploy.
        </p>
        {CONNECTION_SOURCES.map((source) => (
          <ConnectionPanel key={source} source={source} {...props} />
        ))}
      </section>
      <SpaceMappingSection {...props} />
      <SummarySection {...props} />
      <FieldMappingSection {...props} />
      <SodRulesSection {...props} />
    </>,
  );
}
