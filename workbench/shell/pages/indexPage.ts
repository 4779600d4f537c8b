/** GET /: every module of manifest.yml with a way to open or run it. */
import { html, layout, raw, topBar, type RawHtml } from '../html';
import type { ColorMode } from '../frameContext';
import type { ShellManifest, ShellModule } from '../manifestModules';

export interface IndexPageOptions {
  manifest: ShellManifest;
  url: URL;
  colorMode: ColorMode;
  anonymous: boolean;
}

/** Keeps the workbench switches (theme, anonymous, signed-in user) on links into module pages. */
function withSwitches(href: string, url: URL): string {
  const target = new URL(href, url);
  for (const name of ['theme', 'anon', 'as']) {
    const value = url.searchParams.get(name);
    if (value) target.searchParams.set(name, value);
  }
  return `${target.pathname}${target.search}`;
}

function detail(module: ShellModule): RawHtml {
  const raw = module.raw;
  const parts: string[] = [];
  for (const field of ['function', 'interval', 'queue', 'handler', 'route', 'layout', 'timeoutSeconds']) {
    if (raw[field] !== undefined) parts.push(`${field}: ${String(raw[field])}`);
  }
  if (module.ui) parts.push(`resource: ${module.ui.resourceKey} (${module.ui.renderer === 'uikit' ? 'UI Kit' : 'Custom UI'})`);
  if (module.resolverFunction) parts.push(`resolver: ${module.resolverFunction}`);
  if (module.config) parts.push(`config: ${module.config.ui.resourceKey} (${module.config.ui.renderer === 'uikit' ? 'UI Kit' : 'Custom UI'})`);
  if (module.adfExportFunction) parts.push(`adfExport: ${module.adfExportFunction}`);
  return html`<span class="wb-muted">${parts.join(' · ')}</span>`;
}

function actions(module: ShellModule, url: URL): RawHtml {
  const key = encodeURIComponent(module.key);
  const links: RawHtml[] = [];
  if (module.ui) links.push(html`<a class="wb-button wb-button-compact" href="${withSwitches(`/module/${key}`, url)}">Open${module.type === 'macro' ? ' on page' : ''}</a>`);
  if (module.config) {
    links.push(html`<a class="wb-button wb-button-compact" href="${withSwitches(`/module/${key}?edit=1`, url)}">Edit config panel</a>`);
  }
  if (module.adfExportFunction) {
    links.push(html`<a class="wb-button wb-button-compact" href="${withSwitches(`/__shell/adf-export/${key}`, url)}">PDF export (ADF)</a>`);
  }
  if (module.type === 'scheduledTrigger') {
    links.push(
      html`<button type="button" class="wb-button wb-button-compact" data-action="run-trigger" data-key="${module.key}">Run now</button>`,
    );
  }
  if (module.type === 'webtrigger') {
    links.push(
      html`<button type="button" class="wb-button wb-button-compact" data-action="send-webtrigger" data-key="${module.key}">Send test request</button>
        <code>/webtrigger/${module.key}</code>`,
    );
  }
  return html`${links}`;
}

function groupTitle(type: string): string {
  const titles: Record<string, string> = {
    macro: 'Macros',
    scheduledTrigger: 'Scheduled triggers',
    consumer: 'Queue consumers',
    webtrigger: 'Web triggers',
    function: 'Functions',
    'confluence:spacePage': 'Space pages',
    'confluence:globalSettings': 'Global settings',
    'confluence:globalPage': 'Global pages',
    'confluence:spaceSettings': 'Space settings',
  };
  return titles[type] ?? type;
}

export function indexPage({ manifest, url, colorMode, anonymous }: IndexPageOptions): string {
  const types = [...new Set(manifest.modules.map((module) => module.type))];
  const groups = types.map((type) => {
    const modules = manifest.modules.filter((module) => module.type === type);
    const rows = modules.map(
      (module) => html`<tr data-module-key="${module.key}">
        <td><strong>${module.title}</strong><br><code>${module.key}</code></td>
        <td>${detail(module)}</td>
        <td>${actions(module, url)}</td>
      </tr>`,
    );
    const configPanels = modules.filter((module) => module.config);
    return html`<section class="wb-card" aria-labelledby="group-${type}">
      <h2 id="group-${type}">${groupTitle(type)} <span class="wb-muted">(${type})</span></h2>
      <table class="wb-table"><thead><tr><th scope="col">Module</th><th scope="col">Details</th><th scope="col">Actions</th></tr></thead>
      <tbody>${rows}</tbody></table>
      ${configPanels.length > 0
        ? html`<h3>Config panels</h3><ul>${configPanels.map(
            (module) =>
              html`<li><a href="${withSwitches(`/module/${encodeURIComponent(module.key)}?edit=1`, url)}">${module.config?.title ?? module.key}</a>
                <span class="wb-muted">resource ${module.config?.ui.resourceKey}, ${module.config?.ui.renderer === 'uikit' ? 'UI Kit' : 'Custom UI'}</span></li>`,
          )}</ul>`
        : ''}
    </section>`;
  });

  const resources = html`<section class="wb-card" aria-labelledby="group-resources">
    <h2 id="group-resources">Resources</h2>
    <table class="wb-table"><thead><tr><th scope="col">Key</th><th scope="col">Path</th></tr></thead>
    <tbody>${manifest.resources.map((resource) => html`<tr><td><code>${resource.key}</code></td><td><code>${resource.path}</code></td></tr>`)}</tbody></table>
  </section>`;

  const body = html`${topBar({ colorMode, anonymous, url })}
<main class="wb-content"><div class="wb-page">
  <h1 class="wb-title">Integration Governance Hub workbench</h1>
  <div class="wb-byline">Every module in manifest.yml, hosted as Confluence would host it.
    <button type="button" class="wb-button wb-button-primary" data-action="sync-now">Sync now</button>
    <a href="/wiki/api/v2/pages">Pages in the emulated Confluence (/wiki/api/v2/pages)</a>
  </div>
  ${groups}
  ${resources}
  <section class="wb-card" aria-labelledby="last-result">
    <h2 id="last-result">Last action result</h2>
    <pre id="wb-action-result" data-testid="action-result" aria-live="polite">Nothing run yet.</pre>
  </section>
</div></main>`;
  return layout({ title: 'Workbench: modules', colorMode, body: raw(body.html) });
}
