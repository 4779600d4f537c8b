/**
 * What Canto answers (../shared/reference/dam-apis.md, Canto), as zod schemas.
 *
 * Lenient where Canto varies and strict where the sync depends on a value:
 * - unknown fields pass through and unknown approval statuses are kept verbatim;
 * - numbers may arrive as strings ("1024"); an unreadable size or width is null, not a reason to drop the asset;
 * - dates (`yyyyMMddHHmmssSSS`, UTC) are parsed strictly and become ISO 8601 strings: a bad `time` (the modified
 *   time the incremental sync pages on) or a bad date elsewhere makes the item invalid, reported with the field.
 *
 * The asset schema is one zod transform over a hand-written reader rather than a tree of zod schemas: zod's
 * per-field machinery costs ~150 µs per asset, the reader a few µs, and a full sync reads 100,000 assets. The
 * issues it reports have zod's shape (path + message), so callers describe them like any other.
 */
import { z } from 'zod';
import { parseCantoDate } from './dates';

/** Canto's content schemes, as its URLs spell them (case sensitive). */
export const CANTO_SCHEMES = ['image', 'video', 'audio', 'document', 'presentation', 'other'] as const;
export type CantoScheme = (typeof CANTO_SCHEMES)[number];

export interface CantoVersion {
  version: string | null;
  ownerName: string | null;
  /** ISO 8601 (UTC). */
  created: string | null;
  comment: string | null;
}

export interface CantoUrls {
  preview: string | null;
  download: string | null;
  /** Often an API address (…/api/v1/{scheme}/{id}), which a browser cannot open without a token. */
  detail: string | null;
  directUrlOriginal: string | null;
  directUrlPreview: string | null;
  [other: string]: unknown;
}

export interface CantoAlbumRef {
  id: string | null;
  name: string | null;
  namePath: string | null;
  [other: string]: unknown;
}

/** One Canto asset as the client returns it: dates as ISO 8601 UTC strings, numbers as numbers, unknown fields as sent. */
export interface CantoAsset {
  id: string;
  scheme: string;
  name: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  owner: string | null;
  ownerName: string | null;
  /** Verbatim: Approved, Pending, Restricted, Expired or a tenant's own status. */
  approvalStatus: string | null;
  /** Last modified, ISO 8601 (UTC). Required: the incremental sync pages on it. */
  time: string;
  lastUploaded: string | null;
  created: string | null;
  description: string | null;
  tag: string[];
  keyword: string[];
  /** Admin-defined custom fields: label -> string or list of strings. */
  additional: Record<string, unknown>;
  /** Canto's built-in fields by their display labels ("Name", "Date uploaded", "Copyright", ...). */
  default: Record<string, unknown>;
  url: CantoUrls | null;
  relatedAlbums: CantoAlbumRef[];
  versionHistory: CantoVersion[];
  [other: string]: unknown;
}

type Path = (string | number)[];
type Issue = { path: Path; message: string };

/** Reads fields of one object, collecting every problem with its path instead of stopping at the first. */
class FieldReader {
  readonly issues: Issue[] = [];

  constructor(private readonly prefix: Path = []) {}

  fail(path: Path, message: string): null {
    this.issues.push({ path: [...this.prefix, ...path], message });
    return null;
  }

  id(value: unknown, path: Path): string | null {
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    if (text === null) return this.fail(path, `Expected an id (text), received ${describe(value)}`);
    if (text === '' || text.length > 200) return this.fail(path, 'An id has 1 to 200 characters');
    return text;
  }

