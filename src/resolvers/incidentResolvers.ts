import { z } from 'zod';
import { createOrOpenIncidentPage, pagesById, type IncidentOutcome } from '../confluence/incidentPages';
import { changeWindowBefore } from '../domain/incidents/changeWindow';
import { governanceIncidentFacts, iconikJobIncidentFacts } from '../domain/incidents/incidentFacts';
import { renderIncidentPage, type SpecLink } from '../domain/incidents/incidentPage';
import { damAssetKey } from '../sources/dam/asset';
import type { CreateIncidentResponse, IncidentLookupResponse, IncidentPageRef } from '../shared/incidentContract';
import { readAssets } from '../store/assets';
import { readLiveEvents } from '../store/liveEvents';
import { readIncidentsByFailure, incidentKey } from '../store/incidents';
import { readGovernanceSnapshot, noGovernanceDataMessage } from '../views/governanceSnapshot';
import { readChangesInWindow, readEnvironmentNames, readFailures, readSpecsForMessageType, spaceSolutions } from '../views/incidentSources';
import type { ResolverRequest } from './types';
import { parseInput, resolverError } from './validation';

const id = z.string().trim().min(1).max(1000);
export const incidentRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('governance'), solutionId: id, failureId: id }).strict(),
  z.object({ kind: z.literal('iconik-job'), assetId: id, jobId: id }).strict(),
]);

export function contextSpaceKey(context: ResolverRequest['context']): string | null {
  const key = context.extension?.space?.key;
  return typeof key === 'string' && key.trim() ? key : null;
}

function answer(outcome: IncidentOutcome): CreateIncidentResponse {
  return outcome.ok ? { state: 'ok', created: outcome.created, ...outcome.page } : resolverError(outcome.message);
}

/** A governance failure of a solution mapped to this space, with what its page needs. */
async function governanceIncident(solutionId: string, failureId: string, spaceKey: string, accountId: string | null, now: Date): Promise<CreateIncidentResponse> {
  const { pointer, sync, status } = await readGovernanceSnapshot(now);
  if (!pointer) return resolverError(noGovernanceDataMessage(sync));
  const solution = (await spaceSolutions(pointer, spaceKey)).find((candidate) => candidate.id === solutionId);
  if (!solution) return resolverError(`payload.solutionId: solution "${solutionId}" is not mapped to space ${spaceKey}`);
  // The live overlay is read once, alongside the failures: they and the changes before the failure both merge it.
  const live = readLiveEvents(solutionId, status);
  const [failures, environmentNames] = await Promise.all([readFailures(pointer, solutionId, live), readEnvironmentNames(pointer, solutionId)]);
  const failure = failures.find((candidate) => candidate.id === failureId);
  if (!failure) return resolverError(`payload.failureId: failure "${failureId}" is not among ${solution.name}'s failures of the last sync (the last 90 days)`);
  const environment = { id: failure.environmentId, name: environmentNames.get(failure.environmentId) ?? failure.environmentId };
  const facts = governanceIncidentFacts(failure, { solution: { id: solution.id, name: solution.name }, environmentName: environmentNames.get(failure.environmentId) ?? null });

  const body = async () => {
    const window = changeWindowBefore(failure.firstSeenAt);
    const [changes, specs] = await Promise.all([
      window ? readChangesInWindow(pointer, solutionId, environment, window, live) : Promise.resolve(null),
      readSpecsForMessageType(solutionId, failure.messageType),
    ]);
    const pages = await pagesById(specs.map((spec) => spec.contentId));
    const specLinks: SpecLink[] = specs.map((spec) => {
      const page = pages.get(spec.contentId);
      return { name: spec.name, messageType: spec.messageType, page: page?.spaceKey ? { title: page.title, spaceKey: page.spaceKey } : null };
    });
    return renderIncidentPage({ facts, changes, specLinks, createdAt: now });
  };
  return answer(await createOrOpenIncidentPage({ ref: { kind: 'governance', failureId }, facts, spaceKey, body, now, accountId }));
}

async function iconikIncident(assetId: string, jobId: string, spaceKey: string, accountId: string | null, now: Date): Promise<CreateIncidentResponse> {
  let asset;
  try {
    asset = (await readAssets([{ source: 'iconik', id: assetId }])).get(damAssetKey({ source: 'iconik', id: assetId }));
  } catch (error) {
    return resolverError(`The asset store could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!asset) return resolverError(`payload.assetId: no iconik asset "${assetId}" has been synced`);
  const job = asset.failedJobs.find((candidate) => candidate.id === jobId);
  if (!job) return resolverError(`payload.jobId: asset "${asset.name}" has no failed job "${jobId}" (any more)`);
  const facts = iconikJobIncidentFacts(asset, job);
  const body = async () => renderIncidentPage({ facts, changes: null, specLinks: null, createdAt: now });
  return answer(await createOrOpenIncidentPage({ ref: { kind: 'iconik-job', assetId, jobId }, facts, spaceKey, body, now, accountId }));
}

/**
 * `incidents.create`: the failure's incident page, made on the first click and opened on every later one. Runs as
 * the user: a reader who may not add pages to the space gets Confluence's refusal as a clear message.
 */
export async function createIncident({ payload, context }: ResolverRequest): Promise<CreateIncidentResponse> {
  const request = parseInput('payload', incidentRequestSchema, payload ?? {});
  if (!request.ok) return request.error;
  const spaceKey = contextSpaceKey(context);
  if (!spaceKey) return resolverError('Incident pages are created from a space (the integration hub or a page with the knowledge base macro).');
  const accountId = typeof context.accountId === 'string' ? context.accountId : null;
  const now = new Date();
  const value = request.value;
  return value.kind === 'governance'
    ? governanceIncident(value.solutionId, value.failureId, spaceKey, accountId, now)
    : iconikIncident(value.assetId, value.jobId, spaceKey, accountId, now);
}

const lookupSchema = z.object({ solutionId: id, failureIds: z.array(id).max(50) }).strict();

/** `incidents.lookup`: which of a solution's failures already have an incident page (the hub labels its buttons). */
export async function lookupIncidents({ payload, context }: ResolverRequest): Promise<IncidentLookupResponse> {
  const request = parseInput('payload', lookupSchema, payload ?? {});
  if (!request.ok) return request.error;
  const spaceKey = contextSpaceKey(context);
  const { pointer } = await readGovernanceSnapshot(new Date());
  const mapped = pointer ? await spaceSolutions(pointer, spaceKey) : [];
  if (!mapped.some((solution) => solution.id === request.value.solutionId)) {
    return resolverError(`payload.solutionId: solution "${request.value.solutionId}" is not mapped to this space`);
  }
  const refs = request.value.failureIds.map((failureId) => ({ kind: 'governance' as const, failureId }));
  const records = await readIncidentsByFailure(refs);
  const pages: Record<string, IncidentPageRef> = {};
  for (const ref of refs) {
    const record = records.get(incidentKey(ref));
    if (record) pages[ref.failureId] = { pageId: record.pageId, title: record.title, spaceKey: record.spaceKey, url: record.url };
  }
  return { state: 'ok', pages };
}
