/**
 * Confluence storage format is XHTML plus `ac:`/`ri:` elements, and Confluence refuses a body that is not well-formed
 * ("Error parsing xhtml"). This strict parser gives the same refusal, which is what catches an unescaped `<` or `&`
 * from upstream data, and a tree the HTML view renders.
 */
export type StorageNode =
  | { kind: 'element'; name: string; attrs: Record<string, string>; children: StorageNode[] }
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string };

export type StorageElement = Extract<StorageNode, { kind: 'element' }>;

export class StorageFormatError extends Error {}

const NAME = /[A-Za-z_][\w:.-]*/y;
const ENTITY = /&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/y;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022', middot: '\u00b7', copy: '\u00a9',
  reg: '\u00ae', trade: '\u2122', times: '\u00d7', rarr: '\u2192', larr: '\u2190', uarr: '\u2191', darr: '\u2193', euro: '\u20ac',
  deg: '\u00b0', plusmn: '\u00b1', laquo: '\u00ab', raquo: '\u00bb', check: '\u2713',
};

export function parseStorage(xhtml: string): StorageNode[] {
  const root: StorageElement = { kind: 'element', name: '#root', attrs: {}, children: [] };
  const stack: StorageElement[] = [root];
  let i = 0;
  const top = (): StorageElement => stack[stack.length - 1] as StorageElement;
  const fail = (message: string): never => {
    throw new StorageFormatError(`Error parsing xhtml: ${message} (at character ${i})`);
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(xhtml);
    if (!match) return fail(`expected a name after '${xhtml.slice(Math.max(0, i - 1), i + 1)}'`);
    i += match[0].length;
    return match[0];
  };
  const skipSpace = (): void => {
    while (i < xhtml.length && /\s/.test(xhtml[i] as string)) i++;
  };

  while (i < xhtml.length) {
    if (xhtml.startsWith('<!--', i)) {
      const end = xhtml.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (xhtml.startsWith('<![CDATA[', i)) {
      const end = xhtml.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section');
      top().children.push({ kind: 'cdata', text: xhtml.slice(i + 9, end) });
      i = end + 3;
    } else if (xhtml.startsWith('<?', i) || xhtml.startsWith('<!', i)) {
      const end = xhtml.indexOf('>', i);
      if (end < 0) fail('unterminated declaration');
      i = end + 1;
    } else if (xhtml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xhtml[i] !== '>') fail(`malformed close tag </${name}`);
      i++;
      const open = top();
      if (open === root) fail(`unexpected close tag </${name}>`);
      if (open.name !== name) fail(`unexpected close tag </${name}>; expected </${open.name}>`);
      stack.pop();
    } else if (xhtml[i] === '<') {
      i++;
      const element: StorageElement = { kind: 'element', name: readName(), attrs: {}, children: [] };
      for (;;) {
        const before = i;
        skipSpace();
        if (xhtml.startsWith('/>', i)) {
          i += 2;
          top().children.push(element);
          break;
        }
        if (xhtml[i] === '>') {
          i++;
          top().children.push(element);
          stack.push(element);
          break;
        }
        if (i >= xhtml.length) fail(`unterminated tag <${element.name}>`);
        if (before === i) fail(`expected whitespace between attributes of <${element.name}>`);
        const attr = readName();
        skipSpace();
        if (xhtml[i] !== '=') fail(`attribute ${attr} of <${element.name}> has no value`);
        i++;
        skipSpace();
        const quote = xhtml[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${element.name}> is not quoted`);
        const end = xhtml.indexOf(quote as string, i + 1);
        if (end < 0) fail(`unterminated attribute ${attr}`);
        const raw = xhtml.slice(i + 1, end);
        if (raw.includes('<')) fail(`'<' inside attribute ${attr} of <${element.name}>`);
        if (attr in element.attrs) fail(`duplicate attribute ${attr} on <${element.name}>`);
        element.attrs[attr] = decodeEntities(raw, fail);
        i = end + 1;
      }
    } else {
      const end = xhtml.indexOf('<', i);
      const raw = xhtml.slice(i, end < 0 ? xhtml.length : end);
      top().children.push({ kind: 'text', text: decodeEntities(raw, fail) });
      i += raw.length;
    }
  }
  if (stack.length > 1) throw new StorageFormatError(`Error parsing xhtml: unclosed tag <${top().name}>`);
  return root.children;
}

function decodeEntities(raw: string, fail: (message: string) => never): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    ENTITY.lastIndex = amp;
    const match = ENTITY.exec(raw);
    if (!match) fail(`'&' must start an entity such as &amp; (found "${raw.slice(amp, amp + 12)}")`);
    const name = (match as RegExpExecArray)[1] as string;
    if (name.startsWith('#x')) out += String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) out += String.fromCodePoint(parseInt(name.slice(1), 10));
    else out += NAMED_ENTITIES[name] ?? `&${name};`;
    i = amp + (match as RegExpExecArray)[0].length;
  }
  return out;
}

export function childElements(node: StorageElement, name?: string): StorageElement[] {
  return node.children.filter((child): child is StorageElement => child.kind === 'element' && (name === undefined || child.name === name));
}

export function textOf(node: StorageNode): string {
  return node.kind === 'element' ? node.children.map(textOf).join('') : node.text;
}

/** The value of `<ac:parameter ac:name="...">` inside a macro. */
export function macroParameter(macro: StorageElement, name: string): string | undefined {
  const parameter = childElements(macro, 'ac:parameter').find((p) => p.attrs['ac:name'] === name);
  return parameter ? textOf(parameter) : undefined;
}
