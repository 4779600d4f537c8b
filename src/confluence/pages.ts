/**
 * The Confluence REST client for pages the app writes (incident pages, the change log, status summaries) and the
 * searches over them. v2 for spaces and pages; v1 where Confluence has nothing else (adding labels, CQL search).
 *
 * `actor` says whose permissions apply: 'user' (asUser: a support engineer creating an incident page can only write
 * where Confluence lets them) or 'app' (asApp: queue consumers and scheduled triggers, which have no user).
 */
import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';
import { truncateText } from '../domain/storage/escape';

export type Actor = 'user' | 'app';

export class ConfluenceApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    detail: string,
  ) {
    super(`Confluence ${operation} failed: ${status}${detail ? ` ${detail}` : ''}`);
    this.name = 'ConfluenceApiError';
  }
}

type RouteValue = ReturnType<typeof route>;

function requester(actor: Actor) {
  return actor === 'user' ? api.asUser() : api.asApp();
}

async function call(actor: Actor, _operation: string, path: RouteValue, init: { method?: string; body?: string } = {}): Promise<APIResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) };
  return requester(actor).requestConfluence(path, { method: init.method ?? 'GET', headers, ...(init.body ? { body: init.body } : {}) });
}

/** The message Confluence gives for a failure, whichever of its error shapes it uses, cut short. */
async function failureDetail(response: APIResponse): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as unknown;
    const parsed = z
      .object({
        message: z.string().optional(),
        errors: z.array(z.object({ title: z.string().optional(), detail: z.string().nullish() }).passthrough()).optional(),
      })
      .passthrough()
      .safeParse(body);
    if (parsed.success) {
      const fromErrors = parsed.data.errors?.map((error) => error.detail ?? error.title).filter(Boolean).join('; ');
      return (fromErrors || parsed.data.message || '').slice(0, 300);
    }
  } catch {
    // not JSON: fall through
  }
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

async function expectOk(response: APIResponse, operation: string): Promise<unknown> {
  if (!response.ok) throw new ConfluenceApiError(operation, response.status, await failureDetail(response));
  if (response.status === 204) return null;
  return response.json();
}

const spaceSchema = z.object({ id: z.coerce.string(), key: z.string(), name: z.string(), homepageId: z.coerce.string().nullish() }).passthrough();
export type SpaceRef = { id: string; key: string; name: string; homepageId: string | null };

