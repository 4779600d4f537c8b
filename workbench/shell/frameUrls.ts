import { frameQuery, type FrameIdentity } from './frameContext';
import type { ShellUi } from './manifestModules';

/** Where a frame showing `ui` loads from: a Custom UI resource folder, or the UI Kit host page. */
export function frameSrc(ui: ShellUi, frame: FrameIdentity): string {
  const key = encodeURIComponent(ui.resourceKey);
  return ui.renderer === 'uikit'
    ? `/__shell/uikit/${key}?${frameQuery(frame)}`
    : `/__shell/resources/${key}/index.html?${frameQuery(frame)}`;
}

/** The id a frame reports itself with in postMessage envelopes. */
export function frameId(frame: FrameIdentity): string {
  return `${frame.role}:${frame.moduleKey}:${frame.localId ?? '-'}`;
}
