/**
 * Renders a page body as a reader would see it in Confluence: storage XHTML to safe HTML (only known elements and
 * attributes pass, so page content can't script the workbench), `ac:` macros, task lists, links and Forge macro
 * placeholders shown sensibly; ADF bodies likewise.
 */
import { childElements, macroParameter, textOf, type StorageElement, type StorageNode } from './storage-format';

export interface RenderContext {
  /** Href of the page with this title (in `spaceKey`, or the current space), or null if there is none. */
  pageHref(title: string, spaceKey?: string): string | null;
}

const PASS_THROUGH = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'strike', 'sub', 'sup',
  'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'caption', 'span', 'div', 'small', 'a', 'img', 'dl', 'dt', 'dd', 'abbr', 'cite', 'kbd', 'mark',
]);
const VOID = new Set(['br', 'hr', 'img', 'col']);
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'button', 'link', 'meta']);
const SAFE_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'id']);
const CALLOUTS = new Set(['info', 'note', 'warning', 'tip', 'panel']);
const EMOTICONS: Record<string, string> = {
  tick: '✅', cross: '❌', warning: '⚠️', information: 'ℹ️', plus: '➕', minus: '➖', question: '❓', smile: '🙂', sad: '🙁',
  'light-on': '💡', 'light-off': '💡', star: '⭐', 'yellow-star': '⭐', 'red-star': '⭐', 'green-star': '⭐', 'blue-star': '⭐',
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderStorage(nodes: StorageNode[], context: RenderContext): string {
  return nodes.map((node) => renderNode(node, context)).join('');
}

function renderNode(node: StorageNode, context: RenderContext): string {
  if (node.kind !== 'element') return escapeHtml(node.text);
  const { name } = node;
  if (name.startsWith('ac:') || name.startsWith('ri:')) return renderConfluenceElement(node, context);
  if (name === 'time') return `<time datetime="${escapeHtml(node.attrs.datetime ?? '')}">${escapeHtml(node.attrs.datetime ?? textOf(node))}</time>`;
  if (DROPPED.has(name)) return '';
  const inner = renderStorage(node.children, context);
  if (!PASS_THROUGH.has(name)) return inner;
  const attrs = Object.entries(node.attrs)
    .filter(([attr, value]) => SAFE_ATTRIBUTES.has(attr) && !((attr === 'href' || attr === 'src') && !isSafeUrl(value)))
    .map(([attr, value]) => ` ${attr}="${escapeHtml(value)}"`)
    .join('');
  return VOID.has(name) ? `<${name}${attrs}>` : `<${name}${attrs}>${inner}</${name}>`;
}

function renderConfluenceElement(node: StorageElement, context: RenderContext): string {
  switch (node.name) {
    case 'ac:structured-macro':
    case 'ac:macro':
      return renderMacro(node, context);
    case 'ac:task-list':
      return `<ul class="task-list">${childElements(node, 'ac:task').map((task) => renderTask(task, context)).join('')}</ul>`;
    case 'ac:link':
      return renderLink(node, context);
    case 'ac:image': {
      const url = childElements(node, 'ri:url')[0]?.attrs['ri:value'];
      const attachment = childElements(node, 'ri:attachment')[0]?.attrs['ri:filename'];
      if (url && isSafeUrl(url)) return `<img src="${escapeHtml(url)}" alt="${escapeHtml(node.attrs['ac:alt'] ?? '')}">`;
      return `<span class="attachment">[image: ${escapeHtml(attachment ?? 'attachment')}]</span>`;
    }
    case 'ac:emoticon':
      return EMOTICONS[node.attrs['ac:name'] ?? ''] ?? escapeHtml(node.attrs['ac:emoji-fallback'] ?? '');
    case 'ac:adf-extension':
      return renderAdfExtension(node);
    case 'ac:rich-text-body':
    case 'ac:layout':
    case 'ac:layout-section':
    case 'ac:layout-cell':
      return `<div class="${node.name.slice(3)}">${renderStorage(node.children, context)}</div>`;
    case 'ac:plain-text-body':
      return escapeHtml(textOf(node));
    case 'ri:user':
      return `<span class="user-mention">@${escapeHtml(node.attrs['ri:account-id'] ?? node.attrs['ri:userkey'] ?? 'user')}</span>`;
    default:
      return ''; // ac:parameter, ac:placeholder, ri:* references outside a link carry no visible content
  }
}

function renderMacro(macro: StorageElement, context: RenderContext): string {
  const name = macro.attrs['ac:name'] ?? 'unknown';
  const body = childElements(macro, 'ac:rich-text-body')[0];
  const inner = body ? renderStorage(body.children, context) : '';
  const title = macroParameter(macro, 'title');
  if (CALLOUTS.has(name)) {
    return `<div class="macro callout callout-${name}">${title ? `<p class="callout-title">${escapeHtml(title)}</p>` : ''}${inner}</div>`;
  }
  switch (name) {
    case 'status': {
      const colour = (macroParameter(macro, 'colour') ?? 'Grey').toLowerCase();
      return `<span class="status-lozenge status-${escapeHtml(colour)}">${escapeHtml((title ?? '').toUpperCase())}</span>`;
    }
    case 'code':
    case 'noformat': {
      const plain = childElements(macro, 'ac:plain-text-body')[0];
      return `<pre class="macro code"><code>${escapeHtml(plain ? textOf(plain) : '')}</code></pre>`;
    }
    case 'expand':
      return `<details class="macro expand"><summary>${escapeHtml(title ?? 'Click here to expand...')}</summary>${inner}</details>`;
    case 'toc':
      return '<nav class="macro toc">[Table of contents]</nav>';
    case 'anchor':
      return `<a id="${escapeHtml(macroParameter(macro, '') ?? '')}"></a>`;
    default:
      return `<div class="macro macro-unknown" data-macro-name="${escapeHtml(name)}"><span class="macro-name">${escapeHtml(name)} macro</span>${inner}</div>`;
  }
}

function renderTask(task: StorageElement, context: RenderContext): string {
  const status = textOf(childElements(task, 'ac:task-status')[0] ?? { kind: 'text', text: '' }).trim();
  const body = childElements(task, 'ac:task-body')[0];
  const done = status === 'complete';
  return `<li class="task${done ? ' task-complete' : ''}"><input type="checkbox" disabled${done ? ' checked' : ''}> ${body ? renderStorage(body.children, context) : ''}</li>`;
}

function renderLink(link: StorageElement, context: RenderContext): string {
  const page = childElements(link, 'ri:page')[0];
  const url = childElements(link, 'ri:url')[0]?.attrs['ri:value'];
  const user = childElements(link, 'ri:user')[0];
  const richBody = childElements(link, 'ac:link-body')[0];
  const plainBody = childElements(link, 'ac:plain-text-link-body')[0];
  const title = page?.attrs['ri:content-title'];
  const label = richBody ? renderStorage(richBody.children, context) : escapeHtml(plainBody ? textOf(plainBody) : (title ?? url ?? ''));
  if (user) return `<span class="user-mention">@${escapeHtml(user.attrs['ri:account-id'] ?? 'user')}</span>`;
  const href = title ? context.pageHref(title, page?.attrs['ri:space-key']) : url && isSafeUrl(url) ? url : null;
  return href ? `<a href="${escapeHtml(href)}">${label}</a>` : `<span class="broken-link">${label}</span>`;
}

/** A Forge (or other ADF) macro stored in a page: shown as a placeholder the shell can mount the real module into. */
function renderAdfExtension(extension: StorageElement): string {
  const node = childElements(extension, 'ac:adf-node')[0];
  const attributes = new Map((node ? childElements(node, 'ac:adf-attribute') : []).map((a) => [a.attrs.key ?? '', a]));
  const extensionKey = attributes.get('extension-key') ? textOf(attributes.get('extension-key') as StorageElement) : '';
  const moduleKey = extensionKey.split('/').pop() ?? extensionKey;
  const parameters = attributes.get('parameters');
  const localId = parameters ? childElements(parameters, 'ac:adf-parameter').find((p) => p.attrs.key === 'local-id') : undefined;
  return `<div class="forge-macro" data-extension-key="${escapeHtml(extensionKey)}" data-module-key="${escapeHtml(moduleKey)}" data-local-id="${escapeHtml(localId ? textOf(localId) : '')}">[Forge macro: ${escapeHtml(moduleKey || 'unknown')}]</div>`;
}

function isSafeUrl(url: string): boolean {
  return /^(https?:|mailto:|\/|#)/i.test(url.trim());
}

interface AdfNode {
  type?: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  marks?: Array<{ type?: string; attrs?: Record<string, unknown> }>;
}

export function renderAdf(doc: unknown): string {
  return renderAdfNodes((doc as AdfNode | null)?.content ?? []);
}

function renderAdfNodes(nodes: AdfNode[]): string {
  return nodes.map(renderAdfNode).join('');
}

function renderAdfNode(node: AdfNode): string {
  const inner = renderAdfNodes(node.content ?? []);
  const attr = (name: string): string => String(node.attrs?.[name] ?? '');
  switch (node.type) {
    case 'text':
      return (node.marks ?? []).reduce((html, mark) => wrapMark(html, mark), escapeHtml(node.text ?? ''));
    case 'paragraph':
      return `<p>${inner}</p>`;
    case 'heading':
      return `<h${Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6)}>${inner}</h${Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6)}>`;
    case 'bulletList':
      return `<ul>${inner}</ul>`;
    case 'orderedList':
      return `<ol>${inner}</ol>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'table':
      return `<table><tbody>${inner}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner}</tr>`;
    case 'tableHeader':
      return `<th>${inner}</th>`;
    case 'tableCell':
      return `<td>${inner}</td>`;
    case 'codeBlock':
      return `<pre class="macro code"><code>${inner}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${inner}</blockquote>`;
    case 'rule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'panel':
      return `<div class="macro callout callout-${escapeHtml(attr('panelType') || 'info')}">${inner}</div>`;
    case 'status':
      return `<span class="status-lozenge status-${escapeHtml(attr('color') || 'neutral')}">${escapeHtml(attr('text').toUpperCase())}</span>`;
    case 'taskList':
      return `<ul class="task-list">${inner}</ul>`;
    case 'taskItem': {
      const done = attr('state') === 'DONE';
      return `<li class="task${done ? ' task-complete' : ''}"><input type="checkbox" disabled${done ? ' checked' : ''}> ${inner}</li>`;
    }
    case 'extension':
    case 'bodiedExtension':
    case 'inlineExtension': {
      const moduleKey = attr('extensionKey').split('/').pop() ?? '';
      return `<div class="forge-macro" data-extension-key="${escapeHtml(attr('extensionKey'))}" data-module-key="${escapeHtml(moduleKey)}">[Forge macro: ${escapeHtml(moduleKey || 'unknown')}]</div>`;
    }
    default:
      return inner;
  }
}

function wrapMark(html: string, mark: { type?: string; attrs?: Record<string, unknown> }): string {
  switch (mark.type) {
    case 'strong':
      return `<strong>${html}</strong>`;
    case 'em':
      return `<em>${html}</em>`;
    case 'code':
      return `<code>${html}</code>`;
    case 'strike':
      return `<s>${html}</s>`;
    case 'underline':
      return `<u>${html}</u>`;
    case 'link': {
      const href = String(mark.attrs?.href ?? '');
      return isSafeUrl(href) ? `<a href="${escapeHtml(href)}">${html}</a>` : html;
    }
    default:
      return html;
  }
}
