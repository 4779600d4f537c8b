import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import type { HubOpenFailure } from '../../../src/shared/spaceHubContract';
import type { IncidentLookupRequest, IncidentLookupResponse } from '../../../src/shared/incidentContract';
import { CreateIncidentButton } from '../incident-kb/CreateIncidentButton';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { secondaryText } from '../shared/textStyles';
import { formatRelativeTime } from '../shared/time';
import { useResolver } from '../shared/useResolver';

const SEVERITY_APPEARANCE = { critical: 'removed', high: 'removed', medium: 'moved', low: 'default' } as const;

const lookupIncidents = (request: IncidentLookupRequest) => unwrapResolverAnswer<IncidentLookupResponse>(invoke('incidents.lookup', { ...request }));

/** The solution's most severe open failures, each with "Create incident page" (or "Open incident page"). */
export function HubOpenFailures({ solutionId, failures, now }: { solutionId: string; failures: HubOpenFailure[]; now: string }) {
  const known = useResolver(lookupIncidents, { solutionId, failureIds: failures.map((failure) => failure.failureId) });
  const headingId = `hub-open-failures-${solutionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section aria-labelledby={headingId} data-testid="hub-open-failures">
      <Heading size="small" as="h3" id={headingId}>
        Open failures
      </Heading>
      {failures.length === 0 ? (
        <p style={secondaryText}>No open failures.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.100', '8px') }}>
          {failures.map((failure) => (
            <li key={failure.failureId} data-testid="hub-open-failure" style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: token('space.100', '8px') }}>
              <div>
                <Lozenge appearance={SEVERITY_APPEARANCE[failure.severity]}>{failure.severity}</Lozenge> <strong>{failure.title}</strong>
                <div style={secondaryText}>
                  {[failure.environmentName, failure.state, `last seen ${formatRelativeTime(failure.lastSeenAt, now)}`].filter(Boolean).join(' · ')}
                </div>
                <div style={secondaryText}>{failure.detail}</div>
              </div>
              <CreateIncidentButton
                request={{ kind: 'governance', solutionId, failureId: failure.failureId }}
                existing={known.data?.pages[failure.failureId] ?? null}
                describedAs={failure.title}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
