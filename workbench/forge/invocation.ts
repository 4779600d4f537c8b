/**
 * One Forge function invocation: which module and user it runs for, its deadline, its egress budget, and the services
 * its Forge calls reach. AsyncLocalStorage carries it through every await of the handler, which is how the global
 * transports tell concurrent invocations apart. The store lives on globalThis so every copy of this module agrees.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EgressBudget, type EgressGate } from './egress';

export interface ForgeFetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export interface RuntimeIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  cloudId: string;
  scopes: string[];
  external: Record<string, unknown>;
}

/** What handler code reaches through the Forge globals; the host implements it. */
export interface ForgeServices {
  identity: RuntimeIdentity;
  egress: EgressGate;
  fetchProduct(descriptor: ForgeFetchDescriptor, path: string, init: RequestInit | undefined, invocation: Invocation | undefined): Promise<Response>;
}

export interface Invocation {
  readonly id: string;
  readonly moduleKey: string;
  readonly functionKey: string;
  readonly accountId: string | null;
  readonly services: ForgeServices;
  readonly timeoutMs: number;
  readonly startedAt: number;
  readonly egressBudget: EgressBudget;
  ended: boolean;
}

export type InvocationOutcome<T> =
  | { ok: true; value: T; durationMs: number }
  | { ok: false; timedOut: boolean; error: unknown; durationMs: number };

export interface InvocationSpec {
  moduleKey: string;
  functionKey: string;
  accountId: string | null;
  services: ForgeServices;
  timeoutMs: number;
}

const STORAGE_KEY = Symbol.for('integration-governance-hub.workbench.forge-invocations');

function storage(): AsyncLocalStorage<Invocation> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Invocation> | undefined>;
  return (holder[STORAGE_KEY] ??= new AsyncLocalStorage<Invocation>());
}

export function currentInvocation(): Invocation | undefined {
  return storage().getStore();
}

/** Runs `work` detached from any invocation, for platform work (deliveries, timers) a handler merely triggered. */
export function outsideInvocation<T>(work: () => T): T {
  return storage().exit(work);
}

export function remainingTimeMs(invocation: Invocation): number {
  return Math.max(0, Math.round(invocation.timeoutMs - (performance.now() - invocation.startedAt)));
}

/**
 * Runs `work` as an invocation and settles when it finishes or its time is up, whichever is first. A timed-out handler
 * cannot be killed inside one process; it is marked ended, so its further Forge calls and fetches fail as a frozen
 * Forge function's would.
 */
export async function runInvocation<T>(spec: InvocationSpec, work: () => T | Promise<T>): Promise<InvocationOutcome<T>> {
  const startedAt = performance.now();
  const invocation: Invocation = {
    id: randomUUID(),
    moduleKey: spec.moduleKey,
    functionKey: spec.functionKey,
    accountId: spec.accountId,
    services: spec.services,
    timeoutMs: spec.timeoutMs,
    startedAt,
    egressBudget: new EgressBudget(spec.services.egress, spec.services.egress.now()),
    ended: false,
  };
  let timer: NodeJS.Timeout | undefined;
  const running = storage().run(invocation, async () => work());
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), spec.timeoutMs);
  });
  try {
    const settled = await Promise.race([running.then((value) => ({ value })), timedOut]);
    const durationMs = performance.now() - startedAt;
    if (settled === TIMED_OUT) {
      running.catch(() => undefined); // its late failure belongs to an invocation that already failed
      return { ok: false, timedOut: true, error: new Error(`FUNCTION_TIME_OUT: ${spec.functionKey} exceeded ${spec.timeoutMs / 1000} s`), durationMs };
    }
    return { ok: true, value: settled.value, durationMs };
  } catch (error) {
    return { ok: false, timedOut: false, error, durationMs: performance.now() - startedAt };
  } finally {
    clearTimeout(timer);
    invocation.ended = true;
  }
}

const TIMED_OUT = Symbol('timed out');
