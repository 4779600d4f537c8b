/**
 * Fault injection: rules applied in order to the requests they match.
 *
 * Object form, e.g.
 *   { path: '/v1/environments', status: 429, retryAfterSeconds: 1, times: 2 }
 *   { path: '/v1', status: 503, probability: 0.2 }
 *   { path: '/v1/credentials', malformedItems: 1 }
 *   { path: '/oauth2/token', status: 401 }
 *   { expireTokens: true }                       revokes every token and answers 401 (once unless `times` says more)
 *   { path: '/v1/failures', delayMs: 3000 }      slow
 *   { path: '/v1/releases', hang: true }         never answers; the client has to give up
 *
 * String form (GOVERNANCE_SIM_FAULTS), comma-separated `<kind>[=<n>][@<path>][:<probability>]`:
 *   kind  an HTTP status ("429", "503", "500"...), `=n` sets Retry-After seconds (429 and 503 default to 1);
 *         "malformed" (=n items per answer, default 1); "expire" (forces a token refresh); "slow" (=ms, default 1000);
 *         "hang"
 *   path  a path prefix, matched on whole segments ("/v1" matches every resource); default every path
 *   probability  0..1, default 1
 * e.g. "429@/v1/environments:0.3,503:0.1,malformed@/v1/credentials:1"
 */
export interface FaultRule {
  /** Path prefix, matched on whole segments. Default: every path except the /__sim control endpoints. */
  path?: string;
  method?: string;
  /** 0..1, default 1. */
  probability?: number;
  /** Apply at most this many times. */
  times?: number;
  /** Answer this status instead of the real answer (problem+json unless `body` is given). */
  status?: number;
  retryAfterSeconds?: number;
  /** A raw body for `status`, e.g. an HTML error page from a proxy. */
  body?: string;
  contentType?: string;
  /** Corrupt this many items of a list answer (their second field becomes a number). */
  malformedItems?: number;
  expireTokens?: boolean;
  delayMs?: number;
  hang?: boolean;
}

export function parseFaults(spec: string | FaultRule[] | undefined | null): FaultRule[] {
  if (spec == null) return [];
  if (Array.isArray(spec)) return spec.map(checkRule);
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseEntry);
}

const ENTRY = /^(\d{3}|malformed|expire|slow|hang)(?:=(\d+))?(?:@(\/[^:]*))?(?::(\d*\.?\d+))?$/;

function parseEntry(entry: string): FaultRule {
  const match = ENTRY.exec(entry);
  if (!match) {
    throw new Error(`Unreadable fault "${entry}": expected <status|malformed|expire|slow|hang>[=<n>][@<path>][:<probability>]`);
  }
  const [, kind = '', amount, path, probability] = match;
  const rule: FaultRule = {};
  if (path) rule.path = path;
  if (probability !== undefined) rule.probability = Number(probability);
  const n = amount === undefined ? undefined : Number(amount);
  if (kind === 'malformed') rule.malformedItems = n ?? 1;
  else if (kind === 'expire') rule.expireTokens = true;
  else if (kind === 'slow') rule.delayMs = n ?? 1000;
  else if (kind === 'hang') rule.hang = true;
  else {
    rule.status = Number(kind);
    const retryAfter = n ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
    if (retryAfter !== undefined) rule.retryAfterSeconds = retryAfter;
  }
  return checkRule(rule);
}

function checkRule(rule: FaultRule): FaultRule {
  if (typeof rule !== 'object' || rule === null) throw new Error('A fault rule must be an object');
  const { probability, status, path } = rule;
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw new Error(`Fault probability must be from 0 to 1, got ${probability}`);
  }
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new Error(`Fault status must be an HTTP status, got ${status}`);
  }
  if (path !== undefined && !path.startsWith('/')) throw new Error(`Fault path must start with "/", got "${path}"`);
  const effects = [status !== undefined, Boolean(rule.malformedItems), Boolean(rule.expireTokens), Boolean(rule.delayMs), Boolean(rule.hang)];
  if (!effects.some(Boolean)) throw new Error(`Fault rule ${JSON.stringify(rule)} does nothing`);
  return { ...rule };
}

/** What the matching rules decided for one request. */
export interface FaultDecision {
  delayMs: number;
  malformedItems: number;
  /** The first rule that replaces the answer (status, expired token, hang); later rules are not consulted. */
  answer: FaultRule | null;
}

/** The live rule list: counts down `times` and draws probabilities from the simulator's seeded generator. */
export class FaultPlan {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  constructor(
    rules: FaultRule[],
    private readonly random: () => number,
  ) {
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule,
      remaining: rule.times ?? (rule.expireTokens ? 1 : Number.POSITIVE_INFINITY),
    }));
  }

  list(): FaultRule[] {
    return this.rules.filter((entry) => entry.remaining > 0).map((entry) => entry.rule);
  }

  decide(method: string, pathname: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, malformedItems: 0, answer: null };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.remaining <= 0 || !matches(rule, method, pathname)) continue;
      if (rule.probability !== undefined && !(this.random() < rule.probability)) continue;
      entry.remaining -= 1;
      decision.delayMs += rule.delayMs ?? 0;
      decision.malformedItems += rule.malformedItems ?? 0;
      if (rule.status !== undefined || rule.expireTokens || rule.hang) {
        decision.answer = rule;
        break;
      }
    }
    return decision;
  }
}

function matches(rule: FaultRule, method: string, pathname: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!rule.path) return true;
  const prefix = rule.path.replace(/\/+$/, '');
  return pathname === prefix || pathname.startsWith(`${prefix}/`) || prefix === '';
}
