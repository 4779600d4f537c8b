/**
 * Endpoint URLs as specs and environments write them: https, sftp, amqps, oftp2... The comparison ignores what does
 * not change where a message goes (scheme and host case, a default port, a trailing slash) and nothing else.
 */

const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+/i;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'sftp:': '22', 'ftp:': '21', 'amqp:': '5672', 'amqps:': '5671' };

function parse(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/** An absolute URL with a scheme and a host: `https://host/path`, `sftp://host:22/dir`. */
export function isAbsoluteUrl(value: string): boolean {
  return SCHEME_AND_HOST.test(value.trim()) && !/\s/.test(value.trim()) && parse(value) !== null;
}

export function isHttpUrl(value: string): boolean {
  const url = parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

/** The form two URLs are compared in; an unparseable URL is compared as written (trimmed). */
export function normalizeEndpointUrl(value: string): string {
  const url = parse(value);
  if (!url || !SCHEME_AND_HOST.test(value.trim())) return value.trim();
  const scheme = url.protocol.toLowerCase();
  const port = url.port && url.port !== DEFAULT_PORTS[scheme] ? `:${url.port}` : '';
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${scheme}//${auth}${url.hostname.toLowerCase()}${port}${path}${url.search}`;
}

/** Scheme, host and port: two URLs with the same origin point at the same server, perhaps at another path. */
export function endpointOrigin(value: string): string | null {
  const url = parse(value);
  if (!url || !SCHEME_AND_HOST.test(value.trim())) return null;
  const scheme = url.protocol.toLowerCase();
  const port = url.port && url.port !== DEFAULT_PORTS[scheme] ? `:${url.port}` : '';
  return `${scheme}//${url.hostname.toLowerCase()}${port}`;
}

export function sameEndpointUrl(a: string, b: string): boolean {
  return normalizeEndpointUrl(a) === normalizeEndpointUrl(b);
}
