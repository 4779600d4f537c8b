/**
 * Turns what went wrong when testing a connection into words an admin can act on: which kind of failure (name
 * lookup, refused, timeout, rejected credentials, wrong address...) first, then the client's own detail. Clients
 * report failures as text (GovernanceApiError, CantoApiError, IconikApiError messages, platform errors), so the kind
 * is read from that text. Secrets are removed before anything is returned.
 */
import type { ConnectionFailureKind } from '../../shared/appSettingsContract';

const RULES: { kind: ConnectionFailureKind; pattern: RegExp }[] = [
  { kind: 'egress', pattern: /not included in the external fetch backend permissions|forge-egress|egress/i },
  { kind: 'dns', pattern: /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/i },
  { kind: 'tls', pattern: /certificate|CERT_|UNABLE_TO_VERIFY|\bSSL\b|\bTLS\b/i },
  { kind: 'timeout', pattern: /no answer within|timed? ?out|ETIMEDOUT|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT|\bAbortError\b|\baborted\b/i },
  { kind: 'refused', pattern: /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|other side closed|fetch failed|could not reach/i },
  { kind: 'rate-limited', pattern: /\b429\b|FETCH_LIMIT_EXCEEDED|too many requests/i },
  { kind: 'unauthorized', pattern: /\b401\b|rejected the (client )?credentials|invalid_client|token is invalid|unauthori[sz]ed/i },
  { kind: 'forbidden', pattern: /\b403\b|forbidden/i },
  { kind: 'not-found', pattern: /\b404\b|not found/i },
  { kind: 'server-error', pattern: /\bHTTP 5\d\d\b|\bstatus 5\d\d\b|\b(failed|answered):? 5\d\d\b|\b5\d\d (Internal|Bad Gateway|Service Unavailable|Gateway)/i },
  { kind: 'bad-answer', pattern: /not JSON|not a list page|without a usable|unexpected|invalid response/i },
];

export function failureKind(message: string): ConnectionFailureKind {
  return RULES.find((rule) => rule.pattern.test(message))?.kind ?? 'other';
}

function lead(kind: ConnectionFailureKind, sourceName: string, host: string | null, timeoutSeconds: number): string {
  const at = host ? ` ${host}` : '';
  switch (kind) {
    case 'not-configured':
      return `${sourceName} is not configured.`;
    case 'egress':
      return `The app may not call${at}: the host is not in manifest.yml's egress list, which Forge fixes when the app is deployed.`;
    case 'dns':
      return `The host name${at} could not be found (DNS). Check the base URL.`;
    case 'tls':
      return `The HTTPS certificate of${at || ' the host'} was not accepted.`;
    case 'timeout':
      return `${sourceName} did not answer within ${timeoutSeconds} s (timed out).`;
    case 'refused':
      return `Nothing answered at${at || ' that address'} (connection refused or reset). Check the base URL and that ${sourceName} is up.`;
    case 'rate-limited':
      return `${sourceName} is rate-limiting the app (429). Try again in a minute.`;
    case 'unauthorized':
      return `${sourceName} rejected the credentials (401). Check the ID and the secret.`;
    case 'forbidden':
      return `${sourceName} accepted the credentials but refused access (403). Check the permissions of the app's account.`;
    case 'not-found':
      return `${sourceName} answered 404 Not Found. Check the base URL and its path.`;
    case 'server-error':
      return `${sourceName} failed to answer (server error).`;
    case 'bad-answer':
      return `Something answered, but not like ${sourceName}'s API. Check the base URL.`;
    default:
      return `The connection to ${sourceName} failed.`;
  }
}

/** Replaces every secret (4 characters or more) found in the text with "***". */
export function redactSecrets(text: string, secrets: readonly (string | undefined | null)[]): string {
  let clean = text;
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4).sort((a, b) => b.length - a.length);
  for (const secret of known) {
    clean = clean.split(secret).join('***');
    // The same secret percent-encoded (in a query string) or base64 inside a Basic header echoed back.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) clean = clean.split(encoded).join('***');
  }
  return clean;
}

const MAX_DETAIL = 300;

export function describeConnectionFailure(options: {
  detail: string;
  sourceName: string;
  host: string | null;
  timeoutSeconds: number;
  secrets: readonly (string | undefined | null)[];
  kind?: ConnectionFailureKind;
}): { kind: ConnectionFailureKind; message: string } {
  const detail = redactSecrets(options.detail.replace(/\s+/g, ' ').trim(), options.secrets);
  const kind = options.kind ?? failureKind(detail);
  const short = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
  const message = `${lead(kind, options.sourceName, options.host, options.timeoutSeconds)}${short ? ` Details: ${short}` : ''}`;
  return { kind, message: redactSecrets(message, options.secrets) };
}
