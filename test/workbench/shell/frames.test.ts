import type { FrameData } from '../../../workbench/shell/client/messages';
import { customUiCsp, injectBridge } from '../../../workbench/shell/frames';
import { escapeHtml, jsonForScript } from '../../../workbench/shell/html';

const frame = { frameId: 'macro:x:1', context: { note: '</script><script>alert(1)</script>' } } as unknown as FrameData;

describe('injectBridge', () => {
  it('loads the bridge in <head>, before the app bundle', () => {
    const page = injectBridge('<html><head><title>x</title></head><body><script type="module" src="./index.js"></script></body></html>', frame);
    expect(page.indexOf('/__shell/assets/bridge.js')).toBeGreaterThan(-1);
    expect(page.indexOf('/__shell/assets/bridge.js')).toBeLessThan(page.indexOf('./index.js'));
  });

  it('puts the bridge before the first script when there is no <head>', () => {
    const page = injectBridge('<div id="root"></div><script src="app.js"></script>', frame);
    expect(page.indexOf('bridge.js')).toBeLessThan(page.indexOf('app.js'));
  });

  it('cannot be broken out of by frame data', () => {
    const page = injectBridge('<head></head>', frame);
    expect(page).not.toContain('</script><script>alert(1)');
  });
});

describe('customUiCsp', () => {
  it('allows inline styles only when the manifest grants them', () => {
    expect(customUiCsp({ styles: ['unsafe-inline'], scripts: [] })).toContain("style-src 'self' 'unsafe-inline'");
    expect(customUiCsp({ styles: [], scripts: [] })).toContain("style-src 'self';");
    expect(customUiCsp({ styles: [], scripts: [] })).toContain("script-src 'self';");
  });
});

describe('escaping', () => {
  it('escapes HTML text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps JSON in a script element inert and parseable', () => {
    const text = jsonForScript({ html: '</script><!--', line: '\u2028' });
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual({ html: '</script><!--', line: '\u2028' });
  });
});
