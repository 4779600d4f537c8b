/**
 * The HTML of app frames. Custom UI: the resource's own index.html with the bridge injected before any app script.
 * UI Kit: a host page that loads the renderer (which installs the bridge) and then the app's bundle.
 */
import type { FrameData } from './client/messages';
import { FRAME_DATA_ELEMENT_ID } from './client/messages';
import { escapeHtml, jsonForScript, THEME_ATTRS } from './html';

function frameDataScript(frame: FrameData): string {
  return `<script type="application/json" id="${FRAME_DATA_ELEMENT_ID}">${jsonForScript(frame)}</script>`;
}

/** Loads the bridge ahead of everything in the document, so @forge/bridge finds `window.__bridge` at import. */
export function injectBridge(indexHtml: string, frame: FrameData): string {
  const injection = `${frameDataScript(frame)}\n<script src="/__shell/assets/bridge.js"></script>\n`;
  const head = /<head[^>]*>/i.exec(indexHtml);
  if (head) return indexHtml.slice(0, head.index + head[0].length) + '\n' + injection + indexHtml.slice(head.index + head[0].length);
  const firstScript = indexHtml.search(/<script/i);
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + injection + indexHtml.slice(firstScript);
  return injection + indexHtml;
}

/**
 * Forge's Custom UI content security policy: scripts only from the resource itself (plus what
 * `permissions.content.scripts` allows), inline styles only with `permissions.content.styles: [unsafe-inline]`.
 */
export function customUiCsp(permissions: { styles: string[]; scripts: string[] }): string {
  const quoted = (values: string[]) => values.map((value) => `'${value.replace(/'/g, '')}'`).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${quoted(permissions.scripts)}`.trim(),
    `style-src 'self' ${quoted(permissions.styles)}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function uikitFrameHtml(frame: FrameData, resourceKey: string): string {
  return `<!doctype html>
<html lang="en" ${THEME_ATTRS} data-color-mode="${frame.context.theme.colorMode}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(resourceKey)} (UI Kit)</title>
<link rel="stylesheet" href="/__shell/assets/uikit-host.css">
${frameDataScript(frame)}
</head>
<body>
<div id="root"></div>
<script src="/__shell/assets/uikit-host.js"></script>
<script src="/__shell/uikit/${encodeURIComponent(resourceKey)}/app.js"></script>
</body>
</html>`;
}

/** JavaScript served in place of an app bundle that failed to build: the failure shows in the frame. */
export function bundleFailureScript(resourceKey: string, message: string): string {
  const text = `The UI Kit resource "${resourceKey}" failed to bundle:\n${message}`;
  return `console.error(${JSON.stringify(text)});
window.__bridge && window.__bridge.callBridge('onError', { error: { message: ${JSON.stringify(text)} } });`;
}
