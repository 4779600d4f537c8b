/** HTML building blocks of the shell's own pages: escaping and the Confluence-like chrome. */
import type { ColorMode } from './frameContext';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** JSON safe to place inside a <script> element: nothing in it can close the element or start a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Tagged template that escapes interpolations; `raw()` marks already-built HTML. */
export class RawHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function raw(html: string): RawHtml {
  return new RawHtml(html);
}

type Part = RawHtml | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof RawHtml) return part.html;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): RawHtml {
  let out = '';
  strings.forEach((chunk, index) => {
    out += chunk;
    if (index < values.length) out += render(values[index] as Part);
  });
  return raw(out);
}

export const THEME_ATTRS = 'data-theme="dark:dark light:light shape:shape spacing:spacing typography:typography"';

const CSS = `
:root { color-scheme: light dark; }
* { box-sizing: border-box; }
body { margin: 0; font: var(--ds-font-body, normal 400 14px/20px ui-sans-serif, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--ds-text, #292A2E); background: var(--ds-surface, #FFFFFF); }
a { color: var(--ds-link, #1868DB); }
a:visited { color: var(--ds-link, #1868DB); }
code, pre { font-family: var(--ds-font-family-code, ui-monospace, Menlo, monospace); font-size: 12px; }
pre { background: var(--ds-background-neutral, #F0F1F2); padding: 8px 12px; border-radius: 6px; overflow: auto; max-height: 480px; }
.wb-topbar { height: 56px; display: flex; align-items: center; gap: 16px; padding: 0 16px;
  border-bottom: 1px solid var(--ds-border, #0B120E24); background: var(--ds-surface, #FFFFFF); position: sticky; top: 0; z-index: 10; }
.wb-logo { display: flex; align-items: center; gap: 8px; font-weight: 653; color: var(--ds-text, #292A2E); text-decoration: none; }
.wb-logo-mark { width: 24px; height: 24px; border-radius: 6px; background: var(--ds-background-brand-bold, #1868DB);
  color: var(--ds-text-inverse, #FFFFFF); display: inline-flex; align-items: center; justify-content: center; font-size: 13px; }
.wb-topbar nav { display: flex; gap: 4px; flex: 1; align-items: center; }
.wb-topbar nav a, .wb-topbar nav span { padding: 6px 8px; border-radius: 4px; color: var(--ds-text-subtle, #505258); text-decoration: none; }
.wb-topbar nav a:hover { background: var(--ds-background-neutral-subtle-hovered, #0515240F); }
.wb-topbar .wb-tools { display: flex; gap: 8px; align-items: center; }
.wb-layout { display: flex; min-height: calc(100vh - 56px); }
.wb-sidebar { width: 240px; flex: none; border-right: 1px solid var(--ds-border, #0B120E24); padding: 16px 8px;
  background: var(--ds-surface, #FFFFFF); }
.wb-space { display: flex; gap: 8px; align-items: center; padding: 8px; font-weight: 653; }
.wb-space-icon { width: 24px; height: 24px; border-radius: 4px; background: var(--ds-background-accent-green-subtle, #4BCE97); }
.wb-sidebar h2 { font-size: 11px; text-transform: uppercase; color: var(--ds-text-subtlest, #6B6E76); margin: 16px 8px 4px; }
.wb-sidebar ul { list-style: none; margin: 0; padding: 0; }
.wb-sidebar li a { display: block; padding: 6px 8px; border-radius: 4px; color: var(--ds-text-subtle, #505258); text-decoration: none; }
.wb-sidebar li a[aria-current="page"] { background: var(--ds-background-selected, #E9F2FE); color: var(--ds-text-selected, #1868DB); }
.wb-content { flex: 1; min-width: 0; padding: 24px 40px 64px; }
.wb-page { max-width: 1200px; margin: 0 auto; }
.wb-breadcrumbs ol { list-style: none; display: flex; gap: 6px; margin: 0 0 8px; padding: 0; color: var(--ds-text-subtle, #505258); }
.wb-breadcrumbs li + li::before { content: "/"; margin-right: 6px; color: var(--ds-text-subtlest, #6B6E76); }
.wb-breadcrumbs a { color: var(--ds-text-subtle, #505258); text-decoration: none; }
h1.wb-title { font: var(--ds-font-heading-xlarge, 653 28px/32px ui-sans-serif, sans-serif); margin: 8px 0 4px; }
.wb-byline { color: var(--ds-text-subtlest, #6B6E76); margin-bottom: 24px; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.wb-macro { margin: 16px 0 24px; }
.wb-macro-bar { display: flex; gap: 8px; align-items: center; color: var(--ds-text-subtlest, #6B6E76); font-size: 12px;
  border: 1px dashed var(--ds-border, #0B120E24); border-bottom: 0; border-radius: 6px 6px 0 0; padding: 4px 8px; }
.wb-macro-bar .wb-macro-name { flex: 1; }
.wb-macro-body { border: 1px dashed var(--ds-border, #0B120E24); border-radius: 0 0 6px 6px; padding: 8px; }
.wb-macro-frame { display: block; width: 100%; height: 160px; border: 0; background: var(--ds-surface, #FFFFFF); }
.wb-button { font: inherit; font-weight: 500; border: 0; border-radius: 4px; padding: 4px 12px; min-height: 32px; cursor: pointer;
  background: var(--ds-background-neutral, #0515240F); color: var(--ds-text, #292A2E); text-decoration: none; display: inline-flex; align-items: center; }
.wb-button:hover { background: var(--ds-background-neutral-hovered, #0B120E24); }
.wb-button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid var(--ds-border-focused, #4688EC); outline-offset: 2px; }
.wb-button-primary { background: var(--ds-background-brand-bold, #1868DB); color: var(--ds-text-inverse, #FFFFFF); }
.wb-button-primary:hover { background: var(--ds-background-brand-bold-hovered, #1558BC); }
.wb-button-subtle { background: transparent; }
.wb-button-compact { min-height: 24px; padding: 0 8px; font-size: 12px; }
.wb-toggle { display: inline-flex; gap: 6px; align-items: center; color: var(--ds-text-subtle, #505258); }
.wb-user-menu { position: relative; }
.wb-user-menu summary { cursor: pointer; padding: 4px 8px; border-radius: 4px; }
.wb-user-menu summary:focus-visible { outline: 2px solid var(--ds-border-focused, #4688EC); outline-offset: 2px; }
.wb-user-menu ul { position: absolute; right: 0; top: 100%; z-index: 30; list-style: none; margin: 4px 0 0; padding: 4px 0; min-width: 260px;
  background: var(--ds-surface-overlay, #FFFFFF); border-radius: 6px; box-shadow: var(--ds-shadow-overlay, 0 8px 12px #1E1F2126, 0 0 1px #1E1F214F); }
.wb-user-menu li a { display: block; padding: 6px 12px; color: var(--ds-text, #292A2E); text-decoration: none; }
.wb-user-menu li a:hover, .wb-user-menu li a[aria-current="true"] { background: var(--ds-background-neutral-subtle-hovered, #0515240F); }
.wb-panel { padding: 0; border: 0; border-radius: 8px; width: min(var(--wb-panel-width, 600px), 96vw); max-height: 92vh;
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px #1E1F2126, 0 0 1px #1E1F214F); background: var(--ds-surface-overlay, #FFFFFF);
  color: var(--ds-text, #292A2E); }
.wb-panel::backdrop { background: var(--ds-blanket, #050C1F75); }
.wb-panel header { display: flex; align-items: center; gap: 8px; padding: 16px 16px 8px 24px; }
.wb-panel header h2 { flex: 1; margin: 0; font: var(--ds-font-heading-medium, 653 20px/24px ui-sans-serif, sans-serif); }
.wb-panel iframe { display: block; width: 100%; height: 420px; border: 0; }
.wb-flags { position: fixed; left: 24px; bottom: 24px; display: flex; flex-direction: column; gap: 8px; z-index: 20; }
.wb-flag { min-width: 320px; max-width: 420px; padding: 12px 16px; border-radius: 6px; background: var(--ds-surface-overlay, #FFFFFF);
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px #1E1F2126, 0 0 1px #1E1F214F); border-left: 4px solid var(--ds-border-information, #1868DB); }
.wb-flag[data-appearance="error"] { border-left-color: var(--ds-border-danger, #E2483D); }
.wb-flag[data-appearance="success"] { border-left-color: var(--ds-border-success, #6A9A23); }
.wb-flag[data-appearance="warning"] { border-left-color: var(--ds-border-warning, #E06C00); }
.wb-flag strong { display: block; }
.wb-card { border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
.wb-card h2 { margin: 0 0 8px; font: var(--ds-font-heading-small, 653 16px/20px ui-sans-serif, sans-serif); }
.wb-table { border-collapse: collapse; width: 100%; }
.wb-table th, .wb-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--ds-border, #0B120E24); vertical-align: top; }
.wb-table th { color: var(--ds-text-subtle, #505258); font-weight: 600; font-size: 12px; }
.wb-muted { color: var(--ds-text-subtlest, #6B6E76); }
.wb-adf table { border-collapse: collapse; margin: 8px 0; }
.wb-adf th, .wb-adf td { border: 1px solid var(--ds-border, #0B120E24); padding: 4px 8px; vertical-align: top; }
.wb-adf th { background: var(--ds-background-neutral, #0515240F); }
.wb-adf .wb-adf-panel { border-radius: 4px; padding: 8px 12px; margin: 8px 0; background: var(--ds-background-information, #E9F2FE); }
.wb-adf .wb-adf-panel[data-panel="warning"] { background: var(--ds-background-warning, #FFF5DB); }
.wb-adf .wb-adf-panel[data-panel="error"] { background: var(--ds-background-danger, #FFECEB); }
.wb-adf .wb-adf-panel[data-panel="success"] { background: var(--ds-background-success, #EFFFD6); }
.wb-adf .wb-adf-status { font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 0 4px; border-radius: 3px;
  background: var(--ds-background-neutral, #0515240F); }
.wb-adf .wb-adf-unsupported { color: var(--ds-text-danger, #AE2E24); border: 1px dashed var(--ds-border-danger, #E2483D); padding: 2px 4px; }
`;

