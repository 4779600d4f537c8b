import { z } from 'zod';
import { pageUrl, searchSimilarIncidents } from '../confluence/incidentPages';
import type { SearchHit } from '../confluence/pages';
import { iconikJobIncidentFacts } from '../domain/incidents/incidentFacts';
import { incidentLabel } from '../domain/incidents/incidentLabels';
import { incidentState, isOpenState, knownFixesFirst, mostUrgentFirst } from '../domain/incidents/knowledgeBase';
import { rootCauseLine } from '../domain/incidents/rootCause';
import {
  DEFAULT_KB_PAGE_SIZE,
  INCIDENT_STATES,
  MAX_KB_PAGE_SIZE,
  type IncidentKbConfigOptionsResponse,
  type IncidentKbListResponse,
  type OpenFailureRow,
  type OpenFailuresResponse,
  type SimilarIncident,
  type SimilarIncidentsResponse,
} from '../shared/incidentContract';
import { queryAssetPage } from '../store/assets';
import { incidentKey, readIncidentsByFailure, readIncidentsByPage, type FailureRef } from '../store/incidents';
import { readGovernanceSnapshot } from '../views/governanceSnapshot';
import { incidentKbConfigSchema, loadIncidentList, readSpaceFailures } from '../views/incidentKbView';
import { spaceSolutions } from '../views/incidentSources';
import { contextSpaceKey, createIncident, lookupIncidents } from './incidentResolvers';
import type { ResolverRequest } from './types';
import { parseInput, resolverError } from './validation';

const text = z.string().trim().min(1).max(1000);

const filtersSchema = z
  .object({ messageType: text.optional(), endpoint: text.optional(), environmentId: text.optional(), partnerId: text.optional(), state: z.enum(INCIDENT_STATES).optional() })
  .strict();

const listSchema = z
  .object({
    filters: filtersSchema.optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(MAX_KB_PAGE_SIZE).optional(),
  })
  .strict();

function configOf(context: ResolverRequest['context']) {
  return parseInput('macro configuration', incidentKbConfigSchema, context.extension?.config ?? {});
}

