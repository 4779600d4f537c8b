import { adfToHtml } from '../../../workbench/shell/adfHtml';
import { adfDocumentOf } from '../../../workbench/shell/pages/adfExportPage';

describe('adfToHtml', () => {
  it('renders headings, tables and text marks', () => {
    const html = adfToHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Environments' }] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Name' }] }] }] },
            { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'OTC', marks: [{ type: 'strong' }] }] }] }] },
          ],
        },
      ],
    });
    expect(html).toContain('<h2>Environments</h2>');
    expect(html).toContain('<th><p>Name</p></th>');
    expect(html).toContain('<td><p><strong>OTC</strong></p></td>');
  });

  it('escapes text from the document', () => {
    expect(adfToHtml({ type: 'text', text: '<img src=x onerror=alert(1)>' })).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops javascript: links but keeps their text', () => {
    expect(adfToHtml({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })).toBe('x');
  });

  it('shows node types it cannot render instead of dropping them', () => {
    expect(adfToHtml({ type: 'mediaSingle' })).toContain('[ADF node "mediaSingle" not rendered by the workbench]');
  });
});

describe('adfDocumentOf', () => {
  it('finds the document directly or inside a body envelope', () => {
    const doc = { type: 'doc', content: [] };
    expect(adfDocumentOf(doc)).toBe(doc);
    expect(adfDocumentOf({ ok: true, body: doc })).toBe(doc);
    expect(adfDocumentOf({ ok: true, body: 'nope' })).toBeUndefined();
  });
});
