/** GET /module/<key>: a Confluence page (or full-page module) with the app's frames in it. */
import { WORKBENCH_SITE, WORKBENCH_USER, type ColorMode, type FrameIdentity } from '../frameContext';
import type { ChromeOptions } from '../html';
import { frameId, frameSrc } from '../frameUrls';
import { html, layout, raw, topBar, type RawHtml } from '../html';
import type { MacroInstance } from '../macroStore';
import type { ShellManifest, ShellModule } from '../manifestModules';

export interface ModulePageOptions {
  manifest: ShellManifest;
  module: ShellModule;
  /** Macros: the instances shown on the page. */
  instances: MacroInstance[];
  /** Macros: the instance whose config panel opens on load (`?edit=`). */
  editLocalId?: string;
  url: URL;
  colorMode: ColorMode;
  anonymous: boolean;
  /** Space modules: the emulated Confluence spaces the page can be viewed in (`?space=KEY`). */
  spaces?: { key: string; name: string }[];
  /** The site's users, for the "signed in as" switcher (`?as=<accountId>`). */
  people?: ChromeOptions['people'];
}

/** What the page script needs to open config panels and insert macros. */
export interface ModulePageData {
  moduleKey: string;
  configPanel?: { title: string; width: number; srcByLocalId: Record<string, string>; frameIdByLocalId: Record<string, string> };
  openOnInsert: boolean;
  editLocalId?: string;
}

const PANEL_WIDTHS: Record<string, number> = { small: 400, medium: 600, large: 800, xlarge: 968 };

function sidebar(manifest: ShellManifest, current: ShellModule, url: URL): RawHtml {
  const pages = manifest.modules.filter((module) => module.ui && module.type !== 'function');
  const keep = (href: string) => {
    const target = new URL(href, url);
    for (const name of ['theme', 'anon', 'as']) {
      const value = url.searchParams.get(name);
      if (value) target.searchParams.set(name, value);
    }
    return `${target.pathname}${target.search}`;
  };
  return html`<nav class="wb-sidebar" aria-label="Space">
    <div class="wb-space"><span class="wb-space-icon" aria-hidden="true"></span>${WORKBENCH_SITE.space.name}</div>
    <h2>Content</h2>
    <ul>${pages.map(
      (module) =>
        html`<li><a href="${keep(`/module/${encodeURIComponent(module.key)}`)}" ${module.key === current.key ? raw('aria-current="page"') : ''}>${
          module.type === 'macro' ? `${WORKBENCH_SITE.page.title}: ${module.title}` : module.title
        }</a></li>`,
    )}</ul>
    <h2>Workbench</h2>
    <ul><li><a href="/">All modules</a></li></ul>
  </nav>`;
}

function macroBlock(module: ShellModule, instance: MacroInstance, index: number, frame: FrameIdentity, url: URL): RawHtml {
  if (!module.ui) return html``;
  const label = `${module.title} macro${index > 0 ? ` ${index + 1}` : ''}`;
  const exportUrl = new URL(`/__shell/adf-export/${encodeURIComponent(module.key)}`, url);
  exportUrl.searchParams.set('localId', instance.localId);
  return html`<section class="wb-macro" aria-label="${label}" data-local-id="${instance.localId}" data-testid="macro-instance">
    <div class="wb-macro-bar">
      <span class="wb-macro-name">${module.title} <code>${instance.localId}</code>${instance.config ? '' : html`<span class="wb-not-configured"> (not configured)</span>`}</span>
      ${module.config
        ? html`<button type="button" class="wb-button wb-button-compact" data-action="edit-macro" data-local-id="${instance.localId}"
            aria-label="Edit macro${index > 0 ? ` ${index + 1}` : ''}">Edit macro</button>`
        : ''}
      ${module.adfExportFunction ? html`<a class="wb-button wb-button-compact" href="${exportUrl.pathname}${exportUrl.search}">PDF export</a>` : ''}
      <button type="button" class="wb-button wb-button-compact wb-button-subtle" data-action="remove-macro" data-local-id="${instance.localId}"
        aria-label="Remove ${label}">Remove</button>
    </div>
    <div class="wb-macro-body"><iframe class="wb-macro-frame" title="${label}" src="${frameSrc(module.ui, frame)}" data-frame-id="${frameId(frame)}"
      data-local-id="${instance.localId}" data-role="macro"></iframe></div>
  </section>`;
}

