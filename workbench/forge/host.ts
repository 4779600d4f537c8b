/**
 * The local Forge host: runs the app's real handlers (named in manifest.yml) against the real @forge packages, by
 * providing the runtime globals they call and emulating what sits behind them: KVS, Confluence, async-event queues,
 * the egress proxy, and Forge's invocation limits.
 */
// Must stay the first import: it installs the fetch wrapper before anything loads @forge/api (see runtime.ts).
import { ambientServices, applyForgeVariables, EGRESS_PROBE_URL, networkFetch, setAmbientServices } from './runtime';
import type * as ForgeApiModule from '@forge/api';
import fs from 'node:fs/promises';
import type http from 'node:http';
import { ConfluenceEmulator } from './confluence';
import { createEgressGate } from './egress';
import { loadFunction } from './handlers';
import { isRecord, jsonResponse, readJsonBody } from './http-response';
import { runInvocation, type ForgeFetchDescriptor, type ForgeServices, type Invocation, type InvocationOutcome, type RuntimeIdentity } from './invocation';
import { KvsEmulator } from './kvs';
import { entityDefinitions } from './entities';
import { byteLength, FORGE_LIMITS, type ForgeLimits } from './limits';
import { appUuid, egressAddresses, findFunction, loadManifest, resolverFunctionOf, scopesOf, type AppManifest } from './manifest';
import { QueueEmulator, type AsyncEvent, type DeliveryOutcome } from './queue';

import { WORKBENCH_INSTALLATION } from './identity';

export type { AppManifest } from './manifest';
export type { ForgeLimits } from './limits';
export { FORGE_LIMITS } from './limits';
export type { KvsEmulator, KvsStats, EntityStats } from './kvs';
export type { ConfluenceEmulator } from './confluence';
export type { QueueEmulator, DrainResult, DeadLetter, PendingEvent, AsyncEvent } from './queue';

export interface ForgeHostOptions {
  appDir: string;
  dataDir: string;
  origin: () => string;
  /** Read at each invocation (may contain getters) and copied into process.env, like Forge environment variables. */
  variables: Record<string, string>;
  now?: () => number;
  /** Tests only: shrink a limit (say resolverTimeoutMs) to exercise it quickly. Defaults are Forge's. */
  limits?: Partial<ForgeLimits>;
  /** Deliver queued events in the background, in real time, as Forge does (default true). Tests usually drain(). */
  backgroundDelivery?: boolean;
  /** What carries egress that passed the checks; default the real network. */
  egressTransport?: typeof fetch;
  /** Queue deliveries in flight at once, all queues together (default 10, as parallel as Forge's queues). */
  queueConcurrency?: number;
}

export type ResolverResult = { ok: true; body: unknown } | { ok: false; status: number; error: string };

export interface ForgeHost {
  manifest: AppManifest;
  kvs: KvsEmulator;
  confluence: ConfluenceEmulator;
  queues: QueueEmulator;
  invokeResolver(args: {
    moduleKey: string;
    functionKey: string;
    payload: unknown;
    extension: Record<string, unknown>;
    accountId: string | null;
    localId?: string;
  }): Promise<ResolverResult>;
  runAdfExport(moduleKey: string, args: { extension: Record<string, unknown>; exportType: 'pdf' | 'word' | 'other' }): Promise<unknown>;
  runScheduledTrigger(triggerKey: string): Promise<{ ok: boolean; error?: string; durationMs: number }>;
  runWebtrigger(
    key: string,
    request: { method: string; path: string; query: Record<string, string>; headers: http.IncomingHttpHeaders; body: string },
  ): Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
  close(): Promise<void>;
}


