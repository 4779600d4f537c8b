/**
 * The iconik simulator's data, seeded and compact enough for 100,000 assets: an asset's fixed traits (title, type,
 * metadata, approval, history) are drawn on demand from a PRNG seeded with (seed, index), so only what sorting and
 * changes need is held: date_modified per asset (Float64Array), the id prefix (Uint32Array), the live assets in
 * (date_modified, id) order, and the changes made through the admin API.
 */
import { hash32, ID_KIND, idPrefix, parseSimId, simId } from './ids';
import { SeededStream } from './stream';

const SECOND = 1000;
const DAY = 86_400_000;

export const SIM_FIELDS = ['campaign', 'product_line', 'region', 'usage_rights', 'usage_rights_expiration'] as const;
export type SimField = (typeof SIM_FIELDS)[number];

const CAMPAIGNS = ['Spring Launch 2026', 'Summer Splash', 'Back to School', 'Holiday Glow', 'Brand Refresh', 'Trade Show Q3', 'Partner Week', 'Evergreen'];
const PRODUCT_LINES = ['Outdoor', 'Home', 'Kids', 'Pro Series', 'Accessories', 'Wellness'];
const REGIONS = ['EMEA', 'North America', 'APAC', 'LATAM', 'Global'];
const USAGE_RIGHTS = ['Worldwide, all media', 'Web and social only', 'Internal use only', 'Editorial, EMEA only', 'Print, North America, 2 years'];
const SUBJECTS = ['Hero shot', 'Product teaser', 'Interview', 'B-roll', 'Lifestyle still', 'Banner', 'Social cut', 'Behind the scenes', 'Packshot', 'Tutorial'];
const EXTENSIONS = ['.mov', '.mp4', '.jpg', '.png', '.mxf', '.psd', '.wav'];
const ASSET_TYPES = [['ASSET', 0.9], ['SEQUENCE', 0.04], ['NLE_PROJECT', 0.02], ['SUBCLIP', 0.02], ['PLACEHOLDER', 0.02]] as const;
const APPROVALS = [[null, 0.3], ['REQUESTED', 0.2], ['APPROVED', 0.35], ['NOT_APPROVED', 0.08], ['MIXED', 0.07]] as const;
const HISTORY_OPERATIONS = [
  ['DOWNLOAD', 0.25, 'Downloaded the original'],
  ['EXPORT', 0.15, 'Exported to the web CDN'],
  ['METADATA', 0.2, 'Updated metadata view Marketing rights'],
  ['TRANSCODE', 0.1, 'Created proxies'],
  ['APPROVE', 0.1, 'Approved for release'],
  ['REJECT', 0.04, 'Rejected: logo outdated'],
  ['TRANSFER', 0.08, 'Moved to storage Archive Glacier'],
  ['VERSION_CREATE', 0.05, 'Uploaded a new version'],
  ['FACE_RECOGNITION', 0.03, 'Recognised 2 faces'],
] as const;
const JOB_TYPES = [['TRANSCODE', 0.35], ['TRANSFER', 0.3], ['EXPORT', 0.1], ['ARCHIVE', 0.08], ['ANALYZE', 0.07], ['METADATA', 0.05], ['MEDIA_PIPELINE', 0.05]] as const;
const JOB_STATUSES = [['FAILED', 0.55], ['FINISHED', 0.35], ['ABORTED', 0.05], ['STARTED', 0.05]] as const;
const JOB_ERRORS: Record<string, readonly [string, string][]> = {
  TRANSCODE: [['Transcode proxy', 'ffmpeg exited with code 1: Invalid data found when processing input'], ['Create keyframes', 'Unsupported codec: ProRes RAW']],
  TRANSFER: [['Copy file', 'Access denied writing to s3://media-archive/2026/ (403)'], ['Verify checksum', 'Checksum mismatch after transfer']],
  EXPORT: [['Upload to destination', 'Connection to cdn-upload.example timed out after 300 s']],
  ARCHIVE: [['Move to archive storage', 'Storage Archive Glacier is not reachable']],
  ANALYZE: [['Send to analysis', 'Analysis quota exceeded for this month']],
  METADATA: [['Write sidecar', 'XMP sidecar could not be written: read-only file system']],
  MEDIA_PIPELINE: [['Run pipeline', 'Pipeline step "loudness" failed: -14 LUFS target not reached']],
};

export const SIM_USERS = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Linus', 'Media'],
  ['Margaret', 'Hamilton'],
  ['Alan', 'Turing'],
  ['Katherine', 'Johnson'],
  ['Tim', 'Producer'],
  ['Hedy', 'Lamarr'],
  ['Edsger', 'Dijkstra'],
  ['Barbara', 'Liskov'],
] as const;

