/** How approval statuses, sources and expiry read in the asset view. Pure: unit-tested in test/static. */
import type { AssetRow, AssetSource } from '../../../src/shared/assetLifecycleContract';
import type { RowEmphasis } from '../shared/DataTable';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

/**
 * Canto (Approved, Pending, Restricted, Expired, custom) and iconik (N/A, REQUESTED, APPROVED, NOT_APPROVED, MIXED)
 * statuses, matched case-insensitively. A status this build does not know stays neutral with its raw text.
 */
const APPROVAL_APPEARANCE: Record<string, LozengeAppearance> = {
  approved: 'success',
  pending: 'inprogress',
  requested: 'inprogress',
  restricted: 'moved',
  mixed: 'moved',
  expired: 'removed',
  not_approved: 'removed',
  rejected: 'removed',
  'n/a': 'default',
};

export function approvalKey(approval: string): string {
  return approval.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function approvalAppearance(approval: string | null): LozengeAppearance {
  if (approval === null) return 'default';
  return APPROVAL_APPEARANCE[approvalKey(approval)] ?? 'default';
}

/** Whether the app knows what the status means (unknown ones are shown raw, never guessed at). */
export function isKnownApproval(approval: string): boolean {
  return approvalKey(approval) in APPROVAL_APPEARANCE;
}

/** The lozenge text: the platform's own word, readable (NOT_APPROVED -> "NOT APPROVED"); unknown values verbatim. */
export function approvalLabel(approval: string | null): string {
  if (approval === null) return 'Not known yet';
  if (!isKnownApproval(approval)) return approval;
  return approval.replace(/_/g, ' ');
}

export const SOURCE_APPEARANCE: Record<AssetSource, LozengeAppearance> = { canto: 'new', iconik: 'inprogress' };

/** Expired rows stand out in red, expiring ones in amber (always with words too: see expiryText). */
export function assetRowEmphasis(row: Pick<AssetRow, 'expiryState'>): RowEmphasis | undefined {
  if (row.expiryState === 'expired') return 'danger';
  if (row.expiryState === 'expiring') return 'warning';
  return undefined;
}

/** "Expired 3 days ago", "Expires today", "Expires in 12 days", "Expires in 200 days"; null without a date. */
export function expiryText(row: Pick<AssetRow, 'expiryState' | 'daysToExpiry'>): string | null {
  const days = row.daysToExpiry;
  if (days === null || row.expiryState === 'none') return null;
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (row.expiryState === 'expired') {
    if (days >= 0) return 'Expired today';
    return `Expired ${plural(-days)} ago`;
  }
  if (days <= 0) return 'Expires today';
  return `Expires in ${plural(days)}`;
}

/** "2 Dec 2026", read in UTC so the date agrees with the day counts every reader sees. */
export function formatExpiryDate(iso: string, locale?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale ?? 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

/** The summary's approval counts, biggest first, keeping the platform's wording where the summary lower-cased it. */
export function approvalCounts(byApproval: Record<string, number>): { approval: string; count: number }[] {
  return Object.entries(byApproval)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([approval, count]) => ({ approval, count }));
}
