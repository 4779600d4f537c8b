/**
 * The Canto simulator's OAuth host and bearer check, as the reference describes Canto:
 * `POST /oauth/api/oauth2/token?app_id=&app_secret=&grant_type=client_credentials|refresh_token&refresh_token=`
 * (parameters in the query string) answers camelCase with `expiresIn` as a string; `/oauth/api/oauth2/compatible/token`
 * answers snake_case. API requests without a token get 404 (sic), with an unknown or expired one 401.
 */
import type http from 'node:http';
import { sendJson } from '../../http';
import type { Random } from '../governance/random';

export interface CantoTokenIssuerOptions {
  appId: string;
  appSecret: string;
  ttlSeconds: number;
  now: () => Date;
  random: Random;
}

export type TokenCheck = { ok: true } | { ok: false; status: 404 | 401; reason: string };

export class CantoTokenIssuer {
  issued = 0;
  refreshed = 0;
  private readonly expiries = new Map<string, number>();
  private readonly refreshTokens = new Set<string>();

  constructor(private readonly options: CantoTokenIssuerOptions) {}

  issue(req: http.IncomingMessage, res: http.ServerResponse, url: URL, compatible: boolean): void {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
    const query = url.searchParams;
    if (query.get('app_id') !== this.options.appId || query.get('app_secret') !== this.options.appSecret) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Unknown app_id or wrong app_secret.' });
    }
    const grantType = query.get('grant_type');
    if (grantType === 'refresh_token') {
      const refreshToken = query.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(refreshToken)) {
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is not valid.' });
      }
      this.refreshTokens.delete(refreshToken);
      this.refreshed += 1;
    } else if (grantType !== 'client_credentials') {
      return sendJson(res, 400, {
        error: 'unsupported_grant_type',
        error_description: grantType ? `grant_type "${grantType}" is not supported here.` : 'grant_type is required.',
      });
    }
    const accessToken = `cnt_${this.options.random.hex(32)}`;
    const refreshToken = `cntr_${this.options.random.hex(32)}`;
    this.expiries.set(accessToken, this.options.now().getTime() + this.options.ttlSeconds * 1000);
    this.refreshTokens.add(refreshToken);
    this.issued += 1;
    const ttl = this.options.ttlSeconds;
    const body = compatible
      ? { access_token: accessToken, expires_in: ttl, token_type: 'Bearer', refresh_token: refreshToken }
      : { accessToken, expiresIn: String(ttl), tokenType: 'Bearer', refreshToken };
    sendJson(res, 200, body, { 'cache-control': 'no-store' });
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, status: 404, reason: 'no token' };
    const expiresAt = this.expiries.get(match[1] ?? '');
    if (expiresAt === undefined) return { ok: false, status: 401, reason: 'invalid token' };
    if (expiresAt <= this.options.now().getTime()) return { ok: false, status: 401, reason: 'token expired' };
    return { ok: true };
  }

  /** Every access token stops working (refresh tokens stay valid), as after a revocation or a long pause. */
  expireAll(): void {
    this.expiries.clear();
  }
}