  scheme(value: unknown, path: Path): string | null {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '' || text.length > 60) return this.fail(path, `Expected a scheme (image, video, ...), received ${describe(value)}`);
    return text;
  }

  text(value: unknown, path: Path): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.fail(path, `Expected text, received ${describe(value)}`);
  }

  /** A number Canto may send as a string; null when absent or unreadable (never a reason to drop an asset). */
  looseNumber(value: unknown): number | null {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
    return null;
  }

  date(value: unknown, path: Path): string | null {
    if (value === undefined) return this.fail(path, 'Required');
    const date = typeof value === 'string' ? parseCantoDate(value) : null;
    if (!date) return this.fail(path, `${describe(value)} is not a yyyyMMddHHmmssSSS date`);
    return date.toISOString();
  }

  /** Absent, null or "" is null; anything else must be a Canto date. */
  optionalDate(value: unknown, path: Path): string | null {
    return value === undefined || value === null || value === '' ? null : this.date(value, path);
  }

  words(value: unknown, path: Path): string[] {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((word) => typeof word === 'string' || typeof word === 'number')) return value.map(String);
    this.fail(path, `Expected a list of words, received ${describe(value)}`);
    return [];
  }

  fields(value: unknown, path: Path): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    this.fail(path, `Expected an object of fields, received ${describe(value)}`);
    return {};
  }

  list<T>(value: unknown, path: Path, read: (item: Record<string, unknown>, path: Path) => T): T[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(path, `Expected a list, received ${describe(value)}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item, index) => {
      if (isRecord(item)) out.push(read(item, [...path, index]));
      else this.fail([...path, index], `Expected an object, received ${describe(item)}`);
    });
    return out;
  }
}

function readAsset(raw: unknown, reader: FieldReader): CantoAsset | null {
  if (!isRecord(raw)) return reader.fail([], `Expected an asset (an object), received ${describe(raw)}`);
  const r = reader;
  const url = raw.url;
  let urls: CantoUrls | null = null;
  if (isRecord(url)) {
    urls = {
      ...url,
      preview: r.text(url.preview, ['url', 'preview']),
      download: r.text(url.download, ['url', 'download']),
      detail: r.text(url.detail, ['url', 'detail']),
      directUrlOriginal: r.text(url.directUrlOriginal, ['url', 'directUrlOriginal']),
      directUrlPreview: r.text(url.directUrlPreview, ['url', 'directUrlPreview']),
    };
  } else if (url !== undefined && url !== null) {
    r.fail(['url'], `Expected an object of links, received ${describe(url)}`);
  }
  const asset: CantoAsset = {
    ...raw,
    id: r.id(raw.id, ['id']) ?? '',
    scheme: r.scheme(raw.scheme, ['scheme']) ?? '',
    name: r.text(raw.name, ['name']),
    size: r.looseNumber(raw.size),
    width: r.looseNumber(raw.width),
    height: r.looseNumber(raw.height),
    owner: r.text(raw.owner, ['owner']),
    ownerName: r.text(raw.ownerName, ['ownerName']),
    approvalStatus: r.text(raw.approvalStatus, ['approvalStatus']),
    time: r.date(raw.time, ['time']) ?? '',
    lastUploaded: r.optionalDate(raw.lastUploaded, ['lastUploaded']),
    created: r.optionalDate(raw.created, ['created']),
    description: r.text(raw.description, ['description']),
    tag: r.words(raw.tag, ['tag']),
    keyword: r.words(raw.keyword, ['keyword']),
    additional: r.fields(raw.additional, ['additional']),
    default: r.fields(raw.default, ['default']),
    url: urls,
    relatedAlbums: r.list(raw.relatedAlbums, ['relatedAlbums'], (item, path) => ({
      ...item,
      id: r.text(item.id, [...path, 'id']),
      name: r.text(item.name, [...path, 'name']),
      namePath: r.text(item.namePath, [...path, 'namePath']),
    })),
    versionHistory: r.list(raw.versionHistory, ['versionHistory'], (item, path) => ({
      version: r.text(item.version, [...path, 'version']),
      ownerName: r.text(item.ownerName, [...path, 'ownerName']),
      created: r.optionalDate(item.created, [...path, 'created']),
      comment: r.text(item.comment, [...path, 'comment']),
    })),
  };
  return r.issues.length === 0 ? asset : null;
}

/** One asset from a list, a batch or a detail answer. */
export const cantoAssetSchema = z.unknown().transform((raw, context): CantoAsset => {
  const reader = new FieldReader();
  const asset = readAsset(raw, reader);
  if (asset) return asset;
  for (const issue of reader.issues) context.addIssue({ code: z.ZodIssueCode.custom, message: issue.message, path: issue.path });
  return z.NEVER;
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

const idText = z.union([z.string(), z.number()]).transform((value) => String(value).trim()).pipe(z.string().min(1).max(200));

const count = z.union([z.number(), z.string().regex(/^\s*\d+\s*$/)]).transform(Number).pipe(z.number().int().nonnegative());

/** `GET /api/v1/search` and `GET /api/v1/{scheme}`: `results` is absent when nothing matches. */
export const cantoListEnvelopeSchema = z
  .object({
    results: z.array(z.unknown()).nullable().optional().transform((value) => value ?? []),
    found: count.optional(),
    limit: count.optional(),
  })
  .passthrough();

/** `POST /api/v1/batch/content`. */
export const cantoBatchEnvelopeSchema = z
  .object({
    docResult: z.array(z.unknown()).nullable().optional().transform((value) => value ?? []),
    failed: z
      .array(z.object({ id: idText, scheme: z.string().optional() }).passthrough())
      .nullable()
      .optional()
      .transform((value) => value ?? []),
  })
  .passthrough();

const lifetimeSeconds = z
  .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/)])
  .transform(Number)
  .pipe(z.number().positive());

/**
 * A token answer from either endpoint: `/oauth2/token` (camelCase, `expiresIn` often a string) or
 * `/oauth2/compatible/token` (snake_case). Normalised to camelCase.
 */
export const cantoTokenResponseSchema = z
  .preprocess(
    (body) => {
      if (typeof body !== 'object' || body === null) return body;
      const raw = body as Record<string, unknown>;
      return {
        accessToken: raw.accessToken ?? raw.access_token,
        expiresIn: raw.expiresIn ?? raw.expires_in,
        tokenType: raw.tokenType ?? raw.token_type,
        refreshToken: raw.refreshToken ?? raw.refresh_token,
      };
    },
    z.object({
      accessToken: z.string().min(1),
      expiresIn: lifetimeSeconds.optional(),
      tokenType: z.string().optional(),
      refreshToken: z.string().min(1).nullable().optional(),
    }),
  );
export type CantoTokenResponse = z.output<typeof cantoTokenResponseSchema>;