export interface SimApproval {
  status: string;
  requestedBy: number;
  requestDate: number;
  changeDate: number;
}

export interface SimHistoryEntry {
  id: string;
  operation: string;
  description: string;
  user: number;
  at: number;
}

export interface AssetChange {
  title?: string;
  fields?: Partial<Record<SimField, string | null>>;
  /** null: the approval request was withdrawn (404 again). */
  approval?: SimApproval | null;
  deletedAt?: number;
  history: SimHistoryEntry[];
}

interface AssetTraits {
  title: string;
  type: string;
  mediaType: string;
  createdBy: number;
  createdAt: number;
  modifiedAt: number;
  archived: boolean;
  fields: Record<SimField, string | null> | null;
  approval: SimApproval | null;
  historyCount: number;
}

export interface JobRecord {
  index: number;
  asset: number;
  modifiedAt: number;
  status: string;
  /** Set for jobs made through the admin API; generated jobs draw theirs from the seed. */
  made?: { type: string; error: string; createdAt: number };
}

export interface CatalogOptions {
  seed: number;
  assets: number;
  /** The time the seeded data is relative to. */
  now: number;
}

export class IconikCatalog {
  readonly seed: number;
  readonly size: number;
  readonly base: number;
  private readonly modified: Float64Array;
  private readonly prefixes: Uint32Array;
  /** Live (not deleted) asset indexes in (date_modified, id) order: what search pages through. */
  readonly order: number[];
  private readonly changes = new Map<number, AssetChange>();
  private readonly purged = new Set<number>();
  readonly jobs: JobRecord[] = [];
  private extraHistory = 0;

  constructor(options: CatalogOptions) {
    this.seed = options.seed >>> 0;
    this.size = Math.max(0, Math.floor(options.assets));
    this.base = Math.floor(options.now / SECOND) * SECOND;
    this.modified = new Float64Array(this.size);
    this.prefixes = new Uint32Array(this.size);
    for (let index = 0; index < this.size; index++) {
      this.modified[index] = this.seededModifiedAt(index);
      this.prefixes[index] = idPrefix(this.seed, ID_KIND.asset, index);
    }
    this.order = Array.from({ length: this.size }, (_, index) => index).sort((a, b) => this.compare(a, b));
    this.seedJobs();
  }

  // ---- ids ----------------------------------------------------------------------------------------------------

  assetId(index: number): string {
    return simId(this.seed, ID_KIND.asset, index);
  }

  /** The index of a known, not purged asset id (deleted assets included); null otherwise. */
  assetIndex(id: string): number | null {
    const parsed = parseSimId(this.seed, id);
    if (!parsed || parsed.kind !== ID_KIND.asset || parsed.index >= this.size || this.purged.has(parsed.index)) return null;
    return parsed.index;
  }

  userId(index: number): string {
    return simId(this.seed, ID_KIND.user, index);
  }

  userIndex(id: string): number | null {
    const parsed = parseSimId(this.seed, id);
    return parsed && parsed.kind === ID_KIND.user && parsed.index < SIM_USERS.length ? parsed.index : null;
  }

  jobId(index: number): string {
    return simId(this.seed, ID_KIND.job, index);
  }

  jobIndex(id: string): number | null {
    const parsed = parseSimId(this.seed, id);
    return parsed && parsed.kind === ID_KIND.job && parsed.index < this.jobs.length ? parsed.index : null;
  }

  otherId(index: number): string {
    return simId(this.seed, ID_KIND.other, index);
  }

  // ---- assets -------------------------------------------------------------------------------------------------

  modifiedAt(index: number): number {
    return this.modified[index] ?? 0;
  }

  isDeleted(index: number): boolean {
    return this.changes.get(index)?.deletedAt !== undefined;
  }

  /** Orders by date_modified, then id (as strings compare: the 8-character prefix, then the rest). */
  compare(a: number, b: number): number {
    const byTime = this.modifiedAt(a) - this.modifiedAt(b);
    if (byTime !== 0) return byTime;
    const byPrefix = (this.prefixes[a] ?? 0) - (this.prefixes[b] ?? 0);
    if (byPrefix !== 0) return byPrefix;
    const [idA, idB] = [this.assetId(a), this.assetId(b)];
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  }

  /** Compares an asset with a search_after key [time, id?]: <0 before it, 0 equal, >0 after it. */
  compareWithKey(index: number, time: number, id: string | null): number {
    const byTime = this.modifiedAt(index) - time;
    if (byTime !== 0 || id === null) return byTime;
    const own = this.assetId(index);
    return own < id ? -1 : own > id ? 1 : 0;
  }

