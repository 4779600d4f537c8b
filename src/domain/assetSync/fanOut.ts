/**
 * Splitting work into queue events and events into pushes, within Forge's limits (50 events and 200 KB per push,
 * 500 events per minute per app). Pure.
 */
import { FAN_OUT_EVENTS_PER_MINUTE, MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES } from './budgets';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new Error(`chunk size must be at least 1, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Groups events into pushes of at most `maxEvents` and `maxBytes` of JSON each, in order. */
export function planPushes<T>(events: readonly T[], options: { maxEvents?: number; maxBytes?: number } = {}): T[][] {
  const maxEvents = options.maxEvents ?? MAX_EVENTS_PER_PUSH;
  const maxBytes = options.maxBytes ?? MAX_PUSH_BYTES;
  const pushes: T[][] = [];
  let current: T[] = [];
  let bytes = 2;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event), 'utf8') + 1;
    if (size + 2 > maxBytes) throw new Error(`one queue event is ${size} bytes, more than a push may carry (${maxBytes})`);
    if (current.length >= maxEvents || bytes + size > maxBytes) {
      pushes.push(current);
      current = [];
      bytes = 2;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) pushes.push(current);
  return pushes;
}

export interface PushLedger {
  /** The minute (epoch minutes) the count belongs to. */
  minute: number;
  count: number;
}

/**
 * Whether a chain may push `needed` more events this minute within its per-minute share, and if not, how many
 * seconds until the next minute begins.
 */
export function pushRoom(ledger: PushLedger | null, now: Date, needed: number, perMinute = FAN_OUT_EVENTS_PER_MINUTE): { ok: boolean; waitSeconds: number } {
  const minute = Math.floor(now.getTime() / 60_000);
  const used = ledger && ledger.minute === minute ? ledger.count : 0;
  if (used + needed <= perMinute) return { ok: true, waitSeconds: 0 };
  return { ok: false, waitSeconds: Math.ceil(((minute + 1) * 60_000 - now.getTime()) / 1000) + 1 };
}

export function recordPushed(ledger: PushLedger | null, now: Date, pushed: number): PushLedger {
  const minute = Math.floor(now.getTime() / 60_000);
  return { minute, count: (ledger && ledger.minute === minute ? ledger.count : 0) + pushed };
}
