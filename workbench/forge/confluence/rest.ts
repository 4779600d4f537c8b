/**
 * The Confluence REST surface apps use: v2 spaces and pages (with versions, labels, children) and the v1 bits v2 lacks
 * (adding labels, CQL search). JSON shapes, status codes, `_links.next` cursors and error bodies follow Confluence Cloud.
 */
import { ConfluenceError, type Actor, type BodyRepresentation, type Label, type Page, type PageBody, type Space } from './model';
import type { ConfluenceStore } from './store';
import { compareFor, matches, parseCql, type CqlSubject } from './cql';
import { renderPageBody } from './view';
import { isRecord } from '../http-response';
import { anonymousUserJson, appUserJson, userJson, UserDirectory } from './users';

export interface RestRequest {
  method: string;
  url: URL;
  body: unknown;
  actor: Actor;
  /** `<origin>/wiki`, what Confluence calls `_links.base`. */
  baseUrl: string;
  /** Who each accountId is (for the user endpoints); the seeded directory when absent. */
  users?: UserDirectory;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: RestRequest, match: RegExpExecArray) => RestResponse;

export function handleRest(store: ConfluenceStore, request: RestRequest): RestResponse {
  const v2 = request.url.pathname.startsWith('/wiki/api/v2/');
  try {
    for (const [method, pattern, handler] of routes(store)) {
      const match = pattern.exec(request.url.pathname);
      if (match && method === request.method) return handler(request, match);
    }
    throw new ConfluenceError(404, `No API route for ${request.method} ${request.url.pathname}`);
  } catch (error) {
    if (!(error instanceof ConfluenceError)) throw error;
    return v2 ? v2Error(error.status, error.message) : v1Error(error.status, error.message);
  }
}

function routes(store: ConfluenceStore): Array<[string, RegExp, Handler]> {
  return [
    ['GET', /^\/wiki\/api\/v2\/spaces\/?$/, (request) => listSpaces(store, request)],
    ['GET', /^\/wiki\/api\/v2\/spaces\/([^/]+)$/, (request, match) => ok(spaceJson(requireSpace(store, match[1]), request.baseUrl))],
    ['GET', /^\/wiki\/api\/v2\/spaces\/([^/]+)\/pages$/, (request, match) => listPages(store, request, requireSpace(store, match[1]).id)],
    ['GET', /^\/wiki\/api\/v2\/pages\/?$/, (request) => listPages(store, request)],
    ['POST', /^\/wiki\/api\/v2\/pages\/?$/, (request) => createPage(store, request)],
    ['GET', /^\/wiki\/api\/v2\/pages\/([^/]+)$/, (request, match) => getPage(store, request, requirePage(store, match[1]))],
    ['PUT', /^\/wiki\/api\/v2\/pages\/([^/]+)$/, (request, match) => updatePage(store, request, requirePage(store, match[1]))],
    ['DELETE', /^\/wiki\/api\/v2\/pages\/([^/]+)$/, (request, match) => deletePage(store, request, requirePage(store, match[1]))],
    ['GET', /^\/wiki\/api\/v2\/pages\/([^/]+)\/labels$/, (request, match) => listLabels(store, request, requirePage(store, match[1]))],
    ['GET', /^\/wiki\/api\/v2\/pages\/([^/]+)\/versions$/, (request, match) => listVersions(store, request, requirePage(store, match[1]))],
    ['GET', /^\/wiki\/api\/v2\/pages\/([^/]+)\/children$/, (request, match) => listChildren(store, request, requirePage(store, match[1]))],
    ['GET', /^\/wiki\/rest\/api\/content\/([^/]+)\/label$/, (request, match) => ok(v1Labels(requirePage(store, match[1]).labels, request))],
    ['POST', /^\/wiki\/rest\/api\/content\/([^/]+)\/label$/, (request, match) => addLabels(store, request, requirePage(store, match[1]))],
    ['DELETE', /^\/wiki\/rest\/api\/content\/([^/]+)\/label(?:\/([^/]+))?$/, (request, match) => removeLabel(store, request, match)],
    ['GET', /^\/wiki\/rest\/api\/search\/?$/, (request) => search(store, request, 'search')],
    ['GET', /^\/wiki\/rest\/api\/content\/search\/?$/, (request) => search(store, request, 'content')],
    ['GET', /^\/wiki\/rest\/api\/user\/current\/?$/, (request) => currentUser(request)],
  ];
}

