import { syncStamp } from '../../../src/domain/sync/syncStamp';
import { NOW, hoursFromNow } from '../../fixtures/governance';

const ok = { lastAttemptAt: hoursFromNow(-0.5), lastSuccessAt: hoursFromNow(-0.5), lastErrorAt: null, lastError: null };

describe('syncStamp', () => {
  it('is fresh after a recent successful sync', () => {
    expect(syncStamp(ok, NOW, 60)).toMatchObject({ stale: false, staleReason: null, lastSuccessAt: ok.lastSuccessAt, now: NOW.toISOString() });
  });

  it('is stale when no sync ever completed', () => {
    expect(syncStamp(undefined, NOW, 60)).toMatchObject({ stale: true, staleReason: 'never-synced' });
  });

  it('is stale when the latest attempt failed after the last success, and carries the error', () => {
    const failed = { ...ok, lastErrorAt: hoursFromNow(-0.1), lastError: 'GET /v1/environments: 503 Service Unavailable' };
    expect(syncStamp(failed, NOW, 60)).toMatchObject({ stale: true, staleReason: 'last-sync-failed', lastError: failed.lastError });
  });

  it('is not stale for an error that a later sync recovered from', () => {
    expect(syncStamp({ ...ok, lastErrorAt: hoursFromNow(-3), lastError: 'old' }, NOW, 60).stale).toBe(false);
  });

  it('turns stale once the last success is older than two intervals, not before', () => {
    expect(syncStamp({ ...ok, lastSuccessAt: hoursFromNow(-1.9) }, NOW, 60).stale).toBe(false);
    expect(syncStamp({ ...ok, lastSuccessAt: hoursFromNow(-2.1) }, NOW, 60)).toMatchObject({ stale: true, staleReason: 'too-old' });
  });
});
