/**
 * The typed client of the governance backend contract (docs/governance-openapi.yaml): OAuth2 client credentials,
 * the shared retry policy, cursor paging, and item-by-item validation of what comes back.
 */
import { fetchWithRetry, NetworkError, type FetchLike, type RetryOutcome } from '../http/retry';
import { GovernanceApiError, httpStatusLabel, readErrorBody, withoutSecrets } from './errors';
import { readAllPages, readPage, type GovernancePage, type InvalidItem } from './paging';
import { governanceResources, type GovernanceItem, type GovernanceResource } from './schemas';
import { createMemoryTokenCache, createTokenSource, tokenFromResponse, tokenResponseSchema, type AccessToken, type TokenCache } from './token';

export type { GovernancePage, InvalidItem } from './paging';
export type { AccessToken, TokenCache } from './token';
export { GovernanceApiError } from './errors';

export interface GovernanceConnection {
  /** e.g. "https://governance.example.com" or "http://127.0.0.1:4000/sim/governance/". */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface GovernanceClientOptions {
  connection: GovernanceConnection;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Attempts per request including the first (default 4). */
  maxAttempts?: number;
  /** Default: in memory, for this client only. */
  tokenCache?: TokenCache;
  /** Called before every outbound HTTP request, token requests and retries included; throwing stops the request. */
  beforeRequest?: (info: { method: string; url: string }) => void;
}

export type ListParams = { solutionId?: string; environmentId?: string; since?: string; state?: string };
export type PageParams = ListParams & { cursor?: string | null; limit?: number };

export type ConnectionTest = { ok: true; solutions: number } | { ok: false; message: string };

export interface GovernanceClient {
  listPage<R extends GovernanceResource>(resource: R, params?: PageParams): Promise<GovernancePage<GovernanceItem<R>>>;
  /** Every page until `nextCursor` is null. `limit` is the page size (default 500, the most the contract allows). */
  listAll<R extends GovernanceResource>(
    resource: R,
    params?: ListParams & { limit?: number },
  ): Promise<{ items: GovernanceItem<R>[]; invalid: InvalidItem[] }>;
  testConnection(): Promise<ConnectionTest>;
}

export const MAX_PAGE_SIZE = 500;
const TOKEN_OPERATION = 'POST /oauth2/token';
const FILTER_ORDER = ['solutionId', 'environmentId', 'since', 'state'] as const;

export function createGovernanceClient(options: GovernanceClientOptions): GovernanceClient {
  const { connection } = options;
  const now = options.now ?? Date.now;
  const base = readBaseUrl(connection.baseUrl);

  async function send(operation: string, url: string, init: RequestInit): Promise<RetryOutcome> {
    try {
      return await fetchWithRetry(url, init, {
        fetch: options.fetch,
        sleep: options.sleep,
        random: options.random,
        now,
        maxAttempts: options.maxAttempts,
        beforeRequest: options.beforeRequest,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      throw new GovernanceApiError(clean(`${operation} could not reach the governance backend: ${error.message}`), {
        operation,
        retryable: true,
        cause: error,
      });
    }
  }

  function clean(message: string): string {
    return withoutSecrets(message, [connection.clientSecret]);
  }

  async function failure(operation: string, outcome: RetryOutcome, lead?: string): Promise<GovernanceApiError> {
    const { response, attempts } = outcome;
    const body = await readErrorBody(response);
    const retryable = response.status === 429 || response.status >= 500;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const status = `${httpStatusLabel(response)}${tries}`;
    const message = lead ? `${lead} (${operation} answered ${status}): ${body.summary}` : `${operation} failed (${status}): ${body.summary}`;
    return new GovernanceApiError(clean(message), { operation, status: response.status, problem: body.problem, retryable });
  }

  async function requestToken(): Promise<AccessToken> {
    const url = `${requireBase(TOKEN_OPERATION)}/oauth2/token`;
    const basic = Buffer.from(`${connection.clientId}:${connection.clientSecret}`, 'utf8').toString('base64');
    const issuedAt = now();
    const outcome = await send(TOKEN_OPERATION, url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    const { response } = outcome;
    if (response.status === 400 || response.status === 401) {
      throw await failure(
        TOKEN_OPERATION,
        outcome,
        `the governance backend rejected the client credentials of client id "${connection.clientId}"; check the client id and secret`,
      );
    }
    if (!response.ok) throw await failure(TOKEN_OPERATION, outcome, 'the governance backend did not issue an access token');
    const answer = tokenResponseSchema.safeParse(await readJson(TOKEN_OPERATION, response));
    if (!answer.success) {
      throw new GovernanceApiError(`${TOKEN_OPERATION} answered without a usable access_token`, {
        operation: TOKEN_OPERATION,
        status: response.status,
      });
    }
    if (answer.data.token_type && answer.data.token_type.toLowerCase() !== 'bearer') {
      throw new GovernanceApiError(`${TOKEN_OPERATION} issued a "${answer.data.token_type}" token; only Bearer tokens are supported`, {
        operation: TOKEN_OPERATION,
        status: response.status,
      });
    }
    return tokenFromResponse(answer.data, issuedAt);
  }

  const tokens = createTokenSource({ cache: options.tokenCache ?? createMemoryTokenCache(), now, requestToken });

  async function readJson(operation: string, response: Response): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new GovernanceApiError(clean(`${operation} answered something that is not JSON (${type}): ${text.slice(0, 120)}`), {
        operation,
        status: response.status,
      });
    }
  }

  async function getJson(operation: string, url: string): Promise<unknown> {
    const get = (token: string) =>
      send(operation, url, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const token = await tokens.current();
    let outcome = await get(token);
    if (outcome.response.status === 401) {
      await outcome.response.body?.cancel().catch(() => undefined);
      outcome = await get(await tokens.renew(token));
      if (outcome.response.status === 401) {
        throw await failure(
          operation,
          outcome,
          `the governance backend rejected the client credentials of client id "${connection.clientId}" even with a fresh access token`,
        );
      }
    }
    if (!outcome.response.ok) throw await failure(operation, outcome);
    return readJson(operation, outcome.response);
  }

  function requireBase(operation: string): string {
    if (base.ok) return base.url;
    throw new GovernanceApiError(base.message, { operation });
  }

  async function fetchPage<R extends GovernanceResource>(
    resource: R,
    params: PageParams,
    firstIndex: number,
  ): Promise<GovernancePage<GovernanceItem<R>>> {
    const { path, perSolution } = governanceResources[resource];
    const query = queryOf(params);
    const operation = `GET ${path}${query}`;
    if (perSolution && !params.solutionId) {
      throw new GovernanceApiError(`${operation} needs a solutionId: ${path} lists one solution at a time`, { operation });
    }
    if (params.limit !== undefined && !(Number.isInteger(params.limit) && params.limit >= 1 && params.limit <= MAX_PAGE_SIZE)) {
      throw new GovernanceApiError(`${operation}: limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`, { operation });
    }
    const body = await getJson(operation, `${requireBase(operation)}${path}${query}`);
    const reading = readPage(resource, body, firstIndex);
    if (!reading.ok) {
      throw new GovernanceApiError(`${operation} answered a body that is not a list page: ${reading.issues.join('; ')}`, {
        operation,
        status: 200,
      });
    }
    return reading.page;
  }

  const client: GovernanceClient = {
    listPage: (resource, params = {}) => fetchPage(resource, params, 0),

    listAll(resource, params = {}) {
      const { limit = MAX_PAGE_SIZE, ...filters } = params;
      const operation = `GET ${governanceResources[resource].path}${queryOf(filters)}`;
      return readAllPages(operation, (cursor, firstIndex) => fetchPage(resource, { ...filters, limit, cursor }, firstIndex));
    },

    async testConnection() {
      try {
        const { items } = await client.listAll('solutions');
        return { ok: true, solutions: items.length };
      } catch (error) {
        return { ok: false, message: clean(error instanceof Error ? error.message : String(error)) };
      }
    },
  };
  return client;
}

function queryOf(params: PageParams): string {
  const query = new URLSearchParams();
  for (const key of FILTER_ORDER) {
    const value = params[key];
    if (value !== undefined && value !== '') query.set(key, value);
  }
  if (params.limit !== undefined) query.set('limit', String(params.limit));
  if (params.cursor) query.set('cursor', params.cursor);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

type BaseUrl = { ok: true; url: string } | { ok: false; message: string };

/** Accepts a trailing slash and a path prefix ("https://host/sim/governance/"); refuses anything but http(s). */
function readBaseUrl(raw: string): BaseUrl {
  const trimmed = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, message: `the governance base URL "${trimmed}" is not an absolute URL` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, message: `the governance base URL "${trimmed}" must start with https:// or http://` };
  }
  return { ok: true, url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
}
