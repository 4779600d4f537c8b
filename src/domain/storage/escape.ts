/**
 * THE escaping for Confluence storage format (XHTML). Every value that comes from outside the app (upstream data,
 * user input, event payloads) passes through one of these before it becomes part of a page body, so markup,
 * `]]>`, macro XML or entities in the data are shown as text and never interpreted.
 */

/** XML 1.0 forbids most C0 control characters even when escaped; Confluence rejects a body that holds one. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Lone surrogates are not characters and break the XML parser as well. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content and attribute values alike: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeStorage(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    .replace(FORBIDDEN_XML_CHARS, '\uFFFD')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Cuts a value to `max` characters (not splitting a surrogate pair) and marks the cut, before escaping. */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max < 1) return '';
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/**
 * A Confluence label from outside text: labels are lower case, without spaces, and only ASCII letters, digits, `-`
 * and `_` survive here (Confluence forbids `:`, `!`, `#`, `&`, `(`, `)`, `*`, `,`, `.`, `;`, `<`, `>`, `?`, `@`, `[`,
 * `]`, `^` and whitespace). Accents are dropped (`Crème` -> `creme`), anything else becomes `-`. At most 255
 * characters. Returns null when nothing is left.
 */
export function toLabel(prefix: string, value: string): string | null {
  const body = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!body) return null;
  return `${prefix}${body}`.slice(0, 255).replace(/-+$/, '');
}

/**
 * Text for a page title or another single line: control characters and bidi overrides become spaces, lone surrogates
 * become U+FFFD, whitespace runs collapse. Confluence rejects titles with control characters, and a bidi override in a
 * title would disguise it in every list it appears in.
 */
export function singleLineText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ')
      .replace(LONE_SURROGATES, '\uFFFD')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