export interface LayoutOptions {
  title: string;
  colorMode: ColorMode;
  body: RawHtml;
  /** Page data for the page script, in a JSON script element. */
  pageData?: unknown;
}

export function layout({ title, colorMode, body, pageData }: LayoutOptions): string {
  return `<!doctype html>
<html lang="en" ${THEME_ATTRS} data-color-mode="${colorMode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/__shell/theme.css">
<style>${CSS}</style>
</head>
<body>
${body.html}
<div class="wb-flags" id="wb-flags" role="status" aria-live="polite"></div>
<script type="application/json" id="wb-page-data">${jsonForScript(pageData ?? {})}</script>
<script src="/__shell/assets/page.js"></script>
</body>
</html>`;
}

export interface ChromeOptions {
  colorMode: ColorMode;
  anonymous: boolean;
  /** The current URL, to build the theme and anonymous toggles from. */
  url: URL;
  /** The site's users the shell can act as (`?as=`), and who is signed in now; no switcher without them. */
  people?: { accountId: string; displayName: string; admin: boolean }[];
  signedIn?: string;
}

/** "Signed in as …": switches the user the page and its frames act as (`?as=<accountId>`). */
function userSwitcher(url: URL, people: NonNullable<ChromeOptions['people']>, signedIn: string | undefined): RawHtml {
  const current = people.find((person) => person.accountId === signedIn);
  const label = (person: { displayName: string; admin: boolean }) => `${person.displayName}${person.admin ? ' (Confluence admin)' : ''}`;
  return html`<details class="wb-user-menu" data-testid="user-switcher">
    <summary class="wb-toggle">Signed in as ${current ? label(current) : (signedIn ?? 'nobody')}</summary>
    <ul>${people.map((person) => {
      const target = new URL(url.toString());
      target.searchParams.set('as', person.accountId);
      target.searchParams.delete('anon');
      target.searchParams.delete('edit');
      return html`<li><a href="${target.pathname}${target.search}" ${person.accountId === signedIn ? raw('aria-current="true"') : ''}>${label(person)}</a></li>`;
    })}</ul>
  </details>`;
}

