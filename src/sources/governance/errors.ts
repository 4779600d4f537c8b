import { problemDetailsSchema, type ProblemDetails } from './schemas';

/** Anything that went wrong talking to the governance backend, named by the operation that failed. */
export class GovernanceApiError extends Error {
  /** The request in the backend's terms, e.g. "GET /v1/environments?solutionId=sol-1". */
  readonly operation: string;
  /** The HTTP status, or null when no answer arrived (network error, timeout) or none was sent. */
  readonly status: number | null;
  readonly problem: ProblemDetails | null;
  /** True when trying again later may succeed (rate limit, outage, network). */
  readonly retryable: boolean;

  constructor(
    message: string,
    details: { operation: string; status?: number | null; problem?: ProblemDetails | null; retryable?: boolean; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GovernanceApiError';
    this.operation = details.operation;
    this.status = details.status ?? null;
    this.problem = details.problem ?? null;
    this.retryable = details.retryable ?? false;
  }
}

export interface ErrorBody {
  problem: ProblemDetails | null;
  /** One line a person can read: the problem's title and detail, an OAuth error, or the start of the text. */
  summary: string;
}

const MAX_SUMMARY_LENGTH = 300;

/** Reads the body of an error response, whatever it is (problem+json, OAuth error JSON, HTML from a proxy). */
export async function readErrorBody(response: Response): Promise<ErrorBody> {
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (isRecord(json)) {
    const problem = problemDetailsSchema.safeParse(json);
    if (problem.success && (problem.data.title || problem.data.detail)) {
      return { problem: problem.data, summary: joinParts([problem.data.title, problem.data.detail]) };
    }
    // RFC 6749 §5.2 token errors: {"error": "invalid_client", "error_description": "..."}
    if (typeof json.error === 'string') {
      const description = typeof json.error_description === 'string' ? json.error_description : undefined;
      return { problem: problem.success ? problem.data : null, summary: joinParts([json.error, description]) };
    }
  }
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const summary = plain === '' ? response.statusText || 'no details given' : truncate(plain);
  return { problem: null, summary };
}

export function httpStatusLabel(response: Response): string {
  return response.statusText ? `HTTP ${response.status} ${response.statusText}` : `HTTP ${response.status}`;
}

/** Replaces every secret that might have been echoed back (by a proxy, a debug page) with "***". */
export function withoutSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('***');
  }
  return clean;
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

function joinParts(parts: (string | undefined)[]): string {
  return truncate(parts.filter((part): part is string => Boolean(part && part.trim())).join(': '));
}

function truncate(text: string): string {
  return text.length > MAX_SUMMARY_LENGTH ? `${text.slice(0, MAX_SUMMARY_LENGTH - 1)}…` : text;
}
