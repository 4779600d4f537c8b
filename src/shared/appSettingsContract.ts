/**
 * What the settings page (confluence:globalSettings `app-settings`) and its resolvers exchange. Shared by
 * src/resolvers and static/src/app-settings: constants and types only, nothing that imports Forge or Node.
 *
 * No answer type has room for a secret value: secrets are reported as set / not set, never sent back.
 */
import { SOD_RULES, type SodRule } from './credentialOwnershipContract';
import type { ResolverError } from './resolverError';

export const CONNECTION_SOURCES = ['governance', 'canto', 'iconik'] as const;
export type ConnectionSource = (typeof CONNECTION_SOURCES)[number];

export const SOURCE_NAMES: Record<ConnectionSource, string> = { governance: 'Governance backend', canto: 'Canto', iconik: 'iconik' };

/** Every secret the app keeps in Forge secret storage (src/config/connections.ts SECRET_KEYS has the storage keys). */
export const SECRET_NAMES = [
  'governanceClientSecret',
  'governanceWebhookSecret',
  'cantoAppSecret',
  'cantoWebhookToken',
  'iconikAuthToken',
  'iconikWebhookSecret',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretDescription {
  name: SecretName;
  source: ConnectionSource;
  label: string;
  /** The Forge environment variable used when nothing is stored. */
  envVar: string;
  /** Needed to call the upstream (Test connection uses it); the others authenticate what the upstream sends us. */
  usedToConnect: boolean;
  help: string;
}

export const SECRETS: Record<SecretName, SecretDescription> = {
  governanceClientSecret: {
    name: 'governanceClientSecret',
    source: 'governance',
    label: 'Client secret',
    envVar: 'GOVERNANCE_CLIENT_SECRET',
    usedToConnect: true,
    help: 'The OAuth2 client secret of the client ID above.',
  },
  governanceWebhookSecret: {
    name: 'governanceWebhookSecret',
    source: 'governance',
    label: 'Event signing secret',
    envVar: 'GOVERNANCE_WEBHOOK_SECRET',
    usedToConnect: false,
    help: 'The HMAC secret the backend signs its change events with (Governance-Signature header).',
  },
  cantoAppSecret: {
    name: 'cantoAppSecret',
    source: 'canto',
    label: 'App secret',
    envVar: 'CANTO_APP_SECRET',
    usedToConnect: true,
    help: 'The secret of the Canto API app (Settings > Configuration options > API).',
  },
  cantoWebhookToken: {
    name: 'cantoWebhookToken',
    source: 'canto',
    label: 'Webhook token',
    envVar: 'CANTO_WEBHOOK_TOKEN',
    usedToConnect: false,
    help: 'The secure token Canto sends in every webhook body.',
  },
  iconikAuthToken: {
    name: 'iconikAuthToken',
    source: 'iconik',
    label: 'Auth token',
    envVar: 'ICONIK_AUTH_TOKEN',
    usedToConnect: true,
    help: 'The application token of the app ID above.',
  },
  iconikWebhookSecret: {
    name: 'iconikWebhookSecret',
    source: 'iconik',
    label: 'Webhook secret',
    envVar: 'ICONIK_WEBHOOK_SECRET',
    usedToConnect: false,
    help: 'The value of the custom header iconik sends with every webhook.',
  },
};

export const secretsOf = (source: ConnectionSource): SecretDescription[] => SECRET_NAMES.map((name) => SECRETS[name]).filter((secret) => secret.source === source);

/** The non-secret fields of each connection, as stored in settings:app `connections.<source>`. */
export const CONNECTION_FIELDS = {
  governance: ['baseUrl', 'clientId'],
  canto: ['baseUrl', 'oauthUrl', 'appId'],
  iconik: ['baseUrl', 'appId'],
} as const satisfies Record<ConnectionSource, readonly string[]>;
export type ConnectionField<S extends ConnectionSource> = (typeof CONNECTION_FIELDS)[S][number];

export interface ConnectionFieldDescription {
  label: string;
  envVar: string;
  isUrl: boolean;
  placeholder: string;
  help: string;
}

export const CONNECTION_FIELD_DESCRIPTIONS: { [S in ConnectionSource]: Record<ConnectionField<S>, ConnectionFieldDescription> } = {
  governance: {
    baseUrl: { label: 'Base URL', envVar: 'GOVERNANCE_BASE_URL', isUrl: true, placeholder: 'https://governance.example.com', help: 'The backend’s origin; the API is under /v1.' },
    clientId: { label: 'Client ID', envVar: 'GOVERNANCE_CLIENT_ID', isUrl: false, placeholder: 'confluence-hub', help: 'The OAuth2 client the app signs in with (client credentials).' },
  },
  canto: {
    baseUrl: { label: 'Base URL', envVar: 'CANTO_BASE_URL', isUrl: true, placeholder: 'https://acme.canto.com', help: 'Your Canto site: tenant and regional domain (canto.com, canto.global, canto.de, au.canto.com, ca.canto.com).' },
    oauthUrl: { label: 'OAuth URL', envVar: 'CANTO_OAUTH_URL', isUrl: true, placeholder: 'https://oauth.canto.com', help: 'Leave blank to use the OAuth host of the base URL’s region.' },
    appId: { label: 'App ID', envVar: 'CANTO_APP_ID', isUrl: false, placeholder: 'App ID of the Canto API app', help: 'From Canto’s API settings.' },
  },
  iconik: {
    baseUrl: { label: 'Base URL', envVar: 'ICONIK_BASE_URL', isUrl: true, placeholder: 'https://app.iconik.io', help: 'Leave blank for https://app.iconik.io.' },
    appId: { label: 'App ID', envVar: 'ICONIK_APP_ID', isUrl: false, placeholder: 'iconik application ID (a UUID)', help: 'From iconik’s Settings > Application tokens.' },
  },
};

/** A non-secret field: what the admin saved (null: nothing) and the Forge variable it falls back to (null: unset). */
export interface ConnectionFieldView {
  saved: string | null;
  fromEnv: string | null;
}

/** A secret: whether one is stored, and whether its Forge variable is set (used when nothing is stored). */
export interface SecretStatus {
  stored: boolean;
  fromEnv: boolean;
}

export const SOD_RULE_SWITCH_KEYS = {
  'production-owner-missing': 'productionOwnerMissing',
  'owner-only-approver': 'ownerOnlyApprover',
  'rotator-only-approver': 'rotatorOnlyApprover',
  'owner-approved-promotion': 'ownerApprovedPromotion',
  'owner-across-stages': 'ownerAcrossStages',
} as const satisfies Record<SodRule, string>;
export type SodRuleSwitchKey = (typeof SOD_RULE_SWITCH_KEYS)[SodRule];
export type SodRuleSwitchSettings = Record<SodRuleSwitchKey, boolean>;

/** Rules 1-4 run unless the admin switches them off; rule 5 (same owner across stages) only when switched on. */
export const DEFAULT_SOD_RULE_SWITCHES: SodRuleSwitchSettings = {
  productionOwnerMissing: true,
  ownerOnlyApprover: true,
  rotatorOnlyApprover: true,
  ownerApprovedPromotion: true,
  ownerAcrossStages: false,
};

export const SOD_RULE_SWITCH_ORDER: readonly SodRuleSwitchKey[] = SOD_RULES.map((rule) => SOD_RULE_SWITCH_KEYS[rule]);

export const SUMMARY_CADENCES = ['off', 'daily', 'weekly'] as const;
export type SummaryCadence = (typeof SUMMARY_CADENCES)[number];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ASSET_FIELDS = ['campaign', 'productLine', 'region', 'usageRights', 'expiresAt'] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];
export const ASSET_FIELD_LABELS: Record<AssetField, string> = {
  campaign: 'Campaign',
  productLine: 'Product line',
  region: 'Region',
  usageRights: 'Usage rights',
  expiresAt: 'Usage rights expire',
};
export type AssetFieldMappingView = Record<AssetField, string>;

