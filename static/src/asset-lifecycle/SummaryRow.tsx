import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { ASSET_SOURCE_LABELS, type AssetFilters, type AssetPage } from '../../../src/shared/assetLifecycleContract';
import { approvalCounts, approvalLabel } from './appearance';
import { sameFilters } from './assetQuery';

export interface SummaryRowProps {
  data: AssetPage;
  /** The filters the reader asked for (the pressed count follows them at once). */
  filters: AssetFilters;
  isLoading: boolean;
  /** Replaces the filters with the one a count stands for ("12 expired" shows the 12 expired assets). */
  onShortcut(filters: AssetFilters): void;
}

interface Shortcut {
  testId: string;
  count: number;
  label: string;
  filters: AssetFilters;
  tone?: 'danger' | 'warning';
}

/** The counts on top, in groups (assets, approval, usage rights, jobs): every count is a button that shows what it counts. */
export function SummaryRow({ data, filters, isLoading, onShortcut }: SummaryRowProps) {
  const { summary, expiringDays, scope } = data;
  const groups: { label: string; shortcuts: Shortcut[] }[] = [
    {
      label: 'Assets',
      shortcuts: [
        { testId: 'count-total', count: summary.total, label: summary.total === 1 ? 'asset' : 'assets', filters: {} },
        ...(scope.sources.length > 1
          ? scope.sources.map((source) => ({ testId: `count-source-${source}`, count: summary.bySource[source] ?? 0, label: `in ${ASSET_SOURCE_LABELS[source]}`, filters: { sources: [source] } }))
          : []),
      ],
    },
    {
      label: 'Approval',
      shortcuts: approvalCounts(summary.byApproval).map(({ approval, count }) => ({
        testId: `count-approval-${approval}`,
        count,
        label: approvalLabel(approval).toLowerCase(),
        filters: { approval },
      })),
    },
    {
      label: 'Usage rights',
      shortcuts: [
        { testId: 'count-expired', count: summary.expired, label: 'expired', filters: { expiry: 'expired' }, tone: 'danger' },
        { testId: 'count-expiring', count: summary.expiring, label: `expiring within ${expiringDays} days`, filters: { expiry: 'expiring' }, tone: 'warning' },
      ],
    },
    { label: 'Jobs', shortcuts: [{ testId: 'count-failed', count: summary.withFailedJobs, label: 'with failed jobs', filters: { failedOnly: true }, tone: 'danger' }] },
  ];
  const applied = filters;
  const appliedWithoutScope = { ...applied, sources: sameSources(applied.sources, scope.sources) ? undefined : applied.sources };
  return (
    <div
      role="group"
      aria-label="Summary: choose a count to show those assets"
      data-testid="asset-summary"
      style={{ display: 'flex', flexWrap: 'wrap', columnGap: token('space.300', '1.5rem'), rowGap: token('space.100', '0.5rem') }}
    >
      {groups
        .filter((group) => group.shortcuts.length > 0)
        .map((group) => (
          <div key={group.label} role="group" aria-label={group.label} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
            <span aria-hidden style={{ color: token('color.text.subtle', '#505258'), font: token('font.body.small', '0.75rem') }}>
              {group.label}
            </span>
            <ul style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075', '0.375rem'), listStyle: 'none', margin: 0, padding: 0 }}>
              {group.shortcuts.map((shortcut) => (
                <ShortcutButton key={shortcut.testId} shortcut={shortcut} pressed={sameFilters(appliedWithoutScope, shortcut.filters)} isLoading={isLoading} onShortcut={onShortcut} />
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}

function ShortcutButton({ shortcut, pressed, isLoading, onShortcut }: { shortcut: Shortcut; pressed: boolean; isLoading: boolean; onShortcut(filters: AssetFilters): void }) {
  const colour =
    shortcut.count > 0 && shortcut.tone === 'danger'
      ? token('color.text.danger', '#AE2E24')
      : shortcut.count > 0 && shortcut.tone === 'warning'
        ? token('color.text.warning', '#A54800')
        : token('color.text', '#292A2E');
  return (
    <li style={{ marginTop: 0 }}>
      <Button testId={shortcut.testId} isSelected={pressed} aria-pressed={pressed} isDisabled={isLoading} onClick={() => onShortcut(shortcut.filters)}>
        <span style={{ color: pressed ? undefined : colour }}>
          <strong>{shortcut.count}</strong> {shortcut.label}
        </span>
      </Button>
    </li>
  );
}

function sameSources(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length === 0) return true;
  return a.length === b.length && a.every((source) => b.includes(source));
}
