import { isWithinWindow, mergeFailedJobs, sameFailedJobs } from '../../../src/domain/assetSync/failedJobs';
import type { DamFailedJob } from '../../../src/sources/dam/asset';

const now = new Date('2026-11-20T12:00:00Z');
const job = (id: string, at: string | null, error = 'failed'): DamFailedJob => ({ id, type: 'TRANSFER', title: null, status: 'FAILED', error, at, steps: [] });

describe('the failed jobs an asset shows', () => {
  it('adds newly failed jobs, newest first', () => {
    const merged = mergeFailedJobs([job('a', '2026-11-18T00:00:00Z')], [job('b', '2026-11-19T00:00:00Z')], { now, windowDays: 30 });
    expect(merged.map((j) => j.id)).toEqual(['b', 'a']);
  });

  it('replaces a job read again instead of listing it twice', () => {
    const merged = mergeFailedJobs([job('a', '2026-11-18T00:00:00Z', 'old')], [job('a', '2026-11-18T00:00:00Z', 'new')], { now, windowDays: 30 });
    expect(merged).toEqual([job('a', '2026-11-18T00:00:00Z', 'new')]);
  });

  it('drops jobs older than the window, keeps jobs inside it and jobs without a time', () => {
    const merged = mergeFailedJobs([job('old', '2026-10-01T00:00:00Z'), job('recent', '2026-11-10T00:00:00Z'), job('undated', null)], [], { now, windowDays: 30 });
    expect(merged.map((j) => j.id)).toEqual(['recent', 'undated']);
    expect(isWithinWindow(job('edge', '2026-10-21T12:00:00Z'), now, 30)).toBe(true);
  });

  it('keeps at most ten', () => {
    const many = Array.from({ length: 14 }, (_, i) => job(`j${i}`, new Date(now.getTime() - i * 3_600_000).toISOString()));
    expect(mergeFailedJobs([], many, { now, windowDays: 30 }).map((j) => j.id)).toEqual(many.slice(0, 10).map((j) => j.id));
  });

  it('tells an unchanged list from a changed one', () => {
    expect(sameFailedJobs([job('a', null)], [job('a', null)])).toBe(true);
    expect(sameFailedJobs([job('a', null)], [job('a', null, 'other')])).toBe(false);
    expect(sameFailedJobs([], [job('a', null)])).toBe(false);
  });
});