/** Everything the settings page shows. */
export interface AppSettingsView {
  connections: {
    governance: Record<ConnectionField<'governance'>, ConnectionFieldView>;
    canto: Record<ConnectionField<'canto'>, ConnectionFieldView>;
    iconik: Record<ConnectionField<'iconik'>, ConnectionFieldView>;
  };
  secrets: Record<SecretName, SecretStatus>;
  spaceMapping: { bySolution: Record<string, string | null> };
  summary: { cadence: SummaryCadence; weekday: Weekday };
  assets: { cantoFieldMapping: AssetFieldMappingView; iconikFieldMapping: AssetFieldMappingView; iconikMetadataViewId: string | null };
  credentials: { rules: SodRuleSwitchSettings };
}

/** A signed-in reader who is not a Confluence administrator (or an anonymous one). */
export interface SettingsForbidden {
  state: 'forbidden';
  message: string;
}

export interface SettingsOk {
  state: 'ok';
  settings: AppSettingsView;
  /** manifest.yml's permissions.external.fetch.backend: the only hosts the app can reach. */
  egress: string[];
  /** Problems found in the stored record (defaults applied instead). */
  issues: string[];
}
export type SettingsAnswer = SettingsOk | SettingsForbidden | ResolverError;

/** What a save, setSecret or clearSecret answers: the settings as stored now. */
export type SettingsSaveAnswer = (SettingsOk & { saved: string[] }) | SettingsForbidden | ResolverError;

export type ConnectionFailureKind = 'not-configured' | 'egress' | 'dns' | 'refused' | 'timeout' | 'tls' | 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'server-error' | 'bad-answer' | 'other';

export type ConnectionTestResult =
  | { ok: true; source: ConnectionSource; detail: string; durationMs: number; target: string }
  | { ok: false; source: ConnectionSource; kind: ConnectionFailureKind; message: string; durationMs: number; target: string | null };

export type TestConnectionAnswer = { state: 'ok'; result: ConnectionTestResult } | SettingsForbidden | ResolverError;

export interface SpaceChoice {
  key: string;
  name: string;
}

export interface SolutionMappingRow {
  id: string;
  name: string;
  /** The space the governance backend names for it. */
  backendSpaceKey: string | null;
}

export type SolutionsAnswer =
  | {
      state: 'ok';
      solutions: SolutionMappingRow[];
      /** Null when no governance sync has finished yet. */
      solutionsMessage: string | null;
      spaces: SpaceChoice[];
      /** Why the list of spaces is missing or incomplete, if it is. */
      spacesMessage: string | null;
    }
  | SettingsForbidden
  | ResolverError;
