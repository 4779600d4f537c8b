/**
 * The typed Canto client (no vendor SDK exists): OAuth2 with App ID + App Secret, the shared retry policy, Canto's
 * start/limit/found paging and its batch endpoint, and item-by-item validation, so one malformed asset is reported
 * and the rest of its page is kept. Facts and UNCONFIRMED points: ../shared/reference/dam-apis.md; what this client
 * does with each: docs/sources/canto.md.
 */
import type { CantoConnection } from '../../config/connections';
import type { CachedToken, TokenStore } from '../../store/tokenCache';
import { describeIssues } from '../governance/validation';
import { fetchWithRetry, NetworkError, realSleep, type FetchLike, type RetryOutcome } from '../http/retry';
import { formatCantoDate } from './dates';
import { CantoApiError, readCantoErrorBody, withoutSecrets } from './errors';
import { readCantoHost } from './hosts';
import {
  CANTO_SCHEMES,
  cantoAssetSchema,
  cantoBatchEnvelopeSchema,
  cantoListEnvelopeSchema,
  cantoTokenResponseSchema,
  type CantoAsset,
} from './schemas';
import { cachedTokenFrom, createCantoTokenSource, createMemoryTokenStore, type TokenGrant } from './token';

export { CantoApiError } from './errors';
export type { CantoAsset, CantoScheme } from './schemas';

export interface CantoClientOptions {
  connection: CantoConnection;
  fetch: FetchLike;
  /** Where the access token is kept; default in memory for this client (production: Forge secret storage). */
  tokenStore?: TokenStore;
  /** Epoch milliseconds. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before every outbound request (token requests, probes and retries included); throwing stops it. Secrets in the URL are masked. */
  beforeRequest?: (info: { method: string; url: string }) => void;
  /** Attempts per request including the first (default: the shared retry policy's). */
  maxAttempts?: number;
  /** The least time between two requests, in ms. Default 0: Canto publishes no rate limit; integrators use ~350. */
  minRequestIntervalMs?: number;
  /** `/oauth2/token` (camelCase answer, the default) or `/oauth2/compatible/token` (snake_case). Both answers are read either way. */
  tokenEndpoint?: 'standard' | 'compatible';
}

/** An asset Canto sent that does not match what the client needs; left out of `assets`. */
export interface CantoInvalidItem {
  /** Position in the whole listing (`start` + position in the page), or in the batch request. */
  index: number;
  id?: string;
  /** The fields that were wrong, e.g. `time: "2015-04-15" is not a yyyyMMddHHmmssSSS date`. */
  problem: string;
}

export interface CantoModifiedPage {
  /** Oldest modification first; no id twice. */
  assets: CantoAsset[];
  invalid: CantoInvalidItem[];
  /** How many assets match, as Canto counted them for this page. */
  found: number;
  /** Where the next page starts; null after the last page. Steps back a few items on purpose (see `nextStartAfter`). */
  nextStart: number | null;
}

export interface CantoBatchResult {
  assets: CantoAsset[];
  /** What Canto could not return: listed in its `failed`, left out of its answer, or sent malformed. */
  failed: { id: string; scheme: string }[];
  /** The malformed ones among `failed`, with what was wrong. */
  invalid: CantoInvalidItem[];
}

export type CantoConnectionTest = { ok: true; detail: string } | { ok: false; message: string };

