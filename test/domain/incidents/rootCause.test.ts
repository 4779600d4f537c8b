import { ROOT_CAUSE_PLACEHOLDER, rootCauseLine } from '../../../src/domain/incidents/rootCause';

const page = (rootCauseSection: string, after = '<h2>Changes in the 48 hours before the failure</h2><p>No change was recorded.</p>') =>
  `<h2>Summary</h2><table><tbody><tr><th>Error</th><td>x</td></tr></tbody></table><h2>Root cause</h2>${rootCauseSection}${after}`;

describe('rootCauseLine', () => {
  it('reads the first line someone wrote under the Root cause heading', () => {
    expect(rootCauseLine(page('<p>Partner rotated their AS2 certificate without telling us.</p><p>Fixed by importing it.</p>'))).toBe(
      'Partner rotated their AS2 certificate without telling us.',
    );
  });

  it('has no root cause while the section still holds the placeholder', () => {
    expect(rootCauseLine(page(`<p><em>${ROOT_CAUSE_PLACEHOLDER}</em></p>`))).toBeNull();
  });

  it('has no root cause when the section is empty or missing', () => {
    expect(rootCauseLine(page('<p> </p><p><br /></p>'))).toBeNull();
    expect(rootCauseLine('<h2>Summary</h2><p>Only a summary.</p>')).toBeNull();
  });

  it('does not reach into the next section', () => {
    expect(rootCauseLine(page(''))).toBeNull();
  });

  it('reads pages people edited: heading attributes, other levels, inline markup, entities, CDATA', () => {
    expect(rootCauseLine(page('<p>The <strong>map</strong> &amp; the <a href="x">xref</a> were out of sync &#8212; &lt;UOM&gt; &#x27;CA&#x27;</p>').replace('<h2>Root cause</h2>', '<h3 id="Rootcause">Root <span>cause</span></h3>'))).toBe(
      "The map & the xref were out of sync — <UOM> 'CA'",
    );
    expect(rootCauseLine(page('<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[disk full on sftp-01]]></ac:plain-text-body></ac:structured-macro>'))).toBe('disk full on sftp-01');
  });

  it('takes the first list item or task when the cause is written as a list', () => {
    expect(rootCauseLine(page('<ul><li>Expired certificate</li><li>No alert</li></ul>'))).toBe('Expired certificate');
  });

  it('returns text only: markup written in the cause stays text for the view to show', () => {
    expect(rootCauseLine(page('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'))).toBe('<script>alert(1)</script>');
  });

  it('cuts very long causes', () => {
    const line = rootCauseLine(page(`<p>${'a'.repeat(5000)}</p>`));
    expect(line?.length).toBe(300);
    expect(line?.endsWith('…')).toBe(true);
  });
});