/** `incidentKb.list`: one page of the space's incident pages, newest first, filtered by their labels. */
export async function listIncidents({ payload, context }: ResolverRequest): Promise<IncidentKbListResponse> {
  const request = parseInput('payload', listSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = configOf(context);
  if (!config.ok) return config.error;
  const spaceKey = contextSpaceKey(context);
  if (!spaceKey) return resolverError('The incident knowledge base lists the incident pages of the space it is in; this page has no space.');
  const filters = request.value.filters ?? (config.value.defaultState ? { state: config.value.defaultState } : {});
  const pageSize = request.value.pageSize ?? config.value.pageSize ?? DEFAULT_KB_PAGE_SIZE;
  return loadIncidentList(spaceKey, filters, request.value.page, pageSize, new Date());
}

const openFailuresSchema = z
  .object({ page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(MAX_KB_PAGE_SIZE).default(5) })
  .strict();

/** iconik failed jobs offered per render: the first page of assets with failed jobs, newest activity first. */
const ICONIK_ASSETS_READ = 25;

async function iconikOpenJobs(now: Date): Promise<{ rows: OpenFailureRow[]; note: string | null }> {
  try {
    const page = await queryAssetPage({ filters: { sources: ['iconik'], failedOnly: true }, sort: 'activity', order: 'DESC', pageSize: ICONIK_ASSETS_READ }, { now, expiringDays: 30 });
    const rows = page.rows.flatMap((asset) =>
      asset.failedJobs.map((job): OpenFailureRow => {
        const facts = iconikJobIncidentFacts(asset, job);
        return {
          request: { kind: 'iconik-job', assetId: asset.id, jobId: job.id },
          headline: facts.headline,
          severity: null,
          state: job.status,
          environmentName: null,
          lastSeenAt: job.at,
          occurrences: null,
          errorCode: job.error,
          similarKey: { messageType: job.type },
        };
      }),
    );
    return { rows, note: page.nextAfter ? 'Only the iconik assets with the most recent activity are listed.' : null };
  } catch (error) {
    return { rows: [], note: `Failed iconik jobs could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * `incidentKb.openFailures`: open failures of the space's solutions (and failed iconik jobs) that have no incident
 * page yet, most urgent first, paged.
 */
export async function listOpenFailures({ payload, context }: ResolverRequest): Promise<OpenFailuresResponse> {
  const request = parseInput('payload', openFailuresSchema, payload ?? {});
  if (!request.ok) return request.error;
  const config = configOf(context);
  if (!config.ok) return config.error;
  const spaceKey = contextSpaceKey(context);
  if (!spaceKey) return resolverError('The incident knowledge base works in a space; this page has no space.');
  const now = new Date();
  const { pointer, sync, status } = await readGovernanceSnapshot(now);
  // The space's failures and the failed iconik jobs do not depend on each other: read side by side.
  const [space, iconik] = await Promise.all([
    readSpaceFailures(pointer, spaceKey, config.value.solutionId, status),
    config.value.iconikJobs === false ? Promise.resolve({ rows: [] as OpenFailureRow[], note: null }) : iconikOpenJobs(now),
  ]);
  const open = space.failures.filter((failure) => isOpenState(failure.state)).sort(mostUrgentFirst);
  const refs: FailureRef[] = [
    ...open.map((failure) => ({ kind: 'governance' as const, failureId: failure.id })),
    ...iconik.rows.flatMap((row) => (row.request.kind === 'iconik-job' ? [{ kind: 'iconik-job' as const, assetId: row.request.assetId, jobId: row.request.jobId }] : [])),
  ];
  const records = await readIncidentsByFailure(refs);
  const hasPage = (row: OpenFailureRow) =>
    records.has(incidentKey(row.request.kind === 'governance' ? { kind: 'governance', failureId: row.request.failureId } : { kind: 'iconik-job', assetId: row.request.assetId, jobId: row.request.jobId }));

  const governanceRows = open.map(
    (failure): OpenFailureRow => ({
      request: { kind: 'governance', solutionId: space.solutionOf.get(failure.id) ?? '', failureId: failure.id },
      headline: `${failure.messageType} ${failure.direction} failing for ${failure.partner.name || failure.partner.id}`,
      severity: failure.severity,
      state: failure.state,
      environmentName: space.environmentNames.get(failure.environmentId) ?? failure.environmentId,
      lastSeenAt: failure.lastSeenAt,
      occurrences: failure.occurrences,
      errorCode: failure.errorCode,
      similarKey: { messageType: failure.messageType, partnerId: failure.partner.id, endpoint: failure.endpoint },
    }),
  );
  const all = [...governanceRows, ...iconik.rows].filter((row) => !hasPage(row));
  const { page, pageSize } = request.value;
  return {
    state: 'ok',
    sync,
    rows: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
    notes: iconik.note ? [iconik.note] : [],
  };
}

const similarSchema = z
  .object({ messageType: text, partnerId: text.optional(), endpoint: text.optional(), excludePageId: z.string().trim().min(1).max(100).optional() })
  .strict();

export const SIMILAR_SHOWN = 5;

/**
 * `incidentKb.similar`: earlier incidents of the same message type with the same partner or endpoint, those that say
 * what fixed them first.
 */
export async function similarIncidents({ payload, context }: ResolverRequest): Promise<SimilarIncidentsResponse> {
  const request = parseInput('payload', similarSchema, payload ?? {});
  if (!request.ok) return request.error;
  const spaceKey = contextSpaceKey(context);
  if (!spaceKey) return resolverError('Similar incidents are searched in the space the macro is in; this page has no space.');
  const { messageType, partnerId, endpoint, excludePageId } = request.value;
  const messageTypeLabel = incidentLabel.messageType(messageType);
  if (!messageTypeLabel) return { state: 'ok', incidents: [] };
  const alsoAnyOf = [partnerId ? incidentLabel.partner(partnerId) : null, endpoint ? incidentLabel.endpoint(endpoint) : null].filter((label): label is string => label !== null);
  let hits: SearchHit[];
  try {
    hits = await searchSimilarIncidents({ spaceKey, messageTypeLabel, alsoAnyOf, excludePageId, limit: 20 });
  } catch (error) {
    return resolverError(`Confluence could not search similar incidents: ${error instanceof Error ? error.message : String(error)}`);
  }
  const records = await readIncidentsByPage(hits.map((hit) => hit.id));
  const incidents: SimilarIncident[] = hits.map((hit) => ({
    pageId: hit.id,
    title: hit.title,
    url: hit.url ? `/wiki${hit.url}` : pageUrl({ id: hit.id, webui: null }, spaceKey),
    state: incidentState(hit.labels, null).state,
    rootCause: hit.storage ? rootCauseLine(hit.storage) : null,
    createdAt: records.get(hit.id)?.createdAt ?? hit.lastModified,
  }));
  return { state: 'ok', incidents: knownFixesFirst(incidents).slice(0, SIMILAR_SHOWN) };
}

/** `incidentKb.configOptions`: the solutions of the space, for the config panel's optional solution filter. */
export async function incidentKbConfigOptions({ payload, context }: ResolverRequest): Promise<IncidentKbConfigOptionsResponse> {
  const request = parseInput('payload', z.object({}).strict(), payload ?? {});
  if (!request.ok) return request.error;
  const { pointer, sync } = await readGovernanceSnapshot(new Date());
  const solutions = pointer ? await spaceSolutions(pointer, contextSpaceKey(context)) : [];
  return { solutions: solutions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)), sync };
}

/** Incident pages (from the hub and the knowledge base) and the incident-knowledge-base macro, by resolver key. */
export const incidentResolverDefinitions: Record<string, (request: ResolverRequest) => Promise<unknown>> = {
  'incidents.create': createIncident,
  'incidents.lookup': lookupIncidents,
  'incidentKb.list': listIncidents,
  'incidentKb.openFailures': listOpenFailures,
  'incidentKb.similar': similarIncidents,
  'incidentKb.configOptions': incidentKbConfigOptions,
};
