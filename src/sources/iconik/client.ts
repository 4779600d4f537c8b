/**
 * The typed iconik client: App-ID + Auth-Token headers, trailing-slash paths, the objects/page/pages envelope,
 * `search_after` paging by date_modified, and a pacer that keeps one token under iconik's rate limit. Every request
 * goes through the one retry policy (src/sources/http/retry.ts): 429s honour Retry-After when iconik sends it, else
 * back off with jitter. What the client does with each point the reference leaves open: docs/sources/iconik.md.
 */
import type { IconikConnection } from '../../config/connections';
import { withoutSecrets } from '../governance/errors';
import { describeIssues } from '../governance/validation';
import { fetchWithRetry, NetworkError, realSleep, type FetchLike, type RetryOutcome } from '../http/retry';
import { IconikApiError, readIconikError } from './errors';
import { RequestPacer } from './pacer';
import {
  iconikApprovalSchema,
  iconikAssetSchema,
  iconikEnvelopeSchema,
  iconikHistoryEntrySchema,
  iconikJobSchema,
  iconikMetadataValuesSchema,
  iconikStorageSchema,
  iconikUserSchema,
  type IconikApproval,
  type IconikAsset,
  type IconikEnvelope,
  type IconikHistoryEntry,
  type IconikJob,
  type IconikStorage,
  type IconikUser,
} from './schemas';
import { parseIconikTime } from './time';
import { apiPath, iconikUrl, type Query } from './urls';
import type { ZodType, ZodTypeDef } from 'zod';

export { IconikApiError } from './errors';
export type { IconikApproval, IconikAsset, IconikHistoryEntry, IconikJob, IconikJobStep, IconikStorage, IconikUser } from './schemas';

export interface IconikClientOptions {
  connection: IconikConnection;
  fetch: FetchLike;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before every outbound HTTP request, retries included; throwing stops the request (egress budgets). */
  beforeRequest?: (info: { method: string; url: string }) => void;
  /** The pacer's rate for this client (default 50, iconik's documented sustained limit per token). */
  maxRequestsPerSecond?: number;
  /** Attempts per request including the first (default 6: long enough to wait out a 20 s rate-limit window). */
  maxAttempts?: number;
}

/** An item iconik sent that does not match the schema; it is left out of the answer. */
export interface IconikInvalidItem {
  /** Position in iconik's answer (within the page). */
  index: number;
  id?: string;
  /** e.g. "date_modified: Expected an ISO 8601 date-time". */
  problem: string;
}

export interface SearchModifiedResult {
  /** Oldest modification first; one entry per asset id. */
  assets: IconikAsset[];
  invalid: IconikInvalidItem[];
  /** How many assets match the filter in all (iconik's `total`). */
  total: number;
  /** What to pass as `searchAfter` for the next page; null when this was the last page. */
  nextSearchAfter: unknown[] | null;
}

export type ConnectionTest = { ok: true; detail: string } | { ok: false; message: string };

export interface RateLimitStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  received429: number;
  /** Time spent waiting because of the rate limit: the pacer's slots plus the waits after 429s. */
  throttledMs: number;
  /** The last `RateLimit-Remaining` iconik reported; null when it never sent one. */
  lastRemaining: number | null;
}

export interface IconikClient {
  /** Assets modified at or after `since` (null: all), by date_modified ascending, one page after `searchAfter`. */
  searchModified(params: { since: Date | null; searchAfter: unknown[] | null; perPage?: number }): Promise<SearchModifiedResult>;
  /** The asset, also when deleted (`status: "DELETED"`); null when iconik does not know it (404). */
  getAsset(id: string): Promise<IconikAsset | null>;
  /** The asset's approval request; null when none was ever requested (iconik answers 404): the status "N/A". */
  getApproval(id: string): Promise<IconikApproval | null>;
  /** The asset's audit trail, newest first. A page past the end is an empty page, not an error. */
  listHistory(id: string, params?: { page?: number; perPage?: number }): Promise<{ entries: IconikHistoryEntry[]; invalid: IconikInvalidItem[]; pages: number }>;
  /**
   * FAILED jobs (transcodes, transfers, exports, ...) modified from `since` to `until` (default now), newest first.
   * Pass the same `until` for every page of one read so the pages do not shift.
   */
  listFailedJobs(params: { since: Date | null; until?: Date; page: number; perPage?: number }): Promise<{ jobs: IconikJob[]; invalid: IconikInvalidItem[]; nextPage: number | null }>;
  getJob(id: string): Promise<IconikJob | null>;
  /** The values of one metadata view for an asset, field => values; null when the asset has none (iconik answers 404). */
  getMetadata(assetId: string, viewId: string): Promise<Record<string, unknown[]> | null>;
  listStorages(): Promise<{ storages: IconikStorage[]; invalid: IconikInvalidItem[] }>;
  /** A user, fetched once per client; null when iconik does not know the id. */
  getUser(id: string): Promise<IconikUser | null>;
  /** Display names of users (for audit trails); ids iconik cannot resolve are left out, so callers show the id. */
  userNames(ids: Iterable<string>): Promise<Map<string, string>>;
  testConnection(): Promise<ConnectionTest>;
  rateLimitStats(): RateLimitStats;
}

