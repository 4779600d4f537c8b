/**
 * Incident pages in Confluence: one page per failure under the space's "Incidents" page, created as the user (so
 * Confluence's own permissions decide), and the CQL searches the knowledge base runs over their labels.
 *
 * One page per failure, also when two people click at once: the KVS record failure -> page answers repeat clicks;
 * the `failure-<id>` label finds a page whose record was lost; and because titles are unique per space and the title
 * holds the failure id, two creates racing past both checks end with the one page Confluence kept (ensurePage).
 */
import { incidentLabel, incidentLabels, INCIDENT_LABEL, OPEN_LABEL, RESOLVED_LABEL } from '../domain/incidents/incidentLabels';
import type { IncidentFacts } from '../domain/incidents/incidentFacts';
import { incidentPageTitle } from '../domain/incidents/incidentPage';
import type { IncidentPageRef } from '../shared/incidentContract';
import {
  addLabels,
  ConfluenceApiError,
  cqlValue,
  ensurePage,
  findSpaceByKey,
  getPage,
  removeLabel,
  searchCql,
  type PageRef,
  type SearchHit,
} from './pages';
import { forgetIncident, readIncident, readIncidentsByPage, sameFailure, saveIncident, refOfRecord, type FailureRef, type IncidentRecord } from '../store/incidents';

export const INCIDENTS_PARENT_TITLE = 'Incidents';
const PARENT_BODY =
  '<p>Incident pages created from integration failures and failed iconik jobs by Integration Governance Hub. ' +
  'Add the <strong>Incident knowledge base</strong> macro to a page to search them by message type, partner, endpoint and environment.</p>';

export type IncidentOutcome = { ok: true; created: boolean; page: IncidentPageRef } | { ok: false; message: string };

export function pageUrl(page: Pick<PageRef, 'id' | 'webui'>, spaceKey: string): string {
  return page.webui ? `/wiki${page.webui}` : `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(page.id)}`;
}

/** What a failed Confluence call means for the person who clicked. */
export function incidentFailureMessage(error: unknown, spaceKey: string): string {
  if (error instanceof ConfluenceApiError) {
    if (error.status === 401 || error.status === 403) {
      return `Confluence did not let you create the incident page in space ${spaceKey}: you need permission to add pages there. Ask a space admin, or open the page from someone who can.`;
    }
    if (error.status === 429) return 'Confluence is busy (rate limited). Try again in a minute.';
    return `Confluence could not create the incident page (${error.message}).`;
  }
  return `Could not create the incident page: ${error instanceof Error ? error.message : String(error)}`;
}

export interface CreateIncidentArgs {
  ref: FailureRef;
  facts: IncidentFacts;
  spaceKey: string;
  /** The page body; called only when a page has to be made (reading changes and specs costs requests). */
  body(): Promise<string>;
  now: Date;
  accountId: string | null;
}

function recordFor(args: CreateIncidentArgs, page: PageRef, spaceKey: string): IncidentRecord {
  const { facts, ref } = args;
  return {
    kind: facts.kind,
    solutionId: facts.solution?.id ?? null,
    failureId: ref.kind === 'governance' ? ref.failureId : ref.jobId,
    assetId: ref.kind === 'iconik-job' ? ref.assetId : null,
    pageId: page.id,
    spaceKey,
    title: page.title,
    url: pageUrl(page, spaceKey),
    createdAt: args.now.toISOString(),
    createdBy: args.accountId,
    messageType: facts.messageTypes[0] ?? null,
    partner: facts.partner,
    endpoint: facts.endpoints[0] ?? null,
    environment: facts.environments[0] ?? null,
    severity: facts.severity,
  };
}

const refOf = (record: IncidentRecord, title?: string): IncidentPageRef => ({ pageId: record.pageId, title: title ?? record.title, spaceKey: record.spaceKey, url: record.url });

/** The page the record names, if it still exists; the record of a deleted (or trashed) page is forgotten. */
async function existingFromRecord(record: IncidentRecord): Promise<IncidentPageRef | null> {
  try {
    const page = await getPage('user', record.pageId);
    if (page.status === undefined || page.status === 'current') return refOf(record, page.title);
    await forgetIncident(record);
    return null;
  } catch (error) {
    if (error instanceof ConfluenceApiError && error.status === 404) {
      await forgetIncident(record);
      return null;
    }
    throw error;
  }
}

/** A page labelled for this failure whose record was lost (or written by a create that died before saving it). */
async function existingFromLabel(args: CreateIncidentArgs, spaceKey: string): Promise<PageRef | null> {
  const failureLabel = incidentLabel.failure(args.facts);
  if (!failureLabel) return null;
  const { hits } = await searchCql('user', `type = page and space = ${cqlValue(spaceKey)} and label = ${cqlValue(INCIDENT_LABEL)} and label = ${cqlValue(failureLabel)}`, { limit: 10 });
  if (hits.length === 0) return null;
  const records = await readIncidentsByPage(hits.map((hit) => hit.id));
  const title = incidentPageTitle(args.facts);
  const hit = hits.find((candidate) => {
    const record = records.get(candidate.id);
    // Labels are cleaned, so two ids can share one; the record (or failing that, the title) says whose page it is.
    return record ? sameFailure(refOfRecord(record), args.ref) : candidate.title === title;
  });
  if (!hit) return null;
  return { id: hit.id, title: hit.title, spaceId: '', parentId: null, version: 0, webui: hit.url };
}

