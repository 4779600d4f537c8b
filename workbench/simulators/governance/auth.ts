/** The simulator's OAuth2 client-credentials token endpoint and bearer-token check. */
import type http from 'node:http';
import { sendJson } from '../../http';
import { sendProblem } from './problem';
import type { Random } from './random';

export interface TokenIssuerOptions {
  clientId: string;
  clientSecret: string;
  ttlSeconds: number;
  now: () => Date;
  random: Random;
}

export class TokenIssuer {
  issued = 0;
  private readonly expiries = new Map<string, number>();

  constructor(private readonly options: TokenIssuerOptions) {}

  /** POST /oauth2/token with HTTP Basic client credentials and `grant_type=client_credentials`. */
  issue(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    if (req.method !== 'POST') {
      return sendProblem(res, 405, { type: 'method-not-allowed', title: 'Method not allowed', detail: 'Use POST to request a token.' }, { allow: 'POST' });
    }
    if (!this.validClient(req.headers.authorization)) {
      return sendProblem(
        res,
        401,
        { type: 'invalid-client', title: 'Invalid client credentials', detail: 'The client id or client secret is not valid.', error: 'invalid_client' },
        { 'www-authenticate': 'Basic realm="governance"' },
      );
    }
    const grantType = new URLSearchParams(body).get('grant_type');
    if (grantType !== 'client_credentials') {
      return sendProblem(res, 400, {
        type: 'unsupported-grant-type',
        title: 'Unsupported grant type',
        detail: grantType ? `grant_type "${grantType}" is not supported; use client_credentials.` : 'grant_type is required.',
        error: grantType ? 'unsupported_grant_type' : 'invalid_request',
      });
    }
    const token = `sim_${this.options.random.hex(32)}`;
    this.expiries.set(token, this.options.now().getTime() + this.options.ttlSeconds * 1000);
    this.issued += 1;
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: this.options.ttlSeconds }, { 'cache-control': 'no-store' });
  }

  /** Null when the request carries a valid, unexpired bearer token; else why not. */
  refusal(authorization: string | undefined): string | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return 'The request has no bearer token.';
    const expiresAt = this.expiries.get(match[1] ?? '');
    if (expiresAt === undefined) return 'The access token is not valid.';
    if (expiresAt <= this.options.now().getTime()) return 'The access token has expired.';
    return null;
  }

  revokeAll(): void {
    this.expiries.clear();
  }

  private validClient(authorization: string | undefined): boolean {
    const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return false;
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    return decoded.slice(0, colon) === this.options.clientId && decoded.slice(colon + 1) === this.options.clientSecret;
  }
}
