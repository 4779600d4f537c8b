import type { InterfaceSpec } from './interfaceSpec';
import type { StoredInterfaceSpec } from './interfaceSpecRecord';
import type { DriftState, EndpointCheck, SpecDrift } from './specDrift';

/**
 * The spec pull: the governance backend reads every spec as JSON through the `interface-specs` webtrigger, a page
 * at a time. This module is the endpoint's contract (query, cursor, body) without Forge or storage; the webtrigger
 * (src/webtriggers) does the I/O. Documented in docs/governance-openapi.yaml, /interface-specs.
 */

/** KVS pages keys by 20 at most; one page of the pull is one KVS page, so its cursor stays exact. */
export const PULL_MAX_LIMIT = 20;
export const PULL_DEFAULT_LIMIT = 20;
const PULL_PARAMETERS = ['limit', 'cursor'];

export interface PullQuery {
  limit: number;
  /** The storage cursor the previous page ended at; undefined for the first page. */
  storageCursor?: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  parameter?: string;
}

export function problem(status: 400 | 401 | 405 | 500 | 503, detail: string, parameter?: string): ProblemDetails {
  const titles = { 400: 'Bad Request', 401: 'Unauthorized', 405: 'Method Not Allowed', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  return { type: 'about:blank', title: titles[status], status, detail, ...(parameter ? { parameter } : {}) };
}

/**
 * The cursor handed to the backend wraps the storage cursor, so it stays opaque and a cursor that was not issued
 * here is told apart from one that expired. Storage cursors are short-lived: follow them to the end of a listing.
 */
export function encodePullCursor(storageCursor: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: storageCursor }), 'utf8').toString('base64url');
}

export function decodePullCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return null;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const k = (decoded as { v?: unknown; k?: unknown } | null)?.k;
    return (decoded as { v?: unknown }).v === 1 && typeof k === 'string' && k.length > 0 ? k : null;
  } catch {
    return null;
  }
}

/** Reads `?limit=&cursor=`; anything else, or a value given twice, is a 400 naming the parameter. */
export function parsePullQuery(query: Record<string, readonly string[] | undefined>): { ok: true; query: PullQuery } | { ok: false; problem: ProblemDetails } {
  for (const [name, values] of Object.entries(query)) {
    if (!PULL_PARAMETERS.includes(name)) {
      return { ok: false, problem: problem(400, `Unknown query parameter "${name}": this endpoint takes only limit and cursor.`, name) };
    }
    if ((values?.length ?? 0) > 1) return { ok: false, problem: problem(400, `${name} is given ${values?.length} times; give it once.`, name) };
  }
  const limitText = query.limit?.[0];
  let limit = PULL_DEFAULT_LIMIT;
  if (limitText !== undefined) {
    limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= PULL_MAX_LIMIT)) {
      return { ok: false, problem: problem(400, `limit must be a whole number from 1 to ${PULL_MAX_LIMIT}, got "${limitText.slice(0, 40)}"`, 'limit') };
    }
  }
  const cursorText = query.cursor?.[0];
  if (cursorText === undefined) return { ok: true, query: { limit } };
  const storageCursor = decodePullCursor(cursorText);
  if (!storageCursor) return { ok: false, problem: problem(400, 'cursor is not a nextCursor this endpoint issued', 'cursor') };
  return { ok: true, query: { limit, storageCursor } };
}

export type PullFinding =
  | { kind: 'artifact'; artifactId: string; state: 'drift'; expected: string; deployed: string }
  | { kind: 'artifact'; artifactId: string; state: 'not-deployed'; expected: string; deploymentStatus: string | null; version: string | null }
  | { kind: 'endpoint'; state: 'drift'; expected: { url: string; protocol: string }; actual: { url: string; protocol: string } }
  | { kind: 'endpoint'; state: 'missing'; expected: { url: string; protocol: string }; actual: null };

export interface PullDriftSummary {
  /** `unavailable` when there is no synced data for the spec's solution; `reason` says why. */
  state: DriftState | 'unavailable';
  reason: string | null;
  /** When the governance data compared with was synced. */
  syncedAt: string | null;
  environments: {
    environmentId: string;
    name: string;
    stage: string;
    isProduction: boolean;
    state: DriftState;
    artifacts: { match: number; drift: number; notDeployed: number };
    endpoint: EndpointCheck['state'];
    /** Only what differs from the spec. */
    findings: PullFinding[];
  }[];
  unknownEnvironments: string[];
}

export interface PulledSpec {
  /** The Confluence page (content id) the spec's macro is on, and the macro's localId there. */
  contentId: string;
  localId: string;
  version: number;
  createdAt: string;
  createdBy: { accountId: string; name: string | null };
  savedAt: string;
  savedBy: { accountId: string; name: string | null };
  spec: InterfaceSpec;
  drift: PullDriftSummary;
}

export interface PullPage {
  items: PulledSpec[];
  nextCursor: string | null;
}

export function pullDriftSummary(drift: SpecDrift | { unavailable: string }, syncedAt: string | null): PullDriftSummary {
  if ('unavailable' in drift) return { state: 'unavailable', reason: drift.unavailable, syncedAt, environments: [], unknownEnvironments: [] };
  return {
    state: drift.state,
    reason: null,
    syncedAt,
    environments: drift.environments.map((environment) => {
      const findings: PullFinding[] = [];
      for (const check of environment.artifacts) {
        if (check.state === 'drift') findings.push({ kind: 'artifact', artifactId: check.artifactId, state: 'drift', expected: check.expected, deployed: check.deployed });
        if (check.state === 'not-deployed') {
          findings.push({ kind: 'artifact', artifactId: check.artifactId, state: 'not-deployed', expected: check.expected, deploymentStatus: check.deploymentStatus, version: check.version });
        }
      }
      const endpoint = environment.endpoint;
      const expected = (e: { url: string; protocol: string }) => ({ url: e.url, protocol: e.protocol });
      if (endpoint.state === 'drift') findings.push({ kind: 'endpoint', state: 'drift', expected: expected(endpoint.expected), actual: expected(endpoint.actual) });
      if (endpoint.state === 'missing') findings.push({ kind: 'endpoint', state: 'missing', expected: expected(endpoint.expected), actual: null });
      return {
        environmentId: environment.environmentId,
        name: environment.name,
        stage: environment.stage,
        isProduction: environment.isProduction,
        state: environment.state,
        artifacts: environment.counts,
        endpoint: endpoint.state,
        findings,
      };
    }),
    unknownEnvironments: drift.unknownEnvironments,
  };
}

export function pulledSpec(record: StoredInterfaceSpec, drift: PullDriftSummary): PulledSpec {
  const { contentId, localId, version, createdAt, savedAt, spec } = record;
  return {
    contentId,
    localId,
    version,
    createdAt,
    createdBy: { accountId: record.createdBy, name: record.createdByName },
    savedAt,
    savedBy: { accountId: record.savedBy, name: record.savedByName },
    spec,
    drift,
  };
}
