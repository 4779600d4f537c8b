/**
 * The iconik resources the simulator serves, as JSON shaped like iconik's OpenAPI schemas
 * (AssetElasticSchema, ApprovalSchema, AssetHistorySchema, JobElasticSchema, StorageSchema, MetadataValuesSchema, User,
 * WebhookSchema). Times use iconik's format: microseconds and an offset.
 */
import { iconikTime, SIM_FIELDS, SIM_USERS, type IconikCatalog, type JobRecord } from './catalog';

export interface SimStorage {
  name: string;
  method: string;
  purpose: string;
  status: 'ACTIVE' | 'INACTIVE' | 'FAILING';
  statusMessage: string | null;
}

export const SIM_STORAGES: SimStorage[] = [
  { name: 'Media originals (S3)', method: 'S3', purpose: 'FILES', status: 'ACTIVE', statusMessage: null },
  { name: 'Proxies (GCS)', method: 'GCS', purpose: 'PROXIES', status: 'ACTIVE', statusMessage: null },
  { name: 'Archive Glacier', method: 'S3', purpose: 'ARCHIVE', status: 'ACTIVE', statusMessage: null },
  { name: 'Edit SAN (SFTP)', method: 'SFTP', purpose: 'FILES', status: 'FAILING', statusMessage: 'Connection refused by sftp.edit.example:22 since 2026-11-21T23:10:00Z' },
];

export const SIM_VIEWS = [
  { name: 'Marketing rights', fields: SIM_FIELDS, hasValues: true },
  { name: 'Technical', fields: ['codec', 'frame_rate'], hasValues: false },
] as const;

const OTHER = { storage: 0x300000000, view: 0x400000000, webhook: 0x500000000, domain: 0x600000000, version: 0x700000000, step: 0x800000000 };

export const storageId = (catalog: IconikCatalog, k: number) => catalog.otherId(OTHER.storage + k);
export const viewId = (catalog: IconikCatalog, k: number) => catalog.otherId(OTHER.view + k);
export const systemDomainId = (catalog: IconikCatalog) => catalog.otherId(OTHER.domain);

export function userJson(catalog: IconikCatalog, index: number) {
  const [first, last] = SIM_USERS[index] ?? ['Unknown', 'User'];
  return {
    id: catalog.userId(index),
    first_name: first,
    last_name: last,
    email: `${first}.${last}@example.com`.toLowerCase(),
    photo: null,
    status: 'ACTIVE',
  };
}

/** The asset resource (`GET /API/assets/v1/assets/{id}/`); `search` adds what search documents carry. */
export function assetJson(catalog: IconikCatalog, index: number, search?: { sort: unknown[] | null }) {
  const traits = catalog.traits(index);
  const change = catalog.change(index);
  const deletedAt = change?.deletedAt;
  const created = iconikTime(traits.createdAt);
  const asset: Record<string, unknown> = {
    id: catalog.assetId(index),
    title: catalog.title(index),
    type: traits.type,
    status: deletedAt === undefined ? 'ACTIVE' : 'DELETED',
    archive_status: traits.archived ? 'ARCHIVED' : 'NOT_ARCHIVED',
    analyze_status: 'N/A',
    is_online: !traits.archived,
    is_blocked: false,
    category: null,
    external_id: null,
    site_name: null,
    warning: null,
    created_by_user: catalog.userId(traits.createdBy),
    date_created: created,
    date_imported: created,
    date_modified: iconikTime(catalog.modifiedAt(index)),
    versions: [{ id: catalog.otherId(OTHER.version + index), status: 'ACTIVE', date_created: created, analyze_status: 'N/A', archive_status: 'NOT_ARCHIVED', is_online: !traits.archived }],
    ...(deletedAt === undefined ? {} : { date_deleted: iconikTime(deletedAt), deleted_by_user: catalog.userId(1) }),
  };
  if (!search) return asset;
  const metadata: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(catalog.fields(index) ?? {})) if (typeof value === 'string') metadata[name] = [value];
  return {
    ...asset,
    object_type: 'assets',
    media_type: traits.mediaType,
    versions_number: 1,
    comments_count: 0,
    metadata,
    ...(search.sort ? { _sort: search.sort } : {}),
  };
}

export function approvalJson(catalog: IconikCatalog, index: number) {
  const approval = catalog.approval(index);
  if (!approval) return null;
  const approver = (approval.requestedBy + 3) % SIM_USERS.length;
  const other = (approval.requestedBy + 5) % SIM_USERS.length;
  const answers =
    approval.status === 'REQUESTED'
      ? []
      : approval.status === 'MIXED'
        ? [
            { user: catalog.userId(approver), status: 'APPROVED', change_date: iconikTime(approval.changeDate) },
            { user: catalog.userId(other), status: 'NOT_APPROVED', change_date: iconikTime(approval.changeDate) },
          ]
        : [{ user: catalog.userId(approver), status: approval.status, change_date: iconikTime(approval.changeDate) }];
  return {
    object_type: 'assets',
    object_id: catalog.assetId(index),
    status: approval.status,
    user_status: 'N/A',
    requested_by: catalog.userId(approval.requestedBy),
    request_date: iconikTime(approval.requestDate),
    change_date: iconikTime(approval.changeDate),
    min_number: 1,
    users: [catalog.userId(approver), catalog.userId(other)],
    groups: [],
    externals: [],
    approvals_by: answers.map((answer) => ({ ...answer, object_type: 'assets', object_id: catalog.assetId(index) })),
  };
}