const SEEDED_DIRECTORY = new UserDirectory();

/** v1 "Get current user": the caller as Confluence knows them; anonymous readers get the anonymous user. */
function currentUser(request: RestRequest): RestResponse {
  const { actor, baseUrl } = request;
  // `expand=operations,personalSpace`: comma-separated, as Confluence reads it.
  const expand = (request.url.searchParams.get('expand') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (actor.accountId === null) return ok(anonymousUserJson(baseUrl, expand));
  if (actor.isApp) return ok(appUserJson(actor.accountId, baseUrl, expand));
  const user = (request.users ?? SEEDED_DIRECTORY).get(actor.accountId);
  if (!user) throw new ConfluenceError(404, `No user with accountId ${actor.accountId} in the workbench's user directory (workbench/forge/confluence/users.ts)`);
  return ok(userJson(user, baseUrl, expand));
}

function listSpaces(store: ConfluenceStore, request: RestRequest): RestResponse {
  const keys = listParam(request.url, 'keys');
  const ids = listParam(request.url, 'ids');
  const spaces = store.spaces().filter((space) => (keys.length === 0 || keys.includes(space.key)) && (ids.length === 0 || ids.includes(space.id)));
  return paged(spaces.map((space) => spaceJson(space, request.baseUrl)), request, 25, 250);
}

function listPages(store: ConfluenceStore, request: RestRequest, spaceId?: string): RestResponse {
  const { url } = request;
  const spaceIds = spaceId ? [spaceId] : listParam(url, 'space-id');
  const ids = listParam(url, 'id');
  const statuses = listParam(url, 'status');
  const title = url.searchParams.get('title');
  const format = bodyFormat(url);
  const pages = store
    .pages()
    .filter((page) => (spaceIds.length === 0 || spaceIds.includes(page.spaceId)) && (ids.length === 0 || ids.includes(page.id)))
    .filter((page) => (statuses.length === 0 ? page.status === 'current' : statuses.includes(page.status)))
    .filter((page) => title === null || page.title === title);
  return paged(pages.map((page) => pageJson(store, page, request.baseUrl, format)), request, 25, 250);
}

function getPage(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const version = request.url.searchParams.get('version');
  if (version !== null && Number(version) !== page.version.number) {
    const past = store.versions(page.id).find((candidate) => candidate.number === Number(version));
    if (!past) throw new ConfluenceError(404, `Page ${page.id} has no version ${version}`);
    const { title, body, number, message, minorEdit, authorId, createdAt } = past;
    return ok(pageJson(store, { ...page, title, body, version: { number, message, minorEdit, authorId, createdAt } }, request.baseUrl, bodyFormat(request.url)));
  }
  return ok(pageJson(store, page, request.baseUrl, bodyFormat(request.url)));
}

function createPage(store: ConfluenceStore, request: RestRequest): RestResponse {
  const input = requireObject(request.body);
  const page = store.createPage(
    {
      spaceId: String(input.spaceId ?? ''),
      title: input.title as string,
      status: input.status === 'draft' ? 'draft' : 'current',
      parentId: typeof input.parentId === 'string' ? input.parentId : null,
      body: requestBody(input.body),
    },
    request.actor,
  );
  return ok(pageJson(store, page, request.baseUrl, page.body.representation));
}

function updatePage(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const input = requireObject(request.body);
  if (input.id !== undefined && String(input.id) !== page.id) throw new ConfluenceError(400, 'The id in the body does not match the page id in the URL');
  const version = isRecord(input.version) ? input.version : undefined;
  if (typeof version?.number !== 'number') throw new ConfluenceError(400, 'version.number is required');
  const updated = store.updatePage(
    page.id,
    {
      title: input.title as string,
      status: input.status === 'draft' ? 'draft' : 'current',
      ...(input.parentId !== undefined ? { parentId: typeof input.parentId === 'string' ? input.parentId : null } : {}),
      ...(input.body !== undefined ? { body: requestBody(input.body) } : {}),
      version: { number: version.number, message: typeof version.message === 'string' ? version.message : '', minorEdit: version.minorEdit === true },
    },
    request.actor,
  );
  return ok(pageJson(store, updated, request.baseUrl, updated.body.representation));
}

function deletePage(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  store.deletePage(page.id, request.url.searchParams.get('purge') === 'true', request.actor);
  return { status: 204 };
}

function listLabels(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const prefix = request.url.searchParams.get('prefix');
  const labels = page.labels.filter((label) => prefix === null || label.prefix === prefix);
  return paged(labels.map(({ id, name, prefix: labelPrefix }) => ({ id, name, prefix: labelPrefix })), request, 25, 250);
}

function listVersions(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const versions = store
    .versions(page.id)
    .sort((a, b) => b.number - a.number)
    .map(({ number, message, minorEdit, authorId, createdAt, title }) => ({ number, message, minorEdit, authorId, createdAt, page: { id: page.id, title } }));
  return paged(versions, request, 25, 250);
}

function listChildren(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const children = store
    .pages()
    .filter((child) => child.parentId === page.id && child.status === 'current')
    .map((child, index) => ({ id: child.id, status: child.status, title: child.title, spaceId: child.spaceId, childPosition: index }));
  return paged(children, request, 25, 250);
}

function addLabels(store: ConfluenceStore, request: RestRequest, page: Page): RestResponse {
  const items = Array.isArray(request.body) ? request.body : [request.body];
  const labels = items.map((item) => {
    if (!isRecord(item) || typeof item.name !== 'string') throw new ConfluenceError(400, 'Each label needs a name');
    return { name: item.name, prefix: typeof item.prefix === 'string' ? item.prefix : 'global' };
  });
  return ok(v1Labels(store.addLabels(page.id, labels, request.actor), request));
}

function removeLabel(store: ConfluenceStore, request: RestRequest, match: RegExpExecArray): RestResponse {
  const page = requirePage(store, match[1]);
  const name = match[2] ? decodeURIComponent(match[2]) : request.url.searchParams.get('name');
  if (!name) throw new ConfluenceError(400, 'Which label? Give /label/{name} or ?name=');
  store.removeLabel(page.id, name, request.actor);
  return { status: 204 };
}

function search(store: ConfluenceStore, request: RestRequest, shape: 'search' | 'content'): RestResponse {
  const { url } = request;
  const cql = url.searchParams.get('cql');
  if (!cql) throw new ConfluenceError(400, 'The cql parameter is required');
  const query = parseCql(cql);
  const subjects = store
    .pages()
    .filter((page) => page.status === 'current')
    .map((page) => subjectFor(store, page))
    .filter((subject): subject is CqlSubject => subject !== undefined && matches(query.where, subject))
    .sort(compareFor(query.orderBy));
  const limit = clamp(Number(url.searchParams.get('limit') ?? 25), 1, shape === 'search' ? 100 : 200);
  const cursor = url.searchParams.get('cursor');
  const start = cursor ? decodeOffset(cursor) : clamp(Number(url.searchParams.get('start') ?? 0), 0, Number.MAX_SAFE_INTEGER);
  const slice = subjects.slice(start, start + limit);
  const links: Record<string, string> = { base: request.baseUrl, context: '/wiki' };
  if (start + limit < subjects.length) {
    const next = new URLSearchParams({ cql, limit: String(limit), start: String(start + limit), cursor: encodeOffset(start + limit), next: 'true' });
    const expand = url.searchParams.get('expand');
    if (expand) next.set('expand', expand);
    links.next = `${shape === 'search' ? '/rest/api/search' : '/rest/api/content/search'}?${next.toString()}`;
  }
  const expand = listParam(url, 'expand');
  const results = slice.map((subject) => (shape === 'search' ? searchResult(subject, request.baseUrl, expand) : contentJson(subject, request.baseUrl, expand)));
  return ok({ results, start, limit, size: results.length, ...(shape === 'search' ? { totalSize: subjects.length, cqlQuery: cql, searchDuration: 1 } : {}), _links: links });
}

function subjectFor(store: ConfluenceStore, page: Page): CqlSubject | undefined {
  const space = store.space(page.spaceId);
  if (!space) return undefined;
  const ancestors: string[] = [];
  for (let parent = page.parentId ? store.page(page.parentId) : undefined; parent; parent = parent.parentId ? store.page(parent.parentId) : undefined) {
    ancestors.push(parent.id);
  }
  const text = page.body.representation === 'storage' ? page.body.value.replace(/<[^>]*>/g, ' ') : page.body.value;
  return { page, space, ancestors, text };
}

function searchResult(subject: CqlSubject, baseUrl: string, expand: string[]): unknown {
  const { page, space } = subject;
  return {
    content: contentJson(subject, baseUrl, expand.filter((item) => item.startsWith('content.')).map((item) => item.slice('content.'.length))),
    title: page.title,
    excerpt: subject.text.replace(/\s+/g, ' ').trim().slice(0, 200),
    url: webui(space, page),
    resultGlobalContainer: { title: space.name, displayUrl: `/spaces/${space.key}` },
    entityType: 'content',
    lastModified: page.version.createdAt,
  };
}

function contentJson({ page, space }: CqlSubject, baseUrl: string, expand: string[]): unknown {
  return {
    id: page.id,
    type: 'page',
    status: page.status,
    title: page.title,
    ...(expand.includes('space') ? { space: { id: Number(space.id), key: space.key, name: space.name, type: space.type } } : {}),
    ...(expand.includes('version') ? { version: { number: page.version.number, when: page.version.createdAt, message: page.version.message } } : {}),
    ...(expand.includes('body.storage') && page.body.representation === 'storage' ? { body: { storage: { value: page.body.value, representation: 'storage' } } } : {}),
    ...(expand.includes('metadata.labels') ? { metadata: { labels: v1Labels(page.labels) } } : {}),
    _links: { webui: webui(space, page), self: `${baseUrl}/rest/api/content/${page.id}`, tinyui: `/x/${page.id}` },
  };
}

function spaceJson(space: Space, baseUrl: string): unknown {
  const { id, key, name, type, status, authorId, createdAt, homepageId, description } = space;
  return { id, key, name, type, status, authorId, createdAt, homepageId, description: { plain: { value: description, representation: 'plain' } }, icon: null, _links: { webui: `/spaces/${key}`, base: baseUrl } };
}

function pageJson(store: ConfluenceStore, page: Page, baseUrl: string, format: string | null): unknown {
  const space = store.space(page.spaceId);
  const parent = page.parentId ? store.page(page.parentId) : undefined;
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    parentId: page.parentId,
    parentType: parent ? 'page' : null,
    position: null,
    authorId: page.authorId,
    ownerId: page.authorId,
    lastOwnerId: null,
    createdAt: page.createdAt,
    version: { ...page.version },
    body: format ? bodyJson(store, page, format, baseUrl) : {},
    _links: { webui: space ? webui(space, page) : '', editui: `/pages/resumedraft.action?draftId=${page.id}`, tinyui: `/x/${page.id}`, base: baseUrl },
  };
}

