/**
 * Canto errors as messages that say what failed: "Canto search failed: 401 invalid token". Canto's error body
 * format is UNCONFIRMED, so every shape seen from Canto and from proxies in front of it is read:
 * `{"errors": ["..."]}`, `{"errors": [{"message": "..."}]}`, `{"message": "..."}`, OAuth's
 * `{"error", "error_description"}`, and text or HTML.
 */

export class CantoApiError extends Error {
  /** The HTTP status, or null when no answer arrived or none was needed (configuration, network). */
  readonly status: number | null;
  /** What the client was doing, e.g. "Canto search", "Canto asset detail". */
  readonly operation: string;
  /** True when trying again later may succeed (rate limit, outage, network). */
  readonly retryable: boolean;

  constructor(message: string, details: { operation: string; status?: number | null; retryable?: boolean; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CantoApiError';
    this.operation = details.operation;
    this.status = details.status ?? null;
    this.retryable = details.retryable ?? false;
  }
}

const MAX_SUMMARY = 300;

/** One readable line from an error response's body, whatever its shape; the status text when the body says nothing. */
export async function readCantoErrorBody(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return summarizeErrorText(text) ?? (response.statusText || 'no details given');
}

export function summarizeErrorText(text: string): string | null {
  const json = parseJson(text);
  if (json !== undefined) {
    const fromJson = messageOf(json);
    if (fromJson) return truncate(fromJson);
  }
  const plain = text
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? null : truncate(plain);
}

function messageOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const parts = value.map(messageOf).filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join('; ') : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.errors !== undefined) {
    const errors = record.errors;
    // {"errors": {"field": ["..."]}}
    if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
      const parts = Object.entries(errors).map(([field, detail]) => {
        const text = messageOf(detail);
        return text ? `${field}: ${text}` : field;
      });
      if (parts.length > 0) return parts.join('; ');
    }
    const text = messageOf(errors);
    if (text) return text;
  }
  if (typeof record.error === 'string') {
    const description = typeof record.error_description === 'string' ? record.error_description : null;
    return description ? `${record.error}: ${description}` : record.error;
  }
  for (const key of ['message', 'msg', 'detail', 'title', 'description'] as const) {
    const text = messageOf(record[key]);
    if (text) return text;
  }
  return null;
}

/** Replaces every secret that might have been echoed back (a proxy, a debug page) with "***". */
export function withoutSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('***');
  }
  // The token URL carries the secret in its query; never let one through, whatever its value.
  return clean.replace(/(app_secret|refresh_token|access_token|code)=[^&\s"']*/gi, '$1=***');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function truncate(text: string): string {
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