  /** The seeded date_modified (before any change): the first draws of the asset's stream. */
  private seededModifiedAt(index: number): number {
    const leader = index - (index % 97);
    // A few assets share their batch leader's date_modified exactly, like a bulk metadata update: ties for search_after.
    const own = index % 97 > 0 && index % 97 < 4 ? leader : index;
    const random = new SeededStream(hash32(this.seed, 1, own));
    return this.base - random.int(0, 365 * 24 * 3600) * SECOND - random.int(0, 999);
  }

  traits(index: number): AssetTraits {
    const random = new SeededStream(hash32(this.seed, 1, index));
    random.int(0, 365 * 24 * 3600);
    random.int(0, 999);
    const modifiedAt = this.seededModifiedAt(index);
    const createdAt = modifiedAt - random.int(0, 400) * DAY - random.int(0, 86_399) * SECOND;
    const extension = random.pick(EXTENSIONS);
    const title = `${random.pick(SUBJECTS)} ${random.pick(CAMPAIGNS).split(' ')[0]} ${String(index).padStart(6, '0')}${extension}`;
    const type = random.weighted(ASSET_TYPES);
    const hasValues = random.chance(0.85);
    const fields = hasValues
      ? {
          campaign: random.chance(0.9) ? random.pick(CAMPAIGNS) : null,
          product_line: random.chance(0.9) ? random.pick(PRODUCT_LINES) : null,
          region: random.pick(REGIONS),
          usage_rights: random.chance(0.95) ? random.pick(USAGE_RIGHTS) : null,
          usage_rights_expiration: random.chance(0.7) ? dateOnly(this.base + random.int(-90, 540) * DAY) : null,
        }
      : null;
    const approvalStatus = random.weighted(APPROVALS);
    const requestDate = Math.min(this.base, modifiedAt + random.int(0, 10) * DAY);
    const approval =
      approvalStatus === null
        ? null
        : { status: approvalStatus, requestedBy: random.int(0, SIM_USERS.length - 1), requestDate, changeDate: requestDate + random.int(0, 72) * 3600 * SECOND };
    return {
      title,
      type,
      mediaType: ['.jpg', '.png', '.psd'].includes(extension) ? 'image' : extension === '.wav' ? 'audio' : 'video',
      createdBy: random.int(0, SIM_USERS.length - 1),
      createdAt,
      modifiedAt,
      archived: random.chance(0.05),
      fields,
      approval,
      historyCount: random.int(0, 6),
    };
  }

  change(index: number): AssetChange | undefined {
    return this.changes.get(index);
  }

  fields(index: number): Record<SimField, string | null> | null {
    const base = this.traits(index).fields;
    const changed = this.changes.get(index)?.fields;
    if (!changed) return base;
    const merged = { ...(base ?? emptyFields()), ...changed };
    return Object.values(merged).some((value) => value !== null) ? merged : null;
  }

  approval(index: number): SimApproval | null {
    const change = this.changes.get(index);
    return change && change.approval !== undefined ? change.approval : this.traits(index).approval;
  }

  /** The asset's history, oldest first. */
  history(index: number): SimHistoryEntry[] {
    const traits = this.traits(index);
    const random = new SeededStream(hash32(this.seed, 4, index));
    const span = Math.max(1, traits.modifiedAt - traits.createdAt);
    const entries: SimHistoryEntry[] = [];
    for (let k = 0; k < traits.historyCount; k++) {
      const operation = random.weighted(HISTORY_OPERATIONS);
      const description = HISTORY_OPERATIONS.find(([name]) => name === operation)?.[2] ?? operation;
      entries.push({
        id: this.otherId(0x100000000 + index * 8 + k),
        operation,
        description,
        user: random.int(0, SIM_USERS.length - 1),
        at: traits.createdAt + Math.floor(((k + random.next()) / traits.historyCount) * span),
      });
    }
    entries.sort((a, b) => a.at - b.at);
    return [...entries, ...(this.changes.get(index)?.history ?? [])];
  }

  /** Changes an asset as a user would in iconik; date_modified becomes `now`. */
  modify(index: number, now: number, patch: { title?: string; fields?: Partial<Record<SimField, string | null>>; approval?: string | null }): void {
    const change = this.changeOf(index);
    if (patch.title !== undefined) change.title = patch.title;
    if (patch.fields) change.fields = { ...change.fields, ...patch.fields };
    if (patch.approval !== undefined) {
      change.approval = patch.approval === null ? null : { status: patch.approval, requestedBy: 0, requestDate: now, changeDate: now };
    }
    const operation = patch.approval === 'APPROVED' ? 'APPROVE' : patch.approval === 'NOT_APPROVED' ? 'REJECT' : 'METADATA';
    change.history.push(this.entry(operation, patch.approval ? `Set approval to ${patch.approval}` : 'Updated metadata', 1, now));
    this.touch(index, now);
  }