/** Bodies are kept in the representation they were written in; asking for the other one gives an empty body. */
function bodyJson(store: ConfluenceStore, page: Page, format: string, baseUrl: string): unknown {
  if (format === 'view') return { view: { representation: 'view', value: renderPageBody(store, page, baseUrl) } };
  if (format !== page.body.representation) return {};
  return { [format]: { representation: format, value: page.body.value } };
}

function v1Labels(labels: Label[], request?: RestRequest): unknown {
  return {
    results: labels.map(({ prefix, name, id }) => ({ prefix, name, id, label: name })),
    start: 0,
    limit: 200,
    size: labels.length,
    _links: request ? { self: request.url.href, base: request.baseUrl, context: '/wiki' } : {},
  };
}

function webui(space: Space, page: Page): string {
  return `/spaces/${space.key}/pages/${page.id}/${encodeURIComponent(page.title.replace(/\s+/g, '+')).replace(/%2B/g, '+')}`;
}

/** Confluence-style paging: opaque cursor, `_links.next` relative to the site, mirrored in a Link header. */
function paged(items: unknown[], request: RestRequest, defaultLimit: number, maxLimit: number): RestResponse {
  const { url } = request;
  const limit = clamp(Number(url.searchParams.get('limit') ?? defaultLimit), 1, maxLimit);
  const cursor = url.searchParams.get('cursor');
  const offset = cursor ? decodeOffset(cursor) : 0;
  const results = items.slice(offset, offset + limit);
  const links: Record<string, string> = { base: request.baseUrl };
  const headers: Record<string, string> = {};
  if (offset + limit < items.length) {
    const next = new URL(url.href);
    next.searchParams.set('cursor', encodeOffset(offset + limit));
    links.next = `${next.pathname}${next.search}`;
    headers.link = `<${links.next}>; rel="next", <${request.baseUrl}>; rel="base"`;
  }
  return { status: 200, body: { results, _links: links }, headers };
}