export interface CantoClient {
  /**
   * One page of assets modified at or after `since` (all assets when null), oldest modification first
   * (search, sortBy=time ascending). `since` is the caller's watermark minus its overlap window.
   */
  listModified(params: { since: Date | null; start: number; limit?: number }): Promise<CantoModifiedPage>;
  /** Assets by reference, at most 100 per request to Canto (larger lists are split). */
  batchContent(refs: { id: string; scheme: string }[]): Promise<CantoBatchResult>;
  /** One asset; null when Canto says it does not exist (deleted). */
  getAsset(scheme: string, id: string): Promise<CantoAsset | null>;
  testConnection(): Promise<CantoConnectionTest>;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const MAX_BATCH_SIZE = 100;
/**
 * Offset paging over a list sorted by modification time shifts when an asset is modified or deleted between two
 * page reads: the next page would start one item too far and skip an asset. Each page therefore starts up to this
 * many items before the end of the previous one; the repeats are dropped (here within a client, and by the store's
 * idempotent upsert across invocations).
 */
export const PAGE_OVERLAP = 5;

const OPERATION = {
  token: 'Canto token request',
  search: 'Canto search',
  detail: 'Canto asset detail',
  batch: 'Canto batch content',
} as const;

export function createCantoClient(options: CantoClientOptions): CantoClient {
  const { connection } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const apiBase = readCantoHost(connection.baseUrl, 'base URL');
  const oauthBase = readCantoHost(connection.oauthUrl, 'OAuth URL');
  /** Tokens this client has held: masked like the app secret if an error page ever echoes one. */
  const heldTokens = new Set<string>();
  const secrets = (): (string | undefined)[] => [connection.appSecret, ...heldTokens];
  const clean = (text: string) => withoutSecrets(text, secrets());
  /** Tokens Canto has accepted: a 404 with one of them means "not found", not "no token". */
  const provenTokens = new Set<string>();
  let nextSlot = 0;

  const throttledFetch: FetchLike = async (url, init) => {
    const gap = options.minRequestIntervalMs ?? 0;
    if (gap > 0) {
      const at = Math.max(now(), nextSlot);
      nextSlot = at + gap;
      const wait = at - now();
      if (wait > 0) await sleep(wait);
    }
    return options.fetch(url, init);
  };

  async function send(operation: string, url: string, init: RequestInit): Promise<RetryOutcome> {
    try {
      return await fetchWithRetry(url, init, {
        fetch: throttledFetch,
        sleep,
        random: options.random,
        now,
        maxAttempts: options.maxAttempts,
        beforeRequest: options.beforeRequest ? (info) => options.beforeRequest?.({ method: info.method, url: clean(info.url) }) : undefined,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      // No `cause`: the network error may carry the token URL, whose query holds the app secret.
      throw new CantoApiError(clean(`${operation} failed: Canto could not be reached: ${error.message}`), {
        operation,
        retryable: true,
      });
    }
  }

  async function failure(operation: string, outcome: RetryOutcome, hint?: string): Promise<CantoApiError> {
    const { response, attempts } = outcome;
    const summary = await readCantoErrorBody(response);
    const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
    // "503 Service Unavailable" from a gateway page already names the status.
    const status = summary.startsWith(String(response.status)) ? '' : `${response.status} `;
    const message = `${operation} failed: ${status}${summary}${tries}${hint ? `; ${hint}` : ''}`;
    return new CantoApiError(clean(message), {
      operation,
      status: response.status,
      retryable: response.status === 429 || response.status >= 500,
    });
  }

  function base(which: 'api' | 'oauth', operation: string): string {
    const host = which === 'api' ? apiBase : oauthBase;
    if (host.ok) return host.url;
    throw new CantoApiError(`${operation} failed: ${host.message}`, { operation });
  }

  async function readJson(operation: string, response: Response): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new CantoApiError(clean(`${operation} failed: Canto answered something that is not JSON (${type}): ${text.slice(0, 120)}`), {
        operation,
        status: response.status,
      });
    }
  }

  async function requestToken(grant: TokenGrant): Promise<CachedToken> {
    const operation = OPERATION.token;
    const query = new URLSearchParams({ app_id: connection.appId, app_secret: connection.appSecret, grant_type: grant.type });
    if (grant.type === 'refresh_token') {
      query.set('refresh_token', grant.refreshToken);
      heldTokens.add(grant.refreshToken);
    }
    const path = options.tokenEndpoint === 'compatible' ? '/oauth/api/oauth2/compatible/token' : '/oauth/api/oauth2/token';
    const issuedAt = now();
    const outcome = await send(operation, `${base('oauth', operation)}${path}?${query}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    const { response } = outcome;
    if (!response.ok) {
      const refused = response.status >= 400 && response.status < 500 && response.status !== 429;
      const hint = !refused
        ? undefined
        : grant.type === 'refresh_token'
          ? 'Canto refused the refresh token'
          : `check the Canto app ID "${connection.appId}" and app secret`;
      throw await failure(operation, outcome, hint);
    }
    const answer = cantoTokenResponseSchema.safeParse(await readJson(operation, response));
    if (!answer.success) {
      throw new CantoApiError(`${operation} failed: the answer has no usable access token (${describeIssues(answer.error).join('; ')})`, {
        operation,
        status: response.status,
      });
    }
    if (answer.data.tokenType && answer.data.tokenType.toLowerCase() !== 'bearer') {
      throw new CantoApiError(`${operation} failed: Canto issued a "${answer.data.tokenType}" token; only Bearer tokens are supported`, {
        operation,
        status: response.status,
      });
    }
    const token = cachedTokenFrom(answer.data, issuedAt);
    heldTokens.add(token.accessToken);
    if (token.refreshToken) heldTokens.add(token.refreshToken);
    return token;
  }

  const tokens = createCantoTokenSource({ store: options.tokenStore ?? createMemoryTokenStore(), now, requestToken });

  function authorized(token: string, init: RequestInit = {}): RequestInit {
    heldTokens.add(token);
    return { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}`, accept: 'application/json' } };
  }

