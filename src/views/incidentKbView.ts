/**
 * The incident knowledge base's listing: a page of the space's incident pages from Confluence (CQL over their
 * labels, newest first), each with its failure's current state and its root-cause line. Shared by the macro's
 * resolver and its PDF export.
 */
import { alignStateLabel, pageUrl, searchIncidentPages } from '../confluence/incidentPages';
import type { SearchHit } from '../confluence/pages';
import { filterLabels, incidentState, kbFilterOptions } from '../domain/incidents/knowledgeBase';
import { rootCauseLine } from '../domain/incidents/rootCause';
import type { Failure } from '../sources/governance/schemas';
import { INCIDENT_STATES, MAX_KB_PAGE_SIZE, type IncidentKbFilterOptions, type IncidentKbFilters, type IncidentKbListResponse, type IncidentRow } from '../shared/incidentContract';
import { readIncidentsByPage, type IncidentRecord } from '../store/incidents';
import { z } from 'zod';
import type { SnapshotPointer } from '../store/snapshots';
import { emptyLiveEvents, type LiveEvents } from '../domain/events/liveOverlay';
import { readLiveEventsOf } from '../store/liveEvents';
import type { SourceStatus } from '../store/syncStatus';
import { readGovernanceSnapshot } from './governanceSnapshot';
import { readEnvironmentNames, readFailures, spaceSolutions } from './incidentSources';
import type { SolutionView } from './solutionsView';

/** The macro's saved configuration, validated on read. */
export const incidentKbConfigSchema = z
  .object({
    solutionId: z.string().trim().min(1).max(200).optional(),
    defaultState: z.enum(INCIDENT_STATES).optional(),
    pageSize: z.number().int().min(1).max(MAX_KB_PAGE_SIZE).optional(),
    /** Offer failed iconik jobs in "open failures without an incident page" (default: yes). */
    iconikJobs: z.boolean().optional(),
  })
  .passthrough();

export interface SpaceFailures {
  solutions: SolutionView[];
  failures: Failure[];
  /** Failure id -> the solution it belongs to (failures name only their environment). */
  solutionOf: Map<string, string>;
  environmentNames: Map<string, string>;
}

/**
 * The failures of every solution the space shows (or of the configured one), with environment names. `status`: the
 * governance source status the caller read with the pointer; the solutions' live overlays are read in one batch.
 */
export async function readSpaceFailures(
  pointer: SnapshotPointer | undefined,
  spaceKey: string,
  onlySolutionId?: string,
  status?: SourceStatus,
): Promise<SpaceFailures> {
  const space: SpaceFailures = { solutions: [], failures: [], solutionOf: new Map(), environmentNames: new Map() };
  if (!pointer) return space;
  space.solutions = (await spaceSolutions(pointer, spaceKey)).filter((solution) => !onlySolutionId || solution.id === onlySolutionId);
  // One batched read of the overlays, alongside the failures; an unreadable overlay only delays what the next sync brings.
  const overlays: Promise<Map<string, LiveEvents>> =
    space.solutions.length === 0
      ? Promise.resolve(new Map())
      : readLiveEventsOf(space.solutions.map((solution) => solution.id), status).catch((error: unknown) => {
          console.warn(`live events of space ${spaceKey}: not read (${error instanceof Error ? error.message : String(error)})`);
          return new Map();
        });
  const reads = await Promise.all(
    space.solutions.map((solution) =>
      Promise.all([readFailures(pointer, solution.id, overlays.then((byId) => byId.get(solution.id) ?? emptyLiveEvents())), readEnvironmentNames(pointer, solution.id)]),
    ),
  );
  space.solutions.forEach((solution, index) => {
    const [failures, names] = reads[index] ?? [[], new Map<string, string>()];
    for (const failure of failures) {
      space.failures.push(failure);
      space.solutionOf.set(failure.id, solution.id);
    }
    for (const [environmentId, name] of names) space.environmentNames.set(environmentId, name);
  });
  return space;
}

/** State labels fixed per listing at most: labels follow the failures' states without slowing a render much. */
const LABEL_FIXES_PER_RENDER = 10;

function rowOf(hit: SearchHit, record: IncidentRecord | undefined, failure: Failure | undefined, environmentNames: ReadonlyMap<string, string>): IncidentRow {
  const { state, source } = incidentState(hit.labels, failure ? failure.state : null);
  const messageType = failure?.messageType ?? record?.messageType ?? null;
  const partner = failure ? { id: failure.partner.id, name: failure.partner.name } : (record?.partner ?? null);
  const endpoint = failure?.endpoint ?? record?.endpoint ?? null;
  const environmentId = failure?.environmentId ?? record?.environment?.id ?? null;
  return {
    pageId: hit.id,
    title: hit.title,
    url: hit.url ? `/wiki${hit.url}` : (record?.url ?? pageUrl({ id: hit.id, webui: null }, hit.spaceKey ?? '')),
    createdAt: record?.createdAt ?? hit.lastModified,
    state,
    stateSource: source,
    failureState: failure?.state ?? null,
    rootCause: hit.storage ? rootCauseLine(hit.storage) : null,
    kind: record?.kind ?? 'unknown',
    messageType,
    partner,
    endpoint,
    environment: environmentId ? { id: environmentId, name: environmentNames.get(environmentId) ?? record?.environment?.name ?? environmentId } : null,
    severity: failure?.severity ?? record?.severity ?? null,
    similarKey: messageType
      ? { messageType, ...(partner ? { partnerId: partner.id } : {}), ...(endpoint ? { endpoint } : {}), excludePageId: hit.id }
      : null,
  };
}

export async function loadIncidentList(spaceKey: string, filters: IncidentKbFilters, page: number, pageSize: number, now: Date): Promise<IncidentKbListResponse> {
  const { pointer, sync, status } = await readGovernanceSnapshot(now);
  const space = await readSpaceFailures(pointer, spaceKey, undefined, status);
  const options: IncidentKbFilterOptions = kbFilterOptions(space.failures, space.environmentNames);
  const labels = filterLabels(filters);
  const empty = { state: 'ok' as const, space: { key: spaceKey }, sync, rows: [], total: 0, page, pageSize, filters, options };
  if (labels === null) return empty;

  let found: { hits: SearchHit[]; total: number | null };
  try {
    found = await searchIncidentPages({ spaceKey, labels, start: (page - 1) * pageSize, limit: pageSize });
  } catch (error) {
    return { state: 'error', message: `Confluence could not search the incident pages: ${error instanceof Error ? error.message : String(error)}`, fields: [] };
  }
  const records = await readIncidentsByPage(found.hits.map((hit) => hit.id));
  const failuresById = new Map(space.failures.map((failure) => [failure.id, failure]));
  const rows = found.hits.map((hit) => {
    const record = records.get(hit.id);
    const failure = record?.kind === 'governance' ? failuresById.get(record.failureId) : undefined;
    return rowOf(hit, record, failure, space.environmentNames);
  });

  const stale = rows.filter((row, index) => row.stateSource === 'failure' && incidentState(found.hits[index]?.labels ?? [], null).state !== row.state);
  await Promise.all(
    stale.slice(0, LABEL_FIXES_PER_RENDER).map((row) =>
      // Best effort: a failed fix leaves the label as it was; the row still shows the failure's real state.
      alignStateLabel(row.pageId, found.hits.find((hit) => hit.id === row.pageId)?.labels ?? [], row.state === 'open').catch(() => undefined),
    ),
  );
  return { ...empty, rows, total: found.total ?? (page - 1) * pageSize + rows.length };
}
