import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createShell } from '../../../workbench/shell/shell';
import { fakeForgeHost, type InvokeCall } from './fakeForgeHost';

/** An app folder with a stand-in Custom UI build, so the test never depends on `npm run build`. */
function tempApp(): { appDir: string; dataDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-app-'));
  const ui = path.join(root, 'static', 'dist', 'env-status');
  fs.mkdirSync(ui, { recursive: true });
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><html><head><title>v</title></head><body><script type="module" src="./index.js"></script></body></html>');
  fs.writeFileSync(path.join(ui, 'index.js'), 'console.log("app")');
  return { appDir: root, dataDir: path.join(root, '.workbench') };
}

async function start(answer: (call: InvokeCall) => { ok: true; body: unknown } | { ok: false; status: number; error: string }) {
  const { appDir, dataDir } = tempApp();
  const forge = fakeForgeHost(answer);
  const shell = createShell({ forge: forge.host, appDir, dataDir });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void shell.handle(req, res, url).then((handled) => {
      if (!handled) res.writeHead(404).end('not the shell');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, forge, dataDir, appDir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('workbench shell', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeEach(async () => {
    app = await start((call) => (call.functionKey === 'boom' ? { ok: false, status: 500, error: 'Resolver exploded' } : { ok: true, body: { echo: call.payload } }));
  });
  afterEach(() => app.close());

  it('lists every manifest module on the index page, with Run now for the scheduled trigger', async () => {
    const page = await (await fetch(`${app.base}/`)).text();
    expect(page).toContain('href="/module/env-status"');
    expect(page).toContain('data-action="run-trigger" data-key="governance-sync-schedule"');
    expect(page).toContain('governance-sync-consumer');
    expect(page).toContain('/__shell/adf-export/env-status');
  });

  it('leaves paths that are not its own to the caller', async () => {
    expect(await (await fetch(`${app.base}/wiki/api/v2/pages`)).text()).toBe('not the shell');
  });

  it('renders the macro page with a frame per instance and an Edit macro button', async () => {
    const page = await (await fetch(`${app.base}/module/env-status`)).text();
    expect(page).toContain('<h1 class="wb-title">Workbench page</h1>');
    expect(page).toContain('src="/__shell/resources/env-status-ui/index.html?role=macro&amp;moduleKey=env-status&amp;localId=default-env-status"');
    expect(page).toContain('data-action="edit-macro"');
  });

  it('serves the Custom UI index.html with the bridge ahead of the app and Forge-like CSP', async () => {
    const response = await fetch(`${app.base}/__shell/resources/env-status-ui/index.html?role=macro&moduleKey=env-status`);
    const page = await response.text();
    expect(page.indexOf('/__shell/assets/bridge.js')).toBeLessThan(page.indexOf('./index.js'));
    expect(page).toContain('"localId":"default-env-status"');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(await (await fetch(`${app.base}/__shell/resources/env-status-ui/index.js`)).text()).toBe('console.log("app")');
  });

  it('refuses paths outside the resource folder', async () => {
    const response = await fetch(`${app.base}/__shell/resources/env-status-ui/..%2F..%2F..%2Fmanifest.yml`);
    expect(response.status).toBe(403);
  });

  it('forwards invoke to the macro resolver with the saved config, the user and the localId', async () => {
    await fetch(`${app.base}/__shell/macros/default-env-status/config`, { ...json({ config: { solutionId: 'sol-otc', stages: [] } }), method: 'PUT' });
    const response = await fetch(`${app.base}/__shell/invoke`, json({ role: 'macro', moduleKey: 'env-status', localId: 'default-env-status', functionKey: 'getEnvironmentStatus', payload: { page: 2 } }));
    expect(await response.json()).toEqual({ body: { echo: { page: 2 } } });
    expect(app.forge.calls[0]).toMatchObject({
      moduleKey: 'env-status',
      functionKey: 'getEnvironmentStatus',
      accountId: expect.any(String),
      localId: 'default-env-status',
      extension: { type: 'macro', config: { solutionId: 'sol-otc', stages: [] }, isEditing: false },
    });
  });

  it('invokes without an account for an anonymous reader', async () => {
    await fetch(`${app.base}/__shell/invoke`, json({ role: 'macro', moduleKey: 'env-status', anonymous: true, functionKey: 'getEnvironmentStatus' }));
    expect(app.forge.calls[0]?.accountId).toBeNull();
  });

  it('passes a resolver failure back with its status and message', async () => {
    const response = await fetch(`${app.base}/__shell/invoke`, json({ role: 'macro', moduleKey: 'env-status', functionKey: 'boom' }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Resolver exploded' });
  });

  it('saves a config only when it is a plain object, and keeps it across restarts', async () => {
    const bad = await fetch(`${app.base}/__shell/macros/default-env-status/config`, { ...json({ config: 'sol-otc' }), method: 'PUT' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Invalid "config" provided. Expected object' });
    const good = await fetch(`${app.base}/__shell/macros/default-env-status/config`, { ...json({ config: { solutionId: 'sol-fin' } }), method: 'PUT' });
    expect(good.status).toBe(200);
    const stored = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'shell', 'macros.json'), 'utf8')) as { instances: { config?: unknown }[] };
    expect(stored.instances[0]?.config).toEqual({ solutionId: 'sol-fin' });
  });

  it('inserts a new macro instance that a page can select by localId', async () => {
    const created = (await (await fetch(`${app.base}/__shell/macros`, json({ moduleKey: 'env-status' }))).json()) as { localId: string };
    const page = await (await fetch(`${app.base}/module/env-status?localId=${created.localId}`)).text();
    expect(page).toContain(`localId=${created.localId}`);
    expect(page).not.toContain('localId=default-env-status"');
  });

  it('serves the UI Kit config panel frame: renderer first, then the app bundle', async () => {
    const page = await (await fetch(`${app.base}/__shell/uikit/env-status-config?role=config&moduleKey=env-status`)).text();
    expect(page.indexOf('/__shell/assets/uikit-host.js')).toBeLessThan(page.indexOf('/__shell/uikit/env-status-config/app.js'));
    expect(page).toContain('"isConfiguring":true');
  });

  it('shows the adfExport answer as JSON and rendered, with text escaped', async () => {
    const page = await (await fetch(`${app.base}/__shell/adf-export/env-status?exportType=word`)).text();
    expect(app.forge.exports[0]).toMatchObject({ moduleKey: 'env-status', exportType: 'word', extension: { localId: 'default-env-status' } });
    expect(page).toContain('<p>&lt;Retail&gt; status</p>');
    expect(page).toContain('data-testid="adf-json"');
  });

  it('answers unknown modules and shell paths with 404 and a reason', async () => {
    const missing = await fetch(`${app.base}/module/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'manifest.yml has no module "nope"' });
    expect((await fetch(`${app.base}/__shell/nothing`)).status).toBe(404);
  });
});