  /** Whether Canto accepts `token`: one cheap search. Canto answers 404 (sic) to a request without a valid token. */
  async function probe(token: string): Promise<boolean> {
    const outcome = await send(OPERATION.search, `${base('api', OPERATION.search)}/api/v1/search?keyword=&start=0&limit=1`, authorized(token));
    await outcome.response.body?.cancel().catch(() => undefined);
    if (outcome.response.ok) provenTokens.add(token);
    return outcome.response.ok;
  }

  async function refusesToken(outcome: RetryOutcome, token: string, notFoundMeansGone: boolean): Promise<boolean> {
    const { status } = outcome.response;
    if (status === 401) return true;
    if (status !== 404) return false;
    if (!notFoundMeansGone) return true;
    if (provenTokens.has(token)) return false;
    return !(await probe(token));
  }

  /**
   * One API call with the current token. A refusal (401, or 404 where the resource cannot be missing) gets one
   * retry with a renewed token; a second refusal is an error that says so.
   */
  async function call(operation: string, url: string, init: RequestInit, notFoundMeansGone: boolean): Promise<RetryOutcome> {
    let token = await tokens.current();
    let outcome = await send(operation, url, authorized(token, init));
    if (await refusesToken(outcome, token, notFoundMeansGone)) {
      await outcome.response.body?.cancel().catch(() => undefined);
      token = await tokens.renew(token);
      outcome = await send(operation, url, authorized(token, init));
      if (await refusesToken(outcome, token, notFoundMeansGone)) {
        const hint =
          outcome.response.status === 404
            ? 'Canto answers 404 when a request has no valid access token: check that the base URL is the tenant API host and the app is enabled'
            : 'Canto refused a newly issued access token: check that the app is enabled for this tenant';
        throw await failure(operation, outcome, hint);
      }
    }
    if (outcome.response.ok) provenTokens.add(token);
    return outcome;
  }

  function checkPaging(start: number, limit: number): void {
    if (!Number.isInteger(start) || start < 0) {
      throw new CantoApiError(`${OPERATION.search} failed: start must be a whole number of at least 0, got ${start}`, { operation: OPERATION.search });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new CantoApiError(`${OPERATION.search} failed: limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`, {
        operation: OPERATION.search,
      });
    }
  }

  /** The last page each listing returned, to drop the repeats of the next page's overlap. */
  let previousPage: { listing: string; nextStart: number | null; times: Map<string, string> } | null = null;

  async function listModified(params: { since: Date | null; start: number; limit?: number }): Promise<CantoModifiedPage> {
    const operation = OPERATION.search;
    const { since, start } = params;
    const limit = params.limit ?? DEFAULT_PAGE_SIZE;
    checkPaging(start, limit);
    if (since !== null && Number.isNaN(since.getTime())) {
      throw new CantoApiError(`${operation} failed: since is not a valid date`, { operation });
    }
    const query = new URLSearchParams({ keyword: '', sortBy: 'time', sortDirection: 'ascending', start: String(start), limit: String(limit) });
    if (since) query.set('lastModified', `${formatCantoDate(since)}..${formatCantoDate(new Date(now()))}`);
    const outcome = await call(operation, `${base('api', operation)}/api/v1/search?${query}`, { method: 'GET' }, false);
    const { response } = outcome;
    if (!response.ok) throw await failure(operation, outcome);
    const envelope = cantoListEnvelopeSchema.safeParse(await readJson(operation, response));
    if (!envelope.success) {
      throw new CantoApiError(`${operation} failed: the answer is not a search result (${describeIssues(envelope.error).join('; ')})`, {
        operation,
        status: response.status,
      });
    }
    const { results } = envelope.data;
    const listing = since ? since.toISOString() : 'all';
    const repeats = previousPage?.listing === listing && previousPage.nextStart === start ? previousPage.times : new Map<string, string>();
    const { assets, invalid } = readAssets(results, start);
    const unique = newestById(assets).filter((asset) => repeats.get(asset.id) !== asset.time);
    const found = envelope.data.found ?? (results.length >= limit ? start + results.length + 1 : start + results.length);
    const nextStart = nextStartAfter(start, results.length, found);
    previousPage = { listing, nextStart, times: new Map(unique.map((asset) => [asset.id, asset.time])) };
    return { assets: unique, invalid, found, nextStart };
  }

