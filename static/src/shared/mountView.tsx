import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Starts a Custom UI view: Confluence theming (token colours follow the reader's light or dark theme) and the React
 * root. Theming is optional: hosts that cannot theme still render the view in the light default.
 */
export function mountView(element: ReactElement): void {
  try {
    void view.theme.enable().catch(() => undefined);
  } catch {
    // An older host without theming: the token fallbacks (light theme) apply.
  }
  const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<StrictMode>{element}</StrictMode>);
}