const pageSchema = z
  .object({
    id: z.coerce.string(),
    title: z.string(),
    spaceId: z.coerce.string(),
    parentId: z.coerce.string().nullish(),
    status: z.string().optional(),
    version: z.object({ number: z.number().int() }).passthrough(),
    body: z.object({ storage: z.object({ value: z.string() }).passthrough().optional() }).passthrough().optional(),
    _links: z.object({ webui: z.string().optional(), base: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

export interface PageRef {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
  version: number;
  /** Path of the page in Confluence's UI, relative to the site (e.g. /spaces/OPS/pages/123/Title). */
  webui: string | null;
  /** current, draft, trashed, ... when Confluence said (a trashed page still answers GET by id). */
  status?: string;
}

export interface PageWithBody extends PageRef {
  storage: string;
}

function toPageRef(value: unknown, operation: string): PageWithBody {
  const parsed = pageSchema.safeParse(value);
  if (!parsed.success) throw new ConfluenceApiError(operation, 200, 'answered an unexpected page record');
  const page = parsed.data;
  return {
    id: page.id,
    title: page.title,
    spaceId: page.spaceId,
    parentId: page.parentId ?? null,
    version: page.version.number,
    webui: page._links?.webui ?? null,
    ...(page.status ? { status: page.status } : {}),
    storage: page.body?.storage?.value ?? '',
  };
}

/**
 * The space with this key. Keys are matched as Confluence stores them, then upper-cased: a backend or an admin that
 * writes "otc" for the space OTC still finds it (space keys compare case-insensitively in this app).
 */
export async function findSpaceByKey(actor: Actor, key: string): Promise<SpaceRef | null> {
  const exact = await lookUpSpace(actor, key);
  if (exact || key === key.toUpperCase()) return exact;
  return lookUpSpace(actor, key.toUpperCase());
}

async function lookUpSpace(actor: Actor, key: string): Promise<SpaceRef | null> {
  const response = await call(actor, 'space lookup', route`/wiki/api/v2/spaces?keys=${key}&limit=1`);
  const body = z.object({ results: z.array(z.unknown()) }).passthrough().safeParse(await expectOk(response, `space lookup (${key})`));
  if (!body.success) throw new ConfluenceApiError(`space lookup (${key})`, response.status, 'answered an unexpected list');
  const space = body.data.results.map((item) => spaceSchema.safeParse(item)).find((item) => item.success && item.data.key === key);
  if (!space?.success) return null;
  return { id: space.data.id, key: space.data.key, name: space.data.name, homepageId: space.data.homepageId ?? null };
}

export async function findPageByTitle(actor: Actor, spaceId: string, title: string): Promise<PageRef | null> {
  const response = await call(actor, 'page lookup', route`/wiki/api/v2/pages?space-id=${spaceId}&title=${title}&status=current&limit=5`);
  const body = z.object({ results: z.array(z.unknown()) }).passthrough().safeParse(await expectOk(response, 'page lookup'));
  if (!body.success) throw new ConfluenceApiError('page lookup', response.status, 'answered an unexpected list');
  const match = body.data.results.map((item) => toPageRef(item, 'page lookup')).find((page) => page.title === title);
  return match ? withoutBody(match) : null;
}

export async function getPage(actor: Actor, pageId: string): Promise<PageWithBody> {
  const response = await call(actor, 'page read', route`/wiki/api/v2/pages/${pageId}?body-format=storage`);
  return toPageRef(await expectOk(response, `page read (${pageId})`), 'page read');
}

function withoutBody(page: PageWithBody): PageRef {
  const { storage: _storage, ...ref } = page;
  return ref;
}

export interface NewPage {
  spaceId: string;
  title: string;
  parentId?: string | null;
  /** Storage-format XHTML, every outside value already escaped (src/domain/storage/escape.ts). */
  storage: string;
}

export async function createPage(actor: Actor, page: NewPage): Promise<PageRef> {
  const response = await call(actor, 'page create', route`/wiki/api/v2/pages`, {
    method: 'POST',
    body: JSON.stringify({
      spaceId: page.spaceId,
      status: 'current',
      title: page.title,
      ...(page.parentId ? { parentId: page.parentId } : {}),
      body: { representation: 'storage', value: page.storage },
    }),
  });
  return withoutBody(toPageRef(await expectOk(response, `page create (${page.title})`), 'page create'));
}

/**
 * The page with this title in the space, created when missing. Two writers racing to create the same page both end
 * with the one Confluence kept: titles are unique per space, so the loser's create fails and it finds the winner's.
 */
export async function ensurePage(actor: Actor, page: NewPage): Promise<{ page: PageRef; created: boolean }> {
  const existing = await findPageByTitle(actor, page.spaceId, page.title);
  if (existing) return { page: existing, created: false };
  try {
    return { page: await createPage(actor, page), created: true };
  } catch (error) {
    if (error instanceof ConfluenceApiError && (error.status === 400 || error.status === 409)) {
      const winner = await findPageByTitle(actor, page.spaceId, page.title);
      if (winner) return { page: winner, created: false };
    }
    throw error;
  }
}

export interface PageEdit {
  storage: string;
  title?: string;
  /** Shown in the page history. */
  message?: string;
}

/**
 * Rewrites a page from its latest version: `edit` gets the current body and returns the new one (or null: nothing to
 * change). On a 409 (someone else saved first) it reads the page again and re-applies `edit` to that version, so two
 * writers adding entries to the same page never lose one.
 */
export async function updatePage(
  actor: Actor,
  pageId: string,
  edit: (current: PageWithBody) => PageEdit | null,
  options: { maxAttempts?: number; sleep?: (ms: number) => Promise<void>; random?: () => number } = {},
): Promise<{ page: PageRef; changed: boolean; attempts: number }> {
  const maxAttempts = options.maxAttempts ?? 6;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    // Writers that collided back off by a random, growing delay so they do not collide again in lockstep.
    if (attempt > 1) await sleep(Math.round(Math.min(2_000, 50 * 2 ** (attempt - 2)) * random()));
    const current = await getPage(actor, pageId);
    const next = edit(current);
    if (next === null) return { page: withoutBody(current), changed: false, attempts: attempt };
    const response = await call(actor, 'page update', route`/wiki/api/v2/pages/${pageId}`, {
      method: 'PUT',
      body: JSON.stringify({
        id: pageId,
        status: 'current',
        title: next.title ?? current.title,
        body: { representation: 'storage', value: next.storage },
        version: { number: current.version + 1, ...(next.message ? { message: truncateText(next.message, 255) } : {}) },
      }),
    });
    if (response.status === 409 && attempt < maxAttempts) continue;
    return { page: withoutBody(toPageRef(await expectOk(response, `page update (${pageId})`), 'page update')), changed: true, attempts: attempt };
  }
}

/** Adds global labels (v1: v2 cannot add labels). Labels must already be valid (src/domain/storage/escape.ts toLabel). */
export async function addLabels(actor: Actor, pageId: string, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  const response = await call(actor, 'label add', route`/wiki/rest/api/content/${pageId}/label`, {
    method: 'POST',
    body: JSON.stringify(labels.map((name) => ({ prefix: 'global', name }))),
  });
  await expectOk(response, `label add (${pageId})`);
}

/** Removes a global label (v1); a label the page does not have is not an error. */
export async function removeLabel(actor: Actor, pageId: string, name: string): Promise<void> {
  const response = await call(actor, 'label remove', route`/wiki/rest/api/content/${pageId}/label?name=${name}`, { method: 'DELETE' });
  if (response.status === 404) return;
  await expectOk(response, `label remove (${pageId})`);
}

const searchResultSchema = z
  .object({
    content: z
      .object({
        id: z.coerce.string(),
        title: z.string(),
        space: z.object({ key: z.string() }).passthrough().optional(),
        version: z.object({ number: z.number(), when: z.string().optional() }).passthrough().optional(),
        body: z.object({ storage: z.object({ value: z.string() }).passthrough() }).passthrough().optional(),
        metadata: z.object({ labels: z.object({ results: z.array(z.object({ name: z.string() }).passthrough()) }).passthrough() }).passthrough().optional(),
      })
      .passthrough(),
    url: z.string().optional(),
    excerpt: z.string().optional(),
    lastModified: z.string().optional(),
  })
  .passthrough();

export interface SearchHit {
  id: string;
  title: string;
  spaceKey: string | null;
  url: string | null;
  lastModified: string | null;
  labels: string[];
  /** Storage body when `expandBody` was asked for. */
  storage: string | null;
}

/**
 * CQL search (v1 /rest/api/search). `start` pages through results; the answer says whether more exist. Build CQL
 * values with `cqlValue` only.
 */
export async function searchCql(
  actor: Actor,
  cql: string,
  options: { limit?: number; start?: number; expandBody?: boolean } = {},
): Promise<{ hits: SearchHit[]; total: number | null; nextStart: number | null }> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const start = Math.max(options.start ?? 0, 0);
  const expand = ['content.space', 'content.version', 'content.metadata.labels', ...(options.expandBody ? ['content.body.storage'] : [])].join(',');
  const response = await call(actor, 'search', route`/wiki/rest/api/search?cql=${cql}&limit=${String(limit)}&start=${String(start)}&expand=${expand}`);
  const body = z
    .object({ results: z.array(z.unknown()), totalSize: z.number().optional(), _links: z.object({ next: z.string().optional() }).passthrough().optional() })
    .passthrough()
    .safeParse(await expectOk(response, 'search'));
  if (!body.success) throw new ConfluenceApiError('search', response.status, 'answered an unexpected result list');
  const hits: SearchHit[] = [];
  for (const item of body.data.results) {
    const parsed = searchResultSchema.safeParse(item);
    if (!parsed.success) continue;
    const { content } = parsed.data;
    hits.push({
      id: content.id,
      title: content.title,
      spaceKey: content.space?.key ?? null,
      url: parsed.data.url ?? null,
      lastModified: parsed.data.lastModified ?? content.version?.when ?? null,
      labels: content.metadata?.labels.results.map((label) => label.name) ?? [],
      storage: content.body?.storage.value ?? null,
    });
  }
  const more = body.data._links?.next !== undefined;
  return { hits, total: body.data.totalSize ?? null, nextStart: more ? start + body.data.results.length : null };
}

/** A CQL string literal: double-quoted, with `"` and `\` escaped, so outside text cannot change the query. */
export function cqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
