import SectionMessage from '@atlaskit/section-message';
import type { SyncStamp } from '../../../src/shared/syncStamp';
import { staleWarningText } from './syncWording';

export interface StaleWarningProps {
  sync: SyncStamp;
  locale?: string;
}

/** The warning a view shows above its data when the last sync failed, is too old, or never happened. */
export function StaleWarning({ sync, locale }: StaleWarningProps) {
  const text = staleWarningText(sync, locale);
  if (!text) return null;
  return (
    <SectionMessage appearance="warning" title={text.title} testId="stale-warning">
      <p>{text.body}</p>
    </SectionMessage>
  );
}
