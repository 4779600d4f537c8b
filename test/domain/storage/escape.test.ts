import { escapeStorage, toLabel, truncateText } from '../../../src/domain/storage/escape';
import { parseStorage, textOf } from '../../../workbench/forge/confluence/storage-format';

/** What Confluence's XHTML parser makes of `<p>{escaped}</p>`: the text a reader sees. */
function shownText(escaped: string): string {
  const nodes = parseStorage(`<p>${escaped}</p>`);
  return nodes.map(textOf).join('');
}

const HOSTILE = [
  '<script>alert(1)</script>',
  ']]><![CDATA[',
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body></ac:structured-macro>',
  '&amp; &lt; &#x3c; &nbsp',
  `"quoted" and 'single' <a href="javascript:alert(1)">x</a>`,
  'Ünïcödé ✓ 日本語 🚀 عربى',
];

describe('escapeStorage', () => {
  it.each(HOSTILE)('shows %j as the same text, never as markup', (value) => {
    const escaped = escapeStorage(value);
    expect(escaped).not.toMatch(/<|>/);
    expect(shownText(escaped)).toBe(value);
  });

  it('escapes attribute values too, so a value cannot close the attribute', () => {
    const value = `x" onclick="alert(1)' y`;
    const nodes = parseStorage(`<a href="${escapeStorage(value)}">t</a>`);
    expect(nodes[0]).toMatchObject({ kind: 'element', name: 'a', attrs: { href: value } });
  });

  it('replaces characters XML cannot carry (control characters, lone surrogates) so Confluence accepts the body', () => {
    const escaped = escapeStorage('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\uDC00g');
    expect(escaped).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(() => parseStorage(`<p>${escaped}</p>`)).not.toThrow();
  });

  it('keeps tabs, line breaks and whole surrogate pairs', () => {
    expect(escapeStorage('a\tb\nc\r🚀')).toBe('a\tb\nc\r🚀');
  });

  it('writes nothing for null and undefined, and numbers as text', () => {
    expect(escapeStorage(null)).toBe('');
    expect(escapeStorage(undefined)).toBe('');
    expect(escapeStorage(42)).toBe('42');
  });

  it('escapes a very long value whole (cutting is truncateText’s job)', () => {
    const long = '<&>'.repeat(20_000);
    const escaped = escapeStorage(long);
    expect(escaped.length).toBe(20_000 * '&lt;&amp;&gt;'.length);
    expect(shownText(escaped)).toBe(long);
  });
});

describe('truncateText', () => {
  it('leaves a value within the limit alone', () => {
    expect(truncateText('short', 5)).toBe('short');
  });

  it('cuts a longer value to the limit, marking the cut with an ellipsis', () => {
    const cut = truncateText('abcdefghij', 5);
    expect(cut).toBe('abcd…');
    expect(cut).toHaveLength(5);
  });

  it('never splits a surrogate pair (no lone surrogate for Confluence to refuse)', () => {
    const cut = truncateText('abc🚀def', 5);
    expect(cut).toBe('abc…');
    expect(escapeStorage(cut)).not.toContain('\uFFFD');
  });

  it('gives an empty string for a limit below one', () => {
    expect(truncateText('abc', 0)).toBe('');
  });
});

describe('toLabel', () => {
  it('lower-cases and joins words with dashes', () => {
    expect(toLabel('msg-', 'X12 850')).toBe('msg-x12-850');
    expect(toLabel('partner-', 'ACME Retail, Inc.')).toBe('partner-acme-retail-inc');
  });

  it('drops accents instead of splitting the word', () => {
    expect(toLabel('partner-', 'Crème Brûlée GmbH')).toBe('partner-creme-brulee-gmbh');
  });

  it('turns every character Confluence forbids in labels into a dash, dots included', () => {
    const label = toLabel('env-', 'a:b;c,d.e?f&g[h]i(j)k#l^m*n@o!p<q>r s');
    expect(label).toBe('env-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s');
    expect(label).not.toMatch(/[\s:;,.?&[\]()#^*@!<>]/);
  });

  it('gives null when nothing usable is left', () => {
    expect(toLabel('msg-', '日本語')).toBeNull();
    expect(toLabel('msg-', ' -- ')).toBeNull();
  });

  it('keeps labels within 255 characters without a trailing dash', () => {
    const label = toLabel('msg-', `${'a'.repeat(250)} bcdef`) as string;
    expect(label.length).toBeLessThanOrEqual(255);
    expect(label.endsWith('-')).toBe(false);
  });
});
