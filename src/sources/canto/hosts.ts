/**
 * Where a Canto client may send requests: https hosts of Canto's regional domains only (the manifest's egress list
 * names the same domains), or loopback for the workbench simulator. Checked before any request, so a mistyped or
 * hostile base URL never receives the app secret.
 */

/** Canto's regional domains (US, global, Germany, Australia, Canada). */
export const CANTO_DOMAINS = ['canto.com', 'canto.global', 'canto.de', 'au.canto.com', 'ca.canto.com'] as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type CantoHost = { ok: true; url: string } | { ok: false; message: string };

/**
 * A tenant or OAuth URL, normalised to its origin plus any path prefix (no trailing slash). Accepts what admins
 * paste: a trailing slash, or the whole API path ("https://acme.canto.com/api/v1/").
 */
export function readCantoHost(raw: string, label: 'base URL' | 'OAuth URL'): CantoHost {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `the Canto ${label} "${text}" is not an absolute URL` };
  }
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK_HOSTS.has(host);
  if (!loopback && url.protocol !== 'https:') {
    return { ok: false, message: `the Canto ${label} "${url.origin}" must start with https://` };
  }
  if (loopback && url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `the Canto ${label} "${url.origin}" must be an http(s) URL` };
  }
  if (!loopback && !isCantoHost(host)) {
    return {
      ok: false,
      message: `the Canto ${label} "${url.origin}" is not on a Canto domain (${CANTO_DOMAINS.join(', ')})`,
    };
  }
  if (url.username || url.password) return { ok: false, message: `the Canto ${label} must not contain a user name or password` };
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '')
    .replace(/\/oauth\/api\/oauth2(\/compatible)?(\/token)?$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** A tenant host on one of Canto's domains: "acme.canto.com", "oauth.canto.de"; never the bare domain itself. */
export function isCantoHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return CANTO_DOMAINS.some((domain) => host.endsWith(`.${domain}`) && host.length > domain.length + 1);
}
