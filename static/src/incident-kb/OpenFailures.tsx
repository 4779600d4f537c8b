import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import { useState } from 'react';
import type { OpenFailureRow, OpenFailuresRequest, OpenFailuresResponse } from '../../../src/shared/incidentContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { placeholderText, secondaryText } from '../shared/textStyles';
import { formatRelativeTime } from '../shared/time';
import { useResolver } from '../shared/useResolver';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { SEVERITY_APPEARANCE } from './appearance';
import { CreateIncidentButton } from './CreateIncidentButton';
import { SimilarIncidents } from './SimilarIncidents';

const fetchOpenFailures = (request: OpenFailuresRequest) => unwrapResolverAnswer<OpenFailuresResponse>(invoke('incidentKb.openFailures', { ...request }));

export const OPEN_FAILURES_PAGE_SIZE = 5;

function rowKey(row: OpenFailureRow): string {
  return row.request.kind === 'governance' ? `g:${row.request.failureId}` : `i:${row.request.assetId}:${row.request.jobId}`;
}

/** Open failures (and failed iconik jobs) with no incident page yet, each with its one-click create button. */
export function OpenFailures({ now }: { now: string }) {
  const [page, setPage] = useState(1);
  const [similarOf, setSimilarOf] = useState<string | null>(null);
  const result = useResolver(fetchOpenFailures, { page, pageSize: OPEN_FAILURES_PAGE_SIZE });
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section aria-labelledby="open-failures-heading" data-testid="open-failures" style={{ display: 'grid', gap: token('space.100', '0.5rem'), marginTop: token('space.200', '1rem') }}>
      <Heading size="xsmall" as="h3" id="open-failures-heading">
        Open failures without an incident page{data ? ` (${data.total})` : ''}
      </Heading>
      {result.error && !data ? (
        <ErrorState title="Couldn't load the open failures" message={result.error.message} onRetry={result.retry} isRetrying={result.isLoading} />
      ) : !data ? (
        <LoadingState label="Loading open failures" />
      ) : (
        <>
          {data.notes.map((note) => (
            <p key={note} style={secondaryText} data-testid="open-failures-note">
              {note}
            </p>
          ))}
          {data.total === 0 ? (
            <SectionMessage appearance="success" title="Every open failure has an incident page" testId="no-open-failures">
              <p>Nothing is waiting for an incident page in this space.</p>
            </SectionMessage>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.150', '0.75rem') }} aria-busy={result.isLoading}>
              {data.rows.map((row) => {
                const key = rowKey(row);
                const headingId = `similar-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
                return (
                  <li key={key} data-testid="open-failure" style={{ borderBottom: `1px solid ${token('color.border', '#0B120E24')}`, paddingBottom: token('space.100', '0.5rem') }}>
                    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '0.5rem'), justifyContent: 'space-between' }}>
                      <div>
                        {row.severity && <Lozenge appearance={SEVERITY_APPEARANCE[row.severity] ?? 'default'}>{row.severity}</Lozenge>}{' '}
                        <strong data-testid="open-failure-headline">{row.headline}</strong>
                        <div style={secondaryText}>
                          {[row.environmentName, row.state, row.errorCode, row.occurrences !== null ? `${row.occurrences}×` : null, row.lastSeenAt ? `last seen ${formatRelativeTime(row.lastSeenAt, now)}` : null]
                            .filter(Boolean)
                            .join(' · ')}
                        </div>
                      </div>
                      <div style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'flex-start' }}>
                        <Button
                          appearance="subtle"
                          spacing="compact"
                          aria-expanded={similarOf === key}
                          aria-controls={similarOf === key ? headingId : undefined}
                          onClick={() => setSimilarOf(similarOf === key ? null : key)}
                        >
                          Similar past incidents
                        </Button>
                        <CreateIncidentButton request={row.request} describedAs={row.headline} onOpened={() => result.retry()} />
                      </div>
                    </div>
                    {similarOf === key && <SimilarIncidents request={row.similarKey} about={row.headline} headingId={headingId} />}
                  </li>
                );
              })}
            </ul>
          )}
          {pages > 1 && (
            <nav aria-label="Open failures pages" style={{ display: 'flex', gap: token('space.100', '0.5rem'), alignItems: 'center', marginTop: token('space.100', '0.5rem') }}>
              <Button spacing="compact" isDisabled={page <= 1 || result.isLoading} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <span style={placeholderText}>
                Page {data.page} of {pages}
              </span>
              <Button spacing="compact" isDisabled={page >= pages || result.isLoading} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
