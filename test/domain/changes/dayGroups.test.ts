import { dayKey, groupByDay } from '../../../src/domain/changes/dayGroups';

describe('grouping changes by day', () => {
  const rows = [
    { id: 'c', occurredAt: '2026-11-22T01:30:00Z' },
    { id: 'b', occurredAt: '2026-11-21T23:10:00Z' },
    { id: 'a', occurredAt: '2026-11-21T08:00:00Z' },
  ];

  it('groups by UTC day for exports', () => {
    expect(groupByDay(rows, 'UTC').map((g) => [g.day, g.rows.map((r) => r.id)])).toEqual([
      ['2026-11-22', ['c']],
      ['2026-11-21', ['b', 'a']],
    ]);
  });

  it("groups by the reader's own day: what is two UTC days is one evening in New York and another split in Tokyo", () => {
    expect(groupByDay(rows, 'America/New_York').map((g) => [g.day, g.rows.map((r) => r.id)])).toEqual([['2026-11-21', ['c', 'b', 'a']]]);
    expect(groupByDay(rows, 'Asia/Tokyo').map((g) => [g.day, g.rows.map((r) => r.id)])).toEqual([
      ['2026-11-22', ['c', 'b']],
      ['2026-11-21', ['a']],
    ]);
  });

  it('falls back to UTC for a time zone the runtime does not know', () => {
    expect(dayKey('2026-11-21T23:10:00Z', 'Mars/Olympus_Mons')).toBe('2026-11-21');
  });

  it('says "unknown" for a time it cannot read rather than failing', () => {
    expect(dayKey('yesterday', 'UTC')).toBe('unknown');
  });
});
