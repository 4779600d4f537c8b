/**
 * iconik JSON => the app's DamAsset (src/sources/dam/asset.ts) and audit trail.
 *
 * The mapped fields (campaign, product line, region, usage rights, expiration) are metadata fields whose names an admin
 * chooses (settings `assets.iconikFieldMapping`). They come from the search document's `metadata`, or from a metadata
 * view's values when the sync read one (`metadataValues`, which wins). Values arrive as plain values, arrays of them,
 * arrays of `{value}` or `{field_values: [...]}`: all read the same way, several values joined with ", ".
 */
import { damAssetSchema, type DamActivity, type DamAsset, type DamFailedJob } from '../dam/asset';
import type { AssetFieldMapping } from '../../store/settings';
import type { IconikApproval, IconikAsset, IconikHistoryEntry, IconikJob } from './schemas';
import { iconikTimeToIso, parseIconikTime } from './time';
import { iconikAssetLink } from './urls';

export interface IconikMappingOptions {
  fieldMapping: AssetFieldMapping;
  /** The iconik base URL the link to the asset starts with (https://app.iconik.io). */
  baseUrl: string;
  /** The approval request: null = none was requested ("N/A"); undefined = not fetched yet (approval stays null). */
  approval?: IconikApproval | null;
  /** The asset's history (any order); undefined = not fetched yet. */
  history?: IconikHistoryEntry[];
  /** Failed jobs; those about other assets are ignored, so a whole page of failed jobs may be passed. */
  failedJobs?: IconikJob[];
  /** User id => display name, for who did what. */
  users?: Map<string, string>;
  /**
   * A metadata view's values (IconikClient.getMetadata). A field the view holds wins over the search document's
   * `metadata`, even when emptied; a field it lacks is read from the search document.
   */
  metadataValues?: Record<string, unknown[]> | null;
  /** When approval and history were read (enrichedAt); default now. */
  now?: Date;
}

export const MAX_FAILED_JOBS = 10;
const MAX_STEPS = 20;

export function mapIconikAsset(asset: IconikAsset, options: IconikMappingOptions): DamAsset {
  const field = (name: string) => metadataText(lookup(options.metadataValues, name) ?? lookup(asset.metadata, name));
  const { fieldMapping: mapping } = options;
  const enriched = options.approval !== undefined && options.history !== undefined;
  const modifiedAt = iconikTimeToIso(asset.date_modified);
  if (modifiedAt === null) throw new Error(`iconik asset ${asset.id} has no readable date_modified`);
  const candidate: DamAsset = {
    source: 'iconik',
    id: asset.id,
    kind: clip(asset.type ?? null, 60),
    name: clip(asset.title?.trim() || asset.id, 500) ?? asset.id,
    approval: options.approval === undefined ? null : clip(options.approval?.status ?? 'N/A', 60),
    campaign: clip(field(mapping.campaign), 200),
    productLine: clip(field(mapping.productLine), 200),
    region: clip(field(mapping.region), 200),
    usageRights: clip(field(mapping.usageRights), 500),
    expiresAt: expiryOf(field(mapping.expiresAt)),
    createdAt: iconikTimeToIso(asset.date_created),
    modifiedAt,
    owner: clip(ownerOf(asset, options.users), 200),
    link: linkOf(options.baseUrl, asset.id),
    failedJobs: iconikFailedJobs(asset.id, options.failedJobs ?? []),
    lastActivity: options.history === undefined ? null : (iconikAuditTrail(options.history, options.users ?? new Map())[0] ?? null),
    enrichedAt: enriched ? (options.now ?? new Date()).toISOString() : null,
  };
  return damAssetSchema.parse(candidate);
}

/** The asset's history as the audit trail: newest first; entries without a readable time are left out. */
export function iconikAuditTrail(entries: IconikHistoryEntry[], users: Map<string, string>): DamActivity[] {
  const activities: (DamActivity & { at: number })[] = [];
  for (const entry of entries) {
    const at = typeof entry.date_created === 'string' ? parseIconikTime(entry.date_created) : null;
    if (at === null) continue;
    const userId = entry.user_id?.trim() || null;
    activities.push({
      at,
      who: clip(userId ? (users.get(userId) ?? userId) : null, 200),
      what: clip(entry.operation_type, 200) ?? 'UNKNOWN',
      detail: clip(entry.operation_description?.trim() || null, 1000),
      when: new Date(at).toISOString(),
    });
  }
  return activities.sort((a, b) => b.at - a.at).map(({ at: _at, ...activity }) => activity);
}

