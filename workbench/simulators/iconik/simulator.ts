/**
 * A simulator of the iconik API (facts: /work/shared/reference/dam-apis.md) as a plain node:http handler, mounted by
 * the workbench at /sim/iconik (`<origin>/sim/iconik/API/assets/v1/...`) or served alone (standalone.ts).
 *
 * Faithful where the app depends on it: App-ID + Auth-Token headers (401 {"errors":["Token is invalid"]}), paths that
 * end with "/" (a path without it is redirected with 308 like Flask/Werkzeug does, or answers 404: `missingSlash`), the
 * objects/page/pages envelope with 404 "Requested page does not exist" past the last page, search with a date_modified
 * range and `search_after`, approvals (404 when none was requested), jobs with steps, history, users, storages (one
 * FAILING), metadata views (404 = no values), webhooks, and the per-token rate limit (rateLimit.ts).
 *
 * Seeded and compact (catalog.ts): 100,000 assets cost a few MB. Switches: scale, latency, faults (the governance
 * simulator's rules: 5xx, malformed items, "expire" = token invalid, slow, hang), rate limit with or without
 * Retry-After. Admin API under /__admin/ (never rate limited, faulted or counted): admin.ts. Routes: routes.ts.
 */
import http from 'node:http';
import { serveOnLoopback } from '../loopback';
import { readBody, sendJson } from '../../http';
import { FaultPlan, parseFaults, type FaultRule } from '../governance/faults';
import { createRandom } from '../governance/random';
import { handleAdmin } from './admin';
import { IconikCatalog, iconikTime, type SimField } from './catalog';
import { DEFAULT_RATE_LIMIT, PeakRate, RateLimiter, type RateLimitSettings } from './rateLimit';
import { assetJson, jobJson, systemDomainId, viewId } from './resources';
import { BadRequest, createRoutes, matchRoute, NotFound, type Reply } from './routes';

export type { FaultRule } from '../governance/faults';
export type { RateLimitSettings } from './rateLimit';

export interface IconikSimulatorOptions {
  seed?: number;
  /** How many assets (default 200; up to 100,000 and more). */
  assets?: number;
  appId?: string;
  authToken?: string;
  /** More valid application tokens; each has its own rate-limit allowance. */
  extraTokens?: string[];
  latencyMs?: number;
  faults?: string | FaultRule[];
  rateLimit?: Partial<RateLimitSettings>;
  /** What a path without its trailing slash gets: 308 to the slash path (default, like Flask) or 404. */
  missingSlash?: 'redirect' | 'not-found';
  /** Whether search may sort on `id` (a tiebreaker; UNCONFIRMED for real iconik). Default true. */
  sortById?: boolean;
  now?: () => Date;
  /** Where deliveries go by default, and what the webhook list shows (lazy: the workbench's URL is known late). */
  webhookUrl?: () => string;
  webhookHeader?: string;
  webhookSecret?: string;
}

export interface IconikSimulatorStats {
  /** API requests (admin calls and web pages not counted), 429s included. */
  requests: number;
  byRoute: Record<string, number>;
  /** Answers by HTTP status, e.g. {"200": 120, "404": 3, "429": 1}. */
  byStatus: Record<string, number>;
  served429: number;
  unauthorized: number;
  /** Requests whose path lacked the trailing slash (a client bug). */
  missingSlash: number;
  /** The most requests seen within one second (sliding). */
  peakPerSecond: number;
  webhooksSent: number;
}

export interface AssetPatch {
  title?: string;
  fields?: Partial<Record<SimField, string | null>>;
  /** An approval status to set, or null to withdraw the request (404 again). */
  approval?: string | null;
}

export interface WebhookDeliveryInput {
  objectId: string;
  url?: string;
  eventType?: string;
  realm?: string;
  operation?: string;
  requestId?: string;
  data?: unknown;
  /** The secret header's value; null sends no secret header; default the configured secret. */
  secret?: string | null;
}

export interface WebhookDeliveryResult {
  url: string;
  status: number;
  body: string;
  delivery: Record<string, unknown>;
}

