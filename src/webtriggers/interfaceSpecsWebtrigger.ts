import {
  PULL_MAX_LIMIT,
  encodePullCursor,
  parsePullQuery,
  problem,
  pullDriftSummary,
  pulledSpec,
  type ProblemDetails,
  type PullPage,
} from '../domain/specs/specPull';
import { interfaceSpecDrift } from '../domain/specs/specDrift';
import type { SpecDriftSnapshot } from '../domain/specs/specDriftSnapshot';
import { listInterfaceSpecs } from '../store/interfaceSpecs';
import { readPointer } from '../store/snapshots';
import { readSourceStatus } from '../store/syncStatus';
import { readSpecDriftSnapshot } from '../views/interfaceSpecView';
import { MIN_SECRET_LENGTH, bearerToken, secretMatches } from './bearerSecret';

/** What Forge hands a webtrigger function (headers and query values are lists, header names lower case). */
export interface WebtriggerRequest {
  method?: string;
  headers?: Record<string, string[] | undefined>;
  queryParameters?: Record<string, string[] | undefined>;
  body?: string;
}

/** A dynamic webtrigger response (manifest `response: {type: dynamic}`). */
export interface WebtriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

export const SPECS_SECRET_VARIABLE = 'SPECS_WEBTRIGGER_SECRET';

function respond(statusCode: number, contentType: string, body: unknown, extra: Record<string, string[]> = {}): WebtriggerResponse {
  return { statusCode, headers: { 'Content-Type': [contentType], 'Cache-Control': ['no-store'], ...extra }, body: JSON.stringify(body) };
}

function problemResponse(details: ProblemDetails, extra: Record<string, string[]> = {}): WebtriggerResponse {
  return respond(details.status, 'application/problem+json', details, extra);
}

/**
 * GET every interface spec as JSON, a page at a time (`?limit=1..20&cursor=`), for the governance backend.
 * Authenticated with `Authorization: Bearer <SPECS_WEBTRIGGER_SECRET>`; nothing is said about the request before
 * the secret checks out. Each spec carries the page it lives on and its drift against the last synced data.
 */
export async function interfaceSpecsWebtrigger(request: WebtriggerRequest): Promise<WebtriggerResponse> {
  const expected = process.env[SPECS_SECRET_VARIABLE] ?? '';
  if (expected.length < MIN_SECRET_LENGTH) {
    return problemResponse(problem(503, `The spec endpoint is not configured: set the ${SPECS_SECRET_VARIABLE} variable (at least ${MIN_SECRET_LENGTH} characters).`));
  }
  const presented = bearerToken(request.headers?.authorization?.[0]);
  if (presented === null || !secretMatches(presented, expected)) {
    return problemResponse(problem(401, 'Send the shared secret as "Authorization: Bearer <secret>".'), {
      'WWW-Authenticate': ['Bearer realm="interface-specs"'],
    });
  }
  if ((request.method ?? 'GET').toUpperCase() !== 'GET') {
    return problemResponse(problem(405, `Only GET is supported, not ${String(request.method).slice(0, 20)}.`), { Allow: ['GET'] });
  }
  const parsed = parsePullQuery(request.queryParameters ?? {});
  if (!parsed.ok) return problemResponse(parsed.problem);

  let page;
  try {
    page = await listInterfaceSpecs(Math.min(parsed.query.limit, PULL_MAX_LIMIT), parsed.query.storageCursor);
  } catch (error) {
    // A storage cursor that expired or was tampered with is refused by KVS itself.
    if (parsed.query.storageCursor) return problemResponse(problem(400, 'cursor has expired or is not valid: start the listing again without it', 'cursor'));
    throw error;
  }
  const [pointer, status] = await Promise.all([readPointer(), readSourceStatus('governance')]);
  const syncedAt = status?.lastSuccessAt ?? pointer?.publishedAt ?? null;
  const solutionIds = [...new Set(page.specs.map((record) => record.spec.solutionId))];
  const snapshots = new Map<string, SpecDriftSnapshot | undefined>(
    await Promise.all(solutionIds.map(async (id) => [id, pointer ? await readSpecDriftSnapshot(id, pointer) : undefined] as const)),
  );
  const body: PullPage = {
    items: page.specs.map((record) => {
      const snapshot = snapshots.get(record.spec.solutionId);
      const drift = !pointer
        ? { unavailable: 'No governance data has been synced yet.' }
        : !snapshot
          ? { unavailable: `The synced governance data has no solution "${record.spec.solutionId}".` }
          : interfaceSpecDrift(record.spec, snapshot);
      return pulledSpec(record, pullDriftSummary(drift, syncedAt));
    }),
    nextCursor: page.nextCursor ? encodePullCursor(page.nextCursor) : null,
  };
  if (page.invalid.length > 0) console.warn(`interface-specs: skipped ${page.invalid.length} stored spec(s) that no longer validate: ${page.invalid.join(', ')}`);
  return respond(200, 'application/json; charset=utf-8', body);
}
