import { iconikErrorBodySchema } from './schemas';

/** Anything that went wrong talking to iconik, named by what the app was doing ("iconik approvals for asset X"). */
export class IconikApiError extends Error {
  /** What the app asked for, in words: "iconik approvals for asset 1f0c...". */
  readonly operation: string;
  /** The HTTP status, or null when no answer arrived (network error, timeout) or the answer was unusable. */
  readonly status: number | null;
  /** iconik's own messages, as "message" or "field: message". */
  readonly errors: string[];
  /** True when trying again later may succeed (rate limit, outage, network). */
  readonly retryable: boolean;

  constructor(message: string, details: { operation: string; status?: number | null; errors?: string[]; retryable?: boolean; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'IconikApiError';
    this.operation = details.operation;
    this.status = details.status ?? null;
    this.errors = details.errors ?? [];
    this.retryable = details.retryable ?? false;
  }
}

export interface IconikErrorBody {
  errors: string[];
  /** One line a person can read: iconik's messages joined, or the start of whatever else came back. */
  summary: string;
}

const MAX_SUMMARY = 300;

/** Reads an error answer whatever its shape: iconik's `errors` list or map, other JSON, HTML from a proxy, nothing. */
export async function readIconikError(response: Response): Promise<IconikErrorBody> {
  const text = await response.text().catch(() => '');
  return describeErrorText(text, response.statusText);
}

export function describeErrorText(text: string, statusText = ''): IconikErrorBody {
  const json = parseJson(text);
  const parsed = iconikErrorBodySchema.safeParse(json);
  if (parsed.success) {
    const errors = errorLines(parsed.data.errors);
    if (errors.length > 0) return { errors, summary: truncate(errors.join('; ')) };
  }
  if (isRecord(json)) {
    for (const key of ['error', 'message', 'detail', 'title']) {
      const value = json[key];
      if (typeof value === 'string' && value.trim() !== '') return { errors: [value.trim()], summary: truncate(value.trim()) };
    }
  }
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { errors: [], summary: plain === '' ? statusText || 'no details given' : truncate(plain) };
}

function errorLines(errors: unknown): string[] {
  if (typeof errors === 'string') return errors.trim() === '' ? [] : [errors.trim()];
  if (Array.isArray(errors)) return errors.flatMap((entry) => errorLines(typeof entry === 'string' ? entry : stringify(entry)));
  if (isRecord(errors)) {
    return Object.entries(errors).flatMap(([field, messages]) => {
      const lines = Array.isArray(messages) ? messages.map((message) => (typeof message === 'string' ? message : stringify(message))) : [typeof messages === 'string' ? messages : stringify(messages)];
      return [`${field}: ${lines.filter((line) => line !== '').join(', ')}`];
    });
  }
  return [];
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
