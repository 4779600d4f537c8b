/**
 * The one shape every digital asset takes in this app, whatever platform it comes from (Canto or iconik).
 * Clients map vendor JSON onto it (src/sources/canto/mapAsset.ts, src/sources/iconik/mapAsset.ts); the store keeps it
 * in the `dam-asset` custom entity (src/store/assets/); the asset-lifecycle macro shows it.
 *
 * Vendor vocabularies stay as they are: `approval` keeps Canto's "Approved"/"Pending"/custom statuses and iconik's
 * "REQUESTED"/"NOT_APPROVED"/... verbatim (unknown values are kept and shown, never dropped).
 * Times are ISO 8601 strings in UTC; `null` means the platform does not say.
 */
import { z } from 'zod';

export const DAM_SOURCES = ['canto', 'iconik'] as const;
export const damSourceSchema = z.enum(DAM_SOURCES);
export type DamSource = z.infer<typeof damSourceSchema>;

const isoTime = z.string().datetime({ offset: true });
/** Bounded text: a hostile or broken upstream cannot blow up a stored row. */
const text = (max: number) => z.string().max(max);

export const damJobStepSchema = z.object({
  label: text(200),
  status: text(40),
  error: text(1000).nullable(),
});

/** A failed job or transfer on the asset (iconik jobs; Canto has none). */
export const damFailedJobSchema = z.object({
  id: text(100),
  /** The platform's job type, e.g. TRANSCODE, TRANSFER, EXPORT (open set). */
  type: text(60),
  title: text(300).nullable(),
  /** FAILED, or another failing status the platform reports (open set). */
  status: text(40),
  error: text(2000).nullable(),
  /** When the job failed (completed_at, else date_modified). */
  at: isoTime.nullable(),
  steps: z.array(damJobStepSchema).max(20).default([]),
});
export type DamFailedJob = z.infer<typeof damFailedJobSchema>;

/** One entry of an asset's audit trail: who did what, when. */
export const damActivitySchema = z.object({
  /** A display name when known, else the platform's user id; null when the platform does not say. */
  who: text(200).nullable(),
  /** The operation, e.g. EXPORT, APPROVE, DOWNLOAD (iconik) or "New version 3" (Canto). */
  what: text(200),
  /** Free text the platform adds (operation_description, version comment). */
  detail: text(1000).nullable().default(null),
  when: isoTime,
});
export type DamActivity = z.infer<typeof damActivitySchema>;

export const damAssetSchema = z.object({
  source: damSourceSchema,
  /** The platform's id (Canto content id, iconik asset UUID). */
  id: text(200).min(1),
  /** Canto scheme (image, video, document, ...) or iconik type (ASSET, SEQUENCE, ...). */
  kind: text(60).nullable(),
  name: text(500),
  /** The platform's approval status verbatim; null until known (iconik approvals are fetched per asset). */
  approval: text(60).nullable(),
  campaign: text(200).nullable(),
  productLine: text(200).nullable(),
  region: text(200).nullable(),
  usageRights: text(500).nullable(),
  /** When the usage rights expire. */
  expiresAt: isoTime.nullable(),
  createdAt: isoTime.nullable(),
  /** The platform's last-modified time: the incremental sync's watermark field. */
  modifiedAt: isoTime,
  owner: text(200).nullable(),
  /** Where a user opens the asset in Canto or iconik (https only). */
  link: z.string().url().max(2000).nullable(),
  failedJobs: z.array(damFailedJobSchema).max(10).default([]),
  /** The newest audit-trail entry. */
  lastActivity: damActivitySchema.nullable(),
  /** iconik: when approval and history were last fetched for this asset; null = not yet (Canto: always null). */
  enrichedAt: isoTime.nullable().default(null),
});
export type DamAsset = z.infer<typeof damAssetSchema>;

/** What the asset key is in every store: `<source>:<id>` (ids are opaque and may hold any character). */
export function damAssetKey(asset: Pick<DamAsset, 'source' | 'id'>): string {
  return `${asset.source}:${asset.id}`;
}
