import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Governance-Signature` header of the backend's events (docs/change-log-and-status.md):
 *
 *   Governance-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=<hex>...]
 *
 * Several v1 values may be sent while the backend rotates its secret (one per secret it signs with); one matching
 * value is enough. The timestamp is part of what is signed, so a captured request cannot be replayed later with a
 * fresh timestamp, and one older (or further in the future) than the tolerance is refused.
 */
export const SIGNATURE_HEADER = 'governance-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** Candidates looked at per header: a header stuffed with thousands of values costs no more than this. */
const MAX_CANDIDATES = 8;

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'expired' | 'future'; detail: string };

/** The hex HMAC the backend computes: HMAC-SHA256 over "<t>.<raw body>". */
export function governanceSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody, 'utf8').digest('hex');
}

/** A complete header value for a body, as the backend sends it (tests, docs and the workbench use this). */
export function signGovernanceEvent(secrets: string | readonly string[], rawBody: string, timestamp: number): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${timestamp}`, ...list.map((secret) => `v1=${governanceSignature(secret, timestamp, rawBody)}`)].join(',');
}

interface ParsedHeader {
  timestamp: number;
  candidates: string[];
}

function parseHeader(header: string): ParsedHeader | null {
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (name === 'v1' && candidates.length < MAX_CANDIDATES) {
      candidates.push(value);
    }
  }
  return timestamp === null || candidates.length === 0 ? null : { timestamp, candidates };
}

/**
 * Checks a presented header against the secret, in constant time per candidate: each v1 value is decoded to
 * bytes and compared with crypto.timingSafeEqual, and every candidate is compared (no early exit), so neither
 * the position nor the content of a near-miss shows in the timing. The signature is checked before the
 * timestamp: an unsigned request learns nothing about the clock.
 */
export function verifyGovernanceSignature(input: {
  header: string | undefined;
  rawBody: string;
  secret: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!input.header || input.header.trim() === '') {
    return { ok: false, reason: 'missing', detail: 'The request has no Governance-Signature header.' };
  }
  const parsed = parseHeader(input.header);
  if (!parsed) {
    return { ok: false, reason: 'malformed', detail: 'The Governance-Signature header must be "t=<unix seconds>,v1=<hex HMAC-SHA256>".' };
  }
  const expected = Buffer.from(governanceSignature(input.secret, parsed.timestamp, input.rawBody), 'hex');
  let matched = false;
  for (const candidate of parsed.candidates) {
    const wellFormed = /^[0-9a-fA-F]{64}$/.test(candidate);
    const presented = wellFormed ? Buffer.from(candidate, 'hex') : Buffer.alloc(expected.length);
    const equal = timingSafeEqual(presented, expected) && wellFormed;
    matched = equal || matched;
  }
  if (!matched) return { ok: false, reason: 'mismatch', detail: 'The Governance-Signature does not match the body and the configured secret.' };
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const age = input.nowSeconds - parsed.timestamp;
  if (age > tolerance) {
    return { ok: false, reason: 'expired', detail: `The signature timestamp is ${age} s old; at most ${tolerance} s is accepted. Sign each delivery when it is sent.` };
  }
  if (-age > tolerance) {
    return { ok: false, reason: 'future', detail: `The signature timestamp is ${-age} s in the future; at most ${tolerance} s of clock difference is accepted.` };
  }
  return { ok: true, timestamp: parsed.timestamp };
}
