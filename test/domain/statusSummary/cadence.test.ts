import { summaryDue, summaryPeriodStart, utcDate } from '../../../src/domain/statusSummary/cadence';

// 2026-11-23 is a Monday.
const MONDAY = new Date('2026-11-23T06:00:00Z');
const TUESDAY = new Date('2026-11-24T06:00:00Z');
const due = (cadence: 'off' | 'daily' | 'weekly', lastPublishedAt: string | null, now: Date, weekday: 'monday' | 'friday' = 'monday') => summaryDue({ cadence, weekday, lastPublishedAt, now });

describe('when a status summary is due', () => {
  it('never, when the cadence is off', () => {
    expect(due('off', null, MONDAY)).toBe(false);
    expect(due('off', '2026-01-01T00:00:00Z', MONDAY)).toBe(false);
  });

  it('at the first run, whatever the day, when there was never a summary', () => {
    expect(due('weekly', null, TUESDAY)).toBe(true);
    expect(due('daily', null, TUESDAY)).toBe(true);
  });

  it('daily: once per UTC day', () => {
    expect(due('daily', '2026-11-23T00:10:00Z', MONDAY)).toBe(false);
    expect(due('daily', '2026-11-22T23:59:00Z', MONDAY)).toBe(true);
  });

  it('weekly: on the configured weekday, once', () => {
    expect(due('weekly', '2026-11-16T05:00:00Z', MONDAY)).toBe(true);
    expect(due('weekly', '2026-11-23T01:00:00Z', MONDAY)).toBe(false);
  });

  it('weekly: not on the other days of the week', () => {
    expect(due('weekly', '2026-11-23T01:00:00Z', TUESDAY)).toBe(false);
    expect(due('weekly', '2026-11-23T01:00:00Z', new Date('2026-11-29T23:00:00Z'))).toBe(false);
  });

  it('weekly: catches up the day after a weekday the trigger missed', () => {
    expect(due('weekly', '2026-11-16T05:00:00Z', TUESDAY)).toBe(true);
  });

  it('weekly on Friday: due from Friday, not before', () => {
    expect(due('weekly', '2026-11-20T08:00:00Z', new Date('2026-11-26T08:00:00Z'), 'friday')).toBe(false);
    expect(due('weekly', '2026-11-20T08:00:00Z', new Date('2026-11-27T08:00:00Z'), 'friday')).toBe(true);
  });
});

describe('the period a summary covers', () => {
  it('starts at the last summary', () => {
    expect(summaryPeriodStart('weekly', '2026-11-16T05:00:00Z', MONDAY).toISOString()).toBe('2026-11-16T05:00:00.000Z');
  });

  it('reaches one period back at the first summary', () => {
    expect(summaryPeriodStart('weekly', null, MONDAY).toISOString()).toBe('2026-11-16T06:00:00.000Z');
    expect(summaryPeriodStart('daily', null, MONDAY).toISOString()).toBe('2026-11-22T06:00:00.000Z');
  });

  it('names the day in UTC', () => {
    expect(utcDate(new Date('2026-11-23T23:59:59Z'))).toBe('2026-11-23');
  });
});
