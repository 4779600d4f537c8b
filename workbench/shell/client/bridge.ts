/**
 * The workbench's `window.__bridge`: what Confluence's host implements for @forge/bridge and @forge/react inside an
 * app frame. Installed before the app's bundle runs, since @forge/bridge looks the global up at import time.
 */
import { FRAME_DATA_ELEMENT_ID, isEnvelope, type Envelope, type FrameData, type FrameToPage, type PageToFrame } from './messages';

type Command = (data: unknown) => unknown;

declare global {
  interface Window {
    __bridge?: { callBridge(command: string, data?: unknown): Promise<unknown> };
  }
}

export interface BridgeOptions {
  /** UI Kit frames: @forge/react's `reconcile` with the whole ForgeDoc after every commit. */
  reconcile?(data: unknown): void;
  /** UI Kit frames: @forge/react reports render errors it cannot recover from. */
  onError?(data: unknown): void;
}

export function readFrameData(): FrameData {
  const element = document.getElementById(FRAME_DATA_ELEMENT_ID);
  if (!element?.textContent) throw new Error('The workbench frame has no frame data: was it served by the shell?');
  return JSON.parse(element.textContent) as FrameData;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

async function postJson(url: string, body: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) throw new Error(String(record(parsed).error ?? `${method} ${url} answered ${response.status}`));
  return parsed;
}

/** Where a @forge/bridge NavigationLocation points on a Confluence site. */
export function urlForLocation(location: Record<string, unknown>, siteUrl: string): string {
  const id = (key: string) => encodeURIComponent(String(location[key] ?? ''));
  switch (location.target) {
    case 'contentView':
      return `${siteUrl}/wiki/pages/viewpage.action?pageId=${id('contentId')}`;
    case 'contentEdit':
      return `${siteUrl}/wiki/pages/resumedraft.action?draftId=${id('contentId')}`;
    case 'spaceView':
      return `${siteUrl}/wiki/spaces/${id('spaceKey')}/overview`;
    case 'contentList':
      return `${siteUrl}/wiki/spaces/${id('spaceKey')}/pages`;
    case 'module':
      return `${siteUrl}/module/${id('moduleKey')}`;
    case 'userProfile':
      return `${siteUrl}/wiki/people/${id('accountId')}`;
    default:
      throw new Error(`Navigation target "${String(location.target)}" does not exist in Confluence`);
  }
}

function safeUrl(url: string, siteUrl: string): string {
  const resolved = new URL(url, siteUrl);
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    throw new Error(`Refusing to navigate to a ${resolved.protocol} URL`);
  }
  return resolved.toString();
}

