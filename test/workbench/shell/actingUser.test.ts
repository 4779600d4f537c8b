import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createShell } from '../../../workbench/shell/shell';
import { frameFromQuery, frameQuery, productContext, WORKBENCH_USER } from '../../../workbench/shell/frameContext';
import { SEED_USERS } from '../../../workbench/forge/confluence/users';
import { fakeForgeHost } from './fakeForgeHost';

const SOFIA = SEED_USERS.find((user) => user.displayName === 'Sofia Support')!;

async function start() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-settings-'));
  const ui = path.join(root, 'static', 'dist', 'app-settings');
  fs.mkdirSync(ui, { recursive: true });
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><html><head><title>s</title></head><body></body></html>');
  const forge = fakeForgeHost(() => ({ ok: true, body: { state: 'ok' } }));
  const shell = createShell({ forge: forge.host, appDir: root, dataDir: path.join(root, '.workbench') });
  const server = http.createServer((req, res) => {
    void shell.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, forge, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the workbench shell acting as a chosen user (?as=<accountId>)', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeEach(async () => {
    app = await start();
  });
  afterEach(() => app.close());

  it('renders the global settings page as a full-page frame, with a switcher naming who is signed in', async () => {
    const page = await (await fetch(`${app.base}/module/app-settings`)).text();
    expect(page).toContain('<h1 class="wb-title">Integration Governance Hub</h1>');
    expect(page).toContain('src="/__shell/resources/app-settings-ui/index.html?role=page&amp;moduleKey=app-settings"');
    expect(page).toMatch(/Signed in as Wanda Workbench \(Confluence admin\)/);
    expect(page).toContain(`href="/module/app-settings?as=${SOFIA.accountId}"`);
  });

  it('carries the chosen user into the frames and into every invoke', async () => {
    const page = await (await fetch(`${app.base}/module/app-settings?as=${SOFIA.accountId}`)).text();
    expect(page).toMatch(/Signed in as Sofia Support</);
    expect(page).toContain(`moduleKey=app-settings&amp;as=${SOFIA.accountId}`);
    await fetch(`${app.base}/__shell/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'page', moduleKey: 'app-settings', accountId: SOFIA.accountId, functionKey: 'settings.get', payload: {} }),
    });
    expect(app.forge.calls[0]).toMatchObject({ moduleKey: 'app-settings', accountId: SOFIA.accountId, extension: { type: 'confluence:globalSettings' } });
  });

  it('round-trips the user through a frame query and gives the frame context that accountId', () => {
    const frame = { role: 'page' as const, moduleKey: 'app-settings', anonymous: false, colorMode: 'light' as const, accountId: SOFIA.accountId };
    expect(frameFromQuery(new URLSearchParams(frameQuery(frame)))).toEqual(frame);
    const module = { type: 'confluence:globalSettings', key: 'app-settings', title: 'Integration Governance Hub', raw: {} };
    expect(productContext({ module, frame, siteUrl: 'http://wb' }).accountId).toBe(SOFIA.accountId);
    expect(productContext({ module, frame: { ...frame, accountId: undefined }, siteUrl: 'http://wb' }).accountId).toBe(WORKBENCH_USER.accountId);
    expect(productContext({ module, frame: { ...frame, anonymous: true }, siteUrl: 'http://wb' })).not.toHaveProperty('accountId');
  });
});
