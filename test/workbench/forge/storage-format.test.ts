import { parseStorage, StorageFormatError } from '../../../workbench/forge/confluence/storage-format';
import { renderAdf, renderStorage } from '../../../workbench/forge/confluence/render';
import { parseCql } from '../../../workbench/forge/confluence/cql';

const noLinks = { pageHref: (title: string) => (title === 'Runbook' ? '/wiki/spaces/OTC/pages/7' : null) };
const render = (xhtml: string) => renderStorage(parseStorage(xhtml), noLinks);

describe('storage format', () => {
  it.each([
    ['an unescaped ampersand', '<p>AT&T</p>'],
    ['an unescaped less-than', '<p>1 < 2</p>'],
    ['a void element left open', '<p>line<br>break</p>'],
    ['crossed tags', '<p><b>bold</p></b>'],
    ['an unquoted attribute', '<a href=x>y</a>'],
    ['an unclosed element', '<table><tr><td>x</td></tr>'],
  ])('refuses %s, as Confluence does', (_name, xhtml) => {
    expect(() => parseStorage(xhtml)).toThrow(StorageFormatError);
  });

  it('accepts entities, CDATA and namespaced macros', () => {
    expect(() => parseStorage('<p>AT&amp;T &mdash; &#169; &#x2713;</p><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a < b && c]]></ac:plain-text-body></ac:structured-macro>')).not.toThrow();
  });

  it('renders task lists, status lozenges, expands, page links and code as a reader sees them', () => {
    const html = render(
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Renew cert</ac:task-body></ac:task></ac:task-list>' +
        '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">ok</ac:parameter></ac:structured-macro>' +
        '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">Details</ac:parameter><ac:rich-text-body><p>Hidden</p></ac:rich-text-body></ac:structured-macro>' +
        '<ac:link><ri:page ri:content-title="Runbook" /><ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link>' +
        '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[if (a < b) {}]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(html).toContain('<li class="task"><input type="checkbox" disabled> Renew cert</li>');
    expect(html).toContain('<span class="status-lozenge status-green">OK</span>');
    expect(html).toContain('<details class="macro expand"><summary>Details</summary>');
    expect(html).toContain('<a href="/wiki/spaces/OTC/pages/7">the runbook</a>');
    expect(html).toContain('<code>if (a &lt; b) {}</code>');
  });

  it('drops scripts, event handlers and javascript: links from page content', () => {
    const html = render('<p onclick="x()">hi<script>alert(1)</script><a href="javascript:alert(1)">link</a><img src="https://ok.example/i.png" /></p>');
    expect(html).toBe('<p>hi<a>link</a><img src="https://ok.example/i.png"></p>');
  });

  it('shows a Forge macro as a placeholder carrying its module key and local id', () => {
    const html = render(
      '<ac:adf-extension><ac:adf-node type="extension"><ac:adf-attribute key="extension-key">app/env/static/env-status</ac:adf-attribute>' +
        '<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">abc-1</ac:adf-parameter></ac:adf-attribute></ac:adf-node></ac:adf-extension>',
    );
    expect(html).toContain('data-module-key="env-status"');
    expect(html).toContain('data-local-id="abc-1"');
  });

  it('renders ADF bodies too', () => {
    const doc = { type: 'doc', version: 1, content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Prod <down>', marks: [{ type: 'strong' }] }] }] };
    expect(renderAdf(doc)).toBe('<h2><strong>Prod &lt;down&gt;</strong></h2>');
  });
});

describe('CQL', () => {
  it('parses precedence, lists and ordering', () => {
    const query = parseCql('type = page and (label = "a" or label in ("b", c)) and not title ~ "draft*" order by title desc');
    expect(query.orderBy).toEqual([{ field: 'title', descending: true }]);
    expect(query.where).toMatchObject({ kind: 'and', right: { kind: 'not' } });
  });

  it('refuses fields it does not know', () => {
    expect(() => parseCql('favourite = true')).toThrow(/Could not parse cql/);
  });
});
