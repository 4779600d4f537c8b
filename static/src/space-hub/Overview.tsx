import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { HubSolutionSummary, HubTab, UrgentItem } from '../../../src/shared/spaceHubContract';
import { StatusLozenge } from '../shared/StatusLozenge';
import { secondaryText } from '../shared/textStyles';
import { formatRelativeTime, formatTimeWindow } from '../shared/time';
import { HubOpenFailures } from './HubOpenFailures';

const SEVERITY_APPEARANCE = { critical: 'removed', high: 'removed', medium: 'moved', low: 'default' } as const;

interface OverviewProps {
  summary: HubSolutionSummary;
  now: string;
  onOpenTab(tab: HubTab): void;
}

export function Overview({ summary, now, onOpenTab }: OverviewProps) {
  const { counts } = summary;
  const tiles: { label: string; value: number; tab: HubTab; alert: boolean }[] = [
    { label: 'Environments in outage', value: counts.environmentsByStatus.outage ?? 0, tab: 'environments', alert: (counts.environmentsByStatus.outage ?? 0) > 0 },
    { label: 'Credentials overdue', value: counts.overdueCredentials, tab: 'credentials', alert: counts.overdueCredentials > 0 },
    { label: 'Credentials due soon', value: counts.credentialsDueSoon, tab: 'credentials', alert: false },
    { label: 'SoD findings', value: counts.sodFindings, tab: 'credentials', alert: counts.sodFindings > 0 },
    { label: 'Open failures', value: counts.openFailures, tab: 'environments', alert: counts.openFailures > 0 },
    { label: 'Pending prod promotions', value: counts.pendingProductionPromotions, tab: 'changes', alert: false },
    { label: 'Maintenance (14 days)', value: counts.upcomingMaintenance, tab: 'environments', alert: false },
  ];
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px'), paddingTop: token('space.200', '16px') }}>
      <section aria-label="Environment status at a glance">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px') }} data-testid="hub-environments">
          {summary.environments.map((environment) => (
            <div
              key={environment.id}
              data-testid="hub-environment"
              style={{
                border: `1px solid ${token('color.border', '#0B120E24')}`,
                borderRadius: token('radius.small', '4px'),
                padding: token('space.100', '8px'),
                minWidth: 180,
              }}
            >
              <div>
                <strong>{environment.name}</strong>
              </div>
              <div style={{ ...secondaryText, display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
                {environment.stage} <StatusLozenge status={environment.status} statusKnown={environment.statusKnown} />
              </div>
              {environment.statusMessage && <div style={secondaryText}>{environment.statusMessage}</div>}
            </div>
          ))}
        </div>
      </section>

      <section aria-label="Counts">
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px') }}>
          {tiles.map((tile) => (
            <li key={tile.label}>
              <Button appearance={tile.alert ? 'warning' : 'default'} onClick={() => onOpenTab(tile.tab)} testId={`hub-count-${tile.tab}`}>
                <span data-testid="hub-count-value">{tile.value}</span> {tile.label}
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="hub-urgent">
        <Heading size="small" as="h3" id="hub-urgent">
          Most urgent
        </Heading>
        {summary.urgent.length === 0 ? (
          <p style={secondaryText}>Nothing urgent: no outages, overdue credentials, findings, open failures or pending promotions.</p>
        ) : (
          <ol style={{ paddingLeft: token('space.250', '20px') }} data-testid="hub-urgent-list">
            {summary.urgent.map((item, index) => (
              <UrgentRow key={`${item.kind}-${index}`} item={item} now={now} onOpenTab={onOpenTab} />
            ))}
          </ol>
        )}
      </section>

      {summary.openFailures && <HubOpenFailures solutionId={summary.solution.id} failures={summary.openFailures} now={now} />}

      <section aria-labelledby="hub-maintenance">
        <Heading size="small" as="h3" id="hub-maintenance">
          Maintenance windows
        </Heading>
        {summary.maintenance.length === 0 ? (
          <p style={secondaryText}>No maintenance in progress or planned for the next 14 days.</p>
        ) : (
          <ul style={{ paddingLeft: token('space.250', '20px') }} data-testid="hub-maintenance-list">
            {summary.maintenance.map((window) => (
              <li key={window.id}>
                <strong>{window.title}</strong> {window.inProgress && <Lozenge appearance="inprogress">in progress</Lozenge>}{' '}
                <span style={secondaryText}>
                  {window.kind} · {formatTimeWindow(window.startsAt, window.endsAt)} · affects {window.environments.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function UrgentRow({ item, now, onOpenTab }: { item: UrgentItem; now: string; onOpenTab(tab: HubTab): void }) {
  return (
    <li style={{ marginBottom: token('space.100', '8px') }} data-testid="hub-urgent-item">
      <Lozenge appearance={SEVERITY_APPEARANCE[item.severity]}>{item.severity}</Lozenge> <strong>{item.title}</strong>
      {item.environmentName && <span style={secondaryText}> · {item.environmentName}</span>}
      {item.at && <span style={secondaryText}> · {formatRelativeTime(item.at, now)}</span>}
      {item.detail && <div style={secondaryText}>{item.detail}</div>}
      {item.tab !== 'overview' && (
        <Button appearance="subtle" spacing="compact" onClick={() => onOpenTab(item.tab)}>
          Details
        </Button>
      )}
    </li>
  );
}
