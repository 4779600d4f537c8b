import Checkbox from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import {
  SOD_RULE_TITLES,
  type CredentialOwnershipPage,
  type CredentialOwnershipRequest,
  type CredentialOwnershipResponse,
  type CredentialRow,
  type CredentialSortKey,
} from '../../../src/shared/credentialOwnershipContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable, type DataTableSort } from '../shared/DataTable';
import { SyncStamp } from '../shared/SyncStamp';
import type { ViewContext } from '../shared/useForgeContext';
import type { ResolverState } from '../shared/useResolver';
import { ViewHeader, ViewStateFrame } from '../shared/ViewStateFrame';
import { rowEmphasis } from './appearance';
import { credentialColumns, findingColumns, findingKey } from './columns';

export const CREDENTIAL_PAGE_SIZE = 10;
export const FINDINGS_PAGE_SIZE = 5;

export type CredentialOwnershipAnswer = Exclude<CredentialOwnershipResponse, ResolverError>;

export interface CredentialOwnershipViewProps {
  result: ResolverState<CredentialOwnershipAnswer>;
  request: CredentialOwnershipRequest;
  onRequestChange(request: CredentialOwnershipRequest): void;
  context: ViewContext;
}

const EVERY_OWNER = '';
interface OwnerOption {
  label: string;
  value: string;
}

/** Renders the getCredentialOwnership answer in each of its states. Fetching lives in CredentialOwnershipApp. */
export function CredentialOwnershipView({ result, request, onRequestChange, context }: CredentialOwnershipViewProps) {
  const { isLoading } = result;
  return (
    <ViewStateFrame
      result={result}
      what="credential ownership"
      label="Credential ownership"
      context={context}
      staleSubject="Credential"
      notConfigured={{
        title: 'No solution selected',
        whenEditing: 'Edit the macro to pick a solution: its credentials, owners and findings will be listed here.',
        otherwise: 'This macro has not been set up yet. Edit the macro to pick a solution.',
      }}
      noDataHeader="No credential data"
    >
      {(data, { failedRefresh, staleWarning }) => (
        <>
          <Header data={data} context={context} />
          {failedRefresh}
          {staleWarning}
          <Counts data={data} />
          <Findings data={data} request={request} isLoading={isLoading} onRequestChange={onRequestChange} />
          <Matrix data={data} request={request} isLoading={isLoading} onRequestChange={onRequestChange} context={context} />
        </>
      )}
    </ViewStateFrame>
  );
}

function Header({ data, context }: { data: CredentialOwnershipPage; context: ViewContext }) {
  const { scope } = data;
  const where =
    scope.environments.length > 0
      ? `Environments: ${scope.environments.map((e) => e.name).join(', ')}`
      : scope.stages.length > 0
        ? `Stages: ${scope.stages.join(', ')}`
        : 'All environments';
  return (
    <ViewHeader
      title={<>{data.solution.name}: credential ownership</>}
      subtitle={
        <>
          {where} · due soon means within {scope.dueSoonDays} days
        </>
      }
      subtitleTestId="scope-shown"
      aside={<SyncStamp sync={data.sync} locale={context.locale} timeZone={context.timeZone} />}
    />
  );
}

function Counts({ data }: { data: CredentialOwnershipPage }) {
  const { counts, scope } = data;
  const item = (testId: string, label: string, value: number, appearance: 'removed' | 'moved' | 'default') => (
    <li data-testid={testId} style={{ marginTop: 0 }}>
      <Lozenge appearance={value > 0 ? appearance : 'default'} isBold={value > 0 && appearance === 'removed'}>
        {value}
      </Lozenge>{' '}
      {label}
    </li>
  );
  return (
    <ul
      aria-label="Summary"
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '1rem'), listStyle: 'none', margin: 0, padding: 0 }}
    >
      {item('count-credentials', 'credentials', counts.credentials, 'default')}
      {item('count-expired', 'expired', counts.expired, 'removed')}
      {item('count-overdue', 'overdue', counts.overdue, 'removed')}
      {item('count-due-soon', `due within ${scope.dueSoonDays} days`, counts.dueSoon, 'moved')}
      {item('count-findings', 'with segregation-of-duties findings', counts.withFindings, 'moved')}
    </ul>
  );
}

interface PartProps {
  data: CredentialOwnershipPage;
  request: CredentialOwnershipRequest;
  isLoading: boolean;
  onRequestChange(request: CredentialOwnershipRequest): void;
}