/** Failed jobs grouped by the asset they are about (object_id, else related_objects), for mapping many assets. */
export function failedJobsByAsset(jobs: IconikJob[]): Map<string, IconikJob[]> {
  const byAsset = new Map<string, IconikJob[]>();
  for (const job of jobs) {
    for (const assetId of assetIdsOf(job)) {
      const list = byAsset.get(assetId) ?? [];
      list.push(job);
      byAsset.set(assetId, list);
    }
  }
  return byAsset;
}

/** A metadata value as text: strings trimmed, numbers and booleans written out, lists joined with ", "; empty => null. */
export function metadataText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) {
    const parts = raw.map(metadataText).filter((part): part is string => part !== null);
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    if ('field_values' in record) return metadataText(record.field_values);
    if ('value' in record) return metadataText(record.value);
    if ('label' in record) return metadataText(record.label);
  }
  return null;
}

function lookup(values: Record<string, unknown> | null | undefined, name: string): unknown {
  if (!values) return undefined;
  if (name in values) return values[name];
  const lower = name.toLowerCase();
  const key = Object.keys(values).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : values[key];
}

/** The first readable date of the expiration field; "2027-03-31" means midnight UTC. */
function expiryOf(text: string | null): string | null {
  if (text === null) return null;
  for (const part of [text, ...text.split(',')]) {
    const iso = iconikTimeToIso(part.trim());
    if (iso !== null) return iso;
  }
  return null;
}

function ownerOf(asset: IconikAsset, users: Map<string, string> | undefined): string | null {
  const id = asset.created_by_user?.trim() || null;
  const known = id ? users?.get(id) : undefined;
  if (known) return known;
  const info = asset.created_by_user_info;
  const name = info ? [info.first_name, info.last_name].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ').trim() : '';
  return name || (typeof info?.email === 'string' && info.email.trim() !== '' ? info.email.trim() : id);
}

function linkOf(baseUrl: string, id: string): string | null {
  try {
    const url = new URL(iconikAssetLink(baseUrl, id));
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? url.toString() : null;
  } catch {
    return null;
  }
}

function assetIdsOf(job: IconikJob): string[] {
  const ids = new Set<string>();
  if (job.object_id && (!job.object_type || job.object_type === 'assets')) ids.add(job.object_id);
  for (const related of job.related_objects ?? []) {
    if (related.object_type === 'assets' && related.object_id) ids.add(related.object_id);
  }
  return [...ids];
}

/** The failed jobs about one asset as the app shows them: newest first, at most 10 (for patching an asset's jobs alone). */
export function iconikFailedJobs(assetId: string, jobs: IconikJob[]): DamFailedJob[] {
  const seen = new Set<string>();
  return jobs
    .filter((job) => assetIdsOf(job).includes(assetId) && !seen.has(job.id) && seen.add(job.id))
    .map((job) => ({ job, at: failedAt(job) }))
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))
    .slice(0, MAX_FAILED_JOBS)
    .map(({ job, at }) => toFailedJob(job, at));
}

function failedAt(job: IconikJob): number | null {
  for (const time of [job.completed_at, job.date_modified, job.date_created]) {
    const at = typeof time === 'string' ? parseIconikTime(time) : null;
    if (at !== null) return at;
  }
  return null;
}

function toFailedJob(job: IconikJob, at: number | null): DamFailedJob {
  const steps = (job.steps ?? []).slice(0, MAX_STEPS).map((step) => ({
    label: clip(step.label, 200) ?? '',
    status: clip(step.status, 40) ?? '',
    error: clip(step.error_message?.trim() || (step.status === 'FAILED' ? step.message?.trim() : null) || null, 1000),
  }));
  const failedStep = steps.find((step) => step.error !== null);
  return {
    id: clip(job.id, 100) ?? job.id,
    type: clip(job.type, 60) ?? 'UNKNOWN',
    title: clip(job.title?.trim() || null, 300),
    status: clip(job.status, 40) ?? 'FAILED',
    error: clip(job.error_message?.trim() || failedStep?.error || job.message?.trim() || null, 2000),
    at: at === null ? null : new Date(at).toISOString(),
    steps,
  };
}

function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** iconik keeps deleted assets (status DELETED, in its recycle bin); the app shows them as gone. */
export function isDeletedIconikAsset(asset: Pick<IconikAsset, 'status'>): boolean {
  return asset.status === 'DELETED';
}
