import { dayKey } from '../../../src/domain/changes/dayGroups';
import type { RemainingCount } from '../../../src/shared/changeSummaryContract';
import { statusLabel } from '../shared/statusAppearance';

/** Lozenge appearances this view uses (a subset of @atlaskit/lozenge's). */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

const SEVERITY_APPEARANCE: Record<string, LozengeAppearance> = {
  low: 'default',
  medium: 'moved',
  high: 'removed',
  critical: 'removed',
};

/** Impact severity colours; a severity this build does not know stays neutral. Critical is also bold. */
export function severityAppearance(severity: string): { appearance: LozengeAppearance; isBold: boolean } {
  return { appearance: SEVERITY_APPEARANCE[severity] ?? 'default', isBold: severity === 'critical' };
}

const PROMOTION_APPEARANCE: Record<string, LozengeAppearance> = {
  requested: 'new',
  approved: 'inprogress',
  scheduled: 'inprogress',
  succeeded: 'success',
  failed: 'removed',
  cancelled: 'default',
};

export function promotionStateAppearance(state: string): LozengeAppearance {
  return PROMOTION_APPEARANCE[state] ?? 'default';
}

/** "messaging_config" -> "messaging config"; unknown words pass through readable. */
export function kindLabel(kind: string): string {
  return statusLabel(kind);
}

/** "12 older changes", "about 1,200 older changes" (when the window's edge was not read), or null for none. */
export function remainingLabel(remaining: RemainingCount, locale = 'en'): string | null {
  if (remaining.atMost === 0) return null;
  const number = new Intl.NumberFormat(locale);
  if (remaining.atLeast === remaining.atMost) {
    return `${number.format(remaining.atLeast)} older change${remaining.atLeast === 1 ? '' : 's'}`;
  }
  const middle = Math.round((remaining.atLeast + remaining.atMost) / 2);
  return `about ${number.format(Math.max(1, middle))} older changes`;
}

/**
 * The heading of a day group: "Today", "Yesterday", else the date ("Friday, 20 November 2026"). `day` is a
 * YYYY-MM-DD key in `timeZone`; "today" is the server's clock (`now`) in the same zone.
 */
export function dayHeading(day: string, now: string, options: { locale?: string; timeZone?: string } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return 'Unknown day';
  const today = dayKey(now, options.timeZone);
  const yesterday = dayKey(new Date(Date.parse(now) - 24 * 3_600_000).toISOString(), options.timeZone);
  const date = new Intl.DateTimeFormat(options.locale ?? 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  );
  if (day === today) return `Today, ${date}`;
  if (day === yesterday) return `Yesterday, ${date}`;
  return date;
}
