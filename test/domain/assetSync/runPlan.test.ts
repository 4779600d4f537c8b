import { chooseRunMode, isRunAlive, listSince, reconcileEarly } from '../../../src/domain/assetSync/runPlan';

const now = new Date('2026-11-20T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('which run the DAM sync does', () => {
  it('does a full pass the first time (no watermark yet)', () => {
    expect(chooseRunMode({ watermark: null, lastFullPassAt: null }, now)).toBe('full');
    expect(chooseRunMode({ watermark: null, lastFullPassAt: null }, now, 'incremental')).toBe('full');
  });

  it('does an incremental run when the last full pass is less than a day old', () => {
    expect(chooseRunMode({ watermark: hoursAgo(1), lastFullPassAt: hoursAgo(23) }, now)).toBe('incremental');
  });

  it('does the daily full reconcile once the last full pass is a day old', () => {
    expect(chooseRunMode({ watermark: hoursAgo(1), lastFullPassAt: hoursAgo(24) }, now)).toBe('full');
  });

  it('does what was asked for once there is a watermark', () => {
    expect(chooseRunMode({ watermark: hoursAgo(1), lastFullPassAt: hoursAgo(2) }, now, 'full')).toBe('full');
    expect(chooseRunMode({ watermark: hoursAgo(1), lastFullPassAt: hoursAgo(30) }, now, 'incremental')).toBe('incremental');
  });
});

describe('from when a run reads', () => {
  it('reads everything in a full pass', () => {
    expect(listSince('full', hoursAgo(1))).toBeNull();
  });

  it('reads from the watermark less the ten-minute overlap, so nothing modified around the last start slips through', () => {
    expect(listSince('incremental', '2026-11-20T11:00:00.000Z')?.toISOString()).toBe('2026-11-20T10:50:00.000Z');
  });
});

describe('whether a run is still going', () => {
  it('counts a recent heartbeat of the chain or of the enrichment as alive', () => {
    expect(isRunAlive([hoursAgo(2), hoursAgo(0.1)], now)).toBe(true);
    expect(isRunAlive([hoursAgo(0.5), null], now)).toBe(true);
  });

  it('calls a run without a heartbeat for 45 minutes abandoned', () => {
    expect(isRunAlive([hoursAgo(1), null], now)).toBe(false);
    expect(isRunAlive([null, undefined], now)).toBe(false);
  });
});

describe('following an incremental run with a full pass', () => {
  it('reconciles at once when more assets are stored than the platform counts (some were deleted)', () => {
    expect(reconcileEarly(1000, 998, null, now)).toBe(true);
  });

  it('does not when the counts agree, the platform has more, or its count is unknown', () => {
    expect(reconcileEarly(1000, 1000, null, now)).toBe(false);
    expect(reconcileEarly(1000, 1003, null, now)).toBe(false);
    expect(reconcileEarly(1000, null, null, now)).toBe(false);
  });

  it('does at most once an hour, so counts that disagree for another reason cannot make every run a full pass', () => {
    expect(reconcileEarly(1000, 998, hoursAgo(0.5), now)).toBe(false);
    expect(reconcileEarly(1000, 998, hoursAgo(1), now)).toBe(true);
  });
});
