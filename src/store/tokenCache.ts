import { kvs } from '@forge/kvs';
import { z } from 'zod';

/**
 * OAuth access tokens live in Forge secret storage (encrypted, never returned to the browser), so the
 * queue consumer's many short invocations share one token instead of fetching a new one each time.
 */
const tokenSchema = z.object({
  accessToken: z.string().min(1),
  /** Epoch milliseconds after which the token is not used (its renewal point, before the real expiry). */
  expiresAt: z.number(),
  /** Held by upstreams that issue one (Canto): renewing with it keeps the same grant. */
  refreshToken: z.string().min(1).optional(),
});
export type CachedToken = z.infer<typeof tokenSchema>;

export interface TokenStore {
  get(): Promise<CachedToken | undefined>;
  set(token: CachedToken): Promise<void>;
  clear(): Promise<void>;
}

export function secretTokenStore(secretKey: string): TokenStore {
  return {
    async get() {
      const parsed = tokenSchema.safeParse(await kvs.getSecret<unknown>(secretKey));
      return parsed.success ? parsed.data : undefined;
    },
    async set(token) {
      await kvs.setSecret(secretKey, token);
    },
    async clear() {
      await kvs.deleteSecret(secretKey);
    },
  };
}
