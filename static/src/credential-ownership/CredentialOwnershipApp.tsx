import { invoke, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { CredentialOwnershipRequest, CredentialOwnershipResponse } from '../../../src/shared/credentialOwnershipContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { CredentialOwnershipView, initialCredentialRequest } from './CredentialOwnershipView';

const fetchCredentialOwnership = (request: CredentialOwnershipRequest & { solutionId?: string }) =>
  unwrapResolverAnswer<CredentialOwnershipResponse>(invoke('getCredentialOwnership', { ...request }));

export interface CredentialOwnershipAppProps {
  /** Set when the view is embedded in the space hub; a macro takes its solution from its configuration. */
  solutionId?: string;
}

/**
 * The credential-ownership macro: sort, pages and the in-view filters (owner, only problems) live here and each
 * change re-invokes the resolver; the filters last for this view only, the macro's configuration is unchanged.
 */
export function CredentialOwnershipApp({ solutionId }: CredentialOwnershipAppProps = {}) {
  const context = useForgeContext();
  const [request, setRequest] = useState<CredentialOwnershipRequest>(initialCredentialRequest);
  const result = useResolver(fetchCredentialOwnership, solutionId ? { ...request, solutionId } : request);
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);
  return <CredentialOwnershipView result={result} request={request} onRequestChange={setRequest} context={context} />;
}