export const DEFAULT_SEARCH_PAGE_SIZE = 100;
export const MAX_SEARCH_PAGE_SIZE = 500;
/** iconik caps jobs and storages lists at 100 per page. */
export const MAX_JOBS_PAGE_SIZE = 100;
export const DEFAULT_HISTORY_PAGE_SIZE = 50;
export const MAX_HISTORY_PAGE_SIZE = 500;

type Answer = { found: true; body: unknown } | { found: false; errors: string[] };
const SEARCH_PATH = apiPath('search', 'search');

export function createIconikClient(options: IconikClientOptions): IconikClient {
  const { connection } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const base = readBaseUrl(connection.baseUrl);
  const pacer = new RequestPacer({ maxRequestsPerSecond: options.maxRequestsPerSecond ?? 50, now, sleep });
  const counters = { requests: 0, received429: 0, retryWaitMs: 0 };
  const users = new Map<string, Promise<IconikUser | null>>();
  /** Whether iconik accepts `id` as a sort tiebreaker; switched off once if it refuses it (UNCONFIRMED). */
  let tiebreaker = true;

  const clean = (text: string) => withoutSecrets(text, [connection.authToken]);

  async function send(operation: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<RetryOutcome> {
    const headers: Record<string, string> = {
      'App-ID': connection.appId,
      'Auth-Token': connection.authToken,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetchWithRetry(
        url,
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
        {
          fetch: options.fetch,
          sleep,
          random: options.random,
          now,
          maxAttempts: options.maxAttempts ?? 6,
          baseDelayMs: 1000,
          maxDelayMs: 10_000,
          beforeRequest: options.beforeRequest,
          beforeAttempt: async () => {
            await pacer.acquire();
            counters.requests += 1;
          },
          onResponse: (response) => {
            if (response.status === 429) counters.received429 += 1;
            pacer.observe(response.status, response.headers.get('ratelimit-remaining'));
          },
          onRetry: ({ status, delayMs }) => {
            if (status !== 429) return;
            counters.retryWaitMs += delayMs;
            pacer.hold(delayMs);
          },
        },
      );
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      throw new IconikApiError(clean(`${operation} failed: could not reach iconik: ${error.message}`), { operation, retryable: true, cause: error });
    }
  }

  async function failure(operation: string, outcome: RetryOutcome): Promise<IconikApiError> {
    const { response, attempts } = outcome;
    const body = await readIconikError(response);
    const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
    const hint = response.status === 401 || response.status === 403 ? '; check the iconik App ID and auth token and their permissions' : '';
    return new IconikApiError(clean(`${operation} failed: ${response.status} ${body.summary}${tries}${hint}`), {
      operation,
      status: response.status,
      errors: body.errors.map(clean),
      retryable: response.status === 429 || response.status >= 500,
    });
  }

  /** `path` comes from apiPath (trailing slash included). */
  async function call(operation: string, method: 'GET' | 'POST', path: string, query: Query = {}, body?: unknown): Promise<Answer> {
    if (!base.ok) throw new IconikApiError(`${operation} failed: ${base.message}`, { operation });
    const outcome = await send(operation, method, iconikUrl(base.url, path, query), body);
    const { response } = outcome;
    if (response.status === 404) return { found: false, errors: (await readIconikError(response)).errors };
    if (!response.ok) throw await failure(operation, outcome);
    const text = await response.text();
    try {
      return { found: true, body: JSON.parse(text) };
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new IconikApiError(clean(`${operation} failed: iconik answered something that is not JSON (${type}): ${text.slice(0, 120)}`), {
        operation,
        status: response.status,
      });
    }
  }

  function parseOne<T>(operation: string, schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new IconikApiError(`${operation} failed: iconik answered an unexpected body: ${describeIssues(parsed.error).slice(0, 5).join('; ')}`, {
      operation,
      status: 200,
    });
  }

  function parseList<T>(operation: string, schema: ZodType<T, ZodTypeDef, unknown>, body: unknown) {
    const envelope: IconikEnvelope = parseOne(operation, iconikEnvelopeSchema, body);
    const raw = envelope.objects ?? [];
    const items: T[] = [];
    const invalid: IconikInvalidItem[] = [];
    raw.forEach((object, index) => {
      const parsed = schema.safeParse(object);
      if (parsed.success) items.push(parsed.data);
      else invalid.push({ index, ...idOf(object), problem: describeIssues(parsed.error).join('; ') });
    });
    return { items, invalid, raw, envelope };
  }

  async function search(operation: string, since: Date | null, searchAfter: unknown[] | null, perPage: number): Promise<Answer> {
    const query = { per_page: perPage };
    try {
      return await call(operation, 'POST', SEARCH_PATH, query, searchBody(since, searchAfter, tiebreaker));
    } catch (error) {
      if (!(tiebreaker && error instanceof IconikApiError && error.status === 400 && refusesIdSort(error))) throw error;
      tiebreaker = false;
      return call(operation, 'POST', SEARCH_PATH, query, searchBody(since, searchAfter?.slice(0, 1) ?? null, false));
    }
  }

  async function fetchUser(id: string): Promise<IconikUser | null> {
    const operation = `iconik user ${id}`;
    const answer = await call(operation, 'GET', apiPath('users', 'users/{id}', { id }));
    return answer.found ? parseOne(operation, iconikUserSchema, answer.body) : null;
  }

  const client: IconikClient = {
    async searchModified({ since, searchAfter, perPage = DEFAULT_SEARCH_PAGE_SIZE }) {
      const operation = `iconik search for assets modified since ${since ? since.toISOString() : 'the beginning'}`;
      checkPageSize(operation, perPage, MAX_SEARCH_PAGE_SIZE);
      const answer = await search(operation, since, searchAfter, perPage);
      // A page past the end answers 404 "Requested page does not exist": the end of the list, not an error.
      if (!answer.found) return { assets: [], invalid: [], total: 0, nextSearchAfter: null };
      const { items, invalid, raw, envelope } = parseList(operation, iconikAssetSchema, answer.body);
      const pageSize = Math.min(perPage, envelope.per_page ?? perPage);
      const last = raw.length === 0 || raw.length < pageSize;
      const nextSearchAfter = last ? null : nextSearchAfterOf(operation, raw, searchAfter);
      return { assets: newestPerId(items), invalid, total: envelope.total ?? items.length, nextSearchAfter };
    },

    async getAsset(id) {
      const operation = `iconik asset ${id}`;
      const answer = await call(operation, 'GET', apiPath('assets', 'assets/{id}', { id }));
      return answer.found ? parseOne(operation, iconikAssetSchema, answer.body) : null;
    },

    async getApproval(id) {
      const operation = `iconik approvals for asset ${id}`;
      const answer = await call(operation, 'GET', apiPath('assets', 'assets/{id}/approvals/request', { id }));
      return answer.found ? parseOne(operation, iconikApprovalSchema, answer.body) : null;
    },

    async listHistory(id, { page = 1, perPage = DEFAULT_HISTORY_PAGE_SIZE } = {}) {
      const operation = `iconik history of asset ${id} (page ${page})`;
      checkPageSize(operation, perPage, MAX_HISTORY_PAGE_SIZE);
      checkPage(operation, page);
      const answer = await call(operation, 'GET', apiPath('assets', 'assets/{id}/history', { id }), {
        page,
        per_page: perPage,
        sort: 'date_created,desc',
      });
      if (!answer.found) return { entries: [], invalid: [], pages: page - 1 };
      const { items, invalid, envelope } = parseList(operation, iconikHistoryEntrySchema, answer.body);
      return { entries: items, invalid, pages: pagesOf(envelope, page, items.length + invalid.length, perPage) };
    },

    async listFailedJobs({ since, until, page, perPage = MAX_JOBS_PAGE_SIZE }) {
      const operation = `iconik failed jobs (page ${page})`;
      checkPageSize(operation, perPage, MAX_JOBS_PAGE_SIZE);
      checkPage(operation, page);
      const end = until ?? new Date(now());
      const answer = await call(operation, 'GET', apiPath('jobs', 'jobs'), {
        status: 'FAILED',
        date_modified: since ? `${since.toISOString()};${end.toISOString()}` : undefined,
        per_page: perPage,
        page,
        sort: 'date_modified,desc',
      });
      if (!answer.found) return { jobs: [], invalid: [], nextPage: null };
      const { items, invalid, raw, envelope } = parseList(operation, iconikJobSchema, answer.body);
      const pages = pagesOf(envelope, page, raw.length, perPage);
      // Defensive: a server that ignored the status filter must not make finished jobs look failed.
      return { jobs: items.filter((job) => job.status === 'FAILED'), invalid, nextPage: page < pages ? page + 1 : null };
    },

    async getJob(id) {
      const operation = `iconik job ${id}`;
      const answer = await call(operation, 'GET', apiPath('jobs', 'jobs/{id}', { id }));
      return answer.found ? parseOne(operation, iconikJobSchema, answer.body) : null;
    },

    async getMetadata(assetId, viewId) {
      const operation = `iconik metadata view ${viewId} of asset ${assetId}`;
      const answer = await call(operation, 'GET', apiPath('metadata', 'assets/{assetId}/views/{viewId}', { assetId, viewId }));
      // iconik answers 404 for an asset without values in the view: "no values", not an error.
      if (!answer.found) return null;
      const values = parseOne(operation, iconikMetadataValuesSchema, answer.body).metadata_values ?? {};
      const fields: Record<string, unknown[]> = {};
      for (const [field, entry] of Object.entries(values)) {
        fields[field] = (entry?.field_values ?? []).map((value) => (isRecord(value) && 'value' in value ? value.value : value));
      }
      return fields;
    },

    async listStorages() {
      const storages: IconikStorage[] = [];
      const invalid: IconikInvalidItem[] = [];
      for (let page = 1; page <= 100; page++) {
        const operation = `iconik storages (page ${page})`;
        const answer = await call(operation, 'GET', apiPath('files', 'storages'), { page, per_page: MAX_JOBS_PAGE_SIZE });
        if (!answer.found) break;
        const list = parseList(operation, iconikStorageSchema, answer.body);
        storages.push(...list.items);
        invalid.push(...list.invalid.map((item) => ({ ...item, index: item.index + (page - 1) * MAX_JOBS_PAGE_SIZE })));
        if (page >= pagesOf(list.envelope, page, list.raw.length, MAX_JOBS_PAGE_SIZE)) break;
      }
      return { storages, invalid };
    },

    getUser(id) {
      let pending = users.get(id);
      if (!pending) {
        pending = fetchUser(id);
        users.set(id, pending);
        // A failure is not remembered as "unknown user": the next call asks again.
        pending.catch(() => users.delete(id));
      }
      return pending;
    },

    async userNames(ids) {
      const names = new Map<string, string>();
      for (const id of new Set(ids)) {
        if (!id) continue;
        const user = await client.getUser(id).catch(() => null);
        const name = user ? iconikUserName(user) : null;
        if (name) names.set(id, name);
      }
      return names;
    },

    async testConnection() {
      try {
        const answer = await search('iconik connection test (search for assets)', null, null, 1);
        const total = answer.found ? (iconikEnvelopeSchema.safeParse(answer.body).data?.total ?? null) : 0;
        return { ok: true, detail: total === null ? 'Connected to iconik.' : `Connected to iconik: ${total.toLocaleString('en-US')} assets.` };
      } catch (error) {
        return { ok: false, message: clean(error instanceof Error ? error.message : String(error)) };
      }
    },

    rateLimitStats: () => ({
      requests: counters.requests,
      received429: counters.received429,
      throttledMs: Math.round(pacer.waitedMs + counters.retryWaitMs),
      lastRemaining: pacer.lastRemaining,
    }),
  };

  function nextSearchAfterOf(operation: string, raw: unknown[], previous: unknown[] | null): unknown[] {
    for (let index = raw.length - 1; index >= 0; index--) {
      const values = sortValuesOf(raw[index], tiebreaker);
      if (!values) continue;
      const next = tiebreaker ? values : stepBack(values, previous);
      if (previous && sameValues(next, previous)) {
        throw new IconikApiError(`${operation} failed: iconik answered the same page again (search_after ${JSON.stringify(previous)} did not move)`, {
          operation,
          status: 200,
        });
      }
      return next;
    }
    throw new IconikApiError(`${operation} failed: no asset on the page says where the next page starts (no _sort, date_modified or id)`, {
      operation,
      status: 200,
    });
  }

  return client;
}

/** "Jane Doe", else the email, else null. */
export function iconikUserName(user: Pick<IconikUser, 'first_name' | 'last_name' | 'email'>): string | null {
  const name = [user.first_name, user.last_name].filter((part): part is string => Boolean(part && part.trim())).join(' ').trim();
  if (name) return name;
  return user.email?.trim() || null;
}

function searchBody(since: Date | null, searchAfter: unknown[] | null, byId: boolean): Record<string, unknown> {
  return {
    doc_types: ['assets'],
    query: '',
    ...(since ? { filter: { operator: 'AND', terms: [{ name: 'date_modified', range: { min: since.toISOString() } }] } } : {}),
    sort: [{ name: 'date_modified', order: 'asc' }, ...(byId ? [{ name: 'id', order: 'asc' }] : [])],
    ...(searchAfter && searchAfter.length > 0 ? { search_after: searchAfter } : {}),
  };
}

function refusesIdSort(error: IconikApiError): boolean {
  return /sort|\bid\b/i.test([...error.errors, error.message].join(' '));
}

/** The `_sort` of a hit; without one, [date_modified in epoch ms, id] (Elasticsearch's sort values for a date and a keyword). */
function sortValuesOf(raw: unknown, byId: boolean): unknown[] | null {
  if (!isRecord(raw)) return null;
  if (Array.isArray(raw._sort) && raw._sort.length > 0) return raw._sort;
  const at = typeof raw.date_modified === 'string' ? parseIconikTime(raw.date_modified) : null;
  if (at === null) return null;
  if (!byId) return [at];
  return typeof raw.id === 'string' && raw.id !== '' ? [at, raw.id] : null;
}

/**
 * Without an id tiebreaker, `search_after: [t]` skips the assets that share the last time `t` but did not fit on the
 * page. Step back 1 ms so they are read again (the duplicates are harmless); when a whole page shares one time, step
 * past it instead of asking for the same page forever.
 */
function stepBack(values: unknown[], previous: unknown[] | null): unknown[] {
  const [first] = values;
  const at = typeof first === 'number' ? first : typeof first === 'string' ? parseIconikTime(first) : null;
  if (at === null) return values;
  const back = [typeof first === 'number' ? at - 1 : new Date(at - 1).toISOString()];
  return previous && sameValues(back, previous) ? values : back;
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One entry per id; when iconik sent an id twice, the most recently modified copy wins. */
function newestPerId(assets: IconikAsset[]): IconikAsset[] {
  const byId = new Map<string, IconikAsset>();
  for (const asset of assets) {
    const seen = byId.get(asset.id);
    if (!seen || (parseIconikTime(asset.date_modified) ?? 0) >= (parseIconikTime(seen.date_modified) ?? 0)) {
      byId.delete(asset.id);
      byId.set(asset.id, asset);
    }
  }
  return [...byId.values()];
}

function pagesOf(envelope: IconikEnvelope, page: number, received: number, perPage: number): number {
  if (typeof envelope.pages === 'number') return envelope.pages;
  if (typeof envelope.total === 'number') return Math.ceil(envelope.total / (envelope.per_page ?? perPage));
  return received >= perPage ? page + 1 : page;
}

function checkPageSize(operation: string, perPage: number, max: number): void {
  if (!(Number.isInteger(perPage) && perPage >= 1 && perPage <= max)) {
    throw new IconikApiError(`${operation}: perPage must be a whole number from 1 to ${max}, got ${perPage}`, { operation });
  }
}

function checkPage(operation: string, page: number): void {
  if (!(Number.isInteger(page) && page >= 1)) throw new IconikApiError(`${operation}: page must be a whole number from 1, got ${page}`, { operation });
}

function idOf(raw: unknown): { id?: string } {
  return isRecord(raw) && typeof raw.id === 'string' && raw.id !== '' ? { id: raw.id } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type BaseUrl = { ok: true; url: string } | { ok: false; message: string };

function readBaseUrl(raw: string): BaseUrl {
  const trimmed = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, message: `the iconik base URL "${trimmed}" is not an absolute URL` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, message: `the iconik base URL "${trimmed}" must start with https://` };
  }
  return { ok: true, url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
}