function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ConfluenceError(400, 'Invalid cursor');
  return Number(match[1]);
}

function bodyFormat(url: URL): string | null {
  const format = url.searchParams.get('body-format');
  if (format === null) return null;
  if (!['storage', 'atlas_doc_format', 'view'].includes(format)) throw new ConfluenceError(400, `Unsupported body-format ${format}`);
  return format;
}

function requestBody(value: unknown): PageBody {
  if (!isRecord(value) || typeof value.value !== 'string') throw new ConfluenceError(400, 'body must be {representation, value}');
  const representation = value.representation;
  if (representation !== 'storage' && representation !== 'atlas_doc_format') {
    throw new ConfluenceError(400, `Unsupported body representation ${String(representation)}`);
  }
  return { representation: representation as BodyRepresentation, value: value.value };
}

function requireObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw new ConfluenceError(400, 'A JSON object body is required');
  return body;
}

function requireSpace(store: ConfluenceStore, id: string | undefined): Space {
  const space = store.space(id ?? '');
  if (!space) throw new ConfluenceError(404, `No space with id ${id}`);
  return space;
}

function requirePage(store: ConfluenceStore, id: string | undefined): Page {
  const page = store.page(id ?? '');
  if (!page) throw new ConfluenceError(404, `No page with id ${id}`);
  return page;
}

function listParam(url: URL, name: string): string[] {
  return url.searchParams.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;
}

function ok(body: unknown): RestResponse {
  return { status: 200, body };
}

const V2_CODES: Record<number, string> = { 400: 'INVALID_REQUEST_PARAMETER', 401: 'UNAUTHORIZED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'CONFLICT' };

function v2Error(status: number, message: string): RestResponse {
  return { status, body: { errors: [{ status, code: V2_CODES[status] ?? 'ERROR', title: message, detail: null }] } };
}

function v1Error(status: number, message: string): RestResponse {
  return { status, body: { statusCode: status, data: { authorized: status !== 401 && status !== 403, valid: false, errors: [], successful: false }, message } };
}
