/**
 * The workbench's page shell: Confluence's side of the app's UI. It lists the manifest's modules, renders macros on
 * a Confluence-like page inside frames, serves Custom UI resources and UI Kit resources with a local `__bridge`,
 * keeps macro configs, and forwards `invoke` to the Forge host.
 *
 *   GET  /                                  every module of manifest.yml
 *   GET  /module/<key>[?localId&edit&anon&theme]  the module as Confluence renders it
 *   GET  /__shell/resources/<resourceKey>/… Custom UI resource files (index.html gets the bridge)
 *   GET  /__shell/uikit/<resourceKey>        UI Kit host frame; …/app.js is the resource bundled on demand
 *   GET  /__shell/assets/<file>              the shell's own browser code
 *   GET  /__shell/theme.css                  Atlassian design token themes (light, dark)
 *   POST /__shell/invoke                     a frame's `invoke` -> forge.invokeResolver
 *   GET|POST /__shell/macros, PUT /__shell/macros/<localId>/config, DELETE /__shell/macros/<localId>
 *   GET  /__shell/adf-export/<key>[?localId&exportType]  the macro's adfExport answer
 */
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ForgeHost } from '../forge/host';
import { readBody, sendJson } from '../http';
import { Bundler } from './bundler';
import type { FrameData } from './client/messages';
import { extensionFor, frameAccountId, frameFromQuery, productContext, type ColorMode, type FrameIdentity, type WorkbenchSpace } from './frameContext';
import { frameId } from './frameUrls';
import { bundleFailureScript, customUiCsp, injectBridge, uikitFrameHtml } from './frames';
import { MacroStore, defaultLocalId, invalidConfigReason, type MacroConfigValue } from './macroStore';
import {
  findModule,
  findResource,
  macroConfiguredBy,
  readShellManifest,
  type ShellManifest,
  type ShellModule,
  type ShellUi,
} from './manifestModules';
import { adfExportPage } from './pages/adfExportPage';
import { indexPage } from './pages/indexPage';
import { modulePage } from './pages/modulePage';

export interface ShellOptions {
  forge: ForgeHost;
  appDir: string;
  dataDir: string;
}

export interface Shell {
  /** Answers the request and resolves true when the path is the shell's; false leaves it to the caller. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

const CLIENT_DIR = path.join(__dirname, 'client');

/** The shell's browser bundles, by served name. */
const ASSETS: Record<string, { entry: string; part: 'js' | 'css' }> = {
  'bridge.js': { entry: path.join(CLIENT_DIR, 'customUiFrame.ts'), part: 'js' },
  'page.js': { entry: path.join(CLIENT_DIR, 'pageShell.ts'), part: 'js' },
  'uikit-host.js': { entry: path.join(CLIENT_DIR, 'uikitFrame.tsx'), part: 'js' },
  'uikit-host.css': { entry: path.join(CLIENT_DIR, 'uikitFrame.tsx'), part: 'css' },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function sendHtml(res: http.ServerResponse, body: string, status = 200): void {
  send(res, status, 'text/html; charset=utf-8', body);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).toString('utf8');
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'The request body must be a JSON object');
  }
}

function colorModeOf(url: URL): ColorMode {
  return url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
}

function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(error);
}

