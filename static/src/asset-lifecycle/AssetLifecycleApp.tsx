import { invoke, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { AssetLifecyclePageRequest, AssetPageResult } from '../../../src/shared/assetLifecycleContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { initialAssetQuery, pagePayload, type AssetQuery } from './assetQuery';
import { AssetLifecycleView } from './AssetLifecycleView';

const fetchAssetPage = (request: AssetLifecyclePageRequest) => unwrapResolverAnswer<AssetPageResult>(invoke('assetLifecycle.getPage', { ...request }));

/**
 * The asset-lifecycle macro: filters, sort, expiry window and the keyset page live here, and each change re-invokes
 * the resolver. They last for this view only; the macro's configuration is unchanged.
 */
export function AssetLifecycleApp() {
  const context = useForgeContext();
  const [query, setQuery] = useState<AssetQuery>(initialAssetQuery);
  const result = useResolver(fetchAssetPage, pagePayload(query));
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);
  return <AssetLifecycleView result={result} query={query} onQueryChange={setQuery} context={context} />;
}
