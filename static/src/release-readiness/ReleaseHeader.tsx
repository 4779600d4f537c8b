import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar, { SuccessProgressBar } from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import {
  READINESS_STATE_ORDER,
  type ReadinessFigure,
  type ReleaseHeader as ReleaseHeaderData,
} from '../../../src/shared/releaseReadinessContract';
import type { SyncStamp as SyncStampData } from '../../../src/shared/syncStamp';
import { SyncStamp } from '../shared/SyncStamp';
import { Timestamp } from '../shared/Timestamp';
import { secondaryText } from '../shared/textStyles';
import { formatAbsoluteTime, formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { readinessAppearance } from './readinessAppearance';

export interface ReleaseHeaderProps extends TimeFormatOptions {
  solutionName: string;
  release: ReleaseHeaderData;
  releaseMode: 'next' | 'pinned';
  sync: SyncStampData;
}

/** "3 of 5 items ready (60%)". */
export function readinessSummary(readiness: ReadinessFigure): string {
  if (readiness.total === 0) return 'No items in this release';
  return `${readiness.ready} of ${readiness.total} items ready (${readiness.percent ?? 0}%)`;
}

export function targetLabel(release: ReleaseHeaderData): string {
  return release.target.name ?? release.target.id;
}

export function ReleaseHeader({ solutionName, release, releaseMode, sync, locale, timeZone }: ReleaseHeaderProps) {
  const { readiness } = release;
  const value = readiness.total === 0 ? 0 : readiness.ready / readiness.total;
  const summary = readinessSummary(readiness);
  return (
    <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: token('space.100', '0.5rem') }}>
        <div>
          <Heading size="small" as="h2">
            {release.name}
          </Heading>
          <p style={{ ...secondaryText, margin: 0 }} data-testid="release-facts">
            {solutionName} · target <strong>{targetLabel(release)}</strong>
            {release.target.stage ? ` (${release.target.stage})` : ' (not one of the solution’s environments)'} · planned for{' '}
            <Timestamp dateTime={release.plannedFor} locale={locale} timeZone={timeZone}>
              {`${formatAbsoluteTime(release.plannedFor, { locale, timeZone })} (${formatRelativeTime(release.plannedFor, sync.now, locale)})`}
            </Timestamp>
            {releaseMode === 'next' && (
              <>
                {' '}
                <Lozenge appearance="new">Next planned release</Lozenge>
              </>
            )}
          </p>
        </div>
        <SyncStamp sync={sync} locale={locale} timeZone={timeZone} />
      </div>
      <div data-testid="readiness-figure">
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.100', '0.5rem'), marginBottom: token('space.050', '0.25rem') }}>
          <strong>{summary}</strong>
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050', '0.25rem') }} aria-label="Items per state">
            {READINESS_STATE_ORDER.filter((state) => readiness.counts[state] > 0).map((state) => {
              const look = readinessAppearance(state);
              return (
                <Lozenge key={state} appearance={look.appearance} isBold={look.isBold} testId={`count-${state}`}>
                  {`${readiness.counts[state]} ${look.label.toLowerCase()}`}
                </Lozenge>
              );
            })}
          </span>
        </div>
        {value === 1 ? (
          <SuccessProgressBar value={value} ariaLabel={summary} testId="readiness-progress" />
        ) : (
          <ProgressBar value={value} ariaLabel={summary} testId="readiness-progress" />
        )}
      </div>
    </header>
  );
}
