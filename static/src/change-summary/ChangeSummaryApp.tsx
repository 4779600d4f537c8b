import { invoke, view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSummaryPageRequest, ChangeSummaryResponse } from '../../../src/shared/changeSummaryContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { ChangeSummaryView, type ChangeSummaryAnswer, type OlderPages } from './ChangeSummaryView';

export const CHANGES_PAGE_SIZE = 20;

const fetchChangeSummary = (request: ChangeSummaryPageRequest & { solutionId?: string }) =>
  unwrapResolverAnswer<ChangeSummaryResponse>(invoke('getChangeSummary', { ...request }));

const initialRequest: ChangeSummaryPageRequest = { pageSize: CHANGES_PAGE_SIZE };

type OkAnswer = Extract<ChangeSummaryAnswer, { state: 'ok' }>;

/**
 * "Older changes" appends the next page below the ones shown, following the server's cursor. A fresh newest page
 * (Retry, or a reload) starts over.
 */
function useOlderPages(newest: ChangeSummaryAnswer | undefined, solutionId: string | undefined): OlderPages {
  const [pages, setPages] = useState<OkAnswer[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const series = useRef(0);

  useEffect(() => {
    series.current += 1;
    setPages([]);
    setError(undefined);
    setIsLoading(false);
  }, [newest]);

  const loadOlder = useCallback((cursor: string) => {
    const mine = series.current;
    setIsLoading(true);
    setError(undefined);
    fetchChangeSummary({ cursor, pageSize: CHANGES_PAGE_SIZE, ...(solutionId ? { solutionId } : {}) })
      .then((answer) => {
        if (mine !== series.current) return;
        if (answer.state === 'ok') setPages((current) => [...current, answer]);
        else setError(new Error('The macro’s configuration changed; reload the page.'));
        setIsLoading(false);
      })
      .catch((reason: unknown) => {
        if (mine !== series.current) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setIsLoading(false);
      });
  }, []);

  const backToNewest = useCallback(() => {
    series.current += 1;
    setPages([]);
    setError(undefined);
    setIsLoading(false);
  }, []);

  return { pages, isLoading, error, loadOlder, backToNewest };
}

export interface ChangeSummaryAppProps {
  /** Set when the view is embedded in the space hub; a macro takes its solution from its configuration. */
  solutionId?: string;
}

/** The change-summary macro: the newest page from the resolver, then older pages on request. */
export function ChangeSummaryApp({ solutionId }: ChangeSummaryAppProps = {}) {
  const context = useForgeContext();
  const result = useResolver(fetchChangeSummary, solutionId ? { ...initialRequest, solutionId } : initialRequest);
  const older = useOlderPages(result.data, solutionId);
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);
  return <ChangeSummaryView result={result} older={older} context={context} />;
}
