/**
 * Where Canto and iconik are and how to authenticate, for the sync, the webhooks and "test connection".
 *
 * Order of precedence per field: what a Confluence admin saved on the settings page (non-secret fields in the
 * `settings:app` record, secrets in Forge secret storage under the keys below), else the Forge environment variable
 * (`forge variables set [--encrypt] CANTO_APP_SECRET ...`; the workbench sets them from its own environment or points
 * them at its simulators). Secrets never leave the backend: resolvers that report on connections say "set"/"not set".
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readAppSettings, type AppSettings } from '../store/settings';

/** Forge secret-storage keys of every secret the app holds (tokens it fetches are cached under other keys). */
export const SECRET_KEYS = {
  governanceClientSecret: 'secret:governance:clientSecret',
  governanceWebhookSecret: 'secret:governance:webhookSecret',
  cantoAppSecret: 'secret:canto:appSecret',
  cantoWebhookToken: 'secret:canto:webhookToken',
  iconikAuthToken: 'secret:iconik:authToken',
  iconikWebhookSecret: 'secret:iconik:webhookSecret',
} as const;
export type SecretName = keyof typeof SECRET_KEYS;

/** The environment variable each secret falls back to. */
export const SECRET_ENV: Record<SecretName, string> = {
  governanceClientSecret: 'GOVERNANCE_CLIENT_SECRET',
  governanceWebhookSecret: 'GOVERNANCE_WEBHOOK_SECRET',
  cantoAppSecret: 'CANTO_APP_SECRET',
  cantoWebhookToken: 'CANTO_WEBHOOK_TOKEN',
  iconikAuthToken: 'ICONIK_AUTH_TOKEN',
  iconikWebhookSecret: 'ICONIK_WEBHOOK_SECRET',
};

export interface CantoConnection {
  /** The tenant's API host, e.g. https://acme.canto.com (regional domains: canto.global, canto.de, au.canto.com, ca.canto.com). */
  baseUrl: string;
  /** The OAuth host of the same region, e.g. https://oauth.canto.com. */
  oauthUrl: string;
  appId: string;
  appSecret: string;
}

export interface IconikConnection {
  /** e.g. https://app.iconik.io */
  baseUrl: string;
  appId: string;
  authToken: string;
}

export type Resolved<T> = { ok: true; connection: T } | { ok: false; configured: boolean; message: string };

type Env = Record<string, string | undefined>;

/** A secret from Forge secret storage, else its environment variable; undefined when neither is set. */
export async function readSecret(name: SecretName, env: Env = process.env): Promise<string | undefined> {
  const stored = await kvs.getSecret<unknown>(SECRET_KEYS[name]);
  if (typeof stored === 'string' && stored.length > 0) return stored;
  const fromEnv = env[SECRET_ENV[name]];
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}

/** Whether a secret is set (for the settings page), without returning it. */
export async function isSecretSet(name: SecretName, env: Env = process.env): Promise<boolean> {
  return (await readSecret(name, env)) !== undefined;
}

const httpsOrLoopback = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'must be an https URL');

function pick(saved: string | undefined, env: Env, name: string): string | undefined {
  const value = saved?.trim() || env[name]?.trim();
  return value ? value : undefined;
}

/** Canto's OAuth host for an API host: https://acme.canto.de -> https://oauth.canto.de. */
export function cantoOAuthUrlFor(baseUrl: string): string | undefined {
  try {
    const host = new URL(baseUrl).hostname;
    const domain = host.split('.').slice(1).join('.');
    return domain ? `https://oauth.${domain}` : undefined;
  } catch {
    return undefined;
  }
}

function describe(source: string, missing: string[], invalid: string[]): string {
  const parts = [
    ...(missing.length > 0 ? [`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`] : []),
    ...invalid,
  ];
  return `${source} is not connected: ${parts.join('; ')}.`;
}

export async function resolveCantoConnection(options: { env?: Env; settings?: AppSettings } = {}): Promise<Resolved<CantoConnection>> {
  const env = options.env ?? process.env;
  const saved = (options.settings ?? (await readAppSettings()).settings).connections.canto;
  const baseUrl = pick(saved.baseUrl, env, 'CANTO_BASE_URL');
  const oauthUrl = pick(saved.oauthUrl, env, 'CANTO_OAUTH_URL') ?? (baseUrl ? cantoOAuthUrlFor(baseUrl) : undefined);
  const appId = pick(saved.appId, env, 'CANTO_APP_ID');
  const appSecret = await readSecret('cantoAppSecret', env);
  const fields = { 'base URL': baseUrl, 'app ID': appId, 'app secret': appSecret };
  if (Object.values(fields).every((value) => value === undefined)) {
    return { ok: false, configured: false, message: 'Canto is not connected. A Confluence admin connects it on the app settings page.' };
  }
  const missing = Object.entries(fields).filter(([, value]) => value === undefined).map(([label]) => label);
  const invalid = [
    ...(baseUrl && !httpsOrLoopback.safeParse(baseUrl).success ? ['base URL must be an https URL'] : []),
    ...(oauthUrl && !httpsOrLoopback.safeParse(oauthUrl).success ? ['OAuth URL must be an https URL'] : []),
  ];
  if (missing.length > 0 || invalid.length > 0 || !oauthUrl) {
    return { ok: false, configured: true, message: describe('Canto', oauthUrl ? missing : [...missing, 'OAuth URL'], invalid) };
  }
  return { ok: true, connection: { baseUrl: baseUrl as string, oauthUrl, appId: appId as string, appSecret: appSecret as string } };
}

export async function resolveIconikConnection(options: { env?: Env; settings?: AppSettings } = {}): Promise<Resolved<IconikConnection>> {
  const env = options.env ?? process.env;
  const saved = (options.settings ?? (await readAppSettings()).settings).connections.iconik;
  const baseUrl = pick(saved.baseUrl, env, 'ICONIK_BASE_URL');
  const appId = pick(saved.appId, env, 'ICONIK_APP_ID');
  const authToken = await readSecret('iconikAuthToken', env);
  const fields = { 'app ID': appId, 'auth token': authToken };
  if (Object.values(fields).every((value) => value === undefined)) {
    return { ok: false, configured: false, message: 'iconik is not connected. A Confluence admin connects it on the app settings page.' };
  }
  const resolvedBase = baseUrl ?? 'https://app.iconik.io';
  const missing = Object.entries(fields).filter(([, value]) => value === undefined).map(([label]) => label);
  const invalid = httpsOrLoopback.safeParse(resolvedBase).success ? [] : ['base URL must be an https URL'];
  if (missing.length > 0 || invalid.length > 0) return { ok: false, configured: true, message: describe('iconik', missing, invalid) };
  return { ok: true, connection: { baseUrl: resolvedBase, appId: appId as string, authToken: authToken as string } };
}
