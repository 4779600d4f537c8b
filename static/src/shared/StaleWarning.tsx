import SectionMessage from '@atlaskit/section-message';
import type { SyncStamp } from '../../../src/shared/syncStamp';
import { staleWarningText } from './syncWording';

export interface StaleWarningProps {
  sync: SyncStamp;
  locale?: string;
  /** What the data is, for the title: "Environment" (the default), "Credential". */
  subject?: string;
  /** Where the data comes from, when not the governance backend: "Canto". */
  upstream?: string;
  testId?: string;
}

/** The warning a view shows above its data when the last sync failed, is too old, or never happened. */
export function StaleWarning({ sync, locale, subject, upstream, testId = 'stale-warning' }: StaleWarningProps) {
  const text = staleWarningText(sync, locale, subject, upstream);
  if (!text) return null;
  return (
    <SectionMessage appearance="warning" title={text.title} testId={testId}>
      <p>{text.body}</p>
    </SectionMessage>
  );
}
