/**
 * Keeps one client under iconik's rate limit (about 50 requests/s per application token, 1000 per 20 s window).
 *
 * A token bucket in its "virtual scheduling" form (GCRA): every request reserves the next free slot, so concurrent
 * requests are spread evenly instead of bursting and then collecting 429s. With the default burst of 1 the slots are
 * exactly 1000/maxRequestsPerSecond ms apart.
 *
 * It also listens to iconik: a low `RateLimit-Remaining` doubles the spacing (another client may share the token, or
 * the window is nearly used up), 0 quadruples it, and a 429 holds every request of this client for as long as the
 * retry waits. The spacing returns to normal as soon as an answer reports enough remaining requests.
 */
export interface PacerOptions {
  maxRequestsPerSecond: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How many requests may start back to back before spacing applies (default 1). */
  burst?: number;
  /** Below this `RateLimit-Remaining`, spacing doubles (default: a fifth of maxRequestsPerSecond, at least 1). */
  lowRemaining?: number;
}

export class RequestPacer {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private readonly lowRemaining: number;
  /** The theoretical arrival time of the next request (GCRA's TAT). */
  private nextAt = Number.NEGATIVE_INFINITY;
  private holdUntil = Number.NEGATIVE_INFINITY;
  private slowdown = 1;
  /** Time spent waiting for a slot, in total. */
  waitedMs = 0;
  /** The last `RateLimit-Remaining` iconik reported, or null before any. */
  lastRemaining: number | null = null;

  constructor(private readonly options: PacerOptions) {
    const rate = options.maxRequestsPerSecond;
    if (!(Number.isFinite(rate) && rate > 0)) throw new Error(`maxRequestsPerSecond must be a positive number, got ${rate}`);
    this.intervalMs = 1000 / rate;
    this.toleranceMs = (Math.max(1, Math.floor(options.burst ?? 1)) - 1) * this.intervalMs;
    this.lowRemaining = options.lowRemaining ?? Math.max(1, Math.ceil(rate / 5));
  }

  /** Reserves the next slot and answers how long to wait for it (0 when it is free now). */
  reserve(): number {
    const now = this.options.now();
    const arrival = Math.max(this.nextAt, now);
    const start = Math.max(now, arrival - this.toleranceMs, this.holdUntil);
    this.nextAt = Math.max(arrival, start) + this.intervalMs * this.slowdown;
    return start - now;
  }

  /** Waits for the next slot. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait <= 0) return;
    this.waitedMs += wait;
    await this.options.sleep(wait);
  }

  /** Reads an answer's `RateLimit-Remaining` (absent: iconik did not say) and whether it was a 429. */
  observe(status: number, remainingHeader: string | null): void {
    const remaining = remainingHeader === null || remainingHeader.trim() === '' ? NaN : Number(remainingHeader);
    if (Number.isFinite(remaining)) {
      this.lastRemaining = remaining;
      this.slowdown = remaining <= 0 ? 4 : remaining < this.lowRemaining ? 2 : 1;
    } else {
      this.slowdown = 1;
    }
    if (status === 429) this.slowdown = Math.max(this.slowdown, 2);
  }

  /** Holds every request until `ms` from now (the wait a 429 asked for). */
  hold(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.options.now() + Math.max(0, ms));
  }
}