export interface IconikSimulator {
  /** `req.url` relative to the simulator's root: "/API/...", "/__admin/...", "/asset/<id>". */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  readonly appId: string;
  readonly authToken: string;
  readonly webhookHeader: string;
  readonly webhookSecret: string;
  catalog(): IconikCatalog;
  /** The id of the asset at a seeded index (0 .. scale-1). */
  assetId(index: number): string;
  /** The metadata view whose values hold the mapped fields. */
  marketingViewId(): string;
  settings(): { assets: number; latencyMs: number; faults: FaultRule[]; rateLimit: RateLimitSettings; sortById: boolean };
  setFaults(faults: string | FaultRule[]): void;
  setLatency(ms: number): void;
  setScale(assets: number): void;
  setRateLimit(settings: Partial<RateLimitSettings>): RateLimitSettings;
  setSortById(allowed: boolean): void;
  modifyAsset(id: string, patch: AssetPatch): Record<string, unknown> | null;
  deleteAsset(id: string, options?: { purge?: boolean }): boolean;
  failJob(assetId: string, options?: { type?: string; error?: string }): Record<string, unknown> | null;
  deliverWebhook(input: WebhookDeliveryInput): Promise<WebhookDeliveryResult>;
  stats(): IconikSimulatorStats;
  /** Everything as started: scale, data, faults, latency, rate limit; stats zeroed. */
  reset(): void;
}

export const DEFAULT_ICONIK_SIMULATOR = {
  appId: '6f1c5a9e-0b7d-4c2e-9a53-2d8e7f1b4c60',
  authToken: 'sim-iconik-token',
  webhookHeader: 'x-iconik-webhook-secret',
  webhookSecret: 'sim-iconik-webhook-secret',
};

