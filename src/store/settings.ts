import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { key } from './keys';
import { describeIssues, writeJson } from './kvsJson';
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../shared/credentialOwnershipContract';

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
        /** Rule 5: one person owns the same system's credentials in production and non-production. */
        ownerAcrossStages: z.boolean().default(false),
      })
      .passthrough()
      .default({}),
    /** The due-soon window a credential-ownership macro uses unless it sets its own. */
    dueSoonDays: z.number().int().min(1).max(MAX_DUE_SOON_DAYS).default(DEFAULT_DUE_SOON_DAYS),
  })
  .passthrough();
export type CredentialSettings = z.infer<typeof credentialSettingsSchema>;

export const appSettingsSchema = z
  .object({
    credentials: credentialSettingsSchema.default({}),
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
