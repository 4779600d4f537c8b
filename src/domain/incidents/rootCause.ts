/**
 * The "Root cause" section of an incident page: written with a placeholder, filled in by people in Confluence's
 * editor. The knowledge base shows the first line written under the heading, so support sees known fixes; a page
 * whose section still holds the placeholder has no root cause yet.
 *
 * The body comes back from Confluence after people edited it, so this reads it loosely: any heading level, attributes
 * and inline markup anywhere, entities of any kind. It never renders what it finds: it answers plain text (React
 * shows it as text).
 */
import { truncateText } from '../storage/escape';

export const ROOT_CAUSE_HEADING = 'Root cause';
export const ROOT_CAUSE_PLACEHOLDER = 'Not identified yet. Replace this line with the root cause and the fix once they are known.';
export const ROOT_CAUSE_MAX_LENGTH = 300;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of a storage-format fragment: entities decoded, CDATA kept, markup dropped. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? match;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? match;
    return NAMED[name] ?? match;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const BLOCK_END = /<\/(p|li|div|td|th|tr|pre|blockquote|ac:task-body)\s*>|<br\s*\/?>/gi;

function textOfFragment(fragment: string): string {
  const withCdata = fragment.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => inner.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return decodeEntities(withCdata.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
}

/** Marks where a block ends; XML bodies cannot hold U+0000, so it never meets page text. */
const LINE_BREAK = '\u0000';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The first line of text under the page's "Root cause" heading, up to the next heading; null when the section is
 * missing, empty, or still holds the placeholder.
 */
export function rootCauseLine(storage: string): string | null {
  let sectionStart = -1;
  for (const match of storage.matchAll(HEADING)) {
    if (normalise(textOfFragment(match[2] ?? '')).toLowerCase() === ROOT_CAUSE_HEADING.toLowerCase()) {
      sectionStart = (match.index ?? 0) + match[0].length;
      break;
    }
  }
  if (sectionStart < 0) return null;
  const rest = storage.slice(sectionStart);
  const nextHeading = rest.search(/<h[1-6]\b/i);
  const section = nextHeading < 0 ? rest : rest.slice(0, nextHeading);
  const lines = section
    .replace(BLOCK_END, LINE_BREAK)
    .split(LINE_BREAK)
    .map((line) => normalise(textOfFragment(line)))
    .filter((line) => line !== '');
  const first = lines[0];
  if (!first || first === ROOT_CAUSE_PLACEHOLDER) return null;
  return truncateText(first, ROOT_CAUSE_MAX_LENGTH);
}
