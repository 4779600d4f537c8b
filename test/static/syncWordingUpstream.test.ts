import { staleWarningText } from '../../static/src/shared/syncWording';
import type { SyncStamp } from '../../src/shared/syncStamp';

const stamp = (patch: Partial<SyncStamp>): SyncStamp => ({
  lastSuccessAt: '2026-03-31T08:00:00Z',
  lastAttemptAt: '2026-03-31T08:00:00Z',
  lastErrorAt: null,
  lastError: null,
  intervalMinutes: 60,
  stale: true,
  staleReason: 'too-old',
  now: '2026-03-31T12:00:00Z',
  ...patch,
});

describe('the stale warning for an upstream other than the governance backend', () => {
  it('names the upstream when the data is too old', () => {
    expect(staleWarningText(stamp({}), 'en', 'Canto asset', 'Canto')).toEqual({
      title: 'Canto asset data may be out of date',
      body: 'Data is older than two sync intervals (syncs run every 1 hour) and was last synced 4 hours ago. Canto may be unreachable.',
    });
  });

  it('names the upstream before the first sync', () => {
    expect(staleWarningText(stamp({ lastSuccessAt: null, staleReason: 'never-synced' }), 'en', 'iconik asset', 'iconik')?.body).toBe(
      'iconik has never been synced. Its data appears here after the first successful sync.',
    );
  });

  it('keeps the governance wording when no upstream is named', () => {
    expect(staleWarningText(stamp({}))?.body).toMatch(/The governance backend may be unreachable\.$/);
  });
});
