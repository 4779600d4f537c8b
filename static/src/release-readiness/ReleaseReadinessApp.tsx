import { invoke, view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type {
  ReleaseItemsPageRequest,
  ReleaseReadinessResponse,
  SignOffResponse,
  WithdrawSignOffResponse,
} from '../../../src/shared/releaseReadinessContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { ReleaseReadinessView, initialReleaseItemsRequest, type SignOffState } from './ReleaseReadinessView';
import type { SignOffAction } from './SignOffPanel';

const fetchReleaseReadiness = (request: ReleaseItemsPageRequest & { solutionId?: string }) =>
  unwrapResolverAnswer<ReleaseReadinessResponse>(invoke('getReleaseReadiness', { ...request }));

export interface ReleaseReadinessAppProps {
  /** Set when the view is embedded in the space hub (it then shows the solution's next planned release). */
  solutionId?: string;
}

/** The release-readiness macro: paging, sorting and the sign-off actions, each followed by a fresh answer. */
export function ReleaseReadinessApp({ solutionId }: ReleaseReadinessAppProps = {}) {
  const context = useForgeContext();
  const [request, setRequest] = useState<ReleaseItemsPageRequest>(initialReleaseItemsRequest);
  const scope = solutionId ? { solutionId } : {};
  const result = useResolver(fetchReleaseReadiness, { ...request, ...scope });
  const [signOff, setSignOff] = useState<SignOffState>({ pending: null, error: null, notice: null });
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);

  const release = result.data?.state === 'ok' ? result.data.release : undefined;
  const { retry } = result;
  const onSignOffAction = useCallback(
    async (action: SignOffAction): Promise<boolean> => {
      if (!release) return false;
      setSignOff({ pending: action.kind, error: null, notice: null });
      try {
        if (action.kind === 'sign') {
          const note = action.note.trim();
          await unwrapResolverAnswer<SignOffResponse>(
            invoke('signOffRelease', { releaseId: release.id, fingerprint: release.fingerprint, ...(note ? { note } : {}), ...scope }),
          );
        } else {
          await unwrapResolverAnswer<WithdrawSignOffResponse>(invoke('withdrawReleaseSignOff', { releaseId: release.id, ...scope }));
        }
        setSignOff({ pending: null, error: null, notice: action.kind === 'sign' ? 'Your sign-off is recorded.' : 'Your sign-off is withdrawn.' });
        retry();
        return true;
      } catch (reason) {
        setSignOff({ pending: null, error: reason instanceof Error ? reason.message : String(reason), notice: null });
        // The readiness may have moved on (that is one reason a sign-off is refused): show the current one.
        retry();
        return false;
      }
    },
    [release, retry, solutionId],
  );

  return (
    <ReleaseReadinessView
      result={result}
      request={request}
      onRequestChange={setRequest}
      signOff={signOff}
      onSignOffAction={onSignOffAction}
      context={context}
    />
  );
}
