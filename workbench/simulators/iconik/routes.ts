/**
 * The iconik API routes the simulator answers (paths end with "/"), each turning a request into a Reply: search with
 * a date_modified range and search_after, the paged lists (404 past the last page), and the single resources.
 */
import type http from 'node:http';
import { partitionPoint, type IconikCatalog } from './catalog';
import {
  approvalJson,
  assetJson,
  historyJson,
  jobJson,
  metadataValuesJson,
  SIM_STORAGES,
  SIM_VIEWS,
  storageJson,
  userJson,
  viewId,
  viewJson,
  webhooksJson,
  type WebhookConfig,
} from './resources';

const MAX_SEARCH_PER_PAGE = 500;
const MAX_LIST_PER_PAGE = 500;
const MAX_JOBS_PER_PAGE = 100;

export interface Reply {
  status: number;
  body: unknown;
  headers?: http.OutgoingHttpHeaders;
  /** Which field a "malformed" fault breaks in this answer's objects. */
  corrupt?: string;
}

export interface Context {
  url: URL;
  req: http.IncomingMessage;
  params: string[];
  body: () => Promise<unknown>;
}

export interface Route {
  name: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(context: Context): Reply | Promise<Reply>;
}

export class BadRequest extends Error {
  constructor(readonly errors: string[] | Record<string, string[]>) {
    super('bad request');
  }
}

export class NotFound extends Error {}

/** What the routes read from the running simulator (its data is replaced on reset and when the scale changes). */
export interface RouteState {
  catalog(): IconikCatalog;
  sortById(): boolean;
  webhook(): WebhookConfig;
}

