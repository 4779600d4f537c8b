/**
 * zod shapes of what iconik answers, after the schemas in iconik's OpenAPI spec
 * (/work/shared/reference/iconik-key-schemas.json: AssetElasticSchema, ApprovalSchema, AssetHistorySchema,
 * JobElasticSchema, StorageSchema, MetadataValuesSchema, User, the list envelope).
 *
 * Lenient on purpose: unknown fields pass through, enums are open (iconik adds job types and operations), and only the
 * fields this app cannot do without are required. A list is validated item by item (see client.ts), so one bad item
 * is reported and skipped instead of failing its page.
 */
import { z } from 'zod';
import { openEnum } from '../governance/schemas';
import { parseIconikTime } from './time';

export const iconikTime = z.string().refine((text) => parseIconikTime(text) !== null, 'Expected an ISO 8601 date-time');
const optionalTime = iconikTime.nullable().optional();
const optionalText = z.string().nullable().optional();

export const ASSET_STATUSES = ['ACTIVE', 'DELETED'] as const;
export const ASSET_TYPES = ['ASSET', 'SEQUENCE', 'NLE_PROJECT', 'PLACEHOLDER', 'CUSTOM', 'LINK', 'SUBCLIP'] as const;
export const ARCHIVE_STATUSES = ['NOT_ARCHIVED', 'ARCHIVING', 'FAILED_TO_ARCHIVE', 'ARCHIVED'] as const;
export const APPROVAL_STATUSES = ['N/A', 'REQUESTED', 'APPROVED', 'NOT_APPROVED', 'MIXED'] as const;
export const JOB_STATUSES = [
  'READY',
  'STARTED',
  'FINISHED',
  'FINISHED_WITH_WARNING',
  'FAILED',
  'WAITING',
  'ABORT_PENDING',
  'ABORTED',
  'SKIPPED',
  'PAUSED',
] as const;
export const JOB_TYPES = ['TRANSCODE', 'TRANSFER', 'EXPORT', 'ARCHIVE', 'RESTORE', 'METADATA', 'ANALYZE', 'DELETE', 'COPY', 'MOVE'] as const;
export const JOB_STEP_STATUSES = ['IN_PROGRESS', 'WAITING', 'FAILED', 'DONE', 'SKIPPED'] as const;
export const HISTORY_OPERATIONS = [
  'EXPORT',
  'TRANSCODE',
  'ANALYZE',
  'APPROVE',
  'REJECT',
  'DOWNLOAD',
  'METADATA',
  'CUSTOM',
  'VERSION_CREATE',
  'RESTORE',
  'ARCHIVE',
  'DELETE',
  'TRANSFER',
] as const;
export const STORAGE_STATUSES = ['ACTIVE', 'INACTIVE', 'FAILING'] as const;
export const STORAGE_METHODS = ['FILE', 'HTTP', 'FTP', 'SFTP', 'S3', 'B2', 'GCS', 'PORTAL', 'CUSTOM', 'AZURE'] as const;

export const iconikUserSchema = z
  .object({
    id: z.string().min(1),
    first_name: optionalText,
    last_name: optionalText,
    email: optionalText,
  })
  .passthrough();
export type IconikUser = z.infer<typeof iconikUserSchema>;

/**
 * An asset: a search document (`POST /API/search/v1/search/`, with `metadata` and `_sort`) or the asset resource
 * (`GET /API/assets/v1/assets/{id}/`). `date_modified` is required: it is the incremental sync's watermark.
 */
export const iconikAssetSchema = z
  .object({
    id: z.string().min(1),
    title: optionalText,
    type: openEnum(ASSET_TYPES).nullable().optional(),
    status: openEnum(ASSET_STATUSES).nullable().optional(),
    archive_status: openEnum(ARCHIVE_STATUSES).nullable().optional(),
    is_online: z.boolean().nullable().optional(),
    object_type: optionalText,
    external_id: optionalText,
    created_by_user: optionalText,
    created_by_user_info: iconikUserSchema.partial().passthrough().nullable().optional(),
    date_created: optionalTime,
    date_modified: iconikTime,
    date_deleted: optionalTime,
    /** Search documents: metadata field name => values (arrays of plain values or of `{value}`; shape varies). */
    metadata: z.record(z.unknown()).nullable().optional(),
    /** Search documents: the sort values of this hit, to pass back as `search_after`. */
    _sort: z.array(z.unknown()).nullable().optional(),
  })
  .passthrough();
