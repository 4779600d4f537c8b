/**
 * The OAuth scopes a Confluence REST call needs from an app. Forge only grants what manifest.yml lists, and a call
 * without its scope fails at the gateway with 401 "Unauthorized; scope does not match" (forge lint only warns).
 * Each entry lists alternatives: the granular scope or its classic equivalent.
 */
const RULES: Array<{ method: string; path: RegExp; anyOf: string[] }> = [
  { method: 'GET', path: /^\/wiki\/api\/v2\/spaces/, anyOf: ['read:space:confluence', 'read:confluence-space.summary'] },
  { method: 'GET', path: /^\/wiki\/api\/v2\/pages\/[^/]+\/labels/, anyOf: ['read:label:confluence', 'read:confluence-content.summary'] },
  { method: 'GET', path: /^\/wiki\/api\/v2\/pages/, anyOf: ['read:page:confluence', 'read:confluence-content.all', 'read:confluence-content.summary'] },
  { method: 'POST', path: /^\/wiki\/api\/v2\/pages/, anyOf: ['write:page:confluence', 'write:confluence-content'] },
  { method: 'PUT', path: /^\/wiki\/api\/v2\/pages/, anyOf: ['write:page:confluence', 'write:confluence-content'] },
  { method: 'DELETE', path: /^\/wiki\/api\/v2\/pages/, anyOf: ['delete:page:confluence', 'write:confluence-content'] },
  { method: 'GET', path: /^\/wiki\/rest\/api\/content\/[^/]+\/label/, anyOf: ['read:label:confluence', 'read:confluence-content.summary'] },
  { method: 'POST', path: /^\/wiki\/rest\/api\/content\/[^/]+\/label/, anyOf: ['write:label:confluence', 'write:confluence-content'] },
  { method: 'DELETE', path: /^\/wiki\/rest\/api\/content\/[^/]+\/label/, anyOf: ['write:label:confluence', 'write:confluence-content'] },
  { method: 'GET', path: /^\/wiki\/rest\/api\/(content\/)?search/, anyOf: ['search:confluence', 'read:content-details:confluence'] },
  // Confluence's REST reference lists these for the v1 user endpoints (classic, then granular).
  { method: 'GET', path: /^\/wiki\/rest\/api\/user\/current/, anyOf: ['read:confluence-user', 'read:content-details:confluence'] },
];

/** The scopes that would satisfy this call, or undefined if the granted ones already do. */
export function missingScopes(method: string, pathname: string, granted: string[]): string[] | undefined {
  const rule = RULES.find((candidate) => candidate.method === method && candidate.path.test(pathname));
  if (!rule || rule.anyOf.some((scope) => granted.includes(scope))) return undefined;
  return rule.anyOf;
}
