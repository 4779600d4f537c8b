import { sourceFreshness, sourcesInScope } from '../../../src/domain/assets/assetFreshness';

const now = new Date('2026-03-31T12:00:00Z');
const connected = { configured: true, ok: true };

describe('asset source freshness', () => {
  it('is fresh within two hourly intervals of the last success', () => {
    const fresh = sourceFreshness('canto', connected, { lastSuccessAt: '2026-03-31T10:30:00Z', lastAttemptAt: '2026-03-31T10:29:00Z', lastError: null }, now);
    expect(fresh).toMatchObject({ source: 'canto', stale: false, lastError: null, connectionProblem: null, running: false });
    expect(fresh.sync).toMatchObject({ intervalMinutes: 60, staleReason: null, now: now.toISOString() });
  });

  it('is stale when the last success is older than two hours', () => {
    const old = sourceFreshness('canto', connected, { lastSuccessAt: '2026-03-31T09:59:00Z', lastAttemptAt: '2026-03-31T09:58:00Z', lastError: null }, now);
    expect(old).toMatchObject({ stale: true, sync: { staleReason: 'too-old' } });
  });

  it('is stale with the error when the latest run failed, even right after a success', () => {
    const failed = sourceFreshness(
      'iconik',
      connected,
      { lastSuccessAt: '2026-03-31T11:00:00Z', lastAttemptAt: '2026-03-31T11:55:00Z', lastError: 'iconik answered 503 for /API/search/v1/search/', lastErrorAt: '2026-03-31T11:56:00Z' },
      now,
    );
    expect(failed).toMatchObject({ stale: true, lastError: expect.stringContaining('503'), sync: { staleReason: 'last-sync-failed' } });
  });

  it('is stale as never synced before the first success, and says when a run is in progress', () => {
    const never = sourceFreshness('canto', connected, { lastSuccessAt: null, lastAttemptAt: '2026-03-31T11:59:00Z', lastError: null, running: { runId: 'r1' } }, now);
    expect(never).toMatchObject({ stale: true, running: true, sync: { staleReason: 'never-synced' } });
    expect(sourceFreshness('canto', connected, undefined, now)).toMatchObject({ stale: true, lastSuccessAt: null });
  });

  it('reports a configured connection that cannot be used, never for one that is not configured', () => {
    expect(sourceFreshness('canto', { configured: true, ok: false, message: 'Canto is not connected: app secret is not set.' }, undefined, now).connectionProblem).toBe(
      'Canto is not connected: app secret is not set.',
    );
    expect(sourceFreshness('canto', { configured: false, ok: false, message: 'x' }, undefined, now).connectionProblem).toBeNull();
  });

  it('scopes a macro to the configured sources that are connected', () => {
    const both = [sourceFreshness('canto', connected, undefined, now), sourceFreshness('iconik', { configured: false, ok: false }, undefined, now)];
    expect(sourcesInScope(undefined, both)).toEqual(['canto']);
    expect(sourcesInScope([], both)).toEqual(['canto']);
    expect(sourcesInScope(['iconik'], both)).toEqual([]);
  });
});
