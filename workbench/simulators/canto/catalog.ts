/**
 * The Canto simulator's assets, compact enough for 100,000 of them: an asset is generated on demand from the seed
 * and its index (same seed, same asset), and only what changes is stored: modified times in a typed array, the
 * live assets in time order in another, and the few assets an admin changed in a small map.
 */
import { createRandom, type Random } from '../governance/random';

export const MAX_ASSETS = 100_000;

export const SCHEMES = ['image', 'video', 'audio', 'document', 'presentation', 'other'] as const;
export type Scheme = (typeof SCHEMES)[number];

const SCHEME_WEIGHTS: readonly (readonly [Scheme, number])[] = [
  ['image', 0.55],
  ['video', 0.15],
  ['document', 0.15],
  ['presentation', 0.05],
  ['audio', 0.05],
  ['other', 0.05],
];
const APPROVAL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Approved', 0.6],
  ['Pending', 0.2],
  ['Restricted', 0.08],
  ['Expired', 0.07],
  // Tenants define their own statuses; the app must keep them verbatim.
  ['Legal Review', 0.05],
];
const EXTENSIONS: Record<Scheme, readonly string[]> = {
  image: ['jpg', 'png', 'tif'],
  video: ['mp4', 'mov'],
  audio: ['mp3', 'wav'],
  document: ['pdf', 'docx'],
  presentation: ['pptx', 'key'],
  other: ['zip', 'psd'],
};
const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  key: 'application/vnd.apple.keynote',
  zip: 'application/zip',
  psd: 'image/vnd.adobe.photoshop',
};
const CAMPAIGNS = ['Spring Launch 2026', 'Holiday 2026', 'Brand Refresh', 'Back to School', 'Partner Summit', 'Evergreen'];
const PRODUCT_LINES = ['Trading Grid', 'B2B Integration', 'Managed Services', 'Analytics', 'Identity'];
const REGIONS = ['EMEA', 'North America', 'APAC', 'LATAM', 'Global'];
const USAGE_RIGHTS = [
  'Internal use only',
  'Web and social, worldwide',
  'Print, North America only',
  'Editorial use only',
  'Unlimited, perpetual',
];
const SUBJECTS = ['hero-banner', 'product-shot', 'team-photo', 'explainer', 'datasheet', 'keynote', 'jingle', 'logo-pack', 'case-study', 'webinar'];
const PEOPLE = ['Ana Lopez', 'Ben Okafor', 'Chloé Martin', 'Dmitri Ivanov', 'Emma Schulz', 'Farah Khan', 'Gustavo Reyes', 'Hana Sato'];
const ALBUMS = [
  { id: 'alb-campaigns', name: 'Campaigns', namePath: '/Marketing/Campaigns' },
  { id: 'alb-product', name: 'Product', namePath: '/Marketing/Product' },
  { id: 'alb-events', name: 'Events', namePath: '/Events' },
];
const COMMENTS = ['Colour corrected', 'Legal feedback applied', 'New logo', 'Cropped for social', 'Final cut'];

const DAY = 86_400_000;
/** The public host the simulated tenant's `url` fields name (like Canto, API addresses a browser cannot open). */
export const SIMULATED_TENANT = 'https://workbench.canto.com';

/** What an admin changed on an asset (simulator admin API). `null` in `additional` removes a field. */
export interface AssetChange {
  name?: string;
  approvalStatus?: string;
  description?: string;
  additional?: Record<string, unknown>;
  /** Add a version to the history, with this comment. */
  newVersionComment?: string;
}

interface Override {
  name?: string;
  approvalStatus?: string;
  description?: string;
  additional: Record<string, unknown>;
  extraVersions: { comment: string; at: number; by: string }[];
}

export interface CatalogOptions {
  seed: number;
  size: number;
  /** Epoch ms: generated modification times lie in the two years before it, expirations around it. */
  referenceTime: number;
}

/** One asset's cheap traits, for filters that must look at every asset. */
interface Traits {
  scheme: Scheme;
  approval: string;
}

export class CantoCatalog {
  readonly size: number;
  private readonly seed: number;
  private readonly referenceTime: number;
  /** Modification time (epoch ms) per index. */
  private readonly times: Float64Array;
  /** Live indices ordered by (time, index); `live` of them are valid. */
  private readonly order: Uint32Array;
  private live: number;
  private readonly deleted: Uint8Array;
  private readonly overrides = new Map<number, Override>();

  constructor(options: CatalogOptions) {
    if (!Number.isInteger(options.size) || options.size < 0 || options.size > MAX_ASSETS) {
      throw new Error(`The Canto simulator holds 0 to ${MAX_ASSETS} assets, got ${options.size}`);
    }
    this.size = options.size;
    this.seed = options.seed >>> 0;
    this.referenceTime = options.referenceTime;
    this.times = new Float64Array(this.size);
    this.order = new Uint32Array(this.size);
    this.deleted = new Uint8Array(this.size);
    this.live = this.size;
    // Evenly spread over two years (ending a day ago), jittered within each slot: times rise with the index,
    // so the initial time order is the index order and no sort is needed.
    const first = this.referenceTime - 730 * DAY;
    const slot = (729 * DAY) / Math.max(1, this.size);
    for (let index = 0; index < this.size; index++) {
      this.times[index] = Math.floor(first + index * slot + this.unit(index, 1) * slot * 0.5);
      this.order[index] = index;
    }
  }

