import type { SyncStamp } from '../../../src/shared/syncStamp';
import { formatAge, formatDuration, formatRelativeTime } from './time';

/** "Synced 5 minutes ago" from the server's own clock; "Never synced" before the first complete sync. */
export function syncedAgoText(sync: SyncStamp, locale = 'en'): string {
  if (!sync.lastSuccessAt) return 'Never synced';
  return `Synced ${formatRelativeTime(sync.lastSuccessAt, sync.now, locale)}`;
}

export interface StaleWarningText {
  title: string;
  body: string;
}

/**
 * What the stale warning says, or null when the data is fresh. `subject` names the data: "Environment", "Credential".
 * `upstream` names where the data comes from when it is not the governance backend: "Canto", "iconik".
 */
export function staleWarningText(sync: SyncStamp, locale = 'en', subject = 'Environment', upstream?: string): StaleWarningText | null {
  if (!sync.stale) return null;
  const age = sync.lastSuccessAt ? formatAge(sync.lastSuccessAt, sync.now, locale) : null;
  const interval = formatDuration(sync.intervalMinutes * 60 * 1000, locale);
  switch (sync.staleReason) {
    case 'last-sync-failed': {
      const failure = sync.lastError ? `The last sync failed: ${withoutFinalStop(sync.lastError)}.` : 'The last sync failed.';
      return {
        title: `${subject} data may be out of date`,
        body: age ? `${failure} Showing data from ${age} ago.` : `${failure} No data has been synced yet.`,
      };
    }
    case 'never-synced':
      return {
        title: 'No data synced yet',
        body: upstream
          ? `${upstream} has never been synced. Its data appears here after the first successful sync.`
          : 'The governance data has never been synced. It appears here after the first successful sync.',
      };
    case 'too-old':
    default:
      return {
        title: `${subject} data may be out of date`,
        body:
          `Data is older than two sync intervals (syncs run every ${interval})` +
          (age ? ` and was last synced ${age} ago.` : '.') +
          ` ${upstream ?? 'The governance backend'} may be unreachable.`,
      };
  }
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}