/** The design token themes as one stylesheet; the frame's `data-color-mode` picks light or dark. */
function themeCss(): string {
  const load = createRequire(__filename);
  return ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
    .map((theme) => (load(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default)
    .join('\n');
}

export function createShell(options: ShellOptions): Shell {
  const { forge, appDir } = options;
  const store = new MacroStore(options.dataDir);
  const bundler = new Bundler(appDir);
  let theme: string | undefined;

  const manifest = (): ShellManifest => readShellManifest(forge.manifest);

  function requireModule(key: string): ShellModule {
    const module = findModule(manifest(), key);
    if (!module) throw new HttpError(404, `manifest.yml has no module "${key}"`);
    return module;
  }

  /** The module whose frame shows `resourceKey` in the given role: the module itself, or the macro it configures. */
  function frameModule(frame: FrameIdentity): { module: ShellModule; ui: ShellUi } {
    const module = requireModule(frame.moduleKey);
    const ui = frame.role === 'config' ? module.config?.ui : module.ui;
    if (!ui) throw new HttpError(404, `Module "${module.key}" has no ${frame.role === 'config' ? 'config panel' : 'UI'} resource`);
    return { module, ui };
  }

  /** The emulated Confluence space a frame is in: `?space=KEY` when that space exists, else the workbench space. */
  function spaceOf(frame: FrameIdentity): WorkbenchSpace | undefined {
    const space = frame.spaceKey ? forge.confluence.spaceByKey(frame.spaceKey) : undefined;
    return space ? { id: String(space.id), key: space.key } : undefined;
  }

  function frameData(frame: FrameIdentity, url: URL): FrameData {
    const { module, ui } = frameModule(frame);
    const instance = module.type === 'macro' ? store.resolve(module.key, frame.localId) : undefined;
    if (module.type === 'macro' && !instance) throw new HttpError(404, `No macro instance "${frame.localId}" of "${module.key}"`);
    return {
      frameId: frameId({ ...frame, localId: instance?.localId }),
      role: frame.role,
      moduleKey: module.key,
      localId: instance?.localId,
      anonymous: frame.anonymous,
      spaceKey: frame.spaceKey,
      accountId: frame.accountId,
      renderer: ui.renderer,
      context: productContext({ module, frame, instance, siteUrl: url.origin, space: spaceOf(frame) }),
    };
  }

  function resourceDir(resourceKey: string): string {
    const resource = findResource(manifest(), resourceKey);
    if (!resource) throw new HttpError(404, `manifest.yml has no resource "${resourceKey}"`);
    return path.resolve(appDir, resource.path);
  }

  async function serveResource(res: http.ServerResponse, url: URL, resourceKey: string, filePath: string): Promise<void> {
    const root = resourceDir(resourceKey);
    if (fs.existsSync(root) && fs.statSync(root).isFile()) {
      throw new HttpError(400, `Resource "${resourceKey}" is a UI Kit file (render: native): open it through /__shell/uikit/${resourceKey}`);
    }
    const relative = filePath === '' ? 'index.html' : filePath;
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) throw new HttpError(403, 'Path outside the resource folder');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      const hint = relative === 'index.html' ? ' Run `npm run build` to build the Custom UI views.' : '';
      throw new HttpError(404, `Resource "${resourceKey}" has no file ${relative} (${path.relative(appDir, file)}).${hint}`);
    }
    const headers = { 'content-security-policy': customUiCsp(manifest().contentPermissions) };
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (relative === 'index.html') {
      const frame = frameFromQuery(url.searchParams);
      if (!frame) throw new HttpError(400, `Open this resource through a module page (/module/<key>): the frame needs ?role=&moduleKey=`);
      const data = frameData(frame, url);
      return send(res, 200, type, injectBridge(fs.readFileSync(file, 'utf8'), data), headers);
    }
    send(res, 200, type, fs.readFileSync(file), headers);
  }

  async function serveAsset(res: http.ServerResponse, name: string): Promise<void> {
    const asset = ASSETS[name];
    if (!asset) throw new HttpError(404, `No shell asset "${name}"`);
    const bundle = await bundler.get(asset.entry, { mode: 'production' });
    if (asset.part === 'css') return send(res, 200, CONTENT_TYPES['.css'] ?? 'text/css', bundle.css);
    send(res, 200, CONTENT_TYPES['.js'] ?? 'text/javascript', bundle.js);
  }

  async function serveUikitApp(res: http.ServerResponse, resourceKey: string): Promise<void> {
    const file = resourceDir(resourceKey);
    try {
      const bundle = await bundler.get(file, { mode: 'development' });
      send(res, 200, CONTENT_TYPES['.js'] ?? 'text/javascript', bundle.js);
    } catch (error) {
      send(res, 200, CONTENT_TYPES['.js'] ?? 'text/javascript', bundleFailureScript(resourceKey, errorMessage(error)));
    }
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const functionKey = body.functionKey;
    if (typeof functionKey !== 'string' || !functionKey) throw new HttpError(400, 'functionKey must be a non-empty string');
    const frame: FrameIdentity = {
      role: body.role === 'config' || body.role === 'page' ? body.role : 'macro',
      moduleKey: String(body.moduleKey ?? ''),
      localId: typeof body.localId === 'string' ? body.localId : undefined,
      anonymous: body.anonymous === true,
      colorMode: 'light',
      spaceKey: typeof body.spaceKey === 'string' && body.spaceKey ? body.spaceKey : undefined,
      accountId: typeof body.accountId === 'string' && body.accountId ? body.accountId : undefined,
    };
    const module = requireModule(frame.moduleKey);
    // A config panel runs against its macro's resolver, as on Confluence.
    if (!module.resolverFunction) throw new HttpError(400, `Module "${module.key}" declares no resolver, so invoke() has nothing to call`);
    const instance = module.type === 'macro' ? store.resolve(module.key, frame.localId) : undefined;
    if (module.type === 'macro' && !instance) throw new HttpError(404, `No macro instance "${frame.localId}" of "${module.key}"`);
    const result = await forge.invokeResolver({
      moduleKey: module.key,
      functionKey,
      payload: body.payload ?? {},
      extension: extensionFor(module, frame, instance, spaceOf(frame)),
      accountId: frameAccountId(frame),
      localId: instance?.localId ?? `${module.key}-${frame.role}`,
    });
    if (result.ok) return sendJson(res, 200, { body: result.body });
    sendJson(res, result.status && result.status >= 400 ? result.status : 500, { error: errorMessage(result.error) });
  }

  /** An instance by localId; a macro's default instance exists even before its page was first opened. */
  function instanceById(localId: string) {
    const owner = manifest().modules.find((m) => m.type === 'macro' && defaultLocalId(m.key) === localId);
    return owner ? store.resolve(owner.key, localId) : store.get(localId);
  }

  async function macros(req: http.IncomingMessage, res: http.ServerResponse, url: URL, rest: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    const [localIdPart, action] = rest;
    if (!localIdPart) {
      if (method === 'GET') {
        const moduleKey = url.searchParams.get('moduleKey');
        const keys = moduleKey ? [moduleKey] : manifest().modules.filter((m) => m.type === 'macro').map((m) => m.key);
        return sendJson(res, 200, { instances: keys.flatMap((key) => store.list(key)) });
      }
      if (method === 'POST') {
        const module = requireModule(String((await readJson(req)).moduleKey ?? ''));
        if (module.type !== 'macro') throw new HttpError(400, `Module "${module.key}" is a ${module.type}, not a macro`);
        return sendJson(res, 201, store.insert(module.key));
      }
      throw new HttpError(405, `${method} is not allowed on /__shell/macros`);
    }
    const localId = decodeURIComponent(localIdPart);
    if (action === 'config' && method === 'PUT') {
      const { config } = await readJson(req);
      const reason = invalidConfigReason(config);
      if (reason) throw new HttpError(400, reason);
      if (!instanceById(localId)) throw new HttpError(404, `No macro instance "${localId}"`);
      return sendJson(res, 200, store.setConfig(localId, config as MacroConfigValue));
    }
    if (!action && method === 'DELETE') {
      if (!store.remove(localId)) throw new HttpError(404, `No macro instance "${localId}"`);
      res.writeHead(204).end();
      return;
    }
    if (!action && method === 'GET') {
      const instance = instanceById(localId);
      if (!instance) throw new HttpError(404, `No macro instance "${localId}"`);
      return sendJson(res, 200, instance);
    }
    throw new HttpError(405, `${method} is not allowed here`);
  }

  async function adfExport(res: http.ServerResponse, url: URL, moduleKey: string): Promise<void> {
    const module = requireModule(moduleKey);
    if (!module.adfExportFunction) throw new HttpError(404, `Module "${module.key}" declares no adfExport function`);
    const instance = store.resolve(module.key, url.searchParams.get('localId'));
    if (!instance) throw new HttpError(404, `No macro instance "${url.searchParams.get('localId')}" of "${module.key}"`);
    const exportType = (['pdf', 'word', 'other'] as const).find((type) => type === url.searchParams.get('exportType')) ?? 'pdf';
    const frame: FrameIdentity = { role: 'macro', moduleKey: module.key, localId: instance.localId, anonymous: false, colorMode: 'light' };
    let outcome: { ok: true; result: unknown } | { ok: false; error: string };
    try {
      // The export context carries the macro's localId beside its extension, as Confluence's export does.
      const extension = { ...extensionFor(module, frame, instance), localId: instance.localId };
      outcome = { ok: true, result: await forge.runAdfExport(module.key, { extension, exportType }) };
    } catch (error) {
      outcome = { ok: false, error: errorMessage(error) };
    }
    sendHtml(
      res,
      adfExportPage({ module, localId: instance.localId, exportType, outcome, url, colorMode: colorModeOf(url), anonymous: url.searchParams.get('anon') === '1' }),
    );
  }

  function servePage(res: http.ServerResponse, url: URL, key: string): void {
    const found = requireModule(key);
    const anonymous = url.searchParams.get('anon') === '1';
    const requested = url.searchParams.get('localId');
    let instances = found.type === 'macro' ? store.list(found.key) : [];
    if (requested) {
      const instance = store.resolve(found.key, requested);
      if (!instance) throw new HttpError(404, `No macro instance "${requested}" of "${found.key}"`);
      instances = [instance];
    }
    const edit = url.searchParams.get('edit');
    const editLocalId = edit ? (edit === '1' ? (instances[0]?.localId ?? defaultLocalId(found.key)) : edit) : undefined;
    const spaces = forge.confluence.spaces().map((space) => ({ key: space.key, name: space.name }));
    const people = forge.confluence.users.list().map((user) => ({ accountId: user.accountId, displayName: user.displayName, admin: user.confluenceAdmin === true }));
    sendHtml(res, modulePage({ manifest: manifest(), module: found, instances, editLocalId, url, colorMode: colorModeOf(url), anonymous, spaces, people }));
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    const segments = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/' && method === 'GET') {
      sendHtml(res, indexPage({ manifest: manifest(), url, colorMode: colorModeOf(url), anonymous: url.searchParams.get('anon') === '1' }));
      return true;
    }
    if (segments[0] === 'module' && segments.length === 2 && method === 'GET') {
      servePage(res, url, decodeURIComponent(segments[1] ?? ''));
      return true;
    }
    if (segments[0] !== '__shell') return false;
    const [, area, ...rest] = segments;
    switch (area) {
      case 'resources':
        if (method !== 'GET' || !rest[0]) break;
        await serveResource(res, url, decodeURIComponent(rest[0]), rest.slice(1).map(decodeURIComponent).join('/'));
        return true;
      case 'uikit': {
        if (method !== 'GET' || !rest[0]) break;
        const resourceKey = decodeURIComponent(rest[0]);
        if (rest[1] === 'app.js') {
          await serveUikitApp(res, resourceKey);
          return true;
        }
        const frame = frameFromQuery(url.searchParams);
        if (!frame) throw new HttpError(400, 'Open this UI Kit frame through a module page (/module/<key>): it needs ?role=&moduleKey=');
        const { ui } = frameModule(frame);
        if (ui.resourceKey !== resourceKey || ui.renderer !== 'uikit') {
          const owner = macroConfiguredBy(manifest(), resourceKey);
          throw new HttpError(400, `Resource "${resourceKey}" is not the UI Kit ${frame.role} resource of "${frame.moduleKey}"${owner ? ` (it configures "${owner.key}")` : ''}`);
        }
        sendHtml(res, uikitFrameHtml(frameData(frame, url), resourceKey));
        return true;
      }
      case 'assets':
        if (method !== 'GET' || !rest[0]) break;
        await serveAsset(res, rest[0]);
        return true;
      case 'theme.css':
        theme ??= themeCss();
        send(res, 200, 'text/css; charset=utf-8', theme);
        return true;
      case 'invoke':
        if (method !== 'POST') break;
        await invoke(req, res);
        return true;
      case 'macros':
        await macros(req, res, url, rest);
        return true;
      case 'adf-export':
        if (method !== 'GET' || !rest[0]) break;
        await adfExport(res, url, decodeURIComponent(rest[0]));
        return true;
      default:
        break;
    }
    throw new HttpError(404, `No shell route for ${method} ${url.pathname}`);
  }

  return {
    async handle(req, res, url) {
      try {
        return await route(req, res, url);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        if (res.headersSent) res.end();
        else sendJson(res, error.status, { error: error.message });
        return true;
      }
    },
  };
}
