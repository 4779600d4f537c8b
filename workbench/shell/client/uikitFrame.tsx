/**
 * Loaded first in a UI Kit frame (render: native): installs the bridge with a `reconcile` that draws each ForgeDoc
 * with React DOM. The app's own bundle (its @forge/react reconciler and React copy) loads after this one, in the
 * same window, so the host can call the app's event handlers directly.
 */
import '@atlaskit/css-reset';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, installBridge } from './bridge';
import { ForgeDocView } from './uikit/ForgeDocView';
import { isForgeDoc, onHandlerError, type ForgeDoc } from './uikit/forgeDoc';

interface HostState {
  doc?: ForgeDoc;
  revision: number;
  errors: string[];
}

let state: HostState = { revision: 0, errors: [] };
const subscribers = new Set<(next: HostState) => void>();

function update(change: Partial<HostState>): void {
  state = { ...state, ...change };
  for (const subscriber of subscribers) subscriber(state);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : JSON.stringify(error);
}

function reportError(error: unknown, where: string): void {
  console.error(`[UI Kit] ${where}`, error);
  update({ errors: [...state.errors, `${where}: ${describe(error)}`] });
}

onHandlerError(reportError);

const frame = installBridge({
  reconcile(data) {
    const doc = (data as { forgeDoc?: unknown } | null)?.forgeDoc;
    if (!isForgeDoc(doc)) return reportError(new Error('reconcile without a forgeDoc'), 'reconcile');
    update({ doc, revision: state.revision + 1 });
  },
  onError: (data) => reportError(data, 'app render'),
});

function UiKitHost() {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    subscribers.add(setCurrent);
    setCurrent(state);
    return () => void subscribers.delete(setCurrent);
  }, []);
  return (
    <div style={{ padding: token('space.200', '1rem'), color: token('color.text', '#292A2E') }}>
      {current.errors.map((message, index) => (
        <SectionMessage key={index} appearance="error" title="The app threw an error" testId="uikit-app-error">
          <p>{message}</p>
        </SectionMessage>
      ))}
      {current.doc ? <ForgeDocView doc={current.doc} revision={current.revision} /> : null}
    </div>
  );
}

function start() {
  // UI Kit is drawn by Confluence itself, so it always follows the page's theme.
  applyTheme(frame.context.theme.colorMode);
  const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<UiKitHost />);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
