/**
 * A simulator of Canto's REST API (../shared/reference/dam-apis.md, Canto) as plain node:http handlers, for the
 * workbench, the tests and the benches:
 *
 *   OAuth host   POST /oauth/api/oauth2/token?app_id=&app_secret=&grant_type=...   camelCase, expiresIn a string
 *                POST /oauth/api/oauth2/compatible/token?...                        snake_case
 *   API host     GET  /api/v1/search?keyword=&scheme=&approval=&tags=&sortBy=&sortDirection=&start=&limit=&lastModified=min..max
 *                GET  /api/v1/{scheme}?...            same filters, one scheme (case sensitive)
 *                GET  /api/v1/{scheme}/{id}           detail
 *                POST /api/v1/batch/content           [{id, scheme}], at most 100 => {docResult, failed}
 *                GET  /allfiles?column=&id=           a stand-in for the web app page the asset links open
 *   No token => 404 (sic), unknown or expired token => 401. Values as strings, dates yyyyMMddHHmmssSSS (UTC),
 *   `results` left out when nothing matches, the approval filter in lower case (`approval=approved`).
 *
 * Admin API (no auth, never faulted, not counted), under /__admin:
 *   GET  stats                      requests served (by path and status), tokens issued, assets, scale
 *   GET|POST faults                 fault rules (../governance/faults.ts syntax; `times` = the next N requests)
 *   POST latency {ms}               POST scale {assets}  (0..100,000; regenerates)     POST reset
 *   POST tokens/expire              every access token stops working
 *   GET  assets?start=&limit=       live assets in time order: {total, assets: [{id, scheme, name, time}]}
 *   GET|POST|DELETE assets/{id}     read / change (its time becomes now) / delete an asset
 *   POST webhook {url, id, scheme?, secureToken?}   POSTs Canto's webhook body to url
 *
 * Seeded: the same seed and reference time give the same assets, tokens and fault draws. 100,000 assets cost a few
 * MB: assets are generated on demand (catalog.ts).
 */
import http from 'node:http';
import { serveOnLoopback } from '../loopback';
import { readBody, sendJson } from '../../http';
import { FaultPlan, parseFaults, type FaultRule } from '../governance/faults';
import { createRandom } from '../governance/random';
import { CantoTokenIssuer } from './auth';
import { CantoCatalog, MAX_ASSETS, readCantoDate, SCHEMES, type AssetChange, type Scheme } from './catalog';

export type { FaultRule } from '../governance/faults';
export type { AssetChange } from './catalog';

export interface CantoSimulatorOptions {
  appId?: string;
  appSecret?: string;
  /** The secure_token the simulator puts in the webhooks it sends. */
  webhookToken?: string;
  seed?: number;
  /** How many assets (0..100,000; default 200). */
  assets?: number;
  latencyMs?: number;
  faults?: string | FaultRule[];
  now?: () => Date;
  /** Generated times lie in the two years before this (default: now() at start and at reset). */
  referenceTime?: Date;
  /** Access token lifetime; default 30 days, as Canto reports. */
  tokenTtlSeconds?: number;
}

export interface CantoSimulatorStats {
  requests: number;
  byPath: Record<string, number>;
  byStatus: Record<string, number>;
  tokensIssued: number;
  refreshGrants: number;
  webhooksSent: number;
  assets: number;
  scale: number;
  latencyMs: number;
}

export interface CantoWebhookDelivery {
  url: string;
  id: string;
  /** Default: the asset's scheme (required for a deleted asset). */
  scheme?: string;
  /** Default: the simulator's webhook token; pass another to test refusals. */
  secureToken?: string;
}

