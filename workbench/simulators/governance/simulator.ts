/**
 * A simulator of the governance backend contract (docs/governance-openapi.yaml) as a plain node:http handler:
 * OAuth2 client credentials, the /v1 list resources with cursor paging and filters, problem+json errors, and
 * fault injection (see faults.ts). Seeded: the same seed and clock give the same data, tokens and fault draws.
 *
 * Control endpoints (never faulted, never counted, no auth):
 *   GET  /__sim/stats    {requests, byPath, tokensIssued}
 *   GET  /__sim/faults   the active rules
 *   POST /__sim/faults   JSON body: a rule list, a fault string, or {"faults": ...}; [] clears
 *   POST /__sim/reset    seeded data, the initial faults and zeroed stats again
 */
import http from 'node:http';
import { serveOnLoopback } from '../loopback';
import { readBody, sendJson } from '../../http';
import { TokenIssuer } from './auth';
import { FaultPlan, parseFaults, type FaultRule } from './faults';
import { pageOf, readPaging } from './paging';
import { sendProblem } from './problem';
import { createRandom } from './random';
import { RESOURCE_ROUTES, type ListQuery } from './resources';
import { seedData, type SimulatorData } from './seed';

export type { FaultRule } from './faults';
export type { SimulatorData } from './seed';

export interface GovernanceSimulatorOptions {
  clientId?: string;
  clientSecret?: string;
  /** Added to every answer, in milliseconds. */
  latencyMs?: number;
  faults?: string | FaultRule[];
  seed?: number;
  now?: () => Date;
  tokenTtlSeconds?: number;
}

export interface SimulatorStats {
  requests: number;
  byPath: Record<string, number>;
  tokensIssued: number;
}

export interface GovernanceSimulator {
  /** `req.url` is relative to the simulator's root: "/oauth2/token", "/v1/environments?...", "/__sim/...". */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** The seeded data, live: change it and the next answer shows it. */
  data: SimulatorData;
  setFaults(faults: string | FaultRule[]): void;
  setLatency(ms: number): void;
  stats(): SimulatorStats;
  /** Seeded data, the initial faults and zeroed stats again; issued tokens stay valid. */
  reset(): void;
  clientId: string;
  clientSecret: string;
}