/** Opens the failure's incident page, making it first when there is none. */
export async function createOrOpenIncidentPage(args: CreateIncidentArgs): Promise<IncidentOutcome> {
  const { spaceKey } = args;
  try {
    const record = await readIncident(args.ref);
    if (record) {
      const existing = await existingFromRecord(record);
      if (existing) return { ok: true, created: false, page: existing };
    }
    const space = await findSpaceByKey('user', spaceKey);
    if (!space) return { ok: false, message: `Space ${spaceKey} does not exist, or you cannot see it: the incident page goes there.` };

    const labelled = await existingFromLabel(args, space.key);
    if (labelled) {
      const found = recordFor(args, labelled, space.key);
      await saveIncident(found);
      return { ok: true, created: false, page: refOf(found) };
    }

    const parent = await ensurePage('user', { spaceId: space.id, title: INCIDENTS_PARENT_TITLE, parentId: space.homepageId, storage: PARENT_BODY });
    const { page, created } = await ensurePage('user', {
      spaceId: space.id,
      title: incidentPageTitle(args.facts),
      parentId: parent.page.id,
      storage: await args.body(),
    });
    if (!created) {
      const owner = (await readIncidentsByPage([page.id])).get(page.id);
      if (owner && !sameFailure(refOfRecord(owner), args.ref)) {
        return { ok: false, message: `The page "${page.title}" already belongs to another failure; rename it to make room for this one.` };
      }
    }
    await addLabels('user', page.id, incidentLabels(args.facts));
    const saved = recordFor(args, page, space.key);
    await saveIncident(saved);
    return { ok: true, created, page: refOf(saved) };
  } catch (error) {
    return { ok: false, message: incidentFailureMessage(error, spaceKey) };
  }
}

export interface IncidentSearch {
  spaceKey: string;
  /** Labels every page must have, besides `incident`. */
  labels: string[];
  start: number;
  limit: number;
}

/** Incident pages of a space, newest first, one page of results with bodies (for the root cause line). */
export async function searchIncidentPages(search: IncidentSearch): Promise<{ hits: SearchHit[]; total: number | null }> {
  const clauses = [`type = page`, `space = ${cqlValue(search.spaceKey)}`, `label = ${cqlValue(INCIDENT_LABEL)}`, ...search.labels.map((label) => `label = ${cqlValue(label)}`)];
  const { hits, total } = await searchCql('user', `${clauses.join(' and ')} order by created desc`, { start: search.start, limit: search.limit, expandBody: true });
  return { hits, total };
}

export interface SimilarSearch {
  spaceKey: string;
  messageTypeLabel: string;
  /** Same partner or same endpoint (either; none given means message type alone). */
  alsoAnyOf: string[];
  excludePageId?: string;
  limit: number;
}

export async function searchSimilarIncidents(search: SimilarSearch): Promise<SearchHit[]> {
  const clauses = [`type = page`, `space = ${cqlValue(search.spaceKey)}`, `label = ${cqlValue(INCIDENT_LABEL)}`, `label = ${cqlValue(search.messageTypeLabel)}`];
  if (search.alsoAnyOf.length > 0) clauses.push(`(${search.alsoAnyOf.map((label) => `label = ${cqlValue(label)}`).join(' or ')})`);
  if (search.excludePageId) clauses.push(`id != ${cqlValue(search.excludePageId)}`);
  const { hits } = await searchCql('user', `${clauses.join(' and ')} order by created desc`, { limit: search.limit, expandBody: true });
  return hits;
}

/** Title and space of pages by id, as the reader may see them (pages they cannot see are absent). */
export async function pagesById(pageIds: string[]): Promise<Map<string, SearchHit>> {
  const unique = [...new Set(pageIds)].slice(0, 50);
  if (unique.length === 0) return new Map();
  const { hits } = await searchCql('user', `type = page and id in (${unique.map(cqlValue).join(', ')})`, { limit: unique.length });
  return new Map(hits.map((hit) => [hit.id, hit]));
}

/** The page's state label as the failure's current state says; the app fixes it (labels are the search's truth). */
export async function alignStateLabel(pageId: string, labels: readonly string[], open: boolean): Promise<void> {
  const wanted = open ? OPEN_LABEL : RESOLVED_LABEL;
  const stale = open ? RESOLVED_LABEL : OPEN_LABEL;
  if (!labels.includes(wanted)) await addLabels('app', pageId, [wanted]);
  if (labels.includes(stale)) await removeLabel('app', pageId, stale);
}