function toggleUrl(url: URL, name: string, on: boolean, value = '1'): string {
  const next = new URL(url.toString());
  if (on) next.searchParams.set(name, value);
  else next.searchParams.delete(name);
  next.searchParams.delete('edit');
  return `${next.pathname}${next.search}`;
}

/** Confluence's top navigation bar, with the workbench's own switches. */
export function topBar({ colorMode, anonymous, url, people, signedIn }: ChromeOptions): RawHtml {
  return html`<header class="wb-topbar">
  <a class="wb-logo" href="/"><span class="wb-logo-mark" aria-hidden="true">C</span>Confluence <span class="wb-muted">workbench</span></a>
  <nav aria-label="Workbench">
    <a href="/">Modules</a>
    <a href="/wiki/api/v2/pages">Pages (REST)</a>
    <a href="/wiki/api/v2/spaces">Spaces (REST)</a>
  </nav>
  <div class="wb-tools">
    ${people && people.length > 0 && !anonymous ? userSwitcher(url, people, signedIn) : ''}
    <a class="wb-toggle" href="${toggleUrl(url, 'anon', !anonymous)}" role="switch" aria-checked="${anonymous ? 'true' : 'false'}"
      data-testid="toggle-anonymous">${anonymous ? '☑' : '☐'} View as anonymous</a>
    <a class="wb-toggle" href="${toggleUrl(url, 'theme', colorMode !== 'dark', 'dark')}" role="switch"
      aria-checked="${colorMode === 'dark' ? 'true' : 'false'}" data-testid="toggle-dark">${colorMode === 'dark' ? '☑' : '☐'} Dark theme</a>
    <button type="button" class="wb-button" data-action="sync-now">Sync now</button>
  </div>
</header>`;
}
