/**
 * The settings page's reads and writes: the settings:app record for everything non-secret, Forge secret storage
 * for secrets. What goes back to the browser is built here and nowhere else, so it is the one place that decides
 * a secret is reported as stored / not stored and never as a value.
 */
import { kvs } from '@forge/kvs';
import { DECLARED_EGRESS_ADDRESSES } from '../config/declaredEgress';
import { SECRET_KEYS } from '../config/connections';
import {
  CONNECTION_FIELD_DESCRIPTIONS,
  CONNECTION_FIELDS,
  CONNECTION_SOURCES,
  SECRET_NAMES,
  SECRETS,
  type AppSettingsView,
  type ConnectionFieldView,
  type ConnectionSource,
  type SecretName,
  type SecretStatus,
  type SettingsOk,
} from '../shared/appSettingsContract';
import { readAppSettings, writeAppSettings, type AppSettings } from '../store/settings';
import { applySettingsUpdate, sectionsTouched, type SettingsUpdate } from './settingsUpdate';

type Env = Record<string, string | undefined>;

/** The governance client's cached OAuth token (src/sync/governance/forgeDeps.ts): stale once its client changes. */
const GOVERNANCE_TOKEN_SECRET = 'governance:oauth-token';
/**
 * The Canto client's cached access and refresh token (CANTO_TOKEN_SECRET_KEY in src/sync/assets/forgeDeps.ts). It
 * was issued for the old host, app and secret: kept, it would be sent as a Bearer token to a newly saved base URL and
 * its refresh token to a new OAuth host, and it would outlive a rotated app secret.
 */
const CANTO_TOKEN_SECRET = 'canto:oauth-token';

/** Drops the cached upstream tokens a change of these connections or secrets makes stale. */
async function forgetStaleTokens(changed: { governance: boolean; canto: boolean }): Promise<void> {
  if (changed.governance) await kvs.deleteSecret(GOVERNANCE_TOKEN_SECRET);
  if (changed.canto) await kvs.deleteSecret(CANTO_TOKEN_SECRET);
}

function envValue(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

async function secretStatuses(env: Env): Promise<Record<SecretName, SecretStatus>> {
  const stored = await Promise.all(SECRET_NAMES.map((name) => kvs.getSecret<unknown>(SECRET_KEYS[name])));
  return Object.fromEntries(
    SECRET_NAMES.map((name, index) => {
      const value = stored[index];
      return [name, { stored: typeof value === 'string' && value.length > 0, fromEnv: envValue(env, SECRETS[name].envVar) !== null }];
    }),
  ) as Record<SecretName, SecretStatus>;
}

function connectionView<S extends ConnectionSource>(source: S, settings: AppSettings, env: Env): Record<string, ConnectionFieldView> {
  const saved = settings.connections[source] as Record<string, unknown>;
  const descriptions = CONNECTION_FIELD_DESCRIPTIONS[source] as Record<string, { envVar: string }>;
  return Object.fromEntries(
    (CONNECTION_FIELDS[source] as readonly string[]).map((field) => {
      const value = saved[field];
      return [field, { saved: typeof value === 'string' && value.trim() ? value.trim() : null, fromEnv: envValue(env, descriptions[field]?.envVar ?? '') }];
    }),
  );
}

export function settingsView(settings: AppSettings, secrets: Record<SecretName, SecretStatus>, env: Env): AppSettingsView {
  const connections = Object.fromEntries(CONNECTION_SOURCES.map((source) => [source, connectionView(source, settings, env)])) as AppSettingsView['connections'];
  const { rules } = settings.credentials;
  return {
    connections,
    secrets,
    spaceMapping: { bySolution: { ...settings.spaceMapping.bySolution } },
    summary: { cadence: settings.summary.cadence, weekday: settings.summary.weekday },
    assets: {
      cantoFieldMapping: { ...settings.assets.cantoFieldMapping },
      iconikFieldMapping: { ...settings.assets.iconikFieldMapping },
      iconikMetadataViewId: settings.assets.iconikMetadataViewId,
    },
    credentials: {
      rules: {
        productionOwnerMissing: rules.productionOwnerMissing,
        ownerOnlyApprover: rules.ownerOnlyApprover,
        rotatorOnlyApprover: rules.rotatorOnlyApprover,
        ownerApprovedPromotion: rules.ownerApprovedPromotion,
        ownerAcrossStages: rules.ownerAcrossStages,
      },
    },
  };
}

export async function readSettingsAnswer(env: Env = process.env): Promise<SettingsOk> {
  const [{ settings, issues }, secrets] = await Promise.all([readAppSettings(), secretStatuses(env)]);
  return { state: 'ok', settings: settingsView(settings, secrets, env), egress: [...DECLARED_EGRESS_ADDRESSES], issues };
}

/**
 * Applies a validated update: the record first (validated again before the write, so a bad value cannot reach
 * storage), then each non-blank secret. A damaged stored record is replaced by defaults plus the update.
 */
export async function saveSettings(update: SettingsUpdate, env: Env = process.env): Promise<SettingsOk & { saved: string[] }> {
  const { settings } = await readAppSettings();
  const touched = sectionsTouched(update);
  if (touched.some((section) => !section.startsWith('secrets.'))) await writeAppSettings(applySettingsUpdate(settings, update));
  for (const name of SECRET_NAMES) {
    const value = update.secrets?.[name];
    if (value) await kvs.setSecret(SECRET_KEYS[name], value);
  }
  await forgetStaleTokens({
    governance: Boolean(update.connections?.governance || update.secrets?.governanceClientSecret),
    canto: Boolean(update.connections?.canto || update.secrets?.cantoAppSecret),
  });
  return { ...(await readSettingsAnswer(env)), saved: touched };
}

export async function storeSecret(name: SecretName, value: string, env: Env = process.env): Promise<SettingsOk & { saved: string[] }> {
  await kvs.setSecret(SECRET_KEYS[name], value);
  await forgetStaleTokens({ governance: name === 'governanceClientSecret', canto: name === 'cantoAppSecret' });
  return { ...(await readSettingsAnswer(env)), saved: [`secrets.${name}`] };
}

/** Removes the stored secret; its Forge variable, if set, applies again. */
export async function clearStoredSecret(name: SecretName, env: Env = process.env): Promise<SettingsOk & { saved: string[] }> {
  await kvs.deleteSecret(SECRET_KEYS[name]);
  await forgetStaleTokens({ governance: name === 'governanceClientSecret', canto: name === 'cantoAppSecret' });
  return { ...(await readSettingsAnswer(env)), saved: [`secrets.${name}`] };
}