function Findings({ data, request, isLoading, onRequestChange }: PartProps) {
  const { findings } = data;
  const page = isLoading ? (request.findingsPage ?? findings.page) : findings.page;
  return (
    <section aria-labelledby="sod-findings-heading" data-testid="findings">
      <Heading size="xsmall" as="h3" id="sod-findings-heading">
        Segregation-of-duties findings ({findings.total})
      </Heading>
      {findings.rulesOff.length > 0 && (
        <p style={{ margin: `${token('space.050', '0.25rem')} 0`, color: token('color.text.subtle', '#505258') }} data-testid="rules-off">
          Not checked (switched off by the admin): {findings.rulesOff.map((rule) => SOD_RULE_TITLES[rule] ?? rule).join('; ')}.
        </p>
      )}
      {findings.total === 0 ? (
        <SectionMessage appearance="success" title="No findings" testId="no-findings">
          <p>No segregation-of-duties rule flags a credential shown here.</p>
        </SectionMessage>
      ) : (
        <DataTable<(typeof findings.items)[number], never>
          label="Segregation-of-duties findings"
          testId="findings-table"
          columns={findingColumns()}
          rows={findings.items}
          rowKey={findingKey}
          total={findings.total}
          page={page}
          pageSize={findings.pageSize}
          isLoading={isLoading}
          onSortChange={() => undefined}
          onPageChange={(next) => onRequestChange({ ...request, findingsPage: next })}
          emptyView={<span />}
        />
      )}
    </section>
  );
}

function Matrix({ data, request, isLoading, onRequestChange, context }: PartProps & { context: ViewContext }) {
  const sortKey = request.sortKey ?? data.sortKey;
  const sortOrder = request.sortOrder ?? data.sortOrder;
  const page = isLoading ? (request.page ?? data.page) : data.page;
  const options = { now: data.sync.now, locale: context.locale, timeZone: context.timeZone };
  const ownerOptions: OwnerOption[] = [
    { label: 'Every owner', value: EVERY_OWNER },
    ...data.owners.map((owner) => ({ label: owner.name, value: owner.id })),
  ];
  const ownerValue = ownerOptions.find((option) => option.value === (data.scope.owner?.id ?? EVERY_OWNER)) ?? ownerOptions[0];
  const onlyProblems = request.onlyProblems ?? data.scope.onlyProblems;
  // A filter change starts again at page 1 of both tables.
  const filter = (change: Partial<CredentialOwnershipRequest>) => onRequestChange({ ...request, ...change, page: 1, findingsPage: 1 });
  return (
    <section aria-labelledby="credential-matrix-heading" data-testid="credential-matrix">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.150', '0.75rem') }}>
        <Heading size="xsmall" as="h3" id="credential-matrix-heading">
          Credentials ({data.total})
        </Heading>
        <div role="group" aria-label="Filters" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.200', '1rem') }}>
          <label htmlFor="credential-owner-filter" style={{ color: token('color.text.subtle', '#505258') }}>
            Owner
          </label>
          <div style={{ minWidth: 200 }}>
            <Select<OwnerOption>
              inputId="credential-owner-filter"
              options={ownerOptions}
              value={ownerValue}
              isDisabled={isLoading}
              spacing="compact"
              testId="owner-filter"
              onChange={(option) => filter({ ownerId: option && option.value !== EVERY_OWNER ? option.value : null })}
            />
          </div>
          <Checkbox
            label="Only problems"
            name="only-problems"
            isChecked={onlyProblems}
            isDisabled={isLoading}
            testId="only-problems"
            onChange={(event) => filter({ onlyProblems: event.currentTarget.checked })}
          />
        </div>
      </div>
      <DataTable<CredentialRow, CredentialSortKey>
        label="Credential ownership"
        testId="credential-table"
        columns={credentialColumns(options)}
        rows={data.rows}
        rowKey={(row) => row.id}
        rowEmphasis={rowEmphasis}
        total={data.total}
        page={page}
        pageSize={data.pageSize}
        sortKey={sortKey}
        sortOrder={sortOrder}
        isLoading={isLoading}
        onSortChange={(sort: DataTableSort<CredentialSortKey>) => onRequestChange({ ...request, ...sort, page: 1 })}
        onPageChange={(next) => onRequestChange({ ...request, page: next })}
        emptyView={
          <EmptyState
            header={onlyProblems ? 'No problems' : 'No credentials'}
            description={
              onlyProblems
                ? 'No credential shown here is expired, overdue, due soon or flagged by a segregation-of-duties rule.'
                : `${data.solution.name} has no credentials in the environments and for the owner shown.`
            }
            headingLevel={3}
            testId="no-rows"
          />
        }
      />
    </section>
  );
}

export const initialCredentialRequest: CredentialOwnershipRequest = {
  page: 1,
  pageSize: CREDENTIAL_PAGE_SIZE,
  findingsPage: 1,
  findingsPageSize: FINDINGS_PAGE_SIZE,
};