export async function createForgeHost(options: ForgeHostOptions): Promise<ForgeHost> {
  await assertEgressIsIntercepted();
  const manifest = await loadManifest(options.appDir);
  await fs.mkdir(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const limits: ForgeLimits = { ...FORGE_LIMITS, ...options.limits };
  const scopes = scopesOf(manifest);
  const identity: RuntimeIdentity = { appId: appUuid(manifest), ...WORKBENCH_INSTALLATION, scopes, external: { ...(manifest.permissions?.external ?? {}) } };
  const appAccountId = `forge-app:${identity.appId}`;

  const kvs = await KvsEmulator.open({ dataDir: options.dataDir, now, limits, entities: entityDefinitions(manifest.app) });
  const confluence = await ConfluenceEmulator.open({ dataDir: options.dataDir, now, origin: options.origin, scopes });
  const egress = createEgressGate({
    addresses: egressAddresses(manifest),
    origin: options.origin,
    transport: options.egressTransport ?? networkFetch(),
    requestsPerMinute: limits.egressRequestsPerMinute,
    now,
  });

  const services: ForgeServices = {
    identity,
    egress,
    async fetchProduct(descriptor, path, init, invocation) {
      return fetchProduct(descriptor, path, init, invocation);
    },
  };

  async function fetchProduct(descriptor: ForgeFetchDescriptor, path: string, init: RequestInit | undefined, invocation: Invocation | undefined): Promise<Response> {
    if (descriptor.type === 'kvs') {
      if (!scopes.includes('storage:app')) return jsonResponse(403, { code: 'PERMISSION_DENIED', message: 'The app needs the storage:app scope in manifest.yml' });
      return kvs.handle(path, init);
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'confluence') {
      const actor =
        descriptor.provider === 'user' ? { accountId: descriptor.accountId ?? invocation?.accountId ?? null, isApp: false } : { accountId: appAccountId, isApp: true };
      return confluence.fetch(actor, path, init);
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate') {
      if (path.startsWith('/webhook/queue/')) return queues.handleApi(path, init);
      if (path === '/graphql') return webtriggerUrl(await readJsonBody(init));
    }
    return new Response(null, { status: 400, headers: { 'forge-proxy-error': `UNSUPPORTED_REMOTE (${descriptor.type}/${descriptor.remote ?? '-'}${path}) in the workbench` } });
  }

  /** The one GraphQL call @forge/api makes here: webTrigger.getUrl(key). */
  function webtriggerUrl(body: unknown): Response {
    const input = isRecord(body) && isRecord(body.variables) && isRecord(body.variables.input) ? body.variables.input : {};
    const key = typeof input.triggerKey === 'string' ? input.triggerKey : '';
    if (!String(isRecord(body) ? body.query : '').includes('createWebTriggerUrl') || !manifest.modules.webtrigger?.some((w) => w.key === key)) {
      return jsonResponse(200, { errors: [{ message: `Unsupported GraphQL request or unknown webtrigger "${key}"` }] });
    }
    return jsonResponse(200, { data: { createWebTriggerUrl: { url: `${options.origin()}/webtrigger/${encodeURIComponent(key)}` } } });
  }

  function functionContext(accountId: string | null): Record<string, unknown> {
    return { installContext: `ari:cloud:confluence::site/${identity.cloudId}`, ...(accountId ? { principal: { accountId } } : {}) };
  }

  function backgroundTimeoutMs(functionKey: string): number {
    const seconds = findFunction(manifest, functionKey)?.timeoutSeconds;
    return Math.min(seconds === undefined ? limits.backgroundDefaultTimeoutMs : seconds * 1000, limits.backgroundMaxTimeoutMs);
  }

  function invoke(functionKey: string, moduleKey: string, accountId: string | null, timeoutMs: number, payload: unknown): Promise<InvocationOutcome<unknown>> {
    applyForgeVariables(options.variables);
    return runInvocation({ moduleKey, functionKey, accountId, services, timeoutMs }, () =>
      loadFunction(options.appDir, manifest, functionKey)(payload, functionContext(accountId)),
    );
  }

  async function deliver(consumer: { key: string; function: string }, event: AsyncEvent): Promise<DeliveryOutcome> {
    const outcome = await invoke(consumer.function, consumer.key, null, backgroundTimeoutMs(consumer.function), event);
    if (!outcome.ok) {
      return { kind: 'retry', reason: outcome.timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryAfterSeconds: 1, error: errorMessage(outcome.error) };
    }
    // An InvocationError (or QueueResponse.retry()) serialises to {_retry: true, retryOptions}.
    const value = outcome.value;
    if (!isRecord(value) || value._retry !== true) return { kind: 'ok' };
    const retry = isRecord(value.retryOptions) ? value.retryOptions : {};
    return {
      kind: 'retry',
      reason: typeof retry.retryReason === 'string' ? retry.retryReason : 'FUNCTION_RETRY_REQUEST',
      retryAfterSeconds: typeof retry.retryAfter === 'number' ? retry.retryAfter : 1,
      ...(retry.retryData === undefined ? {} : { retryData: retry.retryData }),
    };
  }

  const queues = await QueueEmulator.open({
    dataDir: options.dataDir,
    manifest,
    limits,
    now,
    deliver,
    ...(options.queueConcurrency === undefined ? {} : { maxConcurrentDeliveries: options.queueConcurrency }),
  });
  if (options.backgroundDelivery ?? true) queues.startBackground();
  setAmbientServices(services);

  return {
    manifest,
    kvs,
    confluence,
    queues,

    async invokeResolver({ moduleKey, functionKey, payload, extension, accountId, localId }) {
      const resolverFunction = resolverFunctionOf(manifest, moduleKey);
      if (!resolverFunction) return { ok: false, status: 404, error: `Module "${moduleKey}" declares no resolver in manifest.yml` };
      const payloadBytes = byteLength(JSON.stringify(payload ?? null));
      if (payloadBytes > limits.invokePayloadBytes) {
        return { ok: false, status: 413, error: `Invocation payload of ${payloadBytes} bytes exceeds Forge's ${limits.invokePayloadBytes}-byte (500 KB) limit` };
      }
      const request = {
        call: { functionKey, payload },
        context: { localId, moduleKey, extension, cloudId: identity.cloudId, environmentId: identity.environmentId, environmentType: identity.environmentType, siteUrl: options.origin() },
      };
      const outcome = await invoke(resolverFunction, moduleKey, accountId, limits.resolverTimeoutMs, request);
      if (!outcome.ok) return { ok: false, status: outcome.timedOut ? 504 : 500, error: errorMessage(outcome.error) };
      if (outcome.value === undefined) return { ok: true, body: undefined };
      const json = JSON.stringify(outcome.value);
      if (byteLength(json) > limits.invokeResponseBytes) {
        return { ok: false, status: 500, error: `Function response of ${byteLength(json)} bytes exceeds Forge's ${limits.invokeResponseBytes}-byte (5 MB) limit` };
      }
      return { ok: true, body: JSON.parse(json) as unknown };
    },

    async runAdfExport(moduleKey, { extension, exportType }) {
      const macro = manifest.modules.macro?.find((candidate) => candidate.key === moduleKey);
      if (!macro?.adfExport) throw new Error(`Macro "${moduleKey}" declares no adfExport function in manifest.yml`);
      const payload = {
        exportType,
        context: { cloudId: identity.cloudId, moduleKey, localId: extension.localId, extension, content: extension.content, space: extension.space, config: extension.config },
      };
      const outcome = await invoke(macro.adfExport.function, moduleKey, null, limits.resolverTimeoutMs, payload);
      if (!outcome.ok) throw outcome.error instanceof Error ? outcome.error : new Error(errorMessage(outcome.error));
      return outcome.value;
    },

    async runScheduledTrigger(triggerKey) {
      const trigger = manifest.modules.scheduledTrigger?.find((candidate) => candidate.key === triggerKey);
      if (!trigger) return { ok: false, error: `No scheduledTrigger "${triggerKey}" in manifest.yml`, durationMs: 0 };
      const payload = { context: { cloudId: identity.cloudId, moduleKey: triggerKey }, contextToken: 'workbench-context-token' };
      const outcome = await invoke(trigger.function, triggerKey, null, backgroundTimeoutMs(trigger.function), payload);
      return outcome.ok ? { ok: true, durationMs: outcome.durationMs } : { ok: false, error: errorMessage(outcome.error), durationMs: outcome.durationMs };
    },

    async runWebtrigger(key, request) {
      const trigger = manifest.modules.webtrigger?.find((candidate) => candidate.key === key);
      if (!trigger) return textAnswer(404, `No webtrigger "${key}" in manifest.yml`);
      const payload = {
        method: request.method,
        headers: multiValueHeaders(request.headers),
        body: request.body,
        path: request.path,
        userPath: '',
        queryParameters: Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, [value]])),
        context: { cloudId: identity.cloudId, moduleKey: key },
      };
      if (byteLength(JSON.stringify(payload)) > limits.invokePayloadBytes) return textAnswer(413, 'Request payload too large');
      const outcome = await invoke(trigger.function, key, null, limits.webtriggerTimeoutMs, payload);
      // Forge answers a webtrigger that ran out of time with 424 Failed Dependency (jira.atlassian.com/browse/ECO-75).
      if (!outcome.ok) return outcome.timedOut ? textAnswer(424, 'Failed Dependency') : textAnswer(500, 'Internal Server Error');
      const answer = outcome.value;
      if (!isRecord(answer) || typeof answer.statusCode !== 'number' || (answer.body !== undefined && typeof answer.body !== 'string')) {
        return textAnswer(500, 'Internal Server Error: the webtrigger response is not {statusCode, headers, body}');
      }
      const body = answer.body ?? '';
      if (byteLength(body) > limits.invokeResponseBytes) return textAnswer(500, 'Internal Server Error: response too large');
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(isRecord(answer.headers) ? answer.headers : {})) {
        headers[name] = Array.isArray(values) ? values.map(String).join(', ') : String(values);
      }
      return { statusCode: answer.statusCode, headers, body };
    },

    async close() {
      await queues.close();
      kvs.close();
      confluence.close();
      if (ambientServices() === services) setAmbientServices(undefined);
    },
  };
}

/** @forge/api keeps the `fetch` it saw at load time; fail loudly if that was not our egress wrapper. */
async function assertEgressIsIntercepted(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('@forge/api') as ForgeApi;
  const probe = await api
    .fetch(EGRESS_PROBE_URL)
    .then((response) => response.text())
    .catch(() => null);
  if (probe !== 'probe') {
    throw new Error('@forge/api was loaded before workbench/forge/runtime.ts, so its fetch would bypass egress checks: import workbench/forge/host first');
  }
}

function multiValueHeaders(headers: http.IncomingHttpHeaders): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return result;
}

function textAnswer(statusCode: number, body: string): { statusCode: number; headers: Record<string, string>; body: string } {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type ForgeApi = typeof ForgeApiModule;