  get liveCount(): number {
    return this.live;
  }

  /** Canto-like 26-character ids: a seeded prefix, then the index in base 36 (so an id finds its index). */
  idOf(index: number): string {
    const prefix = (mix(this.seed, index, 7).toString(36) + mix(this.seed, index, 11).toString(36) + mix(this.seed, index, 13).toString(36))
      .padEnd(20, '0')
      .slice(0, 20);
    return `${prefix}${index.toString(36).padStart(6, '0')}`;
  }

  indexOf(id: string): number | null {
    if (!/^[0-9a-z]{26}$/.test(id)) return null;
    const index = Number.parseInt(id.slice(20), 36);
    if (!(index >= 0 && index < this.size) || this.idOf(index) !== id) return null;
    return index;
  }

  isLive(index: number): boolean {
    return index >= 0 && index < this.size && this.deleted[index] === 0;
  }

  timeOf(index: number): number {
    return this.times[index] ?? 0;
  }

  traits(index: number): Traits {
    const random = this.randomFor(index);
    const scheme = random.weighted(SCHEME_WEIGHTS);
    const approval = random.weighted(APPROVAL_WEIGHTS);
    return { scheme, approval: this.overrides.get(index)?.approvalStatus ?? approval };
  }

  /** Live indices in time order within [minMs, maxMs] (either open when null), as positions [from, to). */
  timeRange(minMs: number | null, maxMs: number | null): { from: number; to: number } {
    const from = minMs === null ? 0 : this.lowerBound(minMs);
    const to = maxMs === null ? this.live : this.upperBound(maxMs);
    return { from, to: Math.max(from, to) };
  }

  /** The index at a position of the time order. */
  at(position: number): number {
    return this.order[position] as number;
  }

  /** An asset changes: its modification time becomes `at` and it moves to its place in the time order. */
  modify(index: number, change: AssetChange, at: number): void {
    if (!this.isLive(index)) throw new Error(`asset ${this.idOf(index)} does not exist`);
    const override = this.overrides.get(index) ?? { additional: {}, extraVersions: [] };
    if (change.name !== undefined) override.name = change.name;
    if (change.approvalStatus !== undefined) override.approvalStatus = change.approvalStatus;
    if (change.description !== undefined) override.description = change.description;
    if (change.additional) Object.assign(override.additional, change.additional);
    if (change.newVersionComment !== undefined) override.extraVersions.push({ comment: change.newVersionComment, at, by: 'Workbench Admin' });
    this.overrides.set(index, override);
    this.removeFromOrder(index);
    this.times[index] = Math.max(at, this.times[index] ?? 0);
    this.insertIntoOrder(index);
  }

  remove(index: number): void {
    if (!this.isLive(index)) throw new Error(`asset ${this.idOf(index)} does not exist`);
    this.removeFromOrder(index);
    this.deleted[index] = 1;
  }

