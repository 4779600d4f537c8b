/**
 * iconik's rate limit as the simulator plays it, per application token: at most `windowLimit` requests per
 * `windowMs` window (1000 per 20 s; the window starts with the first request after the previous one ended) and a
 * per-second token bucket of `perSecond` (50) that refills continuously, so short bursts pass but the sustained rate
 * cannot exceed 50/s. Every answer carries `RateLimit-Remaining` (the smaller of the two allowances); a request over
 * either limit gets 429, with `Retry-After` (whole seconds) only when `retryAfter` is on: whether iconik sends it is
 * UNCONFIRMED, so both behaviours can be tested.
 */
export interface RateLimitSettings {
  enabled: boolean;
  windowMs: number;
  windowLimit: number;
  perSecond: number;
  retryAfter: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { enabled: true, windowMs: 20_000, windowLimit: 1000, perSecond: 50, retryAfter: true };

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** When refused: how long until a request would pass, in ms. */
  retryInMs: number;
}

interface TokenState {
  windowStart: number;
  windowCount: number;
  bucket: number;
  bucketAt: number;
}

export class RateLimiter {
  private readonly tokens = new Map<string, TokenState>();

  constructor(public settings: RateLimitSettings) {}

  reset(): void {
    this.tokens.clear();
  }

  check(token: string, now: number): RateDecision {
    const { windowMs, windowLimit, perSecond } = this.settings;
    let state = this.tokens.get(token);
    if (!state) {
      state = { windowStart: now, windowCount: 0, bucket: perSecond, bucketAt: now };
      this.tokens.set(token, state);
    }
    if (now - state.windowStart >= windowMs) {
      state.windowStart = now;
      state.windowCount = 0;
    }
    state.bucket = Math.min(perSecond, state.bucket + ((now - state.bucketAt) / 1000) * perSecond);
    state.bucketAt = now;

    const windowFull = state.windowCount >= windowLimit;
    const bucketEmpty = state.bucket < 1;
    if (windowFull || bucketEmpty) {
      const windowWait = windowFull ? state.windowStart + windowMs - now : 0;
      const bucketWait = bucketEmpty ? ((1 - state.bucket) / perSecond) * 1000 : 0;
      return { allowed: false, remaining: 0, retryInMs: Math.max(windowWait, bucketWait) };
    }
    state.windowCount += 1;
    state.bucket -= 1;
    return { allowed: true, remaining: Math.max(0, Math.min(windowLimit - state.windowCount, Math.floor(state.bucket))), retryInMs: 0 };
  }
}

/** The highest number of requests seen within any one second (sliding), for the bench's "peak rate". */
export class PeakRate {
  private arrivals: number[] = [];
  private head = 0;
  peak = 0;

  record(now: number): void {
    this.arrivals.push(now);
    while (this.head < this.arrivals.length && (this.arrivals[this.head] ?? 0) <= now - 1000) this.head += 1;
    this.peak = Math.max(this.peak, this.arrivals.length - this.head);
    if (this.head > 4096) {
      this.arrivals = this.arrivals.slice(this.head);
      this.head = 0;
    }
  }

  reset(): void {
    this.arrivals = [];
    this.head = 0;
    this.peak = 0;
  }
}
