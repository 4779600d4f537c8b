import { invoke, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { EnvStatusPageRequest, EnvStatusResponse } from '../../../src/shared/envStatusContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { EnvStatusView, initialEnvStatusRequest } from './EnvStatusView';

const fetchEnvironmentStatus = (request: EnvStatusPageRequest & { solutionId?: string }) =>
  unwrapResolverAnswer<EnvStatusResponse>(invoke('getEnvironmentStatus', { ...request }));

export interface EnvStatusAppProps {
  /** Set when the view is embedded in the space hub; a macro takes its solution from its configuration. */
  solutionId?: string;
}

/** The env-status macro: sort and page live here, and each change re-invokes the resolver. */
export function EnvStatusApp({ solutionId }: EnvStatusAppProps = {}) {
  const context = useForgeContext();
  const [request, setRequest] = useState<EnvStatusPageRequest>(initialEnvStatusRequest);
  const result = useResolver(fetchEnvironmentStatus, solutionId ? { ...request, solutionId } : request);
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);
  return <EnvStatusView result={result} request={request} onRequestChange={setRequest} context={context} />;
}
