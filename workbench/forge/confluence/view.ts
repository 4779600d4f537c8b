/** Human-readable Confluence pages for people and browser tests: /wiki/spaces/{key} and /wiki/spaces/{key}/pages/{id}. */
import type { Page, Space } from './model';
import type { ConfluenceStore } from './store';
import { escapeHtml, renderAdf, renderStorage } from './render';
import { parseStorage } from './storage-format';

export function renderPageBody(store: ConfluenceStore, page: Page, wikiBase: string): string {
  const space = store.space(page.spaceId);
  const context = {
    pageHref(title: string, spaceKey?: string): string | null {
      const target = spaceKey ? store.spaceByKey(spaceKey) : space;
      const linked = store.pages().find((candidate) => candidate.spaceId === target?.id && candidate.title === title && candidate.status === 'current');
      return linked && target ? pageHref(wikiBase, target, linked) : null;
    },
  };
  if (page.body.representation === 'storage') return renderStorage(parseStorage(page.body.value), context);
  return renderAdf(JSON.parse(page.body.value) as unknown);
}

export function pageHref(wikiBase: string, space: Space, page: Page): string {
  return `${wikiBase}/spaces/${encodeURIComponent(space.key)}/pages/${page.id}`;
}

/** The HTML for a view route, or null when the space or page does not exist (a 404). */
export function renderView(store: ConfluenceStore, pathname: string, wikiBase: string): string | null {
  const match = /^\/wiki\/spaces\/([^/]+)(?:\/pages\/(\d+)(?:\/[^/]*)?)?\/?$/.exec(pathname);
  if (!match) return null;
  const space = store.spaceByKey(decodeURIComponent(match[1] ?? ''));
  if (!space) return null;
  if (!match[2]) return spaceIndex(store, space, wikiBase);
  const page = store.page(match[2]);
  if (!page || page.spaceId !== space.id || page.status === 'trashed') return null;
  return pageDocument(store, space, page, wikiBase);
}

function pageDocument(store: ConfluenceStore, space: Space, page: Page, wikiBase: string): string {
  const trail: Page[] = [];
  for (let parent = page.parentId ? store.page(page.parentId) : undefined; parent; parent = parent.parentId ? store.page(parent.parentId) : undefined) trail.unshift(parent);
  const breadcrumbs = [`<a href="${wikiBase}/spaces/${escapeHtml(space.key)}">${escapeHtml(space.name)}</a>`, ...trail.map((p) => `<a href="${pageHref(wikiBase, space, p)}">${escapeHtml(p.title)}</a>`)];
  const labels = page.labels.map((label) => `<li class="label">${escapeHtml(label.name)}</li>`).join('');
  const body = `<nav class="breadcrumbs">${breadcrumbs.join(' / ')}</nav>
<h1 id="title-text">${escapeHtml(page.title)}</h1>
<p class="page-metadata">Version ${page.version.number} by ${escapeHtml(page.version.authorId)} on ${escapeHtml(page.version.createdAt)}${page.status === 'draft' ? ' (draft)' : ''}</p>
<main id="main-content" class="wiki-content" data-page-id="${page.id}">${renderPageBody(store, page, wikiBase)}</main>
${labels ? `<ul class="labels" aria-label="Labels">${labels}</ul>` : ''}`;
  return documentShell(`${page.title} - ${space.name}`, body);
}

function spaceIndex(store: ConfluenceStore, space: Space, wikiBase: string): string {
  const items = store
    .pages()
    .filter((page) => page.spaceId === space.id && page.status === 'current')
    .map((page) => `<li><a href="${pageHref(wikiBase, space, page)}">${escapeHtml(page.title)}</a></li>`)
    .join('');
  return documentShell(space.name, `<h1>${escapeHtml(space.name)}</h1><p>Space key ${escapeHtml(space.key)}${space.restricted ? ' (restricted)' : ''}</p><ul class="page-tree">${items}</ul>`);
}

function documentShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:-apple-system,"Segoe UI",Roboto,sans-serif;color:#172b4d;max-width:960px;margin:24px auto;padding:0 16px;line-height:1.5}
a{color:#0c66e4} table{border-collapse:collapse} th,td{border:1px solid #dfe1e6;padding:6px 10px;vertical-align:top} th{background:#f4f5f7}
.breadcrumbs,.page-metadata{color:#626f86;font-size:13px}
.callout{border-left:4px solid #0c66e4;background:#e9f2ff;padding:8px 12px;margin:8px 0}.callout-note,.callout-warning{border-color:#e56910;background:#fff3eb}
.callout-tip{border-color:#22a06b;background:#dcfff1}.callout-title{font-weight:600;margin:0 0 4px}
.status-lozenge{font-size:11px;font-weight:700;padding:1px 4px;border-radius:3px;background:#dfe1e6}.status-green{background:#baf3db}.status-red{background:#ffd5d2}.status-yellow{background:#f8e6a0}.status-blue{background:#cce0ff}
.task-list{list-style:none;padding-left:4px}.task-complete{color:#626f86}
.forge-macro,.macro-unknown{border:1px dashed #8590a2;padding:8px;color:#626f86}
.labels{list-style:none;padding:0;display:flex;gap:6px}.label{background:#f1f2f4;border-radius:3px;padding:0 6px;font-size:13px}
</style></head><body>${body}</body></html>`;
}
