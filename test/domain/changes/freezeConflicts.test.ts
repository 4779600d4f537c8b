import { FREEZE_LOOKAHEAD_DAYS, freezeConflicts, openFreezes } from '../../../src/domain/changes/freezeConflicts';
import { NOW, freeze, hoursFromNow } from './changeFixtures';

const conflicts = (window: Parameters<typeof freeze>[0], target = 'otc-prod') => freezeConflicts(openFreezes([freeze(window)], NOW), target, NOW);

describe('change freeze conflicts with a pending production promotion', () => {
  it('flags a freeze in progress on the target environment, as blocking now', () => {
    expect(conflicts({ status: 'in_progress', startsAt: hoursFromNow(-5), endsAt: hoursFromNow(48) })).toEqual([
      expect.objectContaining({ windowId: 'mw-freeze', inProgress: true }),
    ]);
  });

  it('flags a scheduled freeze whose start time has passed as in progress (the backend status lags)', () => {
    expect(conflicts({ status: 'scheduled', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(5) })).toEqual([
      expect.objectContaining({ inProgress: true }),
    ]);
  });

  it(`flags a scheduled freeze that starts within ${FREEZE_LOOKAHEAD_DAYS} days`, () => {
    expect(conflicts({ startsAt: hoursFromNow(24 * 10), endsAt: hoursFromNow(24 * 24) })).toEqual([
      expect.objectContaining({ inProgress: false, title: 'Peak season change freeze' }),
    ]);
  });

  it(`does not flag a freeze that starts ${FREEZE_LOOKAHEAD_DAYS} days from now or later`, () => {
    expect(conflicts({ startsAt: hoursFromNow(24 * FREEZE_LOOKAHEAD_DAYS), endsAt: hoursFromNow(24 * 30) })).toEqual([]);
    expect(conflicts({ startsAt: hoursFromNow(24 * 20), endsAt: hoursFromNow(24 * 30) })).toEqual([]);
  });

  it('does not flag a freeze that is over, ended exactly now, completed or cancelled', () => {
    expect(conflicts({ status: 'in_progress', startsAt: hoursFromNow(-48), endsAt: hoursFromNow(0) })).toEqual([]);
    expect(conflicts({ status: 'completed', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(5) })).toEqual([]);
    expect(conflicts({ status: 'cancelled' })).toEqual([]);
  });

  it('does not flag a freeze status this build does not know', () => {
    expect(conflicts({ status: 'postponed' })).toEqual([]);
  });

  it('does not flag planned or emergency maintenance: only freezes forbid changes', () => {
    expect(conflicts({ kind: 'planned' })).toEqual([]);
    expect(conflicts({ kind: 'emergency', status: 'in_progress', startsAt: hoursFromNow(-1) })).toEqual([]);
  });

  it('does not flag a freeze on other environments, including the promotion source', () => {
    expect(conflicts({ environmentIds: ['otc-test', 'log-prod'] })).toEqual([]);
  });

  it('lists several conflicting freezes, the earliest first', () => {
    const windows = [
      freeze({ id: 'mw-late', startsAt: hoursFromNow(24 * 5), endsAt: hoursFromNow(24 * 6) }),
      freeze({ id: 'mw-early', startsAt: hoursFromNow(2), endsAt: hoursFromNow(4) }),
    ];
    expect(freezeConflicts(openFreezes(windows, NOW), 'otc-prod', NOW).map((c) => c.windowId)).toEqual(['mw-early', 'mw-late']);
  });
});