  async function batchContent(refs: { id: string; scheme: string }[]): Promise<CantoBatchResult> {
    const operation = OPERATION.batch;
    const wanted = new Map<string, { id: string; scheme: string }>();
    for (const ref of refs) wanted.set(`${ref.scheme}:${ref.id}`, { id: ref.id, scheme: ref.scheme });
    const unique = [...wanted.values()];
    const result: CantoBatchResult = { assets: [], failed: [], invalid: [] };
    for (let offset = 0; offset < unique.length; offset += MAX_BATCH_SIZE) {
      const chunk = unique.slice(offset, offset + MAX_BATCH_SIZE);
      const outcome = await call(
        operation,
        `${base('api', operation)}/api/v1/batch/content`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chunk) },
        false,
      );
      const { response } = outcome;
      if (!response.ok) throw await failure(operation, outcome);
      const envelope = cantoBatchEnvelopeSchema.safeParse(await readJson(operation, response));
      if (!envelope.success) {
        throw new CantoApiError(`${operation} failed: the answer is not a batch result (${describeIssues(envelope.error).join('; ')})`, {
          operation,
          status: response.status,
        });
      }
      const { assets, invalid } = readAssets(envelope.data.docResult, offset);
      const answered = new Set<string>();
      for (const asset of assets) {
        answered.add(asset.id);
        result.assets.push(asset);
      }
      result.invalid.push(...invalid);
      const schemeOf = new Map(chunk.map((ref) => [ref.id, ref.scheme]));
      for (const ref of envelope.data.failed) {
        if (answered.has(ref.id)) continue;
        answered.add(ref.id);
        result.failed.push({ id: ref.id, scheme: ref.scheme ?? schemeOf.get(ref.id) ?? '' });
      }
      for (const ref of chunk) {
        if (!answered.has(ref.id)) result.failed.push(ref);
      }
    }
    return result;
  }

  async function getAsset(scheme: string, id: string): Promise<CantoAsset | null> {
    const operation = OPERATION.detail;
    const known = CANTO_SCHEMES.find((candidate) => candidate === scheme.trim().toLowerCase());
    if (!known) {
      throw new CantoApiError(`${operation} failed: "${scheme.slice(0, 40)}" is not a Canto scheme (${CANTO_SCHEMES.join(', ')})`, { operation });
    }
    if (id.trim() === '') throw new CantoApiError(`${operation} failed: the asset id is empty`, { operation });
    const label = `${operation} ${known}/${id.slice(0, 100)}`;
    const outcome = await call(label, `${base('api', operation)}/api/v1/${known}/${encodeURIComponent(id)}`, { method: 'GET' }, true);
    const { response } = outcome;
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    if (!response.ok) throw await failure(label, outcome);
    const parsed = cantoAssetSchema.safeParse(await readJson(label, response));
    if (!parsed.success) {
      throw new CantoApiError(clean(`${label} failed: Canto sent an asset the app cannot read (${describeIssues(parsed.error).join('; ')})`), {
        operation,
        status: response.status,
      });
    }
    return parsed.data;
  }

  async function testConnection(): Promise<CantoConnectionTest> {
    try {
      const page = await listModified({ since: null, start: 0, limit: 1 });
      const host = apiBase.ok ? new URL(apiBase.url).host : 'Canto';
      return { ok: true, detail: `Connected to ${host}: ${page.found.toLocaleString('en-US')} assets` };
    } catch (error) {
      return { ok: false, message: clean(error instanceof Error ? error.message : String(error)) };
    }
  }

  return { listModified, batchContent, getAsset, testConnection };
}

function readAssets(results: unknown[], firstIndex: number): { assets: CantoAsset[]; invalid: CantoInvalidItem[] } {
  const assets: CantoAsset[] = [];
  const invalid: CantoInvalidItem[] = [];
  results.forEach((raw, position) => {
    const parsed = cantoAssetSchema.safeParse(raw);
    if (parsed.success) {
      assets.push(parsed.data);
      return;
    }
    const id = rawId(raw);
    invalid.push({ index: firstIndex + position, ...(id ? { id } : {}), problem: describeIssues(parsed.error).join('; ') });
  });
  return { assets, invalid };
}

/** Overlapping answers can carry an asset twice: keep its newest version, in the order of first appearance. */
function newestById(assets: CantoAsset[]): CantoAsset[] {
  const byId = new Map<string, CantoAsset>();
  for (const asset of assets) {
    const seen = byId.get(asset.id);
    if (!seen || asset.time > seen.time) byId.set(asset.id, asset);
  }
  return [...byId.values()];
}

/** Null once `found` items are read or a page came back empty (a shrinking listing must not loop forever). */
export function nextStartAfter(start: number, received: number, found: number): number | null {
  const read = start + received;
  if (received === 0 || read >= found) return null;
  return read - Math.min(PAGE_OVERLAP, Math.floor(received / 10));
}

function rawId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id } = raw as { id?: unknown };
  return (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id).slice(0, 200) : undefined;
}
