import { invoke, view } from '@forge/bridge';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type ReactNode } from 'react';
import type { HubSolutionSummary, HubTab, SpaceHubResponse } from '../../../src/shared/spaceHubContract';
import { ChangeSummaryApp } from '../change-summary/ChangeSummaryApp';
import { CredentialOwnershipApp } from '../credential-ownership/CredentialOwnershipApp';
import { EnvStatusApp } from '../env-status/EnvStatusApp';
import { ReleaseReadinessApp } from '../release-readiness/ReleaseReadinessApp';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { StaleWarning } from '../shared/StaleWarning';
import { SyncStamp } from '../shared/SyncStamp';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { Overview } from './Overview';
import { SpecsTab } from './SpecsTab';

const fetchHub = () => unwrapResolverAnswer<SpaceHubResponse>(invoke('getSpaceHub', {}));

export const HUB_TABS: { id: HubTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'environments', label: 'Environments' },
  { id: 'credentials', label: 'Credentials' },
  { id: 'changes', label: 'Changes' },
  { id: 'releases', label: 'Releases' },
  { id: 'specs', label: 'Specs' },
];

/** The space page: everything the space's solution(s) have, from summaries the sync prepared. */
export function SpaceHubApp() {
  const context = useForgeContext();
  const result = useResolver(fetchHub, {});
  const settled = result.data !== undefined || result.error !== undefined;
  useEffect(() => {
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);

  if (result.error && !result.data) {
    return <ErrorState title="Couldn't load the integration hub" message={result.error.message} onRetry={result.retry} isRetrying={result.isLoading} />;
  }
  const data = result.data;
  if (!data) return <LoadingState label="Loading the integration hub" />;

  return (
    <div style={{ padding: token('space.200', '16px'), display: 'grid', gap: token('space.200', '16px') }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: token('space.200', '16px') }}>
        <Heading size="large" as="h1">
          Integration hub{data.space.key ? ` · ${data.space.key}` : ''}
        </Heading>
        <SyncStamp sync={data.sync} locale={context?.locale} timeZone={context?.timeZone} />
      </header>
      <StaleWarning sync={data.sync} locale={context?.locale} />
      {data.state === 'no-data' && (
        <SectionMessage appearance="information" title="Nothing to show yet" testId="hub-no-data">
          <p>{data.message}</p>
        </SectionMessage>
      )}
      {data.state === 'not-mapped' && <NotMapped spaceKey={data.space.key} solutions={data.solutions} />}
      {data.state === 'ok' && data.solutions.map((summary) => <SolutionHub key={summary.solution.id} summary={summary} now={data.sync.now} />)}
    </div>
  );
}

function TabBody({ children }: { children: ReactNode }) {
  return <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>{children}</div>;
}

function NotMapped({ spaceKey, solutions }: { spaceKey: string | null; solutions: { id: string; name: string; spaceKey: string | null }[] }) {
  return (
    <SectionMessage appearance="information" title="No solution is mapped to this space" testId="hub-not-mapped">
      <p>
        The governance backend maps each solution to a Confluence space. None is mapped to {spaceKey ? <strong>{spaceKey}</strong> : 'this space'}.
      </p>
      {solutions.length > 0 && (
        <ul>
          {solutions.map((s) => (
            <li key={s.id}>
              {s.name}: {s.spaceKey ? <>space <strong>{s.spaceKey}</strong></> : 'no space'}
            </li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}

function SolutionHub({ summary, now }: { summary: HubSolutionSummary; now: string }) {
  const [selected, setSelected] = useState(0);
  const select = (tab: HubTab) => setSelected(Math.max(0, HUB_TABS.findIndex((t) => t.id === tab)));
  return (
    <section aria-labelledby={`hub-${summary.solution.id}`} data-testid="hub-solution">
      <Heading size="medium" as="h2" id={`hub-${summary.solution.id}`}>
        {summary.solution.name}
      </Heading>
      <Tabs id={`hub-tabs-${summary.solution.id}`} selected={selected} onChange={setSelected}>
        <TabList>
          {HUB_TABS.map((tab) => (
            <Tab key={tab.id}>{tab.label}</Tab>
          ))}
        </TabList>
        <TabPanel>
          <Overview summary={summary} now={now} onOpenTab={select} />
        </TabPanel>
        <TabPanel>
          <TabBody>
            <EnvStatusApp solutionId={summary.solution.id} />
          </TabBody>
        </TabPanel>
        <TabPanel>
          <TabBody>
            <CredentialOwnershipApp solutionId={summary.solution.id} />
          </TabBody>
        </TabPanel>
        <TabPanel>
          <TabBody>
            <ChangeSummaryApp solutionId={summary.solution.id} />
          </TabBody>
        </TabPanel>
        <TabPanel>
          <TabBody>
            <ReleaseReadinessApp solutionId={summary.solution.id} />
          </TabBody>
        </TabPanel>
        <TabPanel>
          <TabBody>
            <SpecsTab solutionId={summary.solution.id} now={now} />
          </TabBody>
        </TabPanel>
      </Tabs>
    </section>
  );
}