export function historyJson(catalog: IconikCatalog, index: number) {
  return catalog.history(index).map((entry) => ({
    id: entry.id,
    asset_id: catalog.assetId(index),
    system_domain_id: systemDomainId(catalog),
    user_id: catalog.userId(entry.user),
    job_id: null,
    version_id: catalog.otherId(OTHER.version + index),
    share_id: null,
    share_user_id: null,
    operation_type: entry.operation,
    operation_description: entry.description,
    date_created: iconikTime(entry.at),
    date_modified: iconikTime(entry.at),
  }));
}

export function jobJson(catalog: IconikCatalog, record: JobRecord) {
  const details = catalog.jobDetails(record);
  const assetId = catalog.assetId(record.asset);
  const finished = record.status !== 'STARTED';
  return {
    id: catalog.jobId(record.index),
    title: details.title,
    type: details.type,
    custom_type: null,
    status: record.status,
    object_type: 'assets',
    object_id: assetId,
    related_objects: [{ object_type: 'assets', object_id: assetId }],
    storage_id: details.type === 'TRANSFER' || details.type === 'ARCHIVE' ? storageId(catalog, details.type === 'ARCHIVE' ? 2 : 3) : null,
    parent_id: null,
    has_children: false,
    priority: 5,
    progress: record.status === 'FINISHED' ? 100 : 40,
    message: record.status === 'FAILED' ? 'Job failed' : record.status === 'FINISHED' ? 'Done' : '',
    error_message: details.error ?? '',
    created_by: catalog.userId(2),
    started_at: iconikTime(details.createdAt),
    ...(finished ? { completed_at: iconikTime(record.modifiedAt) } : {}),
    date_created: iconikTime(details.createdAt),
    date_modified: iconikTime(record.modifiedAt),
    steps: details.steps.map((step, k) => ({
      id: catalog.otherId(OTHER.step + record.index * 4 + k),
      label: step.label,
      status: step.status,
      message: step.status === 'FAILED' ? 'Step failed' : null,
      error_message: step.error,
      date_updated: iconikTime(record.modifiedAt),
    })),
  };
}

export function storageJson(catalog: IconikCatalog, k: number) {
  const storage = SIM_STORAGES[k];
  if (!storage) return null;
  return {
    id: storageId(catalog, k),
    name: storage.name,
    description: null,
    method: storage.method,
    purpose: storage.purpose,
    status: storage.status,
    status_message: storage.statusMessage,
    default: k === 0,
    last_scanned: iconikTime(catalog.base - 3600_000),
    scanner_status: null,
    version: '1',
    // Like iconik's, the settings carry the storage's own credentials: a client must not keep them.
    settings: { bucket: `sim-bucket-${k}`, access_key: 'AKIASIMULATOR000000', secret_key: 'sim-storage-secret-do-not-keep' },
  };
}

export function viewJson(catalog: IconikCatalog, k: number) {
  const view = SIM_VIEWS[k];
  if (!view) return null;
  return {
    id: viewId(catalog, k),
    name: view.name,
    description: null,
    date_created: iconikTime(catalog.base - 400 * 86_400_000),
    date_modified: iconikTime(catalog.base - 30 * 86_400_000),
    view_fields: view.fields.map((name) => ({ name, label: name.replace(/_/g, ' '), field_type: name.endsWith('expiration') ? 'date' : 'string', multi: false, read_only: false })),
  };
}

/** A view's values for an asset, or null when it has none (iconik answers 404). */
export function metadataValuesJson(catalog: IconikCatalog, index: number, k: number) {
  const view = SIM_VIEWS[k];
  if (!view?.hasValues) return null;
  const fields = catalog.fields(index);
  if (!fields) return null;
  const values: Record<string, { field_values: { value: string }[]; date_created: string }> = {};
  for (const name of view.fields) {
    const value = (fields as Record<string, string | null>)[name];
    if (value !== null && value !== undefined) values[name] = { field_values: [{ value }], date_created: iconikTime(catalog.modifiedAt(index)) };
  }
  return {
    object_type: 'assets',
    object_id: catalog.assetId(index),
    version_id: null,
    date_created: iconikTime(catalog.traits(index).createdAt),
    date_modified: iconikTime(catalog.modifiedAt(index)),
    metadata_values: values,
  };
}

export interface WebhookConfig {
  url: string;
  header: string;
  secret: string;
}

export function webhooksJson(catalog: IconikCatalog, config: WebhookConfig) {
  const definitions = [
    { name: 'Governance hub: asset changes', event_type: 'assets', realm: 'entity', operation: null },
    { name: 'Governance hub: metadata changes', event_type: 'assets', realm: 'metadata', operation: 'update' },
    { name: 'Governance hub: failed jobs', event_type: 'jobs', realm: 'entity', operation: 'update' },
  ];
  return definitions.map((definition, k) => ({
    id: catalog.otherId(OTHER.webhook + k),
    ...definition,
    description: null,
    url: config.url,
    status: 'ENABLED',
    object_id: null,
    query: null,
    headers: { [config.header]: config.secret },
    date_created: iconikTime(catalog.base - 90 * 86_400_000),
    date_modified: iconikTime(catalog.base - 90 * 86_400_000),
  }));
}
