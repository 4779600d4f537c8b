/**
 * Canto access tokens: one per connection, kept in an injected store (Forge secret storage in production, so the
 * queue consumer's many invocations share it), renewed at 90 % of its lifetime (Canto issues 30-day tokens) or when
 * Canto refuses it. Renewal uses the refresh token when one is held and falls back to the App ID + App Secret
 * (client credentials) when Canto refuses the refresh token.
 */
import type { CachedToken, TokenStore } from '../../store/tokenCache';
import { CantoApiError } from './errors';
import type { CantoTokenResponse } from './schemas';
import { createSharedTokenSource, type SharedTokenSource } from '../http/sharedTokenSource';

export type TokenGrant = { type: 'client_credentials' } | { type: 'refresh_token'; refreshToken: string };

/** Renew at this share of the token's lifetime. */
export const RENEW_AT_SHARE_OF_LIFETIME = 0.9;
/** When a token answer gives no lifetime: assume a short one, so a token is never used past its real expiry. */
const DEFAULT_LIFETIME_SECONDS = 3_600;

export function cachedTokenFrom(answer: CantoTokenResponse, issuedAt: number): CachedToken {
  const lifetimeMs = (answer.expiresIn ?? DEFAULT_LIFETIME_SECONDS) * 1000;
  return {
    accessToken: answer.accessToken,
    expiresAt: issuedAt + Math.floor(lifetimeMs * RENEW_AT_SHARE_OF_LIFETIME),
    ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
  };
}

/** The default store: lives as long as one client. Never module-global, which would share tokens across installations. */
export function createMemoryTokenStore(): TokenStore {
  let token: CachedToken | undefined;
  return {
    get: async () => token,
    set: async (next) => {
      token = next;
    },
    clear: async () => {
      token = undefined;
    },
  };
}

export type CantoTokenSource = SharedTokenSource;

export function createCantoTokenSource(options: {
  store: TokenStore;
  now: () => number;
  requestToken: (grant: TokenGrant) => Promise<CachedToken>;
}): CantoTokenSource {
  const { store, now, requestToken } = options;
  return createSharedTokenSource<CachedToken>({
    read: () => store.get(),
    write: (token) => store.set(token),
    now,
    async obtain(previous) {
      if (previous?.refreshToken) {
        try {
          return await requestToken({ type: 'refresh_token', refreshToken: previous.refreshToken });
        } catch (error) {
          // A refused refresh token (expired, revoked) is no reason to stop: the app credentials still work.
          // An outage is: asking again with other credentials would fail the same way.
          if (!(error instanceof CantoApiError) || error.retryable) throw error;
        }
      }
      return requestToken({ type: 'client_credentials' });
    },
  });
}
