/**
 * The emulated Confluence site: REST for the app (through requestConfluence) and for the browser (over HTTP on the
 * workbench origin), HTML page views, and direct methods for tests.
 */
import type http from 'node:http';
import { readBody, sendJson } from '../../http';
import { handleRest, type RestResponse } from './rest';
import { ConfluenceStore } from './store';
import { renderView } from './view';
import { missingScopes } from './scopes';
import { UserDirectory, type DirectoryUser } from './users';
import type { Actor, Label, Page, PageVersion, Space } from './model';

export type { Actor, Label, Page, PageVersion, Space } from './model';
export type { DirectoryUser } from './users';

export interface ConfluenceOptions {
  dataDir: string;
  now: () => number;
  origin: () => string;
  /** Scopes from manifest.yml: app calls without the one an endpoint needs get 401, as on Forge. */
  scopes: string[];
}

/** Browser and curl callers name a user with this header; without it they are anonymous. */
export const ACCOUNT_HEADER = 'x-workbench-account-id';

export class ConfluenceEmulator {
  /** The site's users, for the user endpoints (seeded; tests add more with addUser). */
  readonly users = new UserDirectory();

  private constructor(
    readonly store: ConfluenceStore,
    private readonly options: ConfluenceOptions,
  ) {}

  static async open(options: ConfluenceOptions): Promise<ConfluenceEmulator> {
    return new ConfluenceEmulator(await ConfluenceStore.open(options.dataDir, options.now), options);
  }

  /** Adds (or renames) a user of the site, as an admin inviting a colleague would. */
  addUser(user: DirectoryUser): void {
    this.users.add(user);
  }

  /** Lets these users read space `spaceKey` but not add or edit pages there (tests of Confluence's permission refusals). */
  setViewOnly(spaceKey: string, accountIds: string[]): void {
    const space = this.store.spaceByKey(spaceKey);
    if (!space) throw new Error(`No space ${spaceKey}`);
    this.store.setViewOnly(space.id, accountIds);
  }

  spaces(): Space[] {
    return this.store.spaces();
  }

  spaceByKey(key: string): Space | undefined {
    return this.store.spaceByKey(key);
  }

  pages(filter: { spaceKey?: string; title?: string } = {}): Page[] {
    const spaceId = filter.spaceKey === undefined ? undefined : this.store.spaceByKey(filter.spaceKey)?.id ?? '-';
    return this.store.pages().filter((page) => page.status !== 'trashed' && (spaceId === undefined || page.spaceId === spaceId) && (filter.title === undefined || page.title === filter.title));
  }

  page(id: string): Page | undefined {
    return this.store.page(id);
  }

  versions(pageId: string): PageVersion[] {
    return this.store.versions(pageId);
  }

  labels(pageId: string): Label[] {
    return this.store.page(pageId)?.labels ?? [];
  }

  /** The page's HTML view, as GET /wiki/spaces/{key}/pages/{id} serves it, or null if it does not exist. */
  viewHtml(pageId: string): string | null {
    const page = this.store.page(pageId);
    const space = page ? this.store.space(page.spaceId) : undefined;
    return page && space ? renderView(this.store, `/wiki/spaces/${space.key}/pages/${page.id}`, this.wikiBase()) : null;
  }

  /** The transport behind requestConfluence (`{type:'fpp', remote:'confluence'}`). */
  async fetch(actor: Actor, path: string, init: RequestInit | undefined): Promise<Response> {
    const url = new URL(path, 'http://confluence.invalid');
    const method = (init?.method ?? 'GET').toUpperCase();
    const missing = missingScopes(method, url.pathname, this.options.scopes);
    if (missing) {
      return toResponse({ status: 401, body: { code: 401, message: `Unauthorized; scope does not match (manifest.yml needs one of: ${missing.join(', ')})` } });
    }
    const text = init?.body === undefined || init.body === null ? '' : typeof init.body === 'string' ? init.body : await new Response(init.body).text();
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return toResponse({ status: 400, body: { message: 'Request body is not valid JSON' } });
    }
    return toResponse(handleRest(this.store, { method, url, body, actor, baseUrl: this.wikiBase(), users: this.users }));
  }

  /** HTTP on the workbench origin: /wiki/api/v2/..., /wiki/rest/api/... and the HTML views under /wiki/spaces/. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://confluence.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/wiki/api/') || url.pathname.startsWith('/wiki/rest/api/')) {
      const accountHeader = req.headers[ACCOUNT_HEADER];
      const actor: Actor = { accountId: typeof accountHeader === 'string' && accountHeader ? accountHeader : null, isApp: false };
      const raw = method === 'GET' || method === 'HEAD' ? '' : (await readBody(req)).toString('utf8');
      let body: unknown;
      try {
        body = raw ? (JSON.parse(raw) as unknown) : undefined;
      } catch {
        return sendJson(res, 400, { message: 'Request body is not valid JSON' });
      }
      const answer = handleRest(this.store, { method, url, body, actor, baseUrl: this.wikiBase(), users: this.users });
      if (answer.status === 204) {
        res.writeHead(204, answer.headers);
        return void res.end();
      }
      return sendJson(res, answer.status, answer.body, answer.headers);
    }
    const html = method === 'GET' ? renderView(this.store, url.pathname, this.wikiBase()) : null;
    if (html === null) return sendJson(res, 404, { message: `Nothing at ${method} ${url.pathname}` });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  }

  flush(): void {
    this.store.flush();
  }

  close(): void {
    this.store.close();
  }

  private wikiBase(): string {
    return `${this.options.origin()}/wiki`;
  }
}

function toResponse(answer: RestResponse): Response {
  if (answer.status === 204) return new Response(null, { status: 204, headers: answer.headers });
  return new Response(JSON.stringify(answer.body ?? null), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
}
