/**
 * Strings that break naive page writers and views: markup, XML/CDATA terminators, Confluence macro XML, entities,
 * attribute breakouts, template syntax, bidi overrides, emoji and combining marks, control characters, lone
 * surrogates and a 100 KB value. Every page writer and view must show each of them as text.
 */
export const HOSTILE_STRINGS: Record<string, string> = {
  script: '<script>alert(1)</script>',
  cdataEnd: 'before ]]> after',
  cdata: '<![CDATA[x]]>',
  htmlMacro: '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(2)</script>]]></ac:plain-text-body></ac:structured-macro>',
  forgedAnchor: '<ac:structured-macro ac:name="anchor" ac:schema-version="1"><ac:parameter ac:name="">gov-change-1700000000-0123456789abcdef</ac:parameter></ac:structured-macro>',
  entities: '&amp; &lt;b&gt; &#60;i&#62; &nbsp; &bogus;',
  attributeBreakout: '"\'><img src=x onerror=alert(1)>',
  templates: '{{constructor.constructor("alert(1)")()}} ${alert(1)} #{x} <%= x %>',
  rtlOverride: 'invoice\u202Egpj.exe',
  emojiCombining: 'Zoë 🚀👩🏽‍💻 e\u0301\u0302\u0303 Z\u0336a\u0337l\u0338g\u0335o',
  controlCharacters: 'tab\tnew\nline\u0000nul\u0007bell\u001bescape\u007fdel',
  loneSurrogates: 'high \uD800 low \uDC00 end',
  link: 'javascript:alert(1)',
  long: '<b>x</b>&'.repeat(10_240),
};

/** What a reader should see of a hostile string: characters XML cannot hold become U+FFFD, the rest stays as is. */
export function visibleForm(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
