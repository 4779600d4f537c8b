/**
 * What the settings page may send to `settings.save`, and how it lands on the stored record.
 *
 * A save is partial: every field sent replaces the stored one, every field left out keeps its value (so one
 * section of the page can be saved on its own). A connection field sent as "" or null is cleared and falls back to
 * its Forge variable. Secrets travel in `secrets`: a blank one means "keep"; they go to Forge secret storage and
 * never into the record. Unknown fields are refused by name, so a typo cannot silently do nothing.
 */
import { z } from 'zod';
import { isLoopbackHost, upstreamUrlProblem } from '../domain/settings/upstreamUrl';
import { cantoOAuthUrlFor } from '../config/connections';
import { SECRET_NAMES, SOD_RULE_SWITCH_ORDER, SUMMARY_CADENCES, WEEKDAYS, type SecretName } from '../shared/appSettingsContract';
import { MAX_DUE_SOON_DAYS } from '../shared/credentialOwnershipContract';
import { assetFieldMappingSchema, spaceMappingSettingsSchema, type AppSettings } from '../store/settings';

const MAX_SECRET_LENGTH = 4096;

/** "" and null clear a field (null); anything else is trimmed and must pass `inner`. */
const clearable = <T extends z.ZodTypeAny>(inner: T) =>
  z
    .union([z.string({ invalid_type_error: 'must be text' }), z.null()], { errorMap: () => ({ message: 'must be text or null' }) })
    .transform((value) => (value === null ? null : value.trim() || null))
    .pipe(inner.nullable());

function urlField(addresses: readonly string[]) {
  return clearable(
    z
      .string()
      .max(500, 'must be at most 500 characters')
      .superRefine((value, ctx) => {
        const problem = upstreamUrlProblem(value, addresses);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
  );
}

const idField = clearable(z.string().max(200, 'must be at most 200 characters').regex(/^\S+$/, 'must not contain spaces'));

const secretValue = z
  .string()
  .max(MAX_SECRET_LENGTH, `must be at most ${MAX_SECRET_LENGTH} characters`)
  .transform((value) => value.trim());

export function settingsUpdateSchema(addresses: readonly string[]) {
  const url = urlField(addresses);
  return z
    .object({
      connections: z
        .object({
          governance: z.object({ baseUrl: url.optional(), clientId: idField.optional() }).strict().optional(),
          canto: z
            .object({ baseUrl: url.optional(), oauthUrl: url.optional(), appId: idField.optional() })
            .strict()
            .superRefine((canto, ctx) => {
              // Left blank, the OAuth host follows the base URL's region: that host must be reachable too.
              if (!canto.baseUrl || canto.oauthUrl !== null || isLoopbackHost(new URL(canto.baseUrl).hostname)) return;
              const derived = cantoOAuthUrlFor(canto.baseUrl);
              const problem = derived ? upstreamUrlProblem(derived, addresses) : null;
              if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['oauthUrl'], message: `the OAuth URL derived from the base URL (${derived}): ${problem}` });
            })
            .optional(),
          iconik: z.object({ baseUrl: url.optional(), appId: idField.optional() }).strict().optional(),
        })
        .strict()
        .optional(),
      secrets: z
        .object(Object.fromEntries(SECRET_NAMES.map((name) => [name, secretValue.optional()])) as Record<SecretName, z.ZodOptional<typeof secretValue>>)
        .strict()
        .optional(),
      spaceMapping: spaceMappingSettingsSchema.pick({ bySolution: true }).strict().partial().optional(),
      summary: z.object({ cadence: z.enum(SUMMARY_CADENCES).optional(), weekday: z.enum(WEEKDAYS).optional() }).strict().optional(),
      assets: z
        .object({
          cantoFieldMapping: assetFieldMappingSchema.optional(),
          iconikFieldMapping: assetFieldMappingSchema.optional(),
          iconikMetadataViewId: clearable(z.string().max(100, 'must be at most 100 characters')).optional(),
          failedJobsWindowDays: z.number().int().min(1).max(365).optional(),
        })
        .strict()
        .optional(),
      credentials: z
        .object({
          rules: z.object(Object.fromEntries(SOD_RULE_SWITCH_ORDER.map((key) => [key, z.boolean().optional()]))).strict().optional(),
          dueSoonDays: z.number().int().min(1).max(MAX_DUE_SOON_DAYS).optional(),
        })
        .strict()
        .optional(),
    })
    .strict();
}
export type SettingsUpdate = z.output<ReturnType<typeof settingsUpdateSchema>>;

/** Only the fields that were sent: `undefined` means "not sent". */
function sent<T extends Record<string, unknown>>(fields: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Connection fields: null clears (the key is dropped, so the Forge variable applies again). */
function mergeConnection<T extends Record<string, unknown>>(stored: T, update: Record<string, string | null | undefined> | undefined): T {
  const next: Record<string, unknown> = { ...stored };
  for (const [field, value] of Object.entries(sent(update))) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as T;
}

/** The stored record with the update applied (secrets excluded: they never enter the record). */
export function applySettingsUpdate(stored: AppSettings, update: SettingsUpdate): AppSettings {
  const connections = update.connections;
  return {
    ...stored,
    connections: {
      ...stored.connections,
      governance: mergeConnection(stored.connections.governance, connections?.governance),
      canto: mergeConnection(stored.connections.canto, connections?.canto),
      iconik: mergeConnection(stored.connections.iconik, connections?.iconik),
    },
    spaceMapping: { ...stored.spaceMapping, ...sent(update.spaceMapping) },
    summary: { ...stored.summary, ...sent(update.summary) },
    assets: { ...stored.assets, ...sent(update.assets) },
    credentials: {
      ...stored.credentials,
      ...sent({ dueSoonDays: update.credentials?.dueSoonDays }),
      rules: { ...stored.credentials.rules, ...sent(update.credentials?.rules) },
    },
  };
}

/** The sections a save touched, in words for the answer ("connections.canto", "summary"...). */
export function sectionsTouched(update: SettingsUpdate): string[] {
  const touched: string[] = [];
  for (const source of ['governance', 'canto', 'iconik'] as const) if (update.connections?.[source]) touched.push(`connections.${source}`);
  for (const name of SECRET_NAMES) if (update.secrets?.[name]) touched.push(`secrets.${name}`);
  if (update.spaceMapping) touched.push('spaceMapping');
  if (update.summary) touched.push('summary');
  if (update.assets) touched.push('assets');
  if (update.credentials) touched.push('credentials');
  return touched;
}
