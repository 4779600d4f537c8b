import { changesInWindow, changeWindowBefore, chunksCovering } from '../../../src/domain/incidents/changeWindow';
import { changeRow, hoursFromNow } from './incidentFixtures';

const hour = 3_600_000;
const at = (hours: number) => Date.parse(hoursFromNow(hours));

describe('the changes before a failure', () => {
  it('looks 48 hours back from when the failure was first seen', () => {
    expect(changeWindowBefore(hoursFromNow(-3))).toEqual({ from: at(-51), to: at(-3) });
    expect(changeWindowBefore(null)).toBeNull();
    expect(changeWindowBefore('not a time')).toBeNull();
  });

  it('reads only the stream chunks whose time bounds overlap the window', () => {
    const window = { from: at(-51), to: at(-3) };
    // newest first: [newest, oldest, count]
    const chunks: [number, number, number][] = [
      [at(0), at(-2), 10], // after the failure
      [at(-2.5), at(-10), 10], // straddles the end
      [at(-11), at(-40), 10], // inside
      [at(-45), at(-60), 10], // straddles the start
      [at(-61), at(-90), 10], // before
    ];
    expect(chunksCovering(chunks, window)).toEqual([1, 2, 3]);
    expect(chunksCovering([], window)).toEqual([]);
  });

  it('keeps the changes inside the window, newest first, once each, and counts what it leaves off', () => {
    const window = { from: at(-51), to: at(-3) };
    const rows = [
      changeRow({ id: 'late', occurredAt: hoursFromNow(-1) }),
      changeRow({ id: 'a', occurredAt: hoursFromNow(-10) }),
      changeRow({ id: 'b', occurredAt: hoursFromNow(-4) }),
      changeRow({ id: 'b', occurredAt: hoursFromNow(-4) }),
      changeRow({ id: 'early', occurredAt: hoursFromNow(-52) }),
      changeRow({ id: 'edge', occurredAt: hoursFromNow(-51) }),
    ];
    expect(changesInWindow(rows, window).changes.map((row) => row.id)).toEqual(['b', 'a', 'edge']);
    expect(changesInWindow(rows, window, 2)).toMatchObject({ changes: [{ id: 'b' }, { id: 'a' }], omitted: 1 });
    expect(window.to - window.from).toBe(48 * hour);
  });
});
