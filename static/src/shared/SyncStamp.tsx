import { token } from '@atlaskit/tokens';
import type { SyncStamp as SyncStampData } from '../../../src/shared/syncStamp';
import { syncedAgoText } from './syncWording';
import { Timestamp } from './Timestamp';
import type { TimeFormatOptions } from './time';

export interface SyncStampProps extends TimeFormatOptions {
  sync: SyncStampData;
}

/** "Synced 5 minutes ago" (exact time on hover and focus), measured on the server's clock. */
export function SyncStamp({ sync, locale, timeZone }: SyncStampProps) {
  const text = syncedAgoText(sync, locale);
  if (!sync.lastSuccessAt) {
    return (
      <span data-testid="sync-stamp" style={{ color: token('color.text.subtle', '#505258') }}>
        {text}
      </span>
    );
  }
  return (
    <span data-testid="sync-stamp">
      <Timestamp dateTime={sync.lastSuccessAt} locale={locale} timeZone={timeZone}>
        {text}
      </Timestamp>
    </span>
  );
}
