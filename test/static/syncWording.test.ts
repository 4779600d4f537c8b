import type { SyncStamp } from '../../src/shared/syncStamp';
import { staleWarningText, syncedAgoText } from '../../static/src/shared/syncWording';

const NOW = '2026-11-22T12:00:00.000Z';
const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

function stamp(overrides: Partial<SyncStamp> = {}): SyncStamp {
  return {
    lastSuccessAt: minutesBefore(5),
    lastAttemptAt: minutesBefore(5),
    lastErrorAt: null,
    lastError: null,
    intervalMinutes: 60,
    stale: false,
    staleReason: null,
    now: NOW,
    ...overrides,
  };
}

describe('syncedAgoText', () => {
  it('counts the age of the last successful sync on the server clock', () => {
    expect(syncedAgoText(stamp())).toBe('Synced 5 minutes ago');
  });

  it('says so when no sync ever completed', () => {
    expect(syncedAgoText(stamp({ lastSuccessAt: null }))).toBe('Never synced');
  });
});

describe('staleWarningText', () => {
  it('has nothing to say about fresh data', () => {
    expect(staleWarningText(stamp())).toBeNull();
  });

  it('quotes the failure and the age of the data shown after a failed sync', () => {
    const text = staleWarningText(
      stamp({ lastSuccessAt: minutesBefore(150), lastError: 'Backend answered 503.', stale: true, staleReason: 'last-sync-failed' }),
    );
    expect(text?.body).toBe('The last sync failed: Backend answered 503. Showing data from 2 hours ago.');
  });

  it('still warns about a failed sync that left no error message', () => {
    const text = staleWarningText(stamp({ lastSuccessAt: minutesBefore(10), stale: true, staleReason: 'last-sync-failed' }));
    expect(text?.body).toBe('The last sync failed. Showing data from 10 minutes ago.');
  });

  it('explains data older than two sync intervals', () => {
    const text = staleWarningText(stamp({ lastSuccessAt: minutesBefore(180), stale: true, staleReason: 'too-old' }));
    expect(text?.body).toMatch(/^Data is older than two sync intervals \(syncs run every 1 hour\) and was last synced 3 hours ago\./);
  });

  it('explains that nothing was ever synced', () => {
    const text = staleWarningText(stamp({ lastSuccessAt: null, stale: true, staleReason: 'never-synced' }));
    expect(text?.title).toBe('No data synced yet');
    expect(text?.body).toMatch(/never been synced/);
  });
});
