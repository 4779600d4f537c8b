/**
 * The globals the real @forge packages call, as the Forge Node.js runtime provides them:
 * - `__forge_runtime__`: app context, remaining time, metrics and tracing (read by @forge/api runtime.js, @forge/kvs).
 * - `__forge_fetch__(descriptor, path, init)`: the proxy behind requestConfluence, KVS and queues.
 * - global `fetch`: egress, checked against the manifest and the per-invocation budget.
 * Calls made inside an invocation go to its host; calls outside one (tests, the workbench) go to the ambient host.
 *
 * @forge/api captures global `fetch` when it is first loaded, so this module must be evaluated before it: host.ts imports
 * it first, and createForgeHost checks that @forge/api's fetch really goes through here.
 */
import { currentInvocation, remainingTimeMs, type ForgeFetchDescriptor, type ForgeServices, type Invocation } from './invocation';
import { fetchLimitExceeded } from './egress';
import type * as ForgeApiModule from '@forge/api';

interface RuntimeState {
  ambient: ForgeServices | undefined;
  originalFetch: typeof fetch;
  /** Names this runtime put into process.env as Forge variables. */
  variableNames: Set<string>;
}

const STATE_KEY = Symbol.for('integration-governance-hub.workbench.forge-runtime');
/** A URL only the wrapper answers: lets the host prove @forge/api's fetch goes through it. */
export const EGRESS_PROBE_URL = 'http://forge-workbench-probe.invalid/egress';

const noopMetric = { incr() {}, decr() {}, measure: () => ({ stop() {} }), stop() {} };
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

export function installForgeRuntime(): void {
  const holder = globalThis as unknown as Record<symbol, RuntimeState | undefined>;
  if (holder[STATE_KEY]) return;
  const state: RuntimeState = { ambient: undefined, originalFetch: globalThis.fetch.bind(globalThis), variableNames: new Set() };
  holder[STATE_KEY] = state;
  Object.defineProperty(globalThis, '__forge_runtime__', { configurable: true, get: () => runtimeObject(state) });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    value: (descriptor: ForgeFetchDescriptor, path: string, init?: RequestInit) => forgeFetch(state, descriptor, path, init),
  });
  globalThis.fetch = (input, init) => egressFetch(state, input, init);
}

export function setAmbientServices(services: ForgeServices | undefined): void {
  runtimeState().ambient = services;
}

export function ambientServices(): ForgeServices | undefined {
  return runtimeState().ambient;
}

function runtimeState(): RuntimeState {
  installForgeRuntime();
  return (globalThis as unknown as Record<symbol, RuntimeState>)[STATE_KEY] as RuntimeState;
}

function servicesFor(state: RuntimeState, invocation: Invocation | undefined): ForgeServices {
  if (invocation?.ended) {
    throw new Error(`Forge invocation ${invocation.id} (${invocation.functionKey}) has already ended: its runtime is gone`);
  }
  const services = invocation?.services ?? state.ambient;
  if (!services) throw new Error('Forge runtime not available: create a ForgeHost (workbench/forge/host) first');
  return services;
}

async function forgeFetch(state: RuntimeState, descriptor: ForgeFetchDescriptor, path: string, init: RequestInit | undefined): Promise<Response> {
  const invocation = currentInvocation();
  return servicesFor(state, invocation).fetchProduct(descriptor, path, init, invocation);
}

async function egressFetch(state: RuntimeState, input: string | URL | Request, init: RequestInit | undefined): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  if (url.href === EGRESS_PROBE_URL) return new Response('probe');
  const invocation = currentInvocation();
  if (!invocation) return state.originalFetch(input, init);
  const { egress } = servicesFor(state, invocation);
  if (!egress.isAllowed(url)) throw externalEndpointNotAllowed(url.href);
  if (!invocation.egressBudget.take()) return fetchLimitExceeded();
  return egress.isLocal(url) ? state.originalFetch(input, init) : egress.transport(input, init);
}

/** The error @forge/api defines for this case, so `instanceof` checks in app code behave as on Forge. */
function externalEndpointNotAllowed(url: string): Error {
  // Loaded lazily: importing @forge/api at the top would capture `fetch` before the wrapper exists.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('@forge/api') as ForgeApi;
  return new api.ExternalEndpointNotAllowedError(url);
}

function runtimeObject(state: RuntimeState): unknown {
  const invocation = currentInvocation();
  const services = invocation?.services ?? state.ambient;
  if (!services) return undefined;
  const { identity } = services;
  return {
    appContext: {
      appId: identity.appId,
      appVersion: identity.appVersion,
      environmentId: identity.environmentId,
      environmentType: identity.environmentType,
      invocationId: invocation?.id ?? 'outside-invocation',
      installationId: identity.installationId,
      moduleKey: invocation?.moduleKey ?? '',
      license: undefined,
      installation: undefined,
      permissions: { scopes: identity.scopes, external: identity.external },
    },
    contextAri: `ari:cloud:confluence::site/${identity.cloudId}`,
    // Outside an invocation nothing is counting down; report the longest a Forge function may run.
    lambdaContext: { getRemainingTimeInMillis: () => (invocation ? remainingTimeMs(invocation) : 900_000) },
    proxy: { token: 'workbench-proxy-token', url: 'http://forge-proxy.workbench.invalid' },
    metrics,
    tracing: { traceId: invocation?.id.replace(/-/g, '') ?? '0', spanId: '0' },
    externalAuth: [],
    // kvs.url stays unset: @forge/kvs then calls __forge_fetch__({type:'kvs', provider:'app', remote:'kvs'}).
    kvs: {},
  };
}

/**
 * Makes process.env hold exactly these Forge variables: a variable set for an earlier invocation (or an earlier host in
 * this process) and since removed disappears, as it would from a Forge environment.
 */
export function applyForgeVariables(variables: Record<string, string>): void {
  const state = runtimeState();
  const current = Object.entries(variables);
  const names = new Set(current.map(([name]) => name));
  for (const name of state.variableNames) if (!names.has(name)) delete process.env[name];
  for (const [name, value] of current) process.env[name] = String(value);
  state.variableNames = names;
}

/** The process's fetch before the egress wrapper: the default transport for allowed egress. */
export function networkFetch(): typeof fetch {
  return runtimeState().originalFetch;
}

// Installed as soon as this module loads, ahead of any @forge/api import that would capture `fetch`.
installForgeRuntime();

type ForgeApi = typeof ForgeApiModule;