  /** The asset as Canto's JSON shows it: values as strings, dates as yyyyMMddHHmmssSSS. */
  asset(index: number): Record<string, unknown> {
    const random = this.randomFor(index);
    const scheme = random.weighted(SCHEME_WEIGHTS);
    const baseApproval = random.weighted(APPROVAL_WEIGHTS);
    const override = this.overrides.get(index);
    const approval = override?.approvalStatus ?? baseApproval;
    const id = this.idOf(index);
    const time = this.timeOf(index);
    const campaign = random.pick(CAMPAIGNS);
    const productLine = random.pick(PRODUCT_LINES);
    const subject = random.pick(SUBJECTS);
    const extension = random.pick(EXTENSIONS[scheme]);
    const ownerName = random.pick(PEOPLE);
    const generatedName = `${slug(campaign)}_${subject}_${String(index).padStart(5, '0')}.${extension}`;
    const name = override?.name ?? generatedName;
    const created = Math.floor(time - random.int(0, 60) * DAY - random.int(0, DAY - 1));
    const versions = random.int(1, 3);
    const lastUploaded = versions === 1 ? created : Math.floor(created + (time - created) * random.next());
    const regions = random.chance(0.2) ? random.sample(REGIONS, 2) : random.pick(REGIONS);
    const additional: Record<string, unknown> = {
      Campaign: campaign,
      'Product Line': productLine,
      Region: regions,
      'Usage Rights': random.pick(USAGE_RIGHTS),
    };
    const expiration = this.expirationFor(random, approval);
    if (expiration !== null) additional['Expiration Date'] = expiration;
    for (const [label, value] of Object.entries(override?.additional ?? {})) {
      if (value === null) delete additional[label];
      else additional[label] = value;
    }
    const size = scheme === 'video' ? random.int(20_000_000, 900_000_000) : random.int(40_000, 25_000_000);
    const visual = scheme === 'image' || scheme === 'video';
    const width = visual ? random.pick([1080, 1280, 1920, 3840]) : null;
    const versionHistory = Array.from({ length: versions }, (_, n) => ({
      version: String(n + 1),
      ownerName: n === 0 ? ownerName : random.pick(PEOPLE),
      created: cantoDate(n === 0 ? created : n === versions - 1 ? lastUploaded : Math.floor(created + (lastUploaded - created) * ((n + 0.5) / versions))),
      comment: n === 0 ? '' : random.pick(COMMENTS),
    }));
    for (const extra of override?.extraVersions ?? []) {
      versionHistory.push({ version: String(versionHistory.length + 1), ownerName: extra.by, created: cantoDate(extra.at), comment: extra.comment });
    }
    const album = random.pick(ALBUMS);
    const url = `${SIMULATED_TENANT}/api/v1/${scheme}/${id}`;
    const binary = `${SIMULATED_TENANT}/api_binary/v1/${scheme}/${id}`;
    return {
      id,
      scheme,
      name,
      size: String(size),
      ...(visual && width ? { width: String(width), height: String(Math.round((width * 9) / 16)) } : {}),
      owner: `u-${mix(this.seed, PEOPLE.indexOf(ownerName), 3).toString(16).slice(0, 6)}`,
      ownerName,
      approvalStatus: approval,
      time: cantoDate(time),
      lastUploaded: cantoDate(lastUploaded),
      created: cantoDate(created),
      description: override?.description ?? `${subject.replace('-', ' ')} for ${campaign}`,
      tag: [slug(campaign), slug(productLine)],
      keyword: [subject],
      additional,
      default: {
        Name: name,
        'Content Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'Date uploaded': cantoDate(created),
        'Date modified': cantoDate(time),
        'Uploaded by': ownerName,
        Copyright: '© 2026 Workbench Marketing',
      },
      url: {
        preview: `${binary}/preview`,
        download: `${binary}/download`,
        detail: url,
        directUrlOriginal: `${SIMULATED_TENANT}/direct/${scheme}/${id}/original`,
        directUrlPreview: `${SIMULATED_TENANT}/direct/${scheme}/${id}/preview`,
      },
      relatedAlbums: [album],
      versionHistory,
    };
  }

  /** Expiration dates in the formats admins type into a custom field; Expired assets' dates have passed. */
  private expirationFor(random: Random, approval: string): string | null {
    const present = random.chance(approval === 'Expired' ? 1 : 0.75);
    const days = approval === 'Expired' ? -random.int(1, 120) : random.int(-30, 400);
    const format = random.next();
    if (!present) return null;
    const at = new Date(Math.floor(this.referenceTime / DAY) * DAY + days * DAY);
    if (format < 0.8) return cantoDate(at.getTime());
    if (format < 0.9) return at.toISOString().slice(0, 10);
    return `${String(at.getUTCMonth() + 1).padStart(2, '0')}/${String(at.getUTCDate()).padStart(2, '0')}/${at.getUTCFullYear()}`;
  }

  private randomFor(index: number): Random {
    return createRandom(mix(this.seed, index, 1));
  }

  private unit(index: number, salt: number): number {
    return mix(this.seed, index, salt + 101) / 4294967296;
  }

  private key(position: number): [number, number] {
    const index = this.order[position] as number;
    return [this.times[index] as number, index];
  }

  /** First position whose time is >= ms. */
  private lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.live;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.key(mid)[0] < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position whose time is > ms. */
  private upperBound(ms: number): number {
    let lo = 0;
    let hi = this.live;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.key(mid)[0] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private positionOf(index: number): number {
    const time = this.times[index] as number;
    let position = this.lowerBound(time);
    while (position < this.live && this.order[position] !== index) position++;
    if (position >= this.live) throw new Error(`asset index ${index} is not in the time order`);
    return position;
  }

  private removeFromOrder(index: number): void {
    const position = this.positionOf(index);
    this.order.copyWithin(position, position + 1, this.live);
    this.live -= 1;
  }

  private insertIntoOrder(index: number): void {
    const time = this.times[index] as number;
    let lo = 0;
    let hi = this.live;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const [midTime, midIndex] = this.key(mid);
      if (midTime < time || (midTime === time && midIndex < index)) lo = mid + 1;
      else hi = mid;
    }
    this.order.copyWithin(lo + 1, lo, this.live);
    this.order[lo] = index;
    this.live += 1;
  }
}

/** yyyyMMddHHmmssSSS in UTC, as Canto writes dates. */
export function cantoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:TZ.]/g, '');
}

/** Reads a yyyyMMddHHmmssSSS date (UTC); null when it is not one. */
export function readCantoDate(text: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second, ms] = match.slice(1).map(Number) as number[];
  const time = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, ms);
  return cantoDate(time) === text ? time : null;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A 32-bit hash of (seed, index, salt): each asset's own seed, independent of every other asset's. */
function mix(seed: number, index: number, salt: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