  /** iconik's delete: the asset stays, status DELETED, out of search. `purge` forgets it (404 everywhere). */
  delete(index: number, now: number, purge: boolean): void {
    this.removeFromOrder(index);
    if (purge) {
      this.purged.add(index);
      return;
    }
    const change = this.changeOf(index);
    change.deletedAt = now;
    change.history.push(this.entry('DELETE', 'Moved to the recycle bin', 1, now));
    this.modified[index] = Math.max(now, this.modifiedAt(index));
  }

  title(index: number): string {
    return this.changes.get(index)?.title ?? this.traits(index).title;
  }

  // ---- jobs ---------------------------------------------------------------------------------------------------

  jobDetails(record: JobRecord): { type: string; title: string; error: string | null; steps: { label: string; status: string; error: string | null }[]; createdAt: number } {
    const random = new SeededStream(hash32(this.seed, 3, record.index));
    const type = record.made?.type ?? random.weighted(JOB_TYPES);
    const errors = JOB_ERRORS[type] ?? JOB_ERRORS.TRANSCODE ?? [];
    const [failingLabel, generatedError] = random.pick(errors);
    const error = record.made?.error ?? generatedError;
    const failed = record.status === 'FAILED';
    const steps = [
      { label: 'Prepare', status: 'DONE', error: null },
      { label: failingLabel, status: failed ? 'FAILED' : record.status === 'STARTED' ? 'IN_PROGRESS' : 'DONE', error: failed ? error : null },
      { label: 'Notify', status: failed ? 'SKIPPED' : record.status === 'FINISHED' ? 'DONE' : 'WAITING', error: null },
    ];
    return {
      type,
      title: `${titleCase(type)}: ${this.title(record.asset)}`,
      error: failed ? error : null,
      steps,
      createdAt: record.made?.createdAt ?? record.modifiedAt - random.int(1, 3600) * SECOND,
    };
  }

  /** A FAILED job on an asset, as iconik records a failed transcode or transfer. */
  failJob(asset: number, now: number, type: string, error: string): JobRecord {
    const record: JobRecord = { index: this.jobs.length, asset, modifiedAt: now, status: 'FAILED', made: { type, error, createdAt: now - 5 * SECOND } };
    this.jobs.push(record);
    this.changeOf(asset).history.push(this.entry(type === 'TRANSFER' ? 'TRANSFER' : 'TRANSCODE', `${titleCase(type)} failed: ${error}`, 2, now));
    return record;
  }

  private seedJobs(): void {
    for (let asset = 0; asset < this.size; asset++) {
      const random = new SeededStream(hash32(this.seed, 2, asset));
      if (!random.chance(0.06)) continue;
      const count = random.chance(0.2) ? 2 : 1;
      for (let k = 0; k < count; k++) {
        this.jobs.push({
          index: this.jobs.length,
          asset,
          modifiedAt: this.base - random.int(0, 60 * 24 * 3600) * SECOND - random.int(0, 999),
          status: random.weighted(JOB_STATUSES),
        });
      }
    }
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  private changeOf(index: number): AssetChange {
    let change = this.changes.get(index);
    if (!change) {
      change = { history: [] };
      this.changes.set(index, change);
    }
    return change;
  }

  private entry(operation: string, description: string, user: number, at: number): SimHistoryEntry {
    this.extraHistory += 1;
    return { id: this.otherId(0x200000000 + this.extraHistory), operation, description, user, at };
  }

  private touch(index: number, now: number): void {
    const wasLive = this.removeFromOrder(index);
    this.modified[index] = now;
    if (wasLive) this.order.splice(this.lowerBound(index), 0, index);
  }

  private removeFromOrder(index: number): boolean {
    const position = this.lowerBound(index);
    if (this.order[position] !== index) return false;
    this.order.splice(position, 1);
    return true;
  }

  /** The first position whose asset does not sort before `index`. */
  private lowerBound(index: number): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.order[middle] ?? 0, index) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The first position in `order` for which `before(position)` is false (binary search; `before` must be monotone). */
export function partitionPoint(length: number, before: (position: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** iconik's time format: microseconds and an offset, "2026-11-22T10:15:00.123000+00:00". */
export function iconikTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

function dateOnly(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function emptyFields(): Record<SimField, string | null> {
  return { campaign: null, product_line: null, region: null, usage_rights: null, usage_rights_expiration: null };
}

function titleCase(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, ' ');
}