export interface CantoSimulator {
  /** Both hosts on one origin (standalone): /oauth/... to the OAuth host, everything else to the API host. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** The tenant API host; `req.url` relative to it ("/api/v1/search?...", "/__admin/stats"). */
  handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** The OAuth host; `req.url` relative to it ("/oauth/api/oauth2/token?..."). */
  handleOAuth(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  readonly appId: string;
  readonly appSecret: string;
  readonly webhookToken: string;
  catalog(): CantoCatalog;
  /** The asset's id at a position of the time order (oldest first). */
  idAt(position: number): string;
  /** The asset as the API would answer it; null when it does not exist. */
  asset(id: string): Record<string, unknown> | null;
  modify(id: string, change?: AssetChange): Record<string, unknown>;
  remove(id: string): void;
  setFaults(faults: string | FaultRule[]): void;
  setLatency(ms: number): void;
  setScale(assets: number): void;
  expireTokens(): void;
  sendWebhook(delivery: CantoWebhookDelivery): Promise<{ status: number; body: Record<string, string> }>;
  stats(): CantoSimulatorStats;
  /** Seeded data at the current scale, the initial faults and zeroed stats; issued tokens stay valid. */
  reset(): void;
}

export const DEFAULT_CANTO_SIMULATOR = {
  appId: 'workbench-canto-app',
  appSecret: 'workbench-canto-secret',
  webhookToken: 'workbench-canto-webhook-token',
};

const SORT_KEYS = ['time', 'name', 'scheme', 'owner', 'size'] as const;
type SortKey = (typeof SORT_KEYS)[number];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const MAX_BATCH = 100;
const ADMIN = '/__admin';

export function createCantoSimulator(options: CantoSimulatorOptions = {}): CantoSimulator {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const appId = options.appId ?? DEFAULT_CANTO_SIMULATOR.appId;
  const appSecret = options.appSecret ?? DEFAULT_CANTO_SIMULATOR.appSecret;
  const webhookToken = options.webhookToken ?? DEFAULT_CANTO_SIMULATOR.webhookToken;
  const initialFaults = parseFaults(options.faults);
  // A stream apart from the data's, so drawing tokens or faults never changes the seeded data.
  const random = createRandom((seed ^ 0x5bd1e995) >>> 0);
  const faults = new FaultPlan(initialFaults, random.next);
  const tokens = new CantoTokenIssuer({ appId, appSecret, ttlSeconds: options.tokenTtlSeconds ?? 30 * 86_400, now, random });
  let scale = options.assets ?? 200;
  const referenceTime = () => (options.referenceTime ?? now()).getTime();
  let catalog = new CantoCatalog({ seed, size: scale, referenceTime: referenceTime() });
  let latencyMs = options.latencyMs ?? 0;
  let requests = 0;
  let byPath: Record<string, number> = {};
  let byStatus: Record<string, number> = {};
  let tokensBefore = 0;
  let refreshesBefore = 0;
  let webhooksSent = 0;

  function stats(): CantoSimulatorStats {
    return {
      requests,
      byPath: { ...byPath },
      byStatus: { ...byStatus },
      tokensIssued: tokens.issued - tokensBefore,
      refreshGrants: tokens.refreshed - refreshesBefore,
      webhooksSent,
      assets: catalog.liveCount,
      scale,
      latencyMs,
    };
  }

  function reset(): void {
    catalog = new CantoCatalog({ seed, size: scale, referenceTime: referenceTime() });
    faults.set(initialFaults);
    requests = 0;
    byPath = {};
    byStatus = {};
    tokensBefore = tokens.issued;
    refreshesBefore = tokens.refreshed;
    webhooksSent = 0;
  }

  function setScale(assets: number): void {
    if (!Number.isInteger(assets) || assets < 0 || assets > MAX_ASSETS) throw new Error(`scale must be a whole number from 0 to ${MAX_ASSETS}`);
    scale = assets;
    catalog = new CantoCatalog({ seed, size: scale, referenceTime: referenceTime() });
  }

  function requireIndex(id: string): number {
    const index = catalog.indexOf(id);
    if (index === null || !catalog.isLive(index)) throw new Error(`asset ${id} does not exist`);
    return index;
  }

  /** Counts, faults and latency for a served request: null when a fault already answered it, else how many items to corrupt. */
  async function intercept(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<number | null> {
    requests += 1;
    const counted = pathname.replace(/^\/api\/v1\/([a-z]+)\/[^/]+$/i, (whole, scheme: string) => (scheme === 'batch' ? whole : `/api/v1/${scheme}/:id`));
    byPath[counted] = (byPath[counted] ?? 0) + 1;
    res.once('finish', () => {
      byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
    });
    const decision = faults.decide(req.method ?? 'GET', pathname);
    const delay = latencyMs + decision.delayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (!decision.answer) return decision.malformedItems;
    await answerFault(decision.answer, res);
    return null;
  }

  async function answerFault(rule: FaultRule, res: http.ServerResponse): Promise<void> {
    if (rule.hang) {
      await new Promise<void>((resolve) => res.once('close', () => resolve()));
      return;
    }
    if (rule.expireTokens) {
      tokens.expireAll();
      return sendJson(res, 401, { errors: ['invalid token'] });
    }
    const status = rule.status ?? 500;
    const headers: http.OutgoingHttpHeaders = rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
    if (rule.body !== undefined) {
      res.writeHead(status, { 'content-type': rule.contentType ?? 'text/html; charset=utf-8', ...headers });
      return void res.end(rule.body);
    }
    const text = http.STATUS_CODES[status] ?? 'Error';
    if (status === 429) return sendJson(res, 429, { errors: ['Too many requests'] }, headers);
    if (status >= 500) {
      // What a gateway in front of an application server answers.
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      return void res.end(`<html><head><title>${status} ${text}</title></head><body><h1>${status} ${text}</h1></body></html>`);
    }
    sendJson(res, status, { message: `${text} (simulated)` }, headers);
  }

  /** `count` items get a `time` that is not a Canto date: the client must report them and keep the rest. */
  function corrupt(items: Record<string, unknown>[], count: number): Record<string, unknown>[] {
    if (count <= 0 || items.length === 0) return items;
    const victims = new Set(random.sample(items.map((_, index) => index), count));
    return items.map((item, index) => (victims.has(index) ? { ...item, time: '2026-11-22T10:15:00Z' } : item));
  }

  async function handleOAuth(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://canto-oauth.invalid');
    const pathname = url.pathname.replace(/(.)\/+$/, '$1');
    if ((await intercept(req, res, pathname)) === null) return;
    if (pathname === '/oauth/api/oauth2/token') return tokens.issue(req, res, url, false);
    if (pathname === '/oauth/api/oauth2/compatible/token') return tokens.issue(req, res, url, true);
    sendJson(res, 404, { error: 'not_found', error_description: `There is nothing at ${pathname} on the OAuth host.` });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://canto.invalid');
    const pathname = url.pathname.replace(/(.)\/+$/, '$1');
    if (pathname === ADMIN || pathname.startsWith(`${ADMIN}/`)) return admin(req, res, pathname.slice(ADMIN.length), url);
    const malformed = await intercept(req, res, pathname);
    if (malformed === null) return;
    const method = req.method ?? 'GET';
    if (pathname === '/allfiles' && method === 'GET') return webAppPage(res, url);

    const check = tokens.check(req.headers.authorization);
    if (!check.ok) {
      if (check.status === 404) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end('<html><body><h1>404 Not Found</h1></body></html>');
      }
      return sendJson(res, 401, { errors: [check.reason] });
    }

    if (pathname === '/api/v1/batch/content') {
      if (method !== 'POST') return sendJson(res, 405, { message: 'Use POST.' }, { allow: 'POST' });
      return batchContent(req, res, malformed);
    }
    if (method !== 'GET') return sendJson(res, 405, { message: 'Use GET.' }, { allow: 'GET' });
    if (pathname === '/api/v1/search') return list(res, url.searchParams, null, malformed);
    const schemeList = /^\/api\/v1\/([^/]+)$/.exec(pathname);
    if (schemeList && isScheme(schemeList[1])) return list(res, url.searchParams, schemeList[1], malformed);
    const detail = /^\/api\/v1\/([^/]+)\/([^/]+)$/.exec(pathname);
    if (detail && isScheme(detail[1])) return assetDetail(res, detail[1], decodeURIComponent(detail[2] ?? ''), malformed);
    sendJson(res, 404, { message: `There is no resource at ${pathname}.` });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://canto.invalid').pathname;
    return pathname.startsWith('/oauth/') ? handleOAuth(req, res) : handleApi(req, res);
  }

  function list(res: http.ServerResponse, params: URLSearchParams, pathScheme: Scheme | null, malformed: number): void {
    const query = readListQuery(params, pathScheme);
    if (!query.ok) return sendJson(res, 400, { errors: [{ message: query.message }] });
    const { start, limit, sortBy, descending, min, max, keyword, approval, scheme, tags } = query;
    const range = catalog.timeRange(min, max);
    const filtered = keyword !== '' || approval !== null || scheme !== null || tags.length > 0;
    let found: number;
    let page: Record<string, unknown>[];
    if (!filtered && sortBy === 'time') {
      // The sync's path at 100,000 assets: the page's assets only, straight from the time order.
      found = range.to - range.from;
      page = [];
      for (let k = start; k < Math.min(found, start + limit); k++) {
        page.push(catalog.asset(catalog.at(descending ? range.to - 1 - k : range.from + k)));
      }
    } else {
      const matches: number[] = [];
      for (let position = range.from; position < range.to; position++) {
        const index = catalog.at(position);
        if (scheme !== null || approval !== null) {
          const traits = catalog.traits(index);
          if (scheme !== null && traits.scheme !== scheme) continue;
          // Canto's filter is lower case while the JSON says "Approved": "Approved" as a filter matches nothing.
          if (approval !== null && traits.approval.toLowerCase() !== approval) continue;
        }
        if (keyword !== '' || tags.length > 0) {
          const asset = catalog.asset(index);
          if (keyword !== '' && !matchesKeyword(asset, keyword)) continue;
          if (tags.length > 0 && !tags.some((tag) => (asset.tag as string[]).includes(tag))) continue;
        }
        matches.push(index);
      }
      if (sortBy !== 'time') sortBySortKey(matches, sortBy);
      if (descending) matches.reverse();
      found = matches.length;
      page = matches.slice(start, start + limit).map((index) => catalog.asset(index));
    }
    const results = corrupt(page, malformed);
    sendJson(res, 200, {
      facets: [],
      ...(results.length > 0 ? { results } : {}),
      limit,
      found,
      sortBy,
      sortDirection: descending ? 'descending' : 'ascending',
    });
  }

  function sortBySortKey(indices: number[], sortBy: Exclude<SortKey, 'time'>): void {
    const keys = new Map<number, string | number>();
    for (const index of indices) {
      const asset = catalog.asset(index);
      const key =
        sortBy === 'size' ? Number(asset.size) : String(sortBy === 'owner' ? asset.ownerName : sortBy === 'name' ? asset.name : asset.scheme).toLowerCase();
      keys.set(index, key);
    }
    indices.sort((a, b) => {
      const ka = keys.get(a) as string | number;
      const kb = keys.get(b) as string | number;
      if (ka < kb) return -1;
      if (ka > kb) return 1;
      return catalog.timeOf(a) - catalog.timeOf(b) || a - b;
    });
  }

  function assetDetail(res: http.ServerResponse, scheme: Scheme, id: string, malformed: number): void {
    const index = catalog.indexOf(id);
    if (index === null || !catalog.isLive(index) || catalog.traits(index).scheme !== scheme) {
      return sendJson(res, 404, { message: `Content ${scheme}/${id} not found` });
    }
    const [asset] = corrupt([catalog.asset(index)], malformed);
    sendJson(res, 200, asset);
  }

  async function batchContent(req: http.IncomingMessage, res: http.ServerResponse, malformed: number): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return sendJson(res, 400, { errors: ['The body must be a JSON array of {"id", "scheme"}.'] });
    }
    if (!Array.isArray(body)) return sendJson(res, 400, { errors: ['The body must be a JSON array of {"id", "scheme"}.'] });
    if (body.length > MAX_BATCH) return sendJson(res, 400, { errors: [`At most ${MAX_BATCH} items per request, got ${body.length}.`] });
    const docResult: Record<string, unknown>[] = [];
    const failed: { id: string; scheme: string }[] = [];
    for (const item of body) {
      const { id, scheme } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; scheme?: unknown };
      if (typeof id !== 'string' || typeof scheme !== 'string') {
        return sendJson(res, 400, { errors: ['Every item needs a string "id" and "scheme".'] });
      }
      const index = catalog.indexOf(id);
      if (index !== null && catalog.isLive(index) && catalog.traits(index).scheme === scheme) docResult.push(catalog.asset(index));
      else failed.push({ id, scheme });
    }
    sendJson(res, 200, { docResult: corrupt(docResult, malformed), failed });
  }

  function webAppPage(res: http.ServerResponse, url: URL): void {
    const id = url.searchParams.get('id') ?? '';
    const index = catalog.indexOf(id);
    const asset = index !== null && catalog.isLive(index) ? catalog.asset(index) : null;
    const title = asset ? escapeHtml(String(asset.name)) : 'Asset not found';
    const details = asset
      ? `<p>${escapeHtml(String(asset.scheme))} · ${escapeHtml(String(asset.approvalStatus))} · owner ${escapeHtml(String(asset.ownerName))}</p>`
      : `<p>No asset with id ${escapeHtml(id)}.</p>`;
    res.writeHead(asset ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>${title} · Canto (simulated)</title></head><body><h1>${title}</h1>${details}</body></html>`);
  }

  async function sendWebhook(delivery: CantoWebhookDelivery): Promise<{ status: number; body: Record<string, string> }> {
    const index = catalog.indexOf(delivery.id);
    const asset = index !== null && catalog.isLive(index) ? catalog.asset(index) : null;
    const albums = (asset?.relatedAlbums as { id: string }[] | undefined) ?? [];
    const body = {
      secure_token: delivery.secureToken ?? webhookToken,
      scheme: delivery.scheme ?? (asset ? String(asset.scheme) : ''),
      album: albums[0]?.id ?? '',
      displayname: asset ? String(asset.name) : '',
      id: delivery.id,
    };
    const response = await fetch(delivery.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.body?.cancel().catch(() => undefined);
    webhooksSent += 1;
    return { status: response.status, body };
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const readJsonBody = async (): Promise<Record<string, unknown>> => {
      const text = (await readBody(req)).toString('utf8');
      const value: unknown = text.trim() === '' ? {} : JSON.parse(text);
      if (typeof value !== 'object' || value === null) throw new Error('The body must be a JSON object.');
      return value as Record<string, unknown>;
    };
    try {
      if (path === '/stats' && method === 'GET') return sendJson(res, 200, stats());
      if (path === '/faults' && method === 'GET') return sendJson(res, 200, { faults: faults.list() });
      if (path === '/faults' && method === 'POST') {
        const text = (await readBody(req)).toString('utf8');
        const body: unknown = JSON.parse(text || '[]');
        const spec = typeof body === 'object' && body !== null && !Array.isArray(body) && 'faults' in body ? body.faults : body;
        if (typeof spec !== 'string' && !Array.isArray(spec)) throw new Error('Send a list of fault rules, a fault string, or {"faults": ...}.');
        faults.set(parseFaults(spec as string | FaultRule[]));
        return sendJson(res, 200, { faults: faults.list() });
      }
      if (path === '/latency' && method === 'POST') {
        const { ms } = await readJsonBody();
        if (typeof ms !== 'number' || !(ms >= 0 && ms <= 60_000)) throw new Error('latency: send {"ms": 0..60000}.');
        latencyMs = ms;
        return sendJson(res, 200, { latencyMs });
      }
      if (path === '/scale' && method === 'POST') {
        const { assets } = await readJsonBody();
        setScale(Number(assets));
        return sendJson(res, 200, { scale, assets: catalog.liveCount });
      }
      if (path === '/reset' && method === 'POST') {
        reset();
        return sendJson(res, 200, { reset: true });
      }
      if (path === '/tokens/expire' && method === 'POST') {
        tokens.expireAll();
        return sendJson(res, 200, { expired: true });
      }
      if (path === '/webhook' && method === 'POST') {
        const body = await readJsonBody();
        if (typeof body.url !== 'string' || typeof body.id !== 'string') throw new Error('webhook: send {"url", "id", "scheme"?, "secureToken"?}.');
        const target = new URL(body.url);
        if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('webhook: url must be http(s).');
        const sent = await sendWebhook({
          url: target.href,
          id: body.id,
          ...(typeof body.scheme === 'string' ? { scheme: body.scheme } : {}),
          ...(typeof body.secureToken === 'string' ? { secureToken: body.secureToken } : {}),
        });
        return sendJson(res, 200, { delivered: sent.status, body: { ...sent.body, secure_token: '***' } });
      }
      if (path === '/assets' && method === 'GET') {
        const start = Number(url.searchParams.get('start') ?? 0);
        const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 100));
        const assets = [];
        for (let position = start; position < Math.min(catalog.liveCount, start + limit); position++) {
          const asset = catalog.asset(catalog.at(position));
          assets.push({ id: asset.id, scheme: asset.scheme, name: asset.name, time: asset.time });
        }
        return sendJson(res, 200, { total: catalog.liveCount, assets });
      }
      const one = /^\/assets\/([^/]+)$/.exec(path);
      if (one) {
        const id = decodeURIComponent(one[1] ?? '');
        if (method === 'GET') {
          const asset = simulator.asset(id);
          return asset ? sendJson(res, 200, asset) : sendJson(res, 404, { message: `asset ${id} does not exist` });
        }
        if (method === 'POST') return sendJson(res, 200, simulator.modify(id, (await readJsonBody()) as AssetChange));
        if (method === 'DELETE') {
          simulator.remove(id);
          return sendJson(res, 200, { deleted: id });
        }
      }
      sendJson(res, 404, { message: `No simulator admin endpoint at ${method} ${ADMIN}${path}.` });
    } catch (error) {
      sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  const simulator: CantoSimulator = {
    handle,
    handleApi,
    handleOAuth,
    appId,
    appSecret,
    webhookToken,
    catalog: () => catalog,
    idAt: (position) => {
      if (!(position >= 0 && position < catalog.liveCount)) throw new Error(`no asset at position ${position}`);
      return catalog.idOf(catalog.at(position));
    },
    asset: (id) => {
      const index = catalog.indexOf(id);
      return index !== null && catalog.isLive(index) ? catalog.asset(index) : null;
    },
    modify: (id, change = {}) => {
      const index = requireIndex(id);
      catalog.modify(index, change, now().getTime());
      return catalog.asset(index);
    },
    remove: (id) => catalog.remove(requireIndex(id)),
    setFaults: (spec) => faults.set(parseFaults(spec)),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setScale,
    expireTokens: () => tokens.expireAll(),
    sendWebhook,
    stats,
    reset,
  };
  return simulator;
}

type ListQuery =
  | {
      ok: true;
      start: number;
      limit: number;
      sortBy: SortKey;
      descending: boolean;
      min: number | null;
      max: number | null;
      keyword: string;
      approval: string | null;
      scheme: Scheme | null;
      tags: string[];
    }
  | { ok: false; message: string };

function readListQuery(params: URLSearchParams, pathScheme: Scheme | null): ListQuery {
  const whole = (name: string, fallback: number): number | null => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    return /^\d+$/.test(raw) ? Number(raw) : null;
  };
  const start = whole('start', 0);
  if (start === null) return { ok: false, message: `start must be a whole number, got "${params.get('start')}"` };
  const limit = whole('limit', DEFAULT_LIMIT);
  if (limit === null || limit < 1) return { ok: false, message: `limit must be a whole number of at least 1, got "${params.get('limit')}"` };
  const sortBy = params.get('sortBy') || 'time';
  if (!(SORT_KEYS as readonly string[]).includes(sortBy)) return { ok: false, message: `sortBy must be one of ${SORT_KEYS.join(', ')}` };
  const direction = params.get('sortDirection') || 'descending';
  if (direction !== 'ascending' && direction !== 'descending') return { ok: false, message: 'sortDirection must be ascending or descending' };
  let min: number | null = null;
  let max: number | null = null;
  const range = params.get('lastModified');
  if (range) {
    const match = /^(\d{17})?\.\.(\d{17})?$/.exec(range);
    min = match?.[1] ? readCantoDate(match[1]) : null;
    max = match?.[2] ? readCantoDate(match[2]) : null;
    if (!match || (match[1] && min === null) || (match[2] && max === null)) {
      return { ok: false, message: `lastModified must be min..max with yyyyMMddHHmmssSSS dates, got "${range}"` };
    }
  }
  const schemeParam = params.get('scheme');
  if (schemeParam && !isScheme(schemeParam)) return { ok: false, message: `scheme must be one of ${SCHEMES.join(', ')}` };
  const approval = params.get('approval');
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return {
    ok: true,
    start,
    // Larger pages are cut to the most Canto serves, and the envelope says so.
    limit: Math.min(limit, MAX_LIMIT),
    sortBy: sortBy as SortKey,
    descending: direction === 'descending',
    min,
    max,
    keyword: (params.get('keyword') ?? '').trim().toLowerCase(),
    approval: approval ? approval : null,
    scheme: pathScheme ?? (schemeParam ? (schemeParam as Scheme) : null),
    tags,
  };
}

function isScheme(value: string | undefined): value is Scheme {
  return (SCHEMES as readonly string[]).includes(value ?? '');
}

function matchesKeyword(asset: Record<string, unknown>, keyword: string): boolean {
  const words = [asset.name, asset.description, ...(asset.tag as string[]), ...(asset.keyword as string[])];
  return words.some((word) => typeof word === 'string' && word.toLowerCase().includes(keyword));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface RunningCantoSimulator {
  /** Both hosts on one origin: use it as CANTO_BASE_URL and CANTO_OAUTH_URL. */
  url: string;
  sim: CantoSimulator;
  close(): Promise<void>;
}

/** Serves a simulator on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startCantoSimulator(options: CantoSimulatorOptions & { port?: number } = {}): Promise<RunningCantoSimulator> {
  const sim = createCantoSimulator(options);
  const served = await serveOnLoopback((req, res) => sim.handle(req, res), (res, message) => sendJson(res, 500, { message }), options.port);
  return { url: served.url, sim, close: served.close };
}
