/** GET /__shell/adf-export/<key>: what the macro's adfExport function returns, as JSON and rendered. */
import { adfToHtml } from '../adfHtml';
import type { ColorMode } from '../frameContext';
import { html, layout, raw, topBar } from '../html';
import type { ShellModule } from '../manifestModules';

export interface AdfExportPageOptions {
  module: ShellModule;
  localId: string;
  exportType: string;
  /** What runAdfExport answered (or the error it threw). */
  outcome: { ok: true; result: unknown } | { ok: false; error: string };
  url: URL;
  colorMode: ColorMode;
  anonymous: boolean;
}

/** The ADF document inside an answer: the document itself, or a `{ body }` / `{ ok, body }` envelope around it. */
export function adfDocumentOf(result: unknown): unknown {
  const value = result as { type?: unknown; body?: unknown; ok?: unknown } | null;
  if (value && typeof value === 'object') {
    if (value.type === 'doc') return value;
    if (value.body !== undefined) return adfDocumentOf(value.body);
  }
  return undefined;
}

export function adfExportPage(options: AdfExportPageOptions): string {
  const { module, localId, exportType, outcome, url, colorMode, anonymous } = options;
  const documentNode = outcome.ok ? adfDocumentOf(outcome.result) : undefined;
  const typeLink = (type: string) => {
    const next = new URL(url.toString());
    next.searchParams.set('exportType', type);
    return html`<a href="${next.pathname}${next.search}" ${type === exportType ? raw('aria-current="true"') : ''}>${type}</a>`;
  };
  const body = html`${topBar({ colorMode, anonymous, url })}
<main class="wb-content"><div class="wb-page">
  <nav class="wb-breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/">Workbench</a></li>
    <li><a href="/module/${encodeURIComponent(module.key)}">${module.title}</a></li><li aria-current="page">Export</li></ol></nav>
  <h1 class="wb-title">${module.title}: ${exportType} export</h1>
  <div class="wb-byline">adfExport function <code>${module.adfExportFunction ?? '(none)'}</code> · macro <code>${localId}</code> ·
    export type: ${typeLink('pdf')} ${typeLink('word')} ${typeLink('other')}</div>
  ${outcome.ok
    ? html`<section class="wb-card" aria-labelledby="adf-rendered"><h2 id="adf-rendered">Rendered</h2>
        <div data-testid="adf-rendered">${documentNode ? raw(adfToHtml(documentNode)) : html`<p class="wb-muted">The answer holds no ADF document (type "doc").</p>`}</div></section>
      <section class="wb-card" aria-labelledby="adf-json"><h2 id="adf-json">ADF JSON</h2>
        <pre data-testid="adf-json">${JSON.stringify(outcome.result, null, 2)}</pre></section>`
    : html`<section class="wb-card" role="alert"><h2>The export failed</h2><pre data-testid="adf-error">${outcome.error}</pre></section>`}
</div></main>`;
  return layout({ title: `${module.title} export`, colorMode, body: raw(body.html) });
}
