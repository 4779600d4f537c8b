/**
 * The shell page's own behaviour (Confluence's side): sizes macro frames, opens the macro config panel, reloads a
 * macro after its config was saved, relays events between frames, shows flags, and runs workbench actions.
 */
import { isEnvelope, type Envelope, type FrameToPage, type PageToFrame } from './messages';
import type { ModulePageData } from '../pages/modulePage';

const pageData = JSON.parse(document.getElementById('wb-page-data')?.textContent ?? '{}') as Partial<ModulePageData>;

function frames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll('iframe'));
}

function frameOf(source: MessageEventSource | null): HTMLIFrameElement | undefined {
  return frames().find((frame) => frame.contentWindow === source);
}

function macroFrame(localId: string): HTMLIFrameElement | undefined {
  return frames().find((frame) => frame.dataset.role === 'macro' && frame.dataset.localId === localId);
}

function reloadFrame(frame: HTMLIFrameElement): void {
  frame.dataset.ready = 'false';
  // Re-setting the same src navigates the frame again, as Confluence re-renders a macro.
  frame.setAttribute('src', frame.getAttribute('src') ?? 'about:blank');
}

// Flags (bottom-left toasts, like Confluence's).
function showFlag(id: string, title: string, description: string | undefined, appearance: string): void {
  const container = document.getElementById('wb-flags');
  if (!container) return;
  document.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove();
  const flag = document.createElement('div');
  flag.className = 'wb-flag';
  flag.dataset.flagId = id;
  flag.dataset.appearance = appearance;
  const strong = document.createElement('strong');
  strong.textContent = title;
  flag.appendChild(strong);
  if (description) flag.appendChild(document.createTextNode(description));
  container.appendChild(flag);
  setTimeout(() => flag.remove(), 8000);
}

// The macro config panel.
const panel = document.getElementById('wb-config-panel') as HTMLDialogElement | null;
const panelFrame = panel?.querySelector('iframe') ?? null;

function openConfig(localId: string): void {
  const src = pageData.configPanel?.srcByLocalId[localId];
  if (!panel || !panelFrame || !src) return;
  panelFrame.dataset.localId = localId;
  panelFrame.dataset.ready = 'false';
  panelFrame.src = src;
  if (!panel.open) panel.showModal();
}

function closeConfig(): void {
  if (panel?.open) panel.close();
}

// Runs for every way the panel closes: view.close(), a save, the close button and the Escape key.
panel?.addEventListener('close', () => {
  if (panelFrame) panelFrame.src = 'about:blank';
  // Drop ?edit= so a reload shows the page, not the panel again.
  const url = new URL(window.location.href);
  if (url.searchParams.has('edit')) {
    url.searchParams.delete('edit');
    window.history.replaceState(null, '', url.toString());
  }
});

function post(frame: HTMLIFrameElement, message: PageToFrame): void {
  const envelope: Envelope<PageToFrame> = { source: 'forge-shell', frameId: 'page', message };
  frame.contentWindow?.postMessage(envelope, '*');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!isEnvelope<FrameToPage>(event.data)) return;
  const sender = frameOf(event.source);
  if (!sender) return;
  const message = event.data.message;
  switch (message.type) {
    case 'resize':
      if (sender.dataset.role !== 'config') sender.style.height = `${message.height}px`;
      else sender.style.height = `${Math.min(Math.max(message.height, 360), window.innerHeight * 0.8)}px`;
      break;
    case 'ready':
      sender.dataset.ready = 'true';
      break;
    case 'close':
      if (sender.dataset.role === 'config') closeConfig();
      break;
    case 'config-saved': {
      closeConfig();
      const target = macroFrame(message.localId);
      if (target) reloadFrame(target);
      const bar = document.querySelector(`[data-local-id="${CSS.escape(message.localId)}"] .wb-macro-name`);
      bar?.querySelector('.wb-not-configured')?.remove();
      showFlag(`saved-${message.localId}`, 'Macro updated', undefined, 'success');
      break;
    }
    case 'refresh':
      reloadFrame(sender);
      break;
    case 'reload':
      window.location.reload();
      break;
    case 'navigate':
      if (message.newTab) window.open(message.url, '_blank', 'noopener');
      else window.location.assign(message.url);
      break;
    case 'flag':
      showFlag(message.id, message.title, message.description, message.appearance);
      break;
    case 'close-flag':
      document.querySelector(`[data-flag-id="${CSS.escape(message.id)}"]`)?.remove();
      break;
    case 'emit':
      for (const frame of frames()) if (frame !== sender) post(frame, { type: 'event', event: message.event, payload: message.payload });
      break;
    default:
      break;
  }
});

// Workbench actions.
async function postJson(url: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: show the text as it came.
  }
  if (!response.ok) {
    const error = (parsed as { error?: unknown } | undefined)?.error;
    throw new Error(typeof error === 'string' ? error : `${method} ${url} answered ${response.status}`);
  }
  return parsed;
}

function showResult(title: string, value: unknown): void {
  const output = document.getElementById('wb-action-result');
  if (output) output.textContent = `${title}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`;
}

async function runAction(button: HTMLButtonElement, title: string, work: () => Promise<unknown>): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const result = await work();
    showResult(`${title}: done`, result);
    showFlag(title, `${title}: done`, undefined, 'success');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showResult(`${title}: failed`, message);
    showFlag(title, `${title} failed`, message, 'error');
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const { action, localId, key, moduleKey } = button.dataset;
  switch (action) {
    case 'edit-macro':
      if (localId) openConfig(localId);
      break;
    case 'close-panel':
      closeConfig();
      break;
    case 'sync-now':
      void runAction(button, 'Sync', async () => {
        // Every upstream the workbench is connected to: the governance backend, then Canto and iconik.
        const governance = await postJson('/api/sync');
        const assets = await postJson('/api/sync-assets');
        for (const frame of frames()) if (frame.dataset.role === 'macro') reloadFrame(frame);
        return { governance, assets };
      });
      break;
    case 'run-trigger':
      void runAction(button, `Trigger ${key}`, () => postJson(`/api/triggers/${encodeURIComponent(key ?? '')}`));
      break;
    case 'send-webtrigger':
      void runAction(button, `Web trigger ${key}`, () => postJson(`/webtrigger/${encodeURIComponent(key ?? '')}`, {}));
      break;
    case 'insert-macro':
      void runAction(button, 'Insert macro', async () => {
        const created = (await postJson('/__shell/macros', { moduleKey })) as { localId: string };
        const next = new URL(window.location.href);
        next.searchParams.delete('localId');
        if (pageData.openOnInsert) next.searchParams.set('edit', created.localId);
        window.location.assign(next.toString());
        return created;
      });
      break;
    case 'remove-macro':
      void runAction(button, 'Remove macro', async () => {
        await postJson(`/__shell/macros/${encodeURIComponent(localId ?? '')}`, undefined, 'DELETE');
        const next = new URL(window.location.href);
        next.searchParams.delete('localId');
        next.searchParams.delete('edit');
        window.location.assign(next.toString());
      });
      break;
    default:
      break;
  }
});

if (pageData.editLocalId) openConfig(pageData.editLocalId);
