import { invoke } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { SolutionSpecsResponse, SpecListingView } from '../../../src/shared/spaceHubContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { secondaryText } from '../shared/textStyles';
import { formatRelativeTime } from '../shared/time';
import { ErrorState, LoadingState } from '../shared/ViewStates';

const fetchSpecs = (solutionId: string, cursor?: string) =>
  unwrapResolverAnswer<SolutionSpecsResponse>(invoke('getSolutionSpecs', { solutionId, ...(cursor ? { cursor } : {}) }));

/** The interface specs architects wrote for the solution, newest listing page first; "Load more" follows the cursor. */
export function SpecsTab({ solutionId, now }: { solutionId: string; now: string }) {
  const [specs, setSpecs] = useState<SpecListingView[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = (cursor?: string) => {
    setLoading(true);
    setError(null);
    fetchSpecs(solutionId, cursor)
      .then((page) => {
        setSpecs((previous) => [...(cursor ? (previous ?? []) : []), ...page.specs]);
        setNextCursor(page.nextCursor);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(() => setLoading(false));
  };
  // Reloads from the first page when the solution changes; `load` itself only closes over state setters.
  useEffect(() => load(), [solutionId]);

  if (error && !specs) return <ErrorState title="Couldn't load the interface specs" message={error} onRetry={() => load()} isRetrying={loading} />;
  if (!specs) return <LoadingState label="Loading interface specs" />;
  if (specs.length === 0) {
    return <p style={secondaryText}>No interface specs yet. Architects add one with the Interface spec macro on any page, choosing this solution.</p>;
  }
  return (
    <div>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.100', '8px') }} data-testid="hub-specs">
        {specs.map((spec) => (
          <li
            key={`${spec.contentId}:${spec.localId}`}
            data-testid="hub-spec"
            style={{ border: `1px solid ${token('color.border', '#0B120E24')}`, borderRadius: token('radius.small', '4px'), padding: token('space.100', '8px') }}
          >
            <strong>{spec.name}</strong> <Lozenge>{spec.direction}</Lozenge> <span style={secondaryText}>{spec.messageType}</span>
            <div style={secondaryText}>
              Partners: {spec.partners.join(', ')} · Owner: {spec.owner} · version {spec.version}, saved {formatRelativeTime(spec.savedAt, now)}
              {spec.savedByName ? ` by ${spec.savedByName}` : ''} · on page {spec.contentId}
            </div>
          </li>
        ))}
      </ul>
      {error && <p style={secondaryText}>Couldn’t load more: {error}</p>}
      {nextCursor && (
        <Button onClick={() => load(nextCursor)} isLoading={loading}>
          Load more specs
        </Button>
      )}
    </div>
  );
}
