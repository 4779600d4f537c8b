/**
 * A plain HTML rendering of an ADF document: enough to eyeball what a macro becomes in a PDF export. Every node
 * type it does not know is shown as such rather than dropped.
 */
import { escapeHtml } from './html';

interface AdfLike {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[];
  content?: unknown[];
}

function children(node: AdfLike): string {
  return (Array.isArray(node.content) ? node.content : []).map((child) => adfToHtml(child)).join('');
}

function textWithMarks(node: AdfLike): string {
  let out = escapeHtml(node.text);
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'strong':
        out = `<strong>${out}</strong>`;
        break;
      case 'em':
        out = `<em>${out}</em>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'link': {
        const href = String(mark.attrs?.href ?? '');
        out = /^(https?:|\/)/.test(href) ? `<a href="${escapeHtml(href)}">${out}</a>` : out;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export function adfToHtml(value: unknown): string {
  const node = (typeof value === 'object' && value !== null ? value : {}) as AdfLike;
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'doc':
      return `<div class="wb-adf">${children(node)}</div>`;
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'text':
      return textWithMarks(node);
    case 'hardBreak':
      return '<br>';
    case 'heading': {
      const level = Math.min(Math.max(Number(attrs.level) || 1, 1), 6);
      return `<h${level}>${children(node)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${children(node)}</ul>`;
    case 'orderedList':
      return `<ol>${children(node)}</ol>`;
    case 'listItem':
      return `<li>${children(node)}</li>`;
    case 'blockquote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${children(node)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'panel':
      return `<div class="wb-adf-panel" data-panel="${escapeHtml(attrs.panelType)}">${children(node)}</div>`;
    case 'table':
      return `<table>${children(node)}</table>`;
    case 'tableRow':
      return `<tr>${children(node)}</tr>`;
    case 'tableHeader':
      return `<th>${children(node)}</th>`;
    case 'tableCell':
      return `<td>${children(node)}</td>`;
    case 'status':
      return `<span class="wb-adf-status" data-color="${escapeHtml(attrs.color)}">${escapeHtml(attrs.text)}</span>`;
    case 'date':
      return `<time>${escapeHtml(new Date(Number(attrs.timestamp)).toISOString().slice(0, 10))}</time>`;
    case 'expand':
    case 'nestedExpand':
      return `<details open><summary>${escapeHtml(attrs.title)}</summary>${children(node)}</details>`;
    case 'inlineCard':
    case 'blockCard':
      return `<a href="${escapeHtml(attrs.url)}">${escapeHtml(attrs.url)}</a>`;
    case 'mention':
      return `<span>@${escapeHtml(attrs.text ?? attrs.id)}</span>`;
    case 'emoji':
      return escapeHtml(attrs.text ?? attrs.shortName);
    default:
      return `<span class="wb-adf-unsupported">[ADF node "${escapeHtml(node.type)}" not rendered by the workbench]</span>${children(node)}`;
  }
}
