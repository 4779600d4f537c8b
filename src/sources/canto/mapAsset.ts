/**
 * A Canto asset as the app's DamAsset, and its audit trail as far as Canto's JSON tells it.
 *
 * Custom fields come from `additional` under the labels a Confluence admin chose (settings: assets.cantoFieldMapping),
 * matched exactly first, then ignoring case and surrounding spaces. Where Canto exposes the expiration date is
 * UNCONFIRMED: the mapped label is looked up in `additional`, then in `default`, then any expiration-like key
 * ("Expiration Date", "expiryDate", "expires", ...) in `additional`, `default` or the asset itself.
 * Values are kept as plain text (never interpreted as markup): escaping is the renderer's job.
 */
import type { DamActivity, DamAsset } from '../dam/asset';
import type { AssetFieldMapping } from '../../store/settings';
import { parseFieldDate } from './dates';
import { isCantoHost, readCantoHost, type CantoHost } from './hosts';
import type { CantoAsset } from './schemas';

export interface CantoMappingOptions {
  fieldMapping: AssetFieldMapping;
  /** The tenant's base URL (the connection's), for the deep link when Canto sends no usable one. */
  baseUrl: string;
}

/** Normalised keys that hold an expiration date when the mapped label finds none. */
const EXPIRY_KEYS = new Set(['expirationdate', 'expirydate', 'expiration', 'expiry', 'expires', 'expiresat', 'expirationtime', 'expirytime']);
const MAX_TRAIL = 50;

export function mapCantoAsset(asset: CantoAsset, options: CantoMappingOptions): DamAsset {
  const { fieldMapping } = options;
  const custom = (label: string, max: number) => bounded(fieldText(asset.additional, label), max);
  const trail = cantoAuditTrail(asset);
  return {
    source: 'canto',
    id: asset.id,
    kind: bounded(asset.scheme, 60),
    name: bounded(asset.name ?? fieldText(asset.default, 'Name') ?? asset.id, 500) ?? asset.id,
    approval: bounded(asset.approvalStatus, 60),
    campaign: custom(fieldMapping.campaign, 200),
    productLine: custom(fieldMapping.productLine, 200),
    region: custom(fieldMapping.region, 200),
    usageRights: custom(fieldMapping.usageRights, 500),
    expiresAt: expirationOf(asset, fieldMapping.expiresAt),
    createdAt: asset.created ?? asset.lastUploaded ?? null,
    modifiedAt: asset.time,
    owner: bounded(asset.ownerName ?? asset.owner ?? fieldText(asset.default, 'Uploaded by'), 200),
    link: cantoAssetLink(asset, options.baseUrl),
    failedJobs: [],
    lastActivity: trail[0] ?? null,
    enrichedAt: null,
  };
}

/**
 * What Canto's JSON says happened to the asset, newest first: each version in `versionHistory` (who, comment),
 * the last upload and the creation when no version entry covers them, and the last modification with the approval
 * status as it stands (Canto does not say when or by whom the status changed).
 */
export function cantoAuditTrail(asset: CantoAsset): DamActivity[] {
  const entries: DamActivity[] = [];
  const at = new Set<string>();
  const add = (entry: DamActivity) => {
    entries.push({
      who: bounded(entry.who, 200),
      what: bounded(entry.what, 200) ?? '',
      detail: bounded(entry.detail, 1000),
      when: entry.when,
    });
    at.add(entry.when);
  };
  for (const version of asset.versionHistory) {
    if (!version.created) continue;
    const label = version.version?.trim();
    add({
      who: version.ownerName,
      what: label === '1' ? 'Uploaded' : label ? `New version ${label}` : 'New version',
      detail: version.comment?.trim() || null,
      when: version.created,
    });
  }
  const owner = asset.ownerName ?? asset.owner;
  if (asset.lastUploaded && !at.has(asset.lastUploaded)) add({ who: owner, what: 'Uploaded', detail: null, when: asset.lastUploaded });
  if (asset.created && !at.has(asset.created)) add({ who: owner, what: 'Created', detail: null, when: asset.created });
  const newest = entries.reduce<string | null>((latest, entry) => (latest === null || entry.when > latest ? entry.when : latest), null);
  if (newest === null || asset.time > newest) {
    add({
      who: null,
      what: 'Modified',
      detail: asset.approvalStatus ? `Approval status: ${asset.approvalStatus}` : null,
      when: asset.time,
    });
  }
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => (a.entry.when === b.entry.when ? a.order - b.order : a.entry.when < b.entry.when ? 1 : -1))
    .slice(0, MAX_TRAIL)
    .map(({ entry }) => entry);
}

/**
 * Where a user opens the asset: Canto's own `url.detail` when it is an https page on a Canto host (not an API
 * address, which a browser cannot open without a token), else a deep link into the tenant's web app,
 * `<base>/allfiles?column=<scheme>&id=<id>` (the web app's route is UNCONFIRMED; see docs/sources/canto.md).
 * Null when neither is a safe link (a base URL that is not https, other than the loopback simulator).
 */
export function cantoAssetLink(asset: CantoAsset, baseUrl: string): string | null {
  const detail = asset.url?.detail?.trim();
  // Cheap test first: at 100,000 assets, most detail links are API addresses and need no URL parsing.
  if (detail && detail.startsWith('https://') && !/\/api(_binary)?\//.test(detail)) {
    try {
      const url = new URL(detail);
      if (url.protocol === 'https:' && isCantoHost(url.hostname) && !/^\/api(_binary)?\//.test(url.pathname) && detail.length <= 2000) return url.href;
    } catch {
      // not a URL: fall through to the deep link
    }
  }
  const base = tenantHost(baseUrl);
  if (!base.ok) return null;
  const query = new URLSearchParams({ column: asset.scheme, id: asset.id });
  const link = `${base.url}/allfiles?${query}`;
  return link.length <= 2000 ? link : null;
}

let lastTenant: { baseUrl: string; host: CantoHost } | null = null;

/** The tenant host, read once per base URL rather than once per asset. */
function tenantHost(baseUrl: string): CantoHost {
  if (lastTenant?.baseUrl !== baseUrl) lastTenant = { baseUrl, host: readCantoHost(baseUrl, 'base URL') };
  return lastTenant.host;
}

function expirationOf(asset: CantoAsset, label: string): string | null {
  const candidates = [lookup(asset.additional, label), lookup(asset.default, label)];
  for (const fields of [asset.additional, asset.default, asset as Record<string, unknown>]) {
    for (const [key, value] of Object.entries(fields)) {
      if (EXPIRY_KEYS.has(normalise(key))) candidates.push(value);
    }
  }
  for (const candidate of candidates) {
    const text = textOf(candidate);
    if (text === null) continue;
    const date = parseFieldDate(text.split(',')[0] ?? text);
    if (date) return date.toISOString();
  }
  return null;
}

/** A custom field's value as one line: a list becomes "a, b"; blank or absent is null. */
export function fieldText(fields: Record<string, unknown>, label: string): string | null {
  return textOf(lookup(fields, label));
}

function lookup(fields: Record<string, unknown>, label: string): unknown {
  if (Object.prototype.hasOwnProperty.call(fields, label)) return fields[label];
  const wanted = label.trim().toLowerCase();
  const key = Object.keys(fields).find((candidate) => candidate.trim().toLowerCase() === wanted);
  return key === undefined ? undefined : fields[key];
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Fits the DamAsset field's bound; a cut value ends with "…" so a reader sees it was cut. */
function bounded(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
