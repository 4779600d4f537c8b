import { RequestPacer } from '../../../src/sources/iconik/pacer';

function pacerAt(start = 0, options: { maxRequestsPerSecond?: number; burst?: number } = {}) {
  let now = start;
  const pacer = new RequestPacer({
    maxRequestsPerSecond: options.maxRequestsPerSecond ?? 50,
    burst: options.burst,
    now: () => now,
    sleep: async (ms) => void (now += ms),
  });
  return { pacer, advance: (ms: number) => void (now += ms), now: () => now };
}

/** The most starts within any one-second window [t, t + 1000). */
function busiestSecond(starts: number[]): number {
  return Math.max(...starts.map((start) => starts.filter((other) => other >= start && other < start + 1000).length));
}

describe('RequestPacer', () => {
  it('spaces requests 20 ms apart at 50 per second when they all want to start at once', () => {
    const { pacer } = pacerAt();
    const waits = Array.from({ length: 200 }, () => pacer.reserve());
    expect(waits.slice(0, 4)).toEqual([0, 20, 40, 60]);
    expect(busiestSecond(waits)).toBe(50);
  });

  it('never waits when requests come slower than the limit', () => {
    const { pacer, advance } = pacerAt();
    const waits = Array.from({ length: 20 }, () => {
      const wait = pacer.reserve();
      advance(25);
      return wait;
    });
    expect(waits.every((wait) => wait === 0)).toBe(true);
  });

  it('keeps a steady 50 per second when requests come faster, as a sequence of awaited slots', async () => {
    const { pacer, now } = pacerAt(1_000);
    const starts: number[] = [];
    for (let k = 0; k < 120; k++) {
      await pacer.acquire();
      starts.push(now());
    }
    expect(busiestSecond(starts)).toBe(50);
    expect(pacer.waitedMs).toBe(119 * 20);
  });

  it('follows a configured rate', () => {
    const { pacer } = pacerAt(0, { maxRequestsPerSecond: 10 });
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 100, 200]);
  });

  it('lets a burst through back to back, then spaces the rest', () => {
    const { pacer } = pacerAt(0, { burst: 3 });
    expect(Array.from({ length: 5 }, () => pacer.reserve())).toEqual([0, 0, 0, 20, 40]);
  });

  it('doubles the spacing when RateLimit-Remaining runs low, quadruples it at 0, and goes back to normal', () => {
    const { pacer } = pacerAt();
    pacer.reserve();
    pacer.observe(200, '9');
    expect(pacer.reserve()).toBe(20);
    pacer.observe(200, '0');
    expect(pacer.reserve()).toBe(60); // the slot after the doubled one
    pacer.observe(200, '40');
    expect(pacer.reserve()).toBe(140); // after the quadrupled one
    expect(pacer.reserve()).toBe(160);
    expect(pacer.lastRemaining).toBe(40);
  });

  it('ignores a missing or unreadable RateLimit-Remaining', () => {
    const { pacer } = pacerAt();
    pacer.observe(200, null);
    pacer.observe(200, 'lots');
    expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 20]);
    expect(pacer.lastRemaining).toBeNull();
  });

  it('holds every request while a 429 wait runs, and slows down after it', () => {
    const { pacer, advance } = pacerAt();
    pacer.reserve();
    pacer.observe(429, null);
    pacer.hold(5_000);
    expect(pacer.reserve()).toBe(5_000);
    expect(pacer.reserve()).toBe(5_040);
    advance(6_000);
    pacer.observe(200, null);
    expect(pacer.reserve()).toBe(0);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new RequestPacer({ maxRequestsPerSecond: 0, now: () => 0, sleep: async () => undefined })).toThrow(/positive/);
  });
});
