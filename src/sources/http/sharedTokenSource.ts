/**
 * An access token shared by every request of one client: the stored token until it expires, else one renewal that
 * all concurrent callers wait on (a burst of 401s must not fetch a token per request). Used by the governance and
 * Canto clients; how a token is obtained (client credentials, refresh token) is theirs.
 */
export interface SharedTokenSource {
  /** A usable token: the stored one until it expires, else a renewed one. */
  current(): Promise<string>;
  /** A new token because `rejected` was refused. Callers refused the same token share one renewal. */
  renew(rejected: string): Promise<string>;
}

export function createSharedTokenSource<T extends { accessToken: string; expiresAt: number }>(options: {
  read: () => Promise<T | undefined>;
  write: (token: T) => Promise<void>;
  now: () => number;
  /** Obtains a new token; `previous` is the stored one, if any (e.g. for its refresh token). */
  obtain: (previous: T | undefined) => Promise<T>;
  /** Called before renewing after a rejection (e.g. to drop the refused token). */
  forgetRejected?: () => Promise<void>;
}): SharedTokenSource {
  const { read, write, now, obtain } = options;
  let inFlight: Promise<string> | null = null;

  function renewFrom(previous: T | undefined): Promise<string> {
    inFlight ??= (async () => {
      try {
        const token = await obtain(previous);
        await write(token);
        return token.accessToken;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    async current() {
      if (inFlight) return inFlight;
      const stored = await read();
      if (stored && stored.expiresAt > now()) return stored.accessToken;
      return renewFrom(stored);
    },
    async renew(rejected) {
      if (inFlight) return inFlight;
      const stored = await read();
      if (stored && stored.accessToken !== rejected && stored.expiresAt > now()) return stored.accessToken;
      await options.forgetRejected?.();
      return renewFrom(stored);
    },
  };
}