export type IconikAsset = z.infer<typeof iconikAssetSchema>;

export const iconikApprovalBySchema = z
  .object({
    user: optionalText,
    status: openEnum(APPROVAL_STATUSES).nullable().optional(),
    change_date: optionalTime,
  })
  .passthrough();

/** `GET /API/assets/v1/assets/{id}/approvals/request/`: the approval request of an asset and its answers. */
export const iconikApprovalSchema = z
  .object({
    status: openEnum(APPROVAL_STATUSES),
    requested_by: optionalText,
    request_date: optionalTime,
    change_date: optionalTime,
    min_number: z.number().nullable().optional(),
    approvals_by: z.array(iconikApprovalBySchema).nullable().optional(),
  })
  .passthrough();
export type IconikApproval = z.infer<typeof iconikApprovalSchema>;

/** One entry of `GET /API/assets/v1/assets/{id}/history/`: the asset's audit trail. */
export const iconikHistoryEntrySchema = z
  .object({
    id: optionalText,
    asset_id: optionalText,
    user_id: optionalText,
    job_id: optionalText,
    operation_type: openEnum(HISTORY_OPERATIONS),
    operation_description: optionalText,
    date_created: optionalTime,
  })
  .passthrough();
export type IconikHistoryEntry = z.infer<typeof iconikHistoryEntrySchema>;

export const iconikJobStepSchema = z
  .object({
    label: z.string(),
    status: openEnum(JOB_STEP_STATUSES),
    error_message: optionalText,
    message: optionalText,
    date_updated: optionalTime,
  })
  .passthrough();
export type IconikJobStep = z.infer<typeof iconikJobStepSchema>;

/** A job from `GET /API/jobs/v1/jobs/`; TRANSFER jobs are iconik's file transfers. */
export const iconikJobSchema = z
  .object({
    id: z.string().min(1),
    title: optionalText,
    type: openEnum(JOB_TYPES),
    status: openEnum(JOB_STATUSES),
    object_type: optionalText,
    object_id: optionalText,
    related_objects: z
      .array(z.object({ object_id: z.string(), object_type: z.string() }).passthrough())
      .nullable()
      .optional(),
    storage_id: optionalText,
    message: optionalText,
    error_message: optionalText,
    started_at: optionalTime,
    completed_at: optionalTime,
    date_created: optionalTime,
    date_modified: optionalTime,
    steps: z.array(iconikJobStepSchema).nullable().optional(),
  })
  .passthrough();
export type IconikJob = z.infer<typeof iconikJobSchema>;

/**
 * A storage from `GET /API/files/v1/storages/`. Its `settings` (bucket names, access keys) are dropped on read: the app
 * only reports status, and never holds another system's credentials.
 */
export const iconikStorageSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    method: openEnum(STORAGE_METHODS),
    purpose: optionalText,
    status: openEnum(STORAGE_STATUSES).nullable().optional(),
    status_message: optionalText,
    default: z.boolean().nullable().optional(),
    last_scanned: optionalTime,
    settings: z.unknown().optional(),
  })
  .passthrough()
  .transform(({ settings: _settings, ...storage }) => storage);
export type IconikStorage = z.infer<typeof iconikStorageSchema>;

/** `GET /API/metadata/v1/assets/{id}/views/{view_id}/`. */
export const iconikMetadataValuesSchema = z
  .object({
    object_id: optionalText,
    metadata_values: z
      .record(
        z.union([
          z.object({ field_values: z.array(z.unknown()).nullable().optional() }).passthrough(),
          z.null(),
        ]),
      )
      .nullable()
      .optional(),
  })
  .passthrough();

/** The list envelope: `{objects, page, pages, per_page, total, first_url, ..., scroll_id}`. */
export const iconikEnvelopeSchema = z
  .object({
    objects: z.array(z.unknown()).nullable().optional(),
    page: z.number().nullable().optional(),
    pages: z.number().nullable().optional(),
    per_page: z.number().nullable().optional(),
    total: z.number().nullable().optional(),
  })
  .passthrough();
export type IconikEnvelope = z.infer<typeof iconikEnvelopeSchema>;

/** iconik's error bodies: `{"errors": ["message"]}` or `{"errors": {"field": ["message"]}}`. */
export const iconikErrorBodySchema = z
  .object({
    errors: z.union([z.array(z.unknown()), z.record(z.unknown()), z.string()]),
  })
  .passthrough();
