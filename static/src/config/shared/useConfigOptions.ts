import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../../src/shared/resolverError';
import { unwrapResolverAnswer } from '../../shared/resolverAnswer';
import { messageOf } from './messageOf';

/**
 * Loads a panel's options, again whenever `solutionId` changes (a solution's environments, owners or releases differ)
 * and on retry. Answers for an older solution are dropped.
 *
 * `load` wraps `invoke` with a literal key, e.g. `(solutionId) => invoke('getEnvStatusConfigOptions')`: the resolver
 * contract test finds the keys the UI uses by scanning for `invoke('...')`.
 */
export function useConfigOptions<R>(load: (solutionId: string | null) => Promise<unknown>, solutionId: string | null = null) {
  const [options, setOptions] = useState<Exclude<R, ResolverError>>();
  const [loadedFor, setLoadedFor] = useState<string | null>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    let active = true;
    setError(undefined);
    unwrapResolverAnswer<R>(latestLoad.current(solutionId))
      .then((answer) => {
        if (!active) return;
        setOptions(answer);
        setLoadedFor(solutionId);
      })
      .catch((reason: unknown) => active && setError(messageOf(reason)));
    return () => {
      active = false;
    };
  }, [solutionId, attempt]);
  /** `ready`: the options loaded are the current solution's (not the previous one's, still shown meanwhile). */
  return { options, ready: loadedFor === solutionId, error, retry: () => setAttempt((n) => n + 1) };
}
