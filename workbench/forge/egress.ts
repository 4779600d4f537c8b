/**
 * Outbound `fetch` rules for handler code: only hosts declared in permissions.external.fetch.backend (plus the
 * workbench's own origin and loopback, where the upstream simulators run), and at most N requests per runtime minute
 * of one invocation. Past the budget Forge's egress proxy answers 429 with `forge-proxy-error: FETCH_LIMIT_EXCEEDED`
 * rather than throwing (jira.atlassian.com/browse/ECO-491), so the app sees the same here.
 */
export interface EgressGate {
  isAllowed(url: URL): boolean;
  /** Loopback or the workbench's own origin: the simulators, always reached over the real network. */
  isLocal(url: URL): boolean;
  /** What carries an allowed request to a declared external host (the real network unless a test injects one). */
  transport: typeof fetch;
  requestsPerMinute: number;
  now: () => number;
}

export function createEgressGate(options: {
  addresses: string[];
  origin: () => string;
  transport: typeof fetch;
  requestsPerMinute: number;
  now: () => number;
}): EgressGate {
  const patterns = options.addresses.map(parseAddress);
  return {
    transport: options.transport,
    requestsPerMinute: options.requestsPerMinute,
    now: options.now,
    isLocal(url) {
      const origin = options.origin();
      return isLoopback(url.hostname) || (origin !== '' && url.origin === new URL(origin).origin);
    },
    isAllowed(url) {
      return this.isLocal(url) || patterns.some((pattern) => pattern(url));
    },
  };
}

export class EgressBudget {
  private minute = -1;
  private used = 0;

  constructor(
    private readonly gate: EgressGate,
    private readonly startedAt: number,
  ) {}

  take(): boolean {
    const minute = Math.floor((this.gate.now() - this.startedAt) / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used = 0;
    }
    if (this.used >= this.gate.requestsPerMinute) return false;
    this.used++;
    return true;
  }
}

export function fetchLimitExceeded(): Response {
  return new Response(null, { status: 429, statusText: 'Too Many Requests', headers: { 'forge-proxy-error': 'FETCH_LIMIT_EXCEEDED' } });
}

/** `https://*.example.com`, `https://api.example.com:8443`, `*.example.com` (any scheme) or `*`. */
function parseAddress(address: string): (url: URL) => boolean {
  if (address.trim() === '*') return () => true;
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+))?/i.exec(address.trim());
  if (!match) return () => false;
  const [, scheme, host = '', port] = match;
  const hostPattern = host.toLowerCase();
  return (url) => {
    if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
    if (port && url.port !== port && !(url.port === '' && defaultPort(url.protocol) === port)) return false;
    const hostname = url.hostname.toLowerCase();
    return hostPattern.startsWith('*.') ? hostname.endsWith(hostPattern.slice(1)) : hostname === hostPattern;
  };
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