export function modulePage(options: ModulePageOptions): string {
  const { manifest, module, instances, url, colorMode, anonymous } = options;
  const actingAs = url.searchParams.get('as') || undefined;
  const frameBase = { moduleKey: module.key, anonymous, colorMode, spaceKey: url.searchParams.get('space') || undefined, accountId: actingAs };
  const signedIn = actingAs ?? WORKBENCH_USER.accountId;
  const viewerName = options.people?.find((person) => person.accountId === signedIn)?.displayName ?? (actingAs ?? WORKBENCH_USER.displayName);
  let content: RawHtml;
  let pageData: ModulePageData = { moduleKey: module.key, openOnInsert: module.config?.openOnInsert ?? false };

  if (module.type === 'macro') {
    const blocks = instances.map((instance, index) =>
      macroBlock(module, instance, index, { ...frameBase, role: 'macro', localId: instance.localId }, url),
    );
    if (module.config) {
      const configUi = module.config.ui;
      const frames = instances.map((instance) => ({ ...frameBase, role: 'config' as const, localId: instance.localId }));
      pageData = {
        ...pageData,
        editLocalId: options.editLocalId,
        configPanel: {
          title: module.config.title,
          width: PANEL_WIDTHS[module.config.viewportSize] ?? 600,
          srcByLocalId: Object.fromEntries(frames.map((frame) => [frame.localId, frameSrc(configUi, frame)])),
          frameIdByLocalId: Object.fromEntries(frames.map((frame) => [frame.localId, frameId(frame)])),
        },
      };
    }
    content = html`<p>This page holds the <strong>${module.title}</strong> macro as a reader sees it
      ${anonymous ? ' (viewing as an anonymous reader)' : ` (viewing as ${viewerName})`}.</p>
      ${blocks}
      <button type="button" class="wb-button" data-action="insert-macro" data-module-key="${module.key}">Insert another ${module.title} macro</button>`;
  } else if (module.ui) {
    const frame: FrameIdentity = { ...frameBase, role: 'page' };
    const spaces = module.type.includes('space') ? (options.spaces ?? []) : [];
    const switcher = spaces.length
      ? html`<nav class="wb-space-switcher" aria-label="View in space"><span>View in space:</span>
          ${spaces.map((space) => {
            const target = new URL(url);
            target.searchParams.set('space', space.key);
            const current = frameBase.spaceKey === space.key;
            return html` <a href="${target.pathname}${target.search}" ${current ? html`aria-current="page"` : ''}>${space.key}</a>`;
          })}</nav>`
      : '';
    content = html`${switcher}<div class="wb-macro-body"><iframe class="wb-macro-frame" title="${module.title}" src="${frameSrc(module.ui, frame)}"
      data-frame-id="${frameId(frame)}" data-role="page" style="min-height: 480px"></iframe></div>`;
  } else {
    content = html`<p>The module <code>${module.key}</code> (${module.type}) has no UI. See <a href="/">all modules</a>.</p>`;
  }

  const title = module.type === 'macro' ? WORKBENCH_SITE.page.title : module.title;
  const panel = pageData.configPanel
    ? html`<dialog class="wb-panel" id="wb-config-panel" aria-labelledby="wb-config-title" style="--wb-panel-width: ${pageData.configPanel.width}px">
        <header><h2 id="wb-config-title">${pageData.configPanel.title}</h2>
          <button type="button" class="wb-button wb-button-subtle" data-action="close-panel" aria-label="Close configuration">✕</button></header>
        <iframe title="${pageData.configPanel.title} configuration" data-role="config"></iframe>
      </dialog>`
    : '';

  const body = html`${topBar({ colorMode, anonymous, url, people: options.people, signedIn })}
<div class="wb-layout">
  ${sidebar(manifest, module, url)}
  <main class="wb-content"><article class="wb-page">
    <nav class="wb-breadcrumbs" aria-label="Breadcrumbs"><ol>
      <li><a href="/">${WORKBENCH_SITE.space.name}</a></li><li>Pages</li><li aria-current="page">${title}</li>
    </ol></nav>
    <h1 class="wb-title">${title}</h1>
    <div class="wb-byline">Owned by ${WORKBENCH_USER.displayName} · space ${WORKBENCH_SITE.space.key} · module <code>${module.key}</code></div>
    ${content}
  </article></main>
</div>
${panel}`;
  return layout({ title: `${title} - ${WORKBENCH_SITE.space.name} - Confluence workbench`, colorMode, body: raw(body.html), pageData });
}
