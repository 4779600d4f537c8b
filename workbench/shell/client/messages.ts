/**
 * What the shell page and its app frames say to each other over postMessage. Real Confluence serves app frames from
 * another origin, so the workbench talks the same way instead of reaching into `window.parent`.
 */
import type { FrameRole, ProductContext } from '../frameContext';

/** Everything a frame's bridge needs, written into the frame's HTML by the server. */
export interface FrameData {
  frameId: string;
  role: FrameRole;
  moduleKey: string;
  localId?: string;
  anonymous: boolean;
  spaceKey?: string;
  /** The user the shell acts as (`?as=`); the workbench user when absent. */
  accountId?: string;
  renderer: 'custom-ui' | 'uikit';
  context: ProductContext;
}

export const FRAME_DATA_ELEMENT_ID = 'forge-shell-frame';

export type FrameToPage =
  | { type: 'resize'; height: number }
  | { type: 'close' }
  | { type: 'config-saved'; localId: string }
  | { type: 'refresh' }
  | { type: 'reload' }
  | { type: 'navigate'; url: string; newTab: boolean }
  | { type: 'flag'; id: string; title: string; description?: string; appearance: string }
  | { type: 'close-flag'; id: string }
  | { type: 'emit'; event: string; payload: unknown }
  | { type: 'ready' };

export type PageToFrame = { type: 'event'; event: string; payload: unknown };

/** Messages carry this tag and the sender's frame id, so the page ignores anything else posted to it. */
export interface Envelope<T> {
  source: 'forge-shell';
  frameId: string;
  message: T;
}

export function isEnvelope<T>(value: unknown): value is Envelope<T> {
  return typeof value === 'object' && value !== null && (value as { source?: unknown }).source === 'forge-shell';
}
