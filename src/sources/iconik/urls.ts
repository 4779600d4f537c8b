/**
 * iconik URLs: `<base>/API/<service>/v1/<path>/`. Every iconik path ends with a slash; a path without one is not the
 * same resource (iconik redirects or answers 404, see docs/sources/iconik.md), so paths are only ever built here.
 */
export const ICONIK_SERVICES = ['assets', 'metadata', 'jobs', 'search', 'files', 'notifications', 'users', 'acls'] as const;
export type IconikService = (typeof ICONIK_SERVICES)[number];

/**
 * `apiPath('assets', 'assets/{id}/approvals/request', {id})` => `/API/assets/v1/assets/<id>/approvals/request/`.
 * Parameters are percent-encoded (an id holding "/" stays one segment); repeated slashes collapse to one and exactly
 * one trailing slash is added.
 */
export function apiPath(service: IconikService, template: string, params: Record<string, string> = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`iconik path ${template} needs a non-empty "${name}"`);
    return encodeURIComponent(value);
  });
  const segments = filled.split('/').filter((segment) => segment !== '');
  return `/API/${service}/v1/${segments.map((segment) => `${segment}/`).join('')}`;
}

export type Query = Record<string, string | number | undefined | null>;

/** The base URL (with or without a trailing slash, possibly with a path prefix) joined with an API path and query. */
export function iconikUrl(baseUrl: string, path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${text === '' ? '' : `?${text}`}`;
}

/** Where a person opens an asset in iconik's web app: `<base>/asset/<id>` (no trailing slash: a web route, not the API). */
export function iconikAssetLink(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/asset/${encodeURIComponent(id)}`;
}
