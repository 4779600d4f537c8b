import { useCallback, useEffect, useRef, useState } from 'react';

export interface ResolverState<T> {
  /** The last successful answer; kept while a newer request is in flight so a table can stay on screen. */
  data: T | undefined;
  /** Why the latest request failed; cleared when a newer one starts. */
  error: Error | undefined;
  isLoading: boolean;
  /** Repeats the latest request. */
  retry(): void;
}

/**
 * Calls a resolver whenever `params` changes (compared by value) and tracks loading, data and error. Answers that
 * arrive after a newer request started are dropped, so fast sort or page clicks never show an older page.
 *
 * `call` wraps `invoke` with a literal key, e.g. `(p) => invoke<T>('getEnvironmentStatus', p)`: the resolver
 * contract test finds the keys the UI uses by scanning for `invoke('...')`.
 */
export function useResolver<P, T>(call: (params: P) => Promise<T>, params: P): ResolverState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latestCall = useRef(call);
  latestCall.current = call;
  const latestRequest = useRef(0);
  const paramsKey = JSON.stringify(params);

  useEffect(() => {
    const request = ++latestRequest.current;
    setIsLoading(true);
    setError(undefined);
    latestCall
      .current(JSON.parse(paramsKey) as P)
      .then((answer) => {
        if (request !== latestRequest.current) return;
        setData(answer);
        setIsLoading(false);
      })
      .catch((reason: unknown) => {
        if (request !== latestRequest.current) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setIsLoading(false);
      });
  }, [paramsKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, isLoading, retry };
}