export const DEFAULT_SIMULATOR_CLIENT = { clientId: 'sim-client', clientSecret: 'sim-secret' };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function createGovernanceSimulator(options: GovernanceSimulatorOptions = {}): GovernanceSimulator {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const clientId = options.clientId ?? DEFAULT_SIMULATOR_CLIENT.clientId;
  const clientSecret = options.clientSecret ?? DEFAULT_SIMULATOR_CLIENT.clientSecret;
  const initialFaults = parseFaults(options.faults);
  // A stream apart from the data's, so drawing tokens or faults never changes the seeded data.
  const random = createRandom((seed ^ 0x9e3779b9) >>> 0);
  const faults = new FaultPlan(initialFaults, random.next);
  const tokens = new TokenIssuer({ clientId, clientSecret, ttlSeconds: options.tokenTtlSeconds ?? 3600, now, random });
  const data = seedData(seed, now());
  let latencyMs = options.latencyMs ?? 0;
  let requests = 0;
  let byPath: Record<string, number> = {};
  let tokensIssuedBefore = 0;

  const stats = (): SimulatorStats => ({ requests, byPath: { ...byPath }, tokensIssued: tokens.issued - tokensIssuedBefore });

  function reset(): void {
    Object.assign(data, seedData(seed, now()));
    faults.set(initialFaults);
    requests = 0;
    byPath = {};
    tokensIssuedBefore = tokens.issued;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const pathname = url.pathname.replace(/(.)\/+$/, '$1');
    const method = req.method ?? 'GET';
    if (pathname.startsWith('/__sim/')) return control(req, res, pathname);

    requests += 1;
    byPath[pathname] = (byPath[pathname] ?? 0) + 1;
    const decision = faults.decide(method, pathname);
    const delay = latencyMs + decision.delayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (decision.answer) return answerFault(decision.answer, req, res, pathname);

    if (pathname === '/oauth2/token') return tokens.issue(req, res, (await readBody(req)).toString('utf8'));
    const route = RESOURCE_ROUTES[pathname];
    if (!route) return sendProblem(res, 404, { type: 'not-found', title: 'Not found', detail: `There is no resource at ${pathname}.` });
    if (method !== 'GET') {
      return sendProblem(res, 405, { type: 'method-not-allowed', title: 'Method not allowed', detail: `${pathname} only answers GET.` }, { allow: 'GET' });
    }
    const refusal = tokens.refusal(req.headers.authorization);
    if (refusal) return unauthorized(res, refusal);

    const query = readListQuery(url.searchParams);
    if (!query.ok) return invalidParameter(res, query.parameter, query.detail);
    if (route.perSolution && query.value.solutionId === null) {
      return invalidParameter(res, 'solutionId', `${pathname} lists one solution at a time: solutionId is required.`);
    }
    const filterKey = `${pathname}?${route.filters.map((name) => `${name}=${query.value[name] ?? ''}`).join('&')}`;
    const paging = readPaging(url.searchParams, filterKey);
    if (!paging.ok) return invalidParameter(res, paging.parameter, paging.detail);

    const solutions = new Map(data.environments.map((environment) => [environment.id, environment.solutionId]));
    const selected = route.select(data, query.value, (environmentId) => solutions.get(environmentId));
    const page = pageOf(selected, paging, filterKey);
    const items = decision.malformedItems > 0 ? corrupt(page.items, decision.malformedItems) : page.items;
    sendJson(res, 200, { items, nextCursor: page.nextCursor });
  }

  function corrupt(items: unknown[], count: number): unknown[] {
    const victims = new Set(random.sample(items.map((_, index) => index), count));
    return items.map((item, index) => {
      if (!victims.has(index) || typeof item !== 'object' || item === null) return item;
      // The second field: never the id (so the client can say which item was bad), always a required one.
      const [, field] = Object.keys(item);
      return field === undefined ? 42 : { ...item, [field]: 42 };
    });
  }

  async function answerFault(rule: FaultRule, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (rule.hang) {
      await new Promise<void>((resolve) => res.once('close', () => resolve()));
      return;
    }
    if (rule.expireTokens) {
      tokens.revokeAll();
      return unauthorized(res, 'The access token has expired.');
    }
    const status = rule.status ?? 500;
    const headers: http.OutgoingHttpHeaders = rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
    if (rule.body !== undefined) {
      res.writeHead(status, { 'content-type': rule.contentType ?? 'text/html; charset=utf-8', ...headers });
      return void res.end(rule.body);
    }
    const title = http.STATUS_CODES[status] ?? 'Error';
    const oauthError = pathname === '/oauth2/token' && status === 401 ? { error: 'invalid_client' } : {};
    sendProblem(res, status, { type: 'simulated-fault', title, detail: `Simulated fault on ${req.method ?? 'GET'} ${pathname}.`, ...oauthError }, headers);
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/__sim/stats' && req.method === 'GET') return sendJson(res, 200, stats());
    if (pathname === '/__sim/faults' && req.method === 'GET') return sendJson(res, 200, { faults: faults.list() });
    if (pathname === '/__sim/faults' && req.method === 'POST') {
      try {
        const body: unknown = JSON.parse((await readBody(req)).toString('utf8') || '[]');
        const spec = typeof body === 'object' && body !== null && !Array.isArray(body) && 'faults' in body ? body.faults : body;
        if (typeof spec !== 'string' && !Array.isArray(spec)) throw new Error('Send a list of fault rules, a fault string, or {"faults": ...}.');
        faults.set(parseFaults(spec as string | FaultRule[]));
      } catch (error) {
        return sendProblem(res, 400, { type: 'invalid-faults', title: 'Invalid fault rules', detail: error instanceof Error ? error.message : String(error) });
      }
      return sendJson(res, 200, { faults: faults.list() });
    }
    if (pathname === '/__sim/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { reset: true });
    }
    sendProblem(res, 404, { type: 'not-found', title: 'Not found', detail: `No simulator control at ${req.method} ${pathname}.` });
  }

  return {
    handle,
    data,
    setFaults: (spec) => faults.set(parseFaults(spec)),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    stats,
    reset,
    clientId,
    clientSecret,
  };
}

type QueryReading = { ok: true; value: ListQuery } | { ok: false; parameter: string; detail: string };

function readListQuery(params: URLSearchParams): QueryReading {
  const text = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  const since = text('since');
  if (since !== null && !(ISO_TIME.test(since) && !Number.isNaN(Date.parse(since)))) {
    return { ok: false, parameter: 'since', detail: `since must be an ISO 8601 time such as 2026-11-22T10:15:00Z, got "${since}".` };
  }
  return {
    ok: true,
    value: {
      solutionId: text('solutionId'),
      environmentId: text('environmentId'),
      since: since === null ? null : Date.parse(since),
      state: text('state'),
    },
  };
}

function invalidParameter(res: http.ServerResponse, parameter: string, detail: string): void {
  sendProblem(res, 400, { type: 'invalid-parameter', title: `Invalid query parameter: ${parameter}`, detail, parameter });
}

function unauthorized(res: http.ServerResponse, detail: string): void {
  sendProblem(res, 401, { type: 'unauthorized', title: 'Unauthorized', detail }, { 'www-authenticate': 'Bearer realm="governance", error="invalid_token"' });
}

export interface RunningGovernanceSimulator {
  url: string;
  sim: GovernanceSimulator;
  close(): Promise<void>;
}

/** Serves a simulator on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startGovernanceSimulator(options: GovernanceSimulatorOptions & { port?: number } = {}): Promise<RunningGovernanceSimulator> {
  const sim = createGovernanceSimulator(options);
  const served = await serveOnLoopback((req, res) => sim.handle(req, res), (res, message) => sendProblem(res, 500, { type: 'simulator-error', title: 'Simulator error', detail: message }), options.port);
  return { url: served.url, sim, close: served.close };
}
