/**
 * The iconik simulator's admin API, under /__admin/ (no auth; never rate limited, faulted or counted):
 *
 *   GET  /__admin/stats                       requests, by route and status, 429s served, peak requests per second
 *   GET  /__admin/settings                    scale, latency, faults, rate limit, sort-by-id
 *   POST /__admin/reset                       everything as started
 *   GET|POST /__admin/faults                  e.g. "503:0.1,malformed@/API/search:1,expire@/API/assets" or a rule list
 *   POST /__admin/latency      {"ms": 25}
 *   POST /__admin/scale        {"assets": 100000}
 *   GET|POST /__admin/rate-limit {"enabled", "windowMs", "windowLimit", "perSecond", "retryAfter"}
 *   POST /__admin/sort-by-id   {"allowed": false}  search refuses to sort on id (the UNCONFIRMED tiebreaker)
 *   GET  /__admin/assets?from=0&count=10      ids of seeded assets, and the metadata view id
 *   POST /__admin/assets/<id>/modify {"title", "fields": {"campaign": ...}, "approval": "APPROVED"|null}
 *   POST /__admin/assets/<id>/delete {"purge": false}   status DELETED (or gone: 404 everywhere)
 *   POST /__admin/jobs/fail    {"assetId", "type": "TRANSFER", "error"}
 *   POST /__admin/webhook      {"assetId", "url"?, "operation"?, "realm"?, "eventType"?, "requestId"?, "secret"?: null}
 */
import type http from 'node:http';
import { readBody, sendJson } from '../../http';
import type { FaultRule } from '../governance/faults';
import { iconikTime, SIM_FIELDS } from './catalog';
import type { RateLimitSettings } from './rateLimit';
import { viewId } from './resources';
import type { AssetPatch, IconikSimulator } from './simulator';

export async function handleAdmin(sim: IconikSimulator, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '');
  const method = (req.method ?? 'GET').toUpperCase();
  let input: Record<string, unknown> = {};
  if (method === 'POST') {
    const text = (await readBody(req)).toString('utf8');
    try {
      const parsed: unknown = text === '' ? {} : JSON.parse(text);
      input = isRecord(parsed) ? parsed : { value: parsed };
    } catch {
      return sendJson(res, 400, { errors: ['The request body is not valid JSON'] });
    }
  }
  try {
    const answer = await adminAction(sim, method, path, url, input);
    if (answer === undefined) return sendJson(res, 404, { errors: [`No simulator admin action at ${method} ${path}`] });
    sendJson(res, 200, answer);
  } catch (error) {
    sendJson(res, 400, { errors: [error instanceof Error ? error.message : String(error)] });
  }
}

async function adminAction(sim: IconikSimulator, method: string, path: string, url: URL, input: Record<string, unknown>): Promise<unknown> {
  const catalog = sim.catalog();
  const assetAction = /^\/__admin\/assets\/([^/]+)\/(modify|delete)$/.exec(path);
  if (method === 'GET' && path === '/__admin/stats') return sim.stats();
  if (method === 'POST' && path === '/__admin/reset') {
    sim.reset();
    return { reset: true };
  }
  if (method === 'GET' && path === '/__admin/faults') return { faults: sim.settings().faults };
  if (method === 'POST' && path === '/__admin/faults') {
    const spec = 'faults' in input ? input.faults : (input.value ?? input);
    if (typeof spec !== 'string' && !Array.isArray(spec)) throw new Error('Send a list of fault rules, a fault string, or {"faults": ...}.');
    sim.setFaults(spec as string | FaultRule[]);
    return { faults: sim.settings().faults };
  }
  if (method === 'POST' && path === '/__admin/latency') {
    sim.setLatency(numberOf(input.ms, 'ms'));
    return { latencyMs: sim.settings().latencyMs };
  }
  if (method === 'POST' && path === '/__admin/scale') {
    sim.setScale(numberOf(input.assets, 'assets'));
    return { assets: sim.settings().assets };
  }
  if (method === 'GET' && path === '/__admin/rate-limit') return sim.settings().rateLimit;
  if (method === 'POST' && path === '/__admin/rate-limit') return sim.setRateLimit(input as Partial<RateLimitSettings>);
  if (method === 'POST' && path === '/__admin/sort-by-id') {
    sim.setSortById(input.allowed !== false);
    return { sortById: sim.settings().sortById };
  }
  if (method === 'GET' && path === '/__admin/assets') {
    const from = Number(url.searchParams.get('from') ?? 0);
    const count = Math.min(100, Number(url.searchParams.get('count') ?? 10));
    return {
      scale: catalog.size,
      assets: Array.from({ length: Math.max(0, Math.min(count, catalog.size - from)) }, (_, k) => ({
        index: from + k,
        id: catalog.assetId(from + k),
        title: catalog.title(from + k),
        date_modified: iconikTime(catalog.modifiedAt(from + k)),
      })),
      marketingViewId: viewId(catalog, 0),
    };
  }
  if (method === 'POST' && assetAction) {
    const id = decodeURIComponent(assetAction[1] ?? '');
    if (assetAction[2] === 'delete') {
      if (!sim.deleteAsset(id, { purge: input.purge === true })) throw new Error(`No asset ${id}`);
      return { deleted: id, purged: input.purge === true };
    }
    const asset = sim.modifyAsset(id, readPatch(input));
    if (!asset) throw new Error(`No asset ${id}`);
    return asset;
  }
  if (method === 'POST' && path === '/__admin/jobs/fail') {
    const job = sim.failJob(String(input.assetId ?? ''), {
      type: typeof input.type === 'string' ? input.type : undefined,
      error: typeof input.error === 'string' ? input.error : undefined,
    });
    if (!job) throw new Error(`No asset ${String(input.assetId)}`);
    return job;
  }
  if (method === 'POST' && path === '/__admin/webhook') {
    return sim.deliverWebhook({
      objectId: String(input.objectId ?? input.assetId ?? ''),
      url: typeof input.url === 'string' ? input.url : undefined,
      eventType: typeof input.eventType === 'string' ? input.eventType : undefined,
      realm: typeof input.realm === 'string' ? input.realm : undefined,
      operation: typeof input.operation === 'string' ? input.operation : undefined,
      requestId: typeof input.requestId === 'string' ? input.requestId : undefined,
      data: input.data,
      secret: input.secret === null ? null : typeof input.secret === 'string' ? input.secret : undefined,
    });
  }
  return undefined;
}

function readPatch(input: Record<string, unknown>): AssetPatch {
  const patch: AssetPatch = {};
  if (typeof input.title === 'string') patch.title = input.title;
  if (input.approval === null || typeof input.approval === 'string') patch.approval = input.approval as string | null;
  const fields = isRecord(input.fields) ? input.fields : isRecord(input.metadata) ? input.metadata : null;
  if (fields) {
    patch.fields = {};
    for (const name of SIM_FIELDS) {
      const value = fields[name];
      if (value === null || typeof value === 'string') patch.fields[name] = value;
    }
  }
  return patch;
}

function numberOf(value: unknown, name: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new Error(`${name} must be a number`);
  return number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
