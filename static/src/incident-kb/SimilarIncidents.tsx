import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import type { SimilarIncidentsRequest, SimilarIncidentsResponse } from '../../../src/shared/incidentContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { placeholderText, secondaryText } from '../shared/textStyles';
import { useResolver } from '../shared/useResolver';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { STATE_APPEARANCE } from './appearance';
import { PageLink } from './PageLink';

const fetchSimilar = (request: SimilarIncidentsRequest) => unwrapResolverAnswer<SimilarIncidentsResponse>(invoke('incidentKb.similar', { ...request }));

/** Earlier incidents like this failure (same message type, and partner or endpoint), known fixes first. */
export function SimilarIncidents({ request, about, headingId }: { request: SimilarIncidentsRequest; about: string; headingId: string }) {
  const result = useResolver(fetchSimilar, request);
  return (
    <section aria-labelledby={headingId} data-testid="similar-incidents" style={{ borderLeft: `3px solid ${token('color.border.information', '#1D7AFC')}`, paddingLeft: token('space.150', '0.75rem') }}>
      <Heading size="xxsmall" as="h4" id={headingId}>
        Similar past incidents: {about}
      </Heading>
      {result.error ? (
        <ErrorState title="Couldn't search similar incidents" message={result.error.message} onRetry={result.retry} isRetrying={result.isLoading} />
      ) : !result.data ? (
        <LoadingState label="Searching similar incidents" />
      ) : result.data.incidents.length === 0 ? (
        <p style={placeholderText}>No earlier incident with the same message type and partner or endpoint.</p>
      ) : (
        <ul style={{ paddingLeft: token('space.250', '1.25rem'), margin: `${token('space.050', '0.25rem')} 0` }}>
          {result.data.incidents.map((incident) => (
            <li key={incident.pageId} data-testid="similar-incident">
              <PageLink url={incident.url}>{incident.title}</PageLink> {incident.state && <Lozenge appearance={STATE_APPEARANCE[incident.state]}>{incident.state}</Lozenge>}
              <div style={incident.rootCause ? secondaryText : { ...secondaryText, ...placeholderText }}>
                {incident.rootCause ? `Root cause: ${incident.rootCause}` : 'Root cause not recorded yet.'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
