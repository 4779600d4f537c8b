import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { key } from './keys';
import { describeIssues, writeJson } from './kvsJson';
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../shared/credentialOwnershipContract';
import { DEFAULT_SOD_RULE_SWITCHES, SUMMARY_CADENCES, WEEKDAYS } from '../shared/appSettingsContract';

/**
 * The app's admin settings: one small KVS record, read by the sync (rule switches apply when findings are
 * computed) and written by the settings page. Each section has defaults, so a missing record, a missing section
 * or a field an older version never wrote reads as the default. Sections this version does not know are kept.
 */
const SETTINGS_KEY = key('settings', 'app');

export const credentialSettingsSchema = z
  .object({
    rules: z
      .object({
        /** Rules 1-4 (docs/macros/credential-ownership.md) run unless the admin switches them off. */
        productionOwnerMissing: z.boolean().default(DEFAULT_SOD_RULE_SWITCHES.productionOwnerMissing),
        ownerOnlyApprover: z.boolean().default(DEFAULT_SOD_RULE_SWITCHES.ownerOnlyApprover),
        rotatorOnlyApprover: z.boolean().default(DEFAULT_SOD_RULE_SWITCHES.rotatorOnlyApprover),
        ownerApprovedPromotion: z.boolean().default(DEFAULT_SOD_RULE_SWITCHES.ownerApprovedPromotion),
        /** Rule 5: one person owns the same system's credentials in production and non-production. */
        ownerAcrossStages: z.boolean().default(DEFAULT_SOD_RULE_SWITCHES.ownerAcrossStages),
      })
      .passthrough()
      .default({}),
    /** The due-soon window a credential-ownership macro uses unless it sets its own. */
    dueSoonDays: z.number().int().min(1).max(MAX_DUE_SOON_DAYS).default(DEFAULT_DUE_SOON_DAYS),
  })
  .passthrough();
export type CredentialSettings = z.infer<typeof credentialSettingsSchema>;

/** Where each normalised asset field comes from on a platform: a Canto `additional` label or an iconik metadata field. */
export const assetFieldMappingSchema = z
  .object({
    campaign: z.string().trim().min(1).max(200),
    productLine: z.string().trim().min(1).max(200),
    region: z.string().trim().min(1).max(200),
    usageRights: z.string().trim().min(1).max(200),
    expiresAt: z.string().trim().min(1).max(200),
  })
  .strict();
export type AssetFieldMapping = z.infer<typeof assetFieldMappingSchema>;

export const DEFAULT_CANTO_FIELD_MAPPING: AssetFieldMapping = {
  campaign: 'Campaign',
  productLine: 'Product Line',
  region: 'Region',
  usageRights: 'Usage Rights',
  expiresAt: 'Expiration Date',
};

export const DEFAULT_ICONIK_FIELD_MAPPING: AssetFieldMapping = {
  campaign: 'campaign',
  productLine: 'product_line',
  region: 'region',
  usageRights: 'usage_rights',
  expiresAt: 'usage_rights_expiration',
};

export const assetSettingsSchema = z
  .object({
    cantoFieldMapping: assetFieldMappingSchema.default(DEFAULT_CANTO_FIELD_MAPPING),
    iconikFieldMapping: assetFieldMappingSchema.default(DEFAULT_ICONIK_FIELD_MAPPING),
    /** The iconik metadata view whose values hold the mapped fields; null = read them from search documents. */
    iconikMetadataViewId: z.string().trim().min(1).max(100).nullable().default(null),
    /** Failed jobs older than this leave the asset views. */
    failedJobsWindowDays: z.number().int().min(1).max(365).default(30),
  })
  .passthrough();
export type AssetSettings = z.infer<typeof assetSettingsSchema>;

/**
 * Non-secret connection fields the settings page saves. Secrets (client secret, app secret, auth token, webhook
 * secrets) never live here: they are in Forge secret storage (src/config/connections.ts names the keys).
 * A field left unset falls back to the Forge environment variable of the same meaning.
 */
const optionalUrl = z.string().trim().url().max(500).optional();
const optionalId = z.string().trim().min(1).max(200).optional();
export const connectionSettingsSchema = z
  .object({
    governance: z.object({ baseUrl: optionalUrl, clientId: optionalId }).passthrough().default({}),
    canto: z.object({ baseUrl: optionalUrl, oauthUrl: optionalUrl, appId: optionalId }).passthrough().default({}),
    iconik: z.object({ baseUrl: optionalUrl, appId: optionalId }).passthrough().default({}),
  })
  .passthrough();
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

/** A Confluence space key as the settings page stores it (personal spaces start with ~). */
export const spaceKeySchema = z.string().trim().min(1).max(255).regex(/^~?[A-Za-z0-9][A-Za-z0-9:_-]*$/, 'is not a Confluence space key');

/**
 * Which space shows each solution. The governance backend names one (`spaceKey`); an admin override wins: a space
 * key, or null for "no space". A solution without an entry follows the backend (src/domain/hub/spaceMapping.ts).
 */
export const spaceMappingSettingsSchema = z
  .object({
    bySolution: z
      .record(z.string().min(1).max(200), spaceKeySchema.nullable())
      .refine((map) => Object.keys(map).length <= 1000, 'holds at most 1000 solutions')
      .default({}),
  })
  .passthrough();
export type SpaceMappingSettings = z.infer<typeof spaceMappingSettingsSchema>;

/** How often the status summary page of each mapped space is published. */
export const summarySettingsSchema = z
  .object({
    cadence: z.enum(SUMMARY_CADENCES).default('weekly'),
    /** The day a weekly summary is published. */
    weekday: z.enum(WEEKDAYS).default('monday'),
  })
  .passthrough();
export type SummarySettings = z.infer<typeof summarySettingsSchema>;

export const appSettingsSchema = z
  .object({
    credentials: credentialSettingsSchema.default({}),
    assets: assetSettingsSchema.default({}),
    connections: connectionSettingsSchema.default({}),
    spaceMapping: spaceMappingSettingsSchema.default({}),
    summary: summarySettingsSchema.default({}),
  })
  .passthrough();
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const defaultAppSettings: AppSettings = appSettingsSchema.parse({});

/**
 * The settings, validated. A damaged record does not stop a sync: the defaults apply and `issues` names what was
 * wrong, for the sync status.
 */
export async function readAppSettings(): Promise<{ settings: AppSettings; issues: string[] }> {
  const value = await kvs.get<unknown>(SETTINGS_KEY);
  if (value === undefined) return { settings: defaultAppSettings, issues: [] };
  const parsed = appSettingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, issues: [] };
  return { settings: defaultAppSettings, issues: describeIssues(parsed.error) };
}

/** Validates before writing, so what is stored always reads back. */
export async function writeAppSettings(settings: z.input<typeof appSettingsSchema>): Promise<AppSettings> {
  const parsed = appSettingsSchema.parse(settings);
  await writeJson(SETTINGS_KEY, parsed);
  return parsed;
}

export const appSettingsKey = SETTINGS_KEY;
