/** Loaded first in every Custom UI frame: defines `window.__bridge` before the app's bundle imports @forge/bridge. */
import { installBridge } from './bridge';

installBridge();