export function createIconikSimulator(options: IconikSimulatorOptions = {}): IconikSimulator {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const appId = options.appId ?? DEFAULT_ICONIK_SIMULATOR.appId;
  const authToken = options.authToken ?? DEFAULT_ICONIK_SIMULATOR.authToken;
  const tokens = new Set([authToken, ...(options.extraTokens ?? [])]);
  const webhookHeader = (options.webhookHeader ?? DEFAULT_ICONIK_SIMULATOR.webhookHeader).toLowerCase();
  const webhookSecret = options.webhookSecret ?? DEFAULT_ICONIK_SIMULATOR.webhookSecret;
  const initialFaults = parseFaults(options.faults);
  const initialRateLimit: RateLimitSettings = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  // A stream apart from the data's, so drawing faults or request ids never changes the seeded data.
  const random = createRandom((seed ^ 0x2545f491) >>> 0);
  const faults = new FaultPlan(initialFaults, random.next);
  const limiter = new RateLimiter({ ...initialRateLimit });
  const peak = new PeakRate();

  let scale = options.assets ?? 200;
  let catalog = new IconikCatalog({ seed, assets: scale, now: now().getTime() });
  let latencyMs = options.latencyMs ?? 0;
  let sortById = options.sortById ?? true;
  let stats = zeroStats();

  function zeroStats(): IconikSimulatorStats {
    return { requests: 0, byRoute: {}, byStatus: {}, served429: 0, unauthorized: 0, missingSlash: 0, peakPerSecond: 0, webhooksSent: 0 };
  }

  const webhookTarget = () => options.webhookUrl?.() ?? 'https://hub.example.com/webtrigger/iconik-webhook';
  const routes = createRoutes({
    catalog: () => catalog,
    sortById: () => sortById,
    webhook: () => ({ url: webhookTarget(), header: webhookHeader, secret: webhookSecret }),
  });


  function corruptObjects(body: unknown, field: string, count: number): unknown {
    if (!isRecord(body) || !Array.isArray(body.objects)) return body;
    const victims = new Set(random.sample(body.objects.map((_, index) => index), count));
    return { ...body, objects: body.objects.map((object, index) => (victims.has(index) && isRecord(object) ? { ...object, [field]: 42 } : object)) };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://iconik.invalid');
    const { pathname } = url;
    const method = (req.method ?? 'GET').toUpperCase();
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) return handleAdmin(sim, req, res, url);
    if (method === 'GET' && pathname.startsWith('/asset/')) return webPage(res, decodeURIComponent(pathname.slice('/asset/'.length)));

    const at = now().getTime();
    const counted = stats;
    res.once('finish', () => {
      counted.byStatus[res.statusCode] = (counted.byStatus[res.statusCode] ?? 0) + 1;
    });
    stats.requests += 1;
    peak.record(at);
    const token = headerOf(req, 'auth-token');
    const limits: http.OutgoingHttpHeaders = {};
    if (limiter.settings.enabled) {
      const decision = limiter.check(token ?? '', at);
      if (!decision.allowed) {
        stats.served429 += 1;
        const retryAfter = limiter.settings.retryAfter ? { 'retry-after': String(Math.max(1, Math.ceil(decision.retryInMs / 1000))) } : {};
        return sendErrors(res, 429, ['Too many requests. Slow down.'], { 'ratelimit-remaining': '0', ...retryAfter });
      }
      limits['ratelimit-remaining'] = String(decision.remaining);
    }

    const fault = faults.decide(method, pathname);
    const delay = latencyMs + fault.delayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault.answer) return answerFault(fault.answer, res, limits);

    const matched = matchRoute(routes, method, pathname);
    if (matched === null || matched === 'wrong-method') {
      if (!pathname.endsWith('/') && matchRoute(routes, method, `${pathname}/`) !== null) {
        stats.missingSlash += 1;
        if ((options.missingSlash ?? 'redirect') === 'redirect') {
          res.writeHead(308, { location: `${pathname}/${url.search}`, ...limits });
          return void res.end();
        }
      }
      if (matched === 'wrong-method') return sendErrors(res, 405, ['Method not allowed'], limits);
      return sendErrors(res, 404, ['Not found'], limits);
    }
    if (headerOf(req, 'app-id') !== appId || token === undefined || !tokens.has(token)) {
      stats.unauthorized += 1;
      return sendErrors(res, 401, ['Token is invalid'], limits);
    }
    stats.byRoute[matched.route.name] = (stats.byRoute[matched.route.name] ?? 0) + 1;

    let reply: Reply;
    try {
      reply = await matched.route.handle({
        url,
        req,
        params: matched.params,
        body: async () => {
          const text = (await readBody(req)).toString('utf8');
          try {
            return text === '' ? {} : (JSON.parse(text) as unknown);
          } catch {
            throw new BadRequest(['The request body is not valid JSON']);
          }
        },
      });
    } catch (error) {
      if (error instanceof NotFound) return sendErrors(res, 404, [error.message], limits);
      if (error instanceof BadRequest) return sendJson(res, 400, { errors: error.errors }, limits);
      throw error;
    }
    const body = fault.malformedItems > 0 && reply.corrupt ? corruptObjects(reply.body, reply.corrupt, fault.malformedItems) : reply.body;
    sendJson(res, reply.status, body, { ...limits, ...reply.headers });
  }

  async function answerFault(rule: FaultRule, res: http.ServerResponse, limits: http.OutgoingHttpHeaders): Promise<void> {
    if (rule.hang) {
      await new Promise<void>((resolve) => res.once('close', () => resolve()));
      return;
    }
    // iconik's application tokens do not expire on their own; "expire" plays a revoked or mistyped token.
    if (rule.expireTokens) return sendErrors(res, 401, ['Token is invalid'], limits);
    const status = rule.status ?? 500;
    const headers: http.OutgoingHttpHeaders = { ...limits, ...(rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) }) };
    if (rule.body !== undefined) {
      res.writeHead(status, { 'content-type': rule.contentType ?? 'text/html; charset=utf-8', ...headers });
      return void res.end(rule.body);
    }
    sendErrors(res, status, [`Simulated fault: ${http.STATUS_CODES[status] ?? 'error'}`], headers);
  }

  function webPage(res: http.ServerResponse, id: string): void {
    const index = catalog.assetIndex(id);
    const title = index === null ? 'Asset not found' : catalog.title(index);
    res.writeHead(index === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${escapeHtml(title)} - iconik simulator</title><h1>${escapeHtml(title)}</h1><p>iconik simulator asset ${escapeHtml(id)}</p>`);
  }

  const sim: IconikSimulator = {
    handle,
    appId,
    authToken,
    webhookHeader,
    webhookSecret,
    catalog: () => catalog,
    assetId: (index) => catalog.assetId(index),
    marketingViewId: () => viewId(catalog, 0),
    settings: () => ({ assets: scale, latencyMs, faults: faults.list(), rateLimit: { ...limiter.settings }, sortById }),
    setFaults: (spec) => faults.set(parseFaults(spec)),
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setScale: (assets) => {
      if (!(Number.isInteger(assets) && assets >= 0 && assets <= 1_000_000)) throw new Error(`assets must be a whole number from 0 to 1,000,000, got ${assets}`);
      scale = assets;
      catalog = new IconikCatalog({ seed, assets, now: now().getTime() });
    },
    setRateLimit: (settings) => {
      const next = { ...limiter.settings, ...settings };
      for (const key of ['windowMs', 'windowLimit', 'perSecond'] as const) {
        if (!(typeof next[key] === 'number' && next[key] > 0)) throw new Error(`${key} must be a positive number`);
      }
      limiter.settings = next;
      limiter.reset();
      return next;
    },
    setSortById: (allowed) => {
      sortById = allowed;
    },
    modifyAsset: (id, patch) => {
      const index = catalog.assetIndex(id);
      if (index === null) return null;
      catalog.modify(index, Math.max(now().getTime(), catalog.modifiedAt(index) + 1), patch);
      return assetJson(catalog, index, { sort: null });
    },
    deleteAsset: (id, { purge = false } = {}) => {
      const index = catalog.assetIndex(id);
      if (index === null) return false;
      catalog.delete(index, now().getTime(), purge);
      return true;
    },
    failJob: (assetId, { type = 'TRANSCODE', error = 'ffmpeg exited with code 1: Invalid data found when processing input' } = {}) => {
      const index = catalog.assetIndex(assetId);
      if (index === null) return null;
      return jobJson(catalog, catalog.failJob(index, now().getTime(), type, error));
    },
    async deliverWebhook(input) {
      const url = input.url ?? webhookTarget();
      const index = catalog.assetIndex(input.objectId);
      const operation = input.operation ?? 'update';
      const delivery = {
        system_domain_id: systemDomainId(catalog),
        object_id: input.objectId,
        user_id: catalog.userId(1),
        realm: input.realm ?? 'entity',
        operation,
        event_type: input.eventType ?? 'assets',
        request_id: input.requestId ?? random.hex(32),
        data:
          input.data !== undefined
            ? input.data
            : index === null
              ? { id: input.objectId }
              : { id: input.objectId, title: catalog.title(index), status: catalog.isDeleted(index) ? 'DELETED' : 'ACTIVE', date_modified: iconikTime(catalog.modifiedAt(index)) },
      };
      const secret = input.secret === undefined ? webhookSecret : input.secret;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'iconik-webhooks (simulator)', ...(secret === null ? {} : { [webhookHeader]: secret }) },
        body: JSON.stringify(delivery),
      });
      stats.webhooksSent += 1;
      return { url, status: response.status, body: await response.text(), delivery };
    },
    stats: () => ({ ...stats, byRoute: { ...stats.byRoute }, byStatus: { ...stats.byStatus }, peakPerSecond: peak.peak }),
    reset: () => {
      scale = options.assets ?? 200;
      catalog = new IconikCatalog({ seed, assets: scale, now: now().getTime() });
      faults.set(initialFaults);
      latencyMs = options.latencyMs ?? 0;
      sortById = options.sortById ?? true;
      limiter.settings = { ...initialRateLimit };
      limiter.reset();
      peak.reset();
      stats = zeroStats();
    },
  };
  return sim;
}

function sendErrors(res: http.ServerResponse, status: number, errors: string[], headers: http.OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { errors }, headers);
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface RunningIconikSimulator {
  url: string;
  sim: IconikSimulator;
  close(): Promise<void>;
}

/** Serves a simulator on 127.0.0.1 (an ephemeral port unless `port` is given). Its base URL is the server root. */
export async function startIconikSimulator(options: IconikSimulatorOptions & { port?: number } = {}): Promise<RunningIconikSimulator> {
  const sim = createIconikSimulator(options);
  const served = await serveOnLoopback((req, res) => sim.handle(req, res), (res, message) => sendErrors(res, 500, [`Simulator error: ${message}`]), options.port);
  return { url: served.url, sim, close: served.close };
}

