/**
 * OAuth2 client credentials for the governance backend: one token per client, reused until shortly before it
 * expires, renewed once when the backend refuses it.
 */
import { z } from 'zod';
import { createSharedTokenSource, type SharedTokenSource } from '../http/sharedTokenSource';

export interface AccessToken {
  accessToken: string;
  /** Epoch milliseconds after which the token must not be used. */
  expiresAt: number;
}

export interface TokenCache {
  get(): Promise<AccessToken | undefined>;
  set(token: AccessToken): Promise<void>;
  clear(): Promise<void>;
}

/** The default cache: lives as long as one client. Never module-global, which would share tokens across installations. */
export function createMemoryTokenCache(): TokenCache {
  let token: AccessToken | undefined;
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

export const tokenResponseSchema = z
  .object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.coerce.number().positive().optional(),
  })
  .passthrough();
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Used when a token answer omits expires_in (RFC 6749 makes it optional); the contract's default lifetime. */
const DEFAULT_LIFETIME_MS = 3_600_000;
const MAX_EARLY_RENEWAL_MS = 60_000;

/**
 * When to stop using a token: a minute before it expires, or a tenth of its lifetime for short-lived tokens, so a
 * request never leaves with a token that expires on the way.
 */
export function tokenFromResponse(answer: TokenResponse, issuedAt: number): AccessToken {
  const lifetime = answer.expires_in !== undefined ? answer.expires_in * 1000 : DEFAULT_LIFETIME_MS;
  const earlyRenewal = Math.min(MAX_EARLY_RENEWAL_MS, lifetime / 10);
  return { accessToken: answer.access_token, expiresAt: issuedAt + lifetime - earlyRenewal };
}

export type TokenSource = SharedTokenSource;

export function createTokenSource(options: {
  cache: TokenCache;
  now: () => number;
  requestToken: () => Promise<AccessToken>;
}): TokenSource {
  const { cache, now, requestToken } = options;
  return createSharedTokenSource<AccessToken>({
    read: () => cache.get(),
    write: (token) => cache.set(token),
    now,
    obtain: () => requestToken(),
    forgetRejected: () => cache.clear(),
  });
}