/** Keeps the frame element as tall as the app's content, as Confluence does for macros. */
function startAutoResize(post: (message: FrameToPage) => void): (height?: number) => void {
  let last = -1;
  const measure = () => {
    const bodyStyle = getComputedStyle(document.body);
    let bottom = 0;
    for (const child of Array.from(document.body.children)) {
      if (child.tagName === 'SCRIPT') continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom + window.scrollY);
    }
    return Math.ceil(bottom + parseFloat(bodyStyle.marginBottom || '0') + parseFloat(bodyStyle.paddingBottom || '0'));
  };
  const report = (explicit?: number) => {
    const height = Math.max(explicit ?? measure(), 24);
    if (height === last) return;
    last = height;
    post({ type: 'resize', height });
  };
  const observer = new ResizeObserver(() => report());
  const observe = () => {
    observer.observe(document.body);
    for (const child of Array.from(document.body.children)) observer.observe(child);
  };
  if (document.body) observe();
  else document.addEventListener('DOMContentLoaded', observe);
  new MutationObserver(() => {
    observe();
    report();
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('load', () => report());
  return report;
}

let themeRequested = false;

/** Confluence's theming: token CSS variables for the page's colour mode (what `view.theme.enable()` asks for). */
export function applyTheme(colorMode: string): void {
  const html = document.documentElement;
  html.setAttribute('data-theme', 'dark:dark light:light shape:shape spacing:spacing typography:typography');
  html.setAttribute('data-color-mode', colorMode === 'dark' ? 'dark' : 'light');
  if (themeRequested) return;
  themeRequested = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/__shell/theme.css';
  document.head.appendChild(link);
}

export function installBridge(options: BridgeOptions = {}): FrameData {
  const frame = readFrameData();
  const post = (message: FrameToPage) => {
    const envelope: Envelope<FrameToPage> = { source: 'forge-shell', frameId: frame.frameId, message };
    window.parent.postMessage(envelope, '*');
  };
  const listeners = new Map<string, Set<(payload: unknown) => unknown>>();
  const subscribe = (event: string, callback: unknown) => {
    if (typeof callback !== 'function') throw new Error('events.on needs a callback function');
    const set = listeners.get(event) ?? new Set();
    set.add(callback as (payload: unknown) => unknown);
    listeners.set(event, set);
    return { unsubscribe: () => set.delete(callback as (payload: unknown) => unknown) };
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent || !isEnvelope<PageToFrame>(event.data)) return;
    const message = event.data.message;
    if (message.type === 'event') for (const callback of listeners.get(message.event) ?? []) void callback(message.payload);
  });
  const resize = startAutoResize(post);
  const isConfig = frame.role === 'config';

  const commands: Record<string, Command> = {
    async invoke(data) {
      const { functionKey, payload, metadata } = record(data);
      if (typeof functionKey !== 'string') throw new Error('functionKey must be a string!');
      const answer = record(
        await postJson('/__shell/invoke', {
          role: frame.role,
          moduleKey: frame.moduleKey,
          localId: frame.localId,
          anonymous: frame.anonymous,
          spaceKey: frame.spaceKey,
          accountId: frame.accountId,
          functionKey,
          payload: payload ?? {},
        }),
      );
      return metadata ? { body: answer.body, metadata: {} } : answer.body;
    },
    getContext: () => JSON.parse(JSON.stringify(frame.context)) as unknown,
    async submit(data) {
      // Confluence accepts view.submit only from a macro's config panel; elsewhere @forge/bridge reports
      // "this resource's view is not submittable".
      if (!isConfig || !frame.localId) return false;
      const { config } = record(data);
      if (typeof config !== 'object' || config === null || Array.isArray(config)) {
        throw new Error('view.submit(): Invalid "config" provided. Expected object');
      }
      await postJson(`/__shell/macros/${encodeURIComponent(frame.localId)}/config`, { config }, 'PUT');
      post({ type: 'config-saved', localId: frame.localId });
      return true;
    },
    close() {
      if (!isConfig) return false;
      post({ type: 'close' });
      return true;
    },
    onClose: () => isConfig,
    open: () => false,
    refresh() {
      post({ type: 'refresh' });
      return true;
    },
    reload() {
      post({ type: 'reload' });
    },
    enableTheming() {
      applyTheme(frame.context.theme.colorMode);
    },
    emitReadyEvent() {
      post({ type: 'ready' });
    },
    resize(data) {
      const height = Number(record(data).height);
      resize(Number.isFinite(height) && height > 0 ? height : undefined);
    },
    changeWindowTitle: () => undefined,
    getUrl(data) {
      return urlForLocation(record(data), frame.context.siteUrl);
    },
    navigate(data) {
      const location = record(data);
      const url = typeof location.url === 'string' ? safeUrl(location.url, frame.context.siteUrl) : urlForLocation(location, frame.context.siteUrl);
      post({ type: 'navigate', url, newTab: location.type === 'new-tab' });
    },
    showFlag(data) {
      const flag = record(data);
      post({
        type: 'flag',
        id: String(flag.id),
        title: String(flag.title ?? ''),
        description: typeof flag.description === 'string' ? flag.description : undefined,
        appearance: String(flag.appearance ?? flag.type ?? 'info'),
      });
      return { id: flag.id };
    },
    closeFlag(data) {
      post({ type: 'close-flag', id: String(record(data).id) });
    },
    on: (data) => subscribe(String(record(data).event), record(data).callback),
    onPublic: (data) => subscribe(`public:${String(record(data).event)}`, record(data).callback),
    emit(data) {
      post({ type: 'emit', event: String(record(data).event), payload: record(data).payload });
    },
    emitPublic(data) {
      post({ type: 'emit', event: `public:${String(record(data).event)}`, payload: record(data).payload });
    },
    reconcile(data) {
      if (!options.reconcile) throw new Error('reconcile is only available in a UI Kit frame (render: native)');
      options.reconcile(data);
    },
    onError(data) {
      console.error('[UI Kit] the app reported an error', data);
      options.onError?.(data);
    },
  };

  window.__bridge = {
    callBridge(command: string, data?: unknown): Promise<unknown> {
      const run = Object.prototype.hasOwnProperty.call(commands, command) ? commands[command] : undefined;
      if (!run) {
        return Promise.reject(new Error(`The workbench bridge does not implement "${command}" (see workbench/shell/client/bridge.ts)`));
      }
      try {
        return Promise.resolve(run(data));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  return frame;
}
