// appHost comes first: it installs the Forge runtime before anything loads @forge/api.
import { startApp, type AppUnderTest } from '../appHost';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signGovernanceEvent } from '../../src/domain/events/signature';

export const WEBHOOK_SECRET = 'test-governance-webhook-secret';

export interface HttpApp {
  app: AppUnderTest;
  /** The app's origin on loopback: POST /webtrigger/<key>, GET /wiki/... as the backend and a browser would. */
  url: string;
  /** POSTs a body to the governance-events webtrigger over HTTP. */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
  /** Signs (now, with the test secret unless told otherwise) and POSTs an event. */
  send(event: unknown, options?: { secret?: string | string[]; timestamp?: number; contentType?: string }): Promise<{ status: number; json: Record<string, unknown> }>;
  wiki(path: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real app on the workbench Forge host (test/appHost.ts), reachable over real HTTP on loopback the way the
 * workbench server exposes it: webtriggers under /webtrigger/<key> and the emulated Confluence under /wiki/.
 */
export async function startHttpApp(variables: Record<string, string> = { GOVERNANCE_WEBHOOK_SECRET: WEBHOOK_SECRET }): Promise<HttpApp> {
  const app = await startApp({ variables });
  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/wiki/')) return app.forge.confluence.handle(req, res);
    const webtrigger = /^\/webtrigger\/([^/]+)$/.exec(url.pathname);
    if (!webtrigger) {
      res.writeHead(404);
      return void res.end();
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await app.forge.runWebtrigger(decodeURIComponent(webtrigger[1] ?? ''), {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(answer.statusCode, answer.headers);
    res.end(answer.body);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post(body: string, headers: Record<string, string>) {
    const response = await fetch(`${url}/webtrigger/governance-events`, { method: 'POST', headers, body });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = { text };
    }
    return { status: response.status, headers: response.headers, json };
  }

  return {
    app,
    url,
    post,
    async send(event, options = {}) {
      const body = typeof event === 'string' ? event : JSON.stringify(event);
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const signature = signGovernanceEvent(options.secret ?? WEBHOOK_SECRET, body, timestamp);
      const answer = await post(body, { 'Content-Type': options.contentType ?? 'application/cloudevents+json', 'Governance-Signature': signature });
      return { status: answer.status, json: answer.json };
    },
    wiki: (path) => fetch(`${url}${path}`),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.close();
    },
  };
}
