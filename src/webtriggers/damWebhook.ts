/**
 * What the Canto and iconik webhooks share: the checks every delivery passes before anything changes, and
 * problem+json answers (RFC 9457) that say what was wrong without echoing what was sent.
 *
 * Order of checks: method, size, configuration, then authentication before anything about the body's shape is said.
 * A good delivery only queues a refetch of the object (answered 202 at once); the refetch reads the object from the
 * platform, so a forged or replayed body can at most cause one more harmless read.
 */
import { WEBHOOK_MAX_BODY_BYTES } from '../domain/assetSync/budgets';
import type { WebtriggerRequest, WebtriggerResponse } from './interfaceSpecsWebtrigger';

export type { WebtriggerRequest, WebtriggerResponse };

const TITLES: Record<number, string> = {
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  503: 'Service Unavailable',
};

export function problemAnswer(status: 400 | 401 | 405 | 413 | 503, detail: string, extra: Record<string, string[]> = {}): WebtriggerResponse {
  return {
    statusCode: status,
    headers: { 'Content-Type': ['application/problem+json'], 'Cache-Control': ['no-store'], ...extra },
    body: JSON.stringify({ type: 'about:blank', title: TITLES[status], status, detail }),
  };
}

export function acceptedAnswer(body: Record<string, unknown>): WebtriggerResponse {
  return { statusCode: 202, headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] }, body: JSON.stringify(body) };
}

/** A header's first value; Forge hands webtriggers lower-case header names, but be lenient. */
export function headerValue(request: WebtriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [header, values] of Object.entries(request.headers ?? {})) {
    if (header.toLowerCase() === wanted) return values?.[0];
  }
  return undefined;
}

/** The checks before authentication: POST only, and a body of reasonable size. */
export function refuseEarly(request: WebtriggerRequest, label: string): WebtriggerResponse | null {
  const method = (request.method ?? 'POST').toUpperCase();
  if (method !== 'POST') return problemAnswer(405, `The ${label} webhook takes POST requests only.`, { Allow: ['POST'] });
  const bytes = Buffer.byteLength(request.body ?? '', 'utf8');
  if (bytes > WEBHOOK_MAX_BODY_BYTES) {
    return problemAnswer(413, `The body is ${bytes} bytes; the ${label} webhook takes at most ${WEBHOOK_MAX_BODY_BYTES} bytes.`);
  }
  return null;
}

export function parseJsonBody(request: WebtriggerRequest, label: string): { ok: true; value: unknown } | { ok: false; answer: WebtriggerResponse } {
  try {
    return { ok: true, value: JSON.parse(request.body ?? '') as unknown };
  } catch {
    return { ok: false, answer: problemAnswer(400, `The body is not JSON: the ${label} webhook expects the JSON ${label} sends.`) };
  }
}
