/**
 * Whether an upstream base URL is one the app can call. Forge lets an app reach only the hosts manifest.yml
 * declares under permissions.external.fetch.backend, fixed when the app is deployed, so a URL outside that list
 * would save fine and then fail on every sync. The settings page checks it up front and says why.
 *
 * Loopback hosts (127.0.0.1, localhost, [::1]) pass: the workbench runs its upstream simulators there and lets
 * the app reach them, as Forge's tunnel does for local development. On Forge they are unreachable anyway.
 */

/**
 * Does one manifest egress address (`https://*.canto.com`, `https://api.example.com:8443`, `*.example.com`, `*`) cover
 * the URL? Read strictly where Forge's documentation is silent, so the page never promises a host Forge may block.
 */
export function egressAddressCovers(address: string, url: URL): boolean {
  const trimmed = address.trim();
  if (trimmed === '*') return true;
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+))?/i.exec(trimmed);
  if (!match) return false;
  const [, scheme, host = '', port] = match;
  if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
  if (port && url.port !== port && !(url.port === '' && defaultPort(url.protocol) === port)) return false;
  const pattern = host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  if (!pattern.startsWith('*.')) return hostname === pattern;
  // One subdomain level only: Forge does not document a wildcard covering more, so a deeper host needs its own entry.
  const suffix = pattern.slice(1);
  return hostname.endsWith(suffix) && hostname.length > suffix.length && !hostname.slice(0, -suffix.length).includes('.');
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

/**
 * The problem with a base URL, in words an admin can act on, or null when the app can call it.
 * `addresses`: the manifest's egress list (src/config/declaredEgress.ts).
 */
export function upstreamUrlProblem(value: string, addresses: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute URL such as https://example.com';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.username || url.password) return 'must not contain a user name or password (enter secrets in their own fields)';
  if (url.search || url.hash) return 'must not have a query string or fragment';
  if (isLoopbackHost(url.hostname)) return null;
  if (url.protocol !== 'https:') return 'must start with https:// (the app calls upstreams over HTTPS only)';
  if (addresses.some((address) => egressAddressCovers(address, url))) return null;
  const declared = addresses.length > 0 ? addresses.join(', ') : 'none';
  return (
    `${url.host} is not one of the hosts this app may call (manifest.yml permissions.external.fetch.backend: ${declared}). ` +
    'Forge fixes egress when the app is deployed: add the host there and redeploy, then save this URL.'
  );
}
