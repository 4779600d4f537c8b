/**
 * "Test connection" on the settings page: one real call to the upstream with the values in the form (not yet
 * saved) where the admin typed them, else the saved ones, else the Forge variables; a secret left blank comes from
 * secret storage. The answer says what worked or which kind of failure it was, never a secret.
 */
import { cantoOAuthUrlFor, readSecret } from '../config/connections';
import { describeConnectionFailure, redactSecrets } from '../domain/settings/connectionFailure';
import { CONNECTION_FIELD_DESCRIPTIONS, SOURCE_NAMES, type ConnectionSource, type ConnectionTestResult } from '../shared/appSettingsContract';
import type { FetchLike } from '../sources/http/retry';
import type { AppSettings } from '../store/settings';
import { timeBox, type TimeBox } from './timeBox';
import { UPSTREAM_TESTERS, type UpstreamConnections, type UpstreamTesters } from './upstreamTesters';

type Env = Record<string, string | undefined>;

/** Well inside the 25 s resolver limit, leaving room for the admin check and the answer. */
export const CONNECTION_TEST_BUDGET_MS = 15_000;

export interface ConnectionTestInput {
  source: ConnectionSource;
  /** Non-secret fields from the form; blank or absent = use the saved value. */
  fields: Partial<Record<string, string>>;
  /** The secret the upstream is called with, from the form; blank or absent = the stored one. */
  secret?: string;
}

export interface ConnectionTestDeps {
  fetch: FetchLike;
  settings: AppSettings;
  env?: Env;
  now?: () => number;
  budgetMs?: number;
  testers?: UpstreamTesters;
}

type Resolved<S extends ConnectionSource> =
  | { ok: true; connection: UpstreamConnections[S]; target: string; secrets: string[] }
  | { ok: false; target: string | null; missing: string[]; secrets: string[] };

function chooser(input: ConnectionTestInput, settings: AppSettings, env: Env) {
  const saved = settings.connections[input.source] as Record<string, unknown>;
  const descriptions = CONNECTION_FIELD_DESCRIPTIONS[input.source] as Record<string, { envVar: string }>;
  return (field: string): string | undefined => {
    const fromForm = input.fields[field]?.trim();
    if (fromForm) return fromForm;
    const fromSaved = typeof saved[field] === 'string' ? (saved[field] as string).trim() : '';
    if (fromSaved) return fromSaved;
    const fromEnv = env[descriptions[field]?.envVar ?? '']?.trim();
    return fromEnv || undefined;
  };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function resolve(input: ConnectionTestInput, settings: AppSettings, env: Env): Promise<Resolved<ConnectionSource>> {
  const pick = chooser(input, settings, env);
  const formSecret = input.secret?.trim() || undefined;
  const missing = (named: Record<string, string | undefined>) => Object.entries(named).filter(([, value]) => !value).map(([label]) => label);
  switch (input.source) {
    case 'governance': {
      const baseUrl = pick('baseUrl');
      const clientId = pick('clientId');
      const clientSecret = formSecret ?? (await readSecret('governanceClientSecret', env));
      const secrets = [clientSecret ?? ''];
      const absent = missing({ 'base URL': baseUrl, 'client ID': clientId, 'client secret': clientSecret });
      if (absent.length > 0 || !baseUrl || !clientId || !clientSecret) return { ok: false, target: hostOf(baseUrl), missing: absent, secrets };
      return { ok: true, connection: { baseUrl, clientId, clientSecret }, target: hostOf(baseUrl) ?? baseUrl, secrets };
    }
    case 'canto': {
      const baseUrl = pick('baseUrl');
      const oauthUrl = pick('oauthUrl') ?? (baseUrl ? cantoOAuthUrlFor(baseUrl) : undefined);
      const appId = pick('appId');
      const appSecret = formSecret ?? (await readSecret('cantoAppSecret', env));
      const secrets = [appSecret ?? ''];
      const absent = missing({ 'base URL': baseUrl, 'OAuth URL': oauthUrl, 'app ID': appId, 'app secret': appSecret });
      if (absent.length > 0 || !baseUrl || !oauthUrl || !appId || !appSecret) return { ok: false, target: hostOf(baseUrl), missing: absent, secrets };
      return { ok: true, connection: { baseUrl, oauthUrl, appId, appSecret }, target: hostOf(baseUrl) ?? baseUrl, secrets };
    }
    case 'iconik': {
      const baseUrl = pick('baseUrl') ?? 'https://app.iconik.io';
      const appId = pick('appId');
      const authToken = formSecret ?? (await readSecret('iconikAuthToken', env));
      const secrets = [authToken ?? ''];
      const absent = missing({ 'app ID': appId, 'auth token': authToken });
      if (absent.length > 0 || !appId || !authToken) return { ok: false, target: hostOf(baseUrl), missing: absent, secrets };
      return { ok: true, connection: { baseUrl, appId, authToken }, target: hostOf(baseUrl) ?? baseUrl, secrets };
    }
  }
}

export async function runConnectionTest(input: ConnectionTestInput, deps: ConnectionTestDeps): Promise<ConnectionTestResult> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? Date.now;
  const budgetMs = deps.budgetMs ?? CONNECTION_TEST_BUDGET_MS;
  const started = now();
  const sourceName = SOURCE_NAMES[input.source];
  const resolved = await resolve(input, deps.settings, env);
  const elapsed = () => Math.max(0, now() - started);
  if (!resolved.ok) {
    const list = resolved.missing.join(', ');
    return {
      ok: false,
      source: input.source,
      kind: 'not-configured',
      message: `${sourceName} is not configured: ${list} ${resolved.missing.length === 1 ? 'is' : 'are'} not set. Fill ${resolved.missing.length === 1 ? 'it' : 'them'} in, or save ${resolved.missing.length === 1 ? 'it' : 'them'} first.`,
      durationMs: elapsed(),
      target: resolved.target,
    };
  }
  const secrets = [...resolved.secrets, input.secret];
  const box: TimeBox = timeBox({ fetch: deps.fetch, budgetMs, now });
  const testers = deps.testers ?? UPSTREAM_TESTERS;
  const fail = (detail: string): ConnectionTestResult => ({
    ok: false,
    source: input.source,
    ...describeConnectionFailure({ detail, sourceName, host: resolved.target, timeoutSeconds: Math.round(budgetMs / 1000), secrets }),
    durationMs: elapsed(),
    target: resolved.target,
  });
  try {
    const outcome = await box.run(() => (testers[input.source] as (connection: unknown, box: TimeBox) => ReturnType<UpstreamTesters[ConnectionSource]>)(resolved.connection, box));
    if (!outcome.ok) return fail(outcome.message);
    return {
      ok: true,
      source: input.source,
      detail: redactSecrets(outcome.detail, secrets),
      durationMs: elapsed(),
      target: resolved.target,
    };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
