import { formatAbsoluteTime, formatAge, formatDuration, formatRelativeTime, formatTimeWindow } from '../../static/src/shared/time';

const NOW = '2026-11-22T12:00:00.000Z';
const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

describe('formatRelativeTime', () => {
  it('says "just now" for less than a minute, either way', () => {
    expect(formatRelativeTime(minutesBefore(0.5), NOW)).toBe('just now');
    expect(formatRelativeTime(minutesBefore(-0.5), NOW)).toBe('just now');
  });

  it('counts whole minutes, hours and days in the past', () => {
    expect(formatRelativeTime(minutesBefore(1), NOW)).toBe('1 minute ago');
    expect(formatRelativeTime(minutesBefore(59), NOW)).toBe('59 minutes ago');
    expect(formatRelativeTime(minutesBefore(60), NOW)).toBe('1 hour ago');
    expect(formatRelativeTime(minutesBefore(150), NOW)).toBe('2 hours ago');
    expect(formatRelativeTime(minutesBefore(60 * 24 * 3), NOW)).toBe('3 days ago');
  });

  it('moves to weeks, months and years for old times', () => {
    expect(formatRelativeTime(minutesBefore(60 * 24 * 8), NOW)).toBe('1 week ago');
    expect(formatRelativeTime(minutesBefore(60 * 24 * 65), NOW)).toBe('2 months ago');
    expect(formatRelativeTime(minutesBefore(60 * 24 * 400), NOW)).toBe('1 year ago');
  });

  it('words future times as "in ..."', () => {
    expect(formatRelativeTime(minutesBefore(-180), NOW)).toBe('in 3 hours');
  });

  it('measures against the given now, not the machine clock', () => {
    expect(formatRelativeTime('2000-01-01T00:05:00Z', '2000-01-01T00:10:00Z')).toBe('5 minutes ago');
  });

  it('answers an empty string for an unparseable time', () => {
    expect(formatRelativeTime('not a date', NOW)).toBe('');
  });
});

describe('formatDuration and formatAge', () => {
  it('words a length of time without direction', () => {
    expect(formatDuration(5 * 60_000)).toBe('5 minutes');
    expect(formatDuration(60 * 60_000)).toBe('1 hour');
    expect(formatDuration(10_000)).toBe('less than a minute');
  });

  it('gives the age of a time at now', () => {
    expect(formatAge(minutesBefore(150), NOW)).toBe('2 hours');
  });
});

describe('formatAbsoluteTime', () => {
  it('shows date, time and zone in the given locale and zone', () => {
    expect(formatAbsoluteTime('2026-03-12T14:05:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('12 Mar 2026, 14:05 UTC');
  });

  it('converts to the reader\'s zone', () => {
    expect(formatAbsoluteTime('2026-03-12T14:05:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('12 Mar 2026, 23:05 GMT+9');
  });

  it('returns the input when it is not a time', () => {
    expect(formatAbsoluteTime('soon')).toBe('soon');
  });
});

describe('formatTimeWindow', () => {
  it('names the day once for a window within one day', () => {
    expect(formatTimeWindow('2026-03-12T02:00:00Z', '2026-03-12T04:00:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '12 Mar 2026, 02:00 – 04:00 UTC',
    );
  });

  it('names both days for a window across midnight', () => {
    expect(formatTimeWindow('2026-03-12T22:00:00Z', '2026-03-13T02:00:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '12 Mar 2026, 22:00 – 13 Mar 2026, 02:00 UTC',
    );
  });
});