export function createRoutes(state: RouteState): Route[] {
  const assetOr404 = (id: string | undefined): number => {
    const index = state.catalog().assetIndex(decodeURIComponent(id ?? ''));
    if (index === null) throw new NotFound('Asset does not exist');
    return index;
  };

  return [
    { name: 'POST /API/search/v1/search/', method: 'POST', pattern: /^\/API\/search\/v1\/search\/$/, handle: (context) => search(context) },
    {
      name: 'GET /API/assets/v1/assets/',
      method: 'GET',
      pattern: /^\/API\/assets\/v1\/assets\/$/,
      handle: ({ url }) => {
        const { page, perPage } = paging(url, MAX_LIST_PER_PAGE);
        const slice = state.catalog().order.slice((page - 1) * perPage, page * perPage);
        return listReply(url, slice.map((index) => assetJson(state.catalog(), index)), page, perPage, state.catalog().order.length, 'date_modified');
      },
    },
    {
      name: 'GET /API/assets/v1/assets/{id}/',
      method: 'GET',
      pattern: /^\/API\/assets\/v1\/assets\/([^/]+)\/$/,
      handle: ({ params }) => ({ status: 200, body: assetJson(state.catalog(), assetOr404(params[0])) }),
    },
    {
      name: 'GET /API/assets/v1/assets/{id}/approvals/request/',
      method: 'GET',
      pattern: /^\/API\/assets\/v1\/assets\/([^/]+)\/approvals\/request\/$/,
      handle: ({ params }) => {
        const approval = approvalJson(state.catalog(), assetOr404(params[0]));
        if (!approval) throw new NotFound('Approval request does not exist');
        return { status: 200, body: approval };
      },
    },
    {
      name: 'GET /API/assets/v1/assets/{id}/history/',
      method: 'GET',
      pattern: /^\/API\/assets\/v1\/assets\/([^/]+)\/history\/$/,
      handle: ({ params, url }) => {
        const entries = historyJson(state.catalog(), assetOr404(params[0]));
        const sort = url.searchParams.get('sort');
        if (sort && !/^date_created,(asc|desc)$/.test(sort)) throw new BadRequest({ sort: [`Can not sort history by "${sort}"`] });
        if (sort === 'date_created,desc') entries.reverse();
        const { page, perPage } = paging(url, MAX_LIST_PER_PAGE);
        return listReply(url, entries.slice((page - 1) * perPage, page * perPage), page, perPage, entries.length, 'operation_type');
      },
    },
    { name: 'GET /API/jobs/v1/jobs/', method: 'GET', pattern: /^\/API\/jobs\/v1\/jobs\/$/, handle: ({ url }) => listJobs(url) },
    {
      name: 'GET /API/jobs/v1/jobs/{id}/',
      method: 'GET',
      pattern: /^\/API\/jobs\/v1\/jobs\/([^/]+)\/$/,
      handle: ({ params }) => {
        const index = state.catalog().jobIndex(decodeURIComponent(params[0] ?? ''));
        const record = index === null ? undefined : state.catalog().jobs[index];
        if (!record) throw new NotFound('Job does not exist');
        return { status: 200, body: jobJson(state.catalog(), record) };
      },
    },
    {
      name: 'GET /API/users/v1/users/{id}/',
      method: 'GET',
      pattern: /^\/API\/users\/v1\/users\/([^/]+)\/$/,
      handle: ({ params }) => {
        const index = state.catalog().userIndex(decodeURIComponent(params[0] ?? ''));
        if (index === null) throw new NotFound('User does not exist');
        return { status: 200, body: userJson(state.catalog(), index) };
      },
    },
    {
      name: 'GET /API/files/v1/storages/',
      method: 'GET',
      pattern: /^\/API\/files\/v1\/storages\/$/,
      handle: ({ url }) => {
        const { page, perPage } = paging(url, MAX_JOBS_PER_PAGE);
        const all = SIM_STORAGES.map((_, k) => storageJson(state.catalog(), k));
        return listReply(url, all.slice((page - 1) * perPage, page * perPage), page, perPage, all.length, 'method');
      },
    },
    {
      name: 'GET /API/metadata/v1/views/',
      method: 'GET',
      pattern: /^\/API\/metadata\/v1\/views\/$/,
      handle: () => ({ status: 200, body: { objects: SIM_VIEWS.map((_, k) => viewJson(state.catalog(), k)) } }),
    },
    {
      name: 'GET /API/metadata/v1/assets/{id}/views/{view_id}/',
      method: 'GET',
      pattern: /^\/API\/metadata\/v1\/assets\/([^/]+)\/views\/([^/]+)\/$/,
      handle: ({ params }) => {
        const index = assetOr404(params[0]);
        const view = SIM_VIEWS.findIndex((_, k) => viewId(state.catalog(), k) === decodeURIComponent(params[1] ?? ''));
        if (view < 0) throw new NotFound('View does not exist');
        const values = metadataValuesJson(state.catalog(), index, view);
        if (!values) throw new NotFound('No metadata values for this object and view');
        return { status: 200, body: values };
      },
    },
    {
      name: 'GET /API/notifications/v1/webhooks/',
      method: 'GET',
      pattern: /^\/API\/notifications\/v1\/webhooks\/$/,
      handle: () => ({ status: 200, body: { objects: webhooksJson(state.catalog(), state.webhook()) } }),
    },
  ];

  async function search({ url, body }: Context): Promise<Reply> {
    const criteria = await body();
    if (!isRecord(criteria)) throw new BadRequest(['Search criteria must be a JSON object']);
    const { page, perPage } = paging(url, MAX_SEARCH_PER_PAGE);
    const docTypes = Array.isArray(criteria.doc_types) ? criteria.doc_types : ['assets'];
    const range = readRange(criteria.filter);
    const sort = readSort(criteria.sort);
    const searchAfter = criteria.search_after;
    if (searchAfter !== undefined && searchAfter !== null && !Array.isArray(searchAfter)) throw new BadRequest({ search_after: ['Must be a list'] });
    if (Array.isArray(searchAfter) && page > 1) throw new BadRequest({ search_after: ['Can not be combined with page > 1'] });
    if (Array.isArray(searchAfter) && searchAfter.length > Math.max(1, sort.keys.length)) {
      throw new BadRequest({ search_after: ['Has more values than there are sort fields'] });
    }

    const order = state.catalog().order;
    const from = range.min === null ? 0 : partitionPoint(order.length, (p) => state.catalog().modifiedAt(order[p] ?? 0) < (range.min ?? 0));
    const to = range.max === null ? order.length : partitionPoint(order.length, (p) => state.catalog().modifiedAt(order[p] ?? 0) <= (range.max ?? 0));
    const total = docTypes.includes('assets') ? Math.max(0, to - from) : 0;
    const descending = sort.order === 'desc';
    let positions: number[] = [];
    if (total > 0) {
      if (Array.isArray(searchAfter) && searchAfter.length > 0) {
        const key = readSearchAfter(searchAfter);
        if (!descending) {
          const start = partitionPoint(to - from, (p) => state.catalog().compareWithKey(order[from + p] ?? 0, key.time, key.id) <= 0) + from;
          positions = span(start, Math.min(to, start + perPage));
        } else {
          const end = partitionPoint(to - from, (p) => state.catalog().compareWithKey(order[from + p] ?? 0, key.time, key.id) < 0) + from;
          positions = span(Math.max(from, end - perPage), end).reverse();
        }
      } else {
        const offset = (page - 1) * perPage;
        if (offset >= total) throw new NotFound('Requested page does not exist');
        positions = descending ? span(Math.max(from, to - offset - perPage), to - offset).reverse() : span(from + offset, Math.min(to, from + offset + perPage));
      }
    } else if (page > 1) {
      throw new NotFound('Requested page does not exist');
    }
    const objects = positions.map((p) => {
      const index = order[p] ?? 0;
      const sortValues = sort.keys.length === 0 ? null : sort.keys.map((name) => (name === 'id' ? state.catalog().assetId(index) : Math.floor(state.catalog().modifiedAt(index))));
      return assetJson(state.catalog(), index, { sort: sortValues });
    });
    const reply = listReply(url, objects, page, perPage, total, 'date_modified');
    return { ...reply, body: { ...(reply.body as Record<string, unknown>), facets: {} } };
  }

  function readRange(filter: unknown): { min: number | null; max: number | null } {
    const range: { min: number | null; max: number | null } = { min: null, max: null };
    if (filter === undefined || filter === null) return range;
    if (!isRecord(filter)) throw new BadRequest({ filter: ['Must be an object'] });
    const terms = Array.isArray(filter.terms) ? filter.terms : [];
    for (const term of terms) {
      if (!isRecord(term) || term.name !== 'date_modified' || !isRecord(term.range)) continue;
      for (const bound of ['min', 'max'] as const) {
        const value = term.range[bound];
        if (value === undefined || value === null || value === '') continue;
        const at = typeof value === 'string' ? Date.parse(value) : NaN;
        if (Number.isNaN(at)) throw new BadRequest({ filter: [`date_modified ${bound} "${String(value)}" is not a date`] });
        range[bound] = at;
      }
    }
    return range;
  }

  function readSort(sort: unknown): { keys: ('date_modified' | 'id')[]; order: 'asc' | 'desc' } {
    if (sort === undefined || sort === null) return { keys: [], order: 'asc' };
    if (!Array.isArray(sort)) throw new BadRequest({ sort: ['Must be a list'] });
    const keys: ('date_modified' | 'id')[] = [];
    let order: 'asc' | 'desc' = 'asc';
    sort.forEach((entry, position) => {
      const name = isRecord(entry) ? entry.name : undefined;
      const direction = isRecord(entry) && typeof entry.order === 'string' ? entry.order.toLowerCase() : 'asc';
      if (direction !== 'asc' && direction !== 'desc') throw new BadRequest({ sort: [`Unknown order "${direction}"`] });
      if (name === 'id' && !state.sortById()) throw new BadRequest({ sort: ['Can not sort on field "id"'] });
      if (name === 'date_modified' && position === 0) order = direction;
      else if (!(name === 'id' && position === 1 && direction === order)) {
        throw new BadRequest({ sort: [`The simulator sorts by date_modified, then id in the same order; got ${JSON.stringify(sort)}`] });
      }
      keys.push(name as 'date_modified' | 'id');
    });
    return { keys, order };
  }

  function readSearchAfter(values: unknown[]): { time: number; id: string | null } {
    const [first, second] = values;
    const time = typeof first === 'number' ? first : typeof first === 'string' ? (/^\d+$/.test(first) ? Number(first) : Date.parse(first)) : NaN;
    if (!Number.isFinite(time)) throw new BadRequest({ search_after: [`"${String(first)}" is not a date_modified sort value`] });
    return { time, id: typeof second === 'string' ? second : null };
  }

  function listJobs(url: URL): Reply {
    const { page, perPage } = paging(url, MAX_JOBS_PER_PAGE);
    const statuses = (url.searchParams.get('status') ?? '').split(',').filter(Boolean);
    const types = (url.searchParams.get('type') ?? '').split(',').filter(Boolean);
    const objectId = url.searchParams.get('object_id');
    const window = url.searchParams.get('date_modified');
    let [min, max] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    if (window) {
      const [from = '', to = ''] = window.split(';');
      min = from ? Date.parse(from) : min;
      max = to ? Date.parse(to) : max;
      if (Number.isNaN(min) || Number.isNaN(max)) throw new BadRequest({ date_modified: [`"${window}" is not "<iso>;<iso>"`] });
    }
    const sort = url.searchParams.get('sort') ?? 'date_modified,desc';
    const sortMatch = /^(date_modified|date_created),(asc|desc)$/.exec(sort);
    if (!sortMatch) throw new BadRequest({ sort: [`Can not sort jobs by "${sort}"`] });
    const objectIndex = objectId ? state.catalog().assetIndex(objectId) : null;
    const selected = state.catalog().jobs.filter(
      (job) =>
        (statuses.length === 0 || statuses.includes(job.status)) &&
        job.modifiedAt >= min &&
        job.modifiedAt <= max &&
        (!objectId || job.asset === objectIndex) &&
        (types.length === 0 || types.includes(state.catalog().jobDetails(job).type)),
    );
    selected.sort((a, b) => (sortMatch[2] === 'desc' ? b.modifiedAt - a.modifiedAt : a.modifiedAt - b.modifiedAt) || a.index - b.index);
    const slice = selected.slice((page - 1) * perPage, page * perPage).map((job) => jobJson(state.catalog(), job));
    return listReply(url, slice, page, perPage, selected.length, 'status');
  }

  function paging(url: URL, maxPerPage: number): { page: number; perPage: number } {
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '10');
    if (!(Number.isInteger(page) && page >= 1)) throw new BadRequest({ page: ['Must be a whole number from 1'] });
    if (!(Number.isInteger(perPage) && perPage >= 1 && perPage <= maxPerPage)) {
      throw new BadRequest({ per_page: [`Must be between 1 and ${maxPerPage}.`] });
    }
    return { page, perPage };
  }

  /** An envelope page; a page past the last answers 404 (page 1 of an empty list is an empty page). */
  function listReply(url: URL, objects: unknown[], page: number, perPage: number, total: number, corrupt: string): Reply {
    if (page > 1 && (page - 1) * perPage >= total) throw new NotFound('Requested page does not exist');
    return { status: 200, body: envelope(url, objects, page, perPage, total), corrupt };
  }
}

export function matchRoute(routes: Route[], method: string, pathname: string): { route: Route; params: string[] } | 'wrong-method' | null {
  let wrongMethod = false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method !== method) {
      wrongMethod = true;
      continue;
    }
    return { route, params: match.slice(1) };
  }
  return wrongMethod ? 'wrong-method' : null;
}

function envelope(url: URL, objects: unknown[], page: number, perPage: number, total: number) {
  const pages = Math.ceil(total / perPage);
  const link = (target: number) => {
    const search = new URLSearchParams(url.searchParams);
    search.set('page', String(target));
    search.set('per_page', String(perPage));
    return `${url.pathname}?${search.toString()}`;
  };
  return {
    objects,
    page,
    pages,
    per_page: perPage,
    total,
    first_url: link(1),
    last_url: link(Math.max(1, pages)),
    prev_url: page > 1 ? link(page - 1) : null,
    next_url: page < pages ? link(page + 1) : null,
    scroll_id: null,
  };
}

function span(from: number, to: number): number[] {
  return to > from ? Array.from({ length: to - from }, (_, k) => from + k) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
