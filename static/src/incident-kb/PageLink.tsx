import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { openIncidentPage } from './openIncidentPage';

/** A link to a Confluence page: a real link (keyboard, middle click), opened through the bridge from the frame. */
export function PageLink({ url, children, testId }: { url: string; children: ReactNode; testId?: string }) {
  return (
    <a
      href={url}
      data-testid={testId}
      style={{ color: token('color.link', '#1868DB'), overflowWrap: 'anywhere' }}
      onClick={(event) => {
        event.preventDefault();
        void openIncidentPage(url);
      }}
    >
      {children}
    </a>
  );
}
