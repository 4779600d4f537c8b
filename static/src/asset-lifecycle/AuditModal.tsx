import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import { useState } from 'react';
import {
  ASSET_SOURCE_LABELS,
  type AssetActivityView,
  type AssetAuditRequest,
  type AssetAuditResult,
  type AssetRow,
} from '../../../src/shared/assetLifecycleContract';
import type { ResolverError } from '../../../src/shared/resolverError';
import { DataTable, type DataTableColumn } from '../shared/DataTable';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { Timestamp } from '../shared/Timestamp';
import { placeholderText, secondaryText } from '../shared/textStyles';
import { formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { useResolver } from '../shared/useResolver';
import { ErrorState, LoadingState } from '../shared/ViewStates';
import { ApprovalCell, ExpiryCell, type CellOptions } from './cells';

const ENTRIES_PER_PAGE = 20;

const fetchAudit = (request: AssetAuditRequest) => unwrapResolverAnswer<AssetAuditResult>(invoke('assetLifecycle.getAudit', { ...request }));

export interface AuditModalProps extends TimeFormatOptions {
  row: AssetRow | null;
  now: string;
  expiringDays: number;
  onClose(): void;
}

/** An asset's audit trail (who accessed, moved, approved or exported it, and when) in a modal dialog. */
export function AuditModal({ row, onClose, ...options }: AuditModalProps) {
  return (
    <ModalTransition>
      {row && (
        <Modal onClose={onClose} width="large" testId="audit-modal" label={`Audit trail of ${row.name || row.id}`}>
          <ModalHeader>
            <ModalTitle>Audit trail: {row.name || row.id}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <AuditBody row={row} options={options} />
          </ModalBody>
          <ModalFooter>
            <Button appearance="primary" onClick={onClose} testId="close-audit">
              Close
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </ModalTransition>
  );
}

function AuditBody({ row, options }: { row: AssetRow; options: TimeFormatOptions & { now: string; expiringDays: number } }) {
  const result = useResolver(fetchAudit, { source: row.source, id: row.id });
  const [page, setPage] = useState(1);
  const { data, error, isLoading, retry } = result;
  if (!data) {
    if (error) return <ErrorState title="Couldn't load the audit trail" message={error.message} onRetry={retry} isRetrying={isLoading} />;
    return <LoadingState label="Loading the audit trail" />;
  }
  const answer = data as Exclude<AssetAuditResult, ResolverError>;
  if (answer.state === 'not-found') {
    return (
      <SectionMessage appearance="warning" title="Asset not found" testId="audit-not-found">
        <p>{answer.message}</p>
      </SectionMessage>
    );
  }
  const cellOptions: CellOptions = { ...options, onOpenAudit: () => undefined };
  const entries = answer.entries;
  const offset = (page - 1) * ENTRIES_PER_PAGE;
  const shown: AuditEntryRow[] = entries.slice(offset, offset + ENTRIES_PER_PAGE).map((entry, index) => ({ ...entry, position: offset + index }));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '0.75rem') }} data-testid="audit-view">
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${token('space.050', '0.25rem')} ${token('space.200', '1rem')}`, margin: 0 }}>
        <dt style={secondaryText}>Source</dt>
        <dd style={{ margin: 0 }}>{ASSET_SOURCE_LABELS[answer.asset.source]}</dd>
        <dt style={secondaryText}>Approval</dt>
        <dd style={{ margin: 0 }}>
          <ApprovalCell row={answer.asset} />
        </dd>
        <dt style={secondaryText}>Usage rights</dt>
        <dd style={{ margin: 0 }}>
          <ExpiryCell row={answer.asset} options={cellOptions} />
        </dd>
      </dl>
      <p style={{ margin: 0, ...secondaryText }} data-testid="audit-count">
        {entries.length === 0 ? 'No activity recorded.' : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first: who accessed, moved, approved or exported the asset, and when.`}
      </p>
      {!answer.complete && answer.message && (
        <SectionMessage appearance="information" testId="audit-incomplete">
          <p>{answer.message}</p>
        </SectionMessage>
      )}
      <DataTable<AuditEntryRow, never>
        label="Audit trail"
        testId="audit-table"
        columns={auditColumns(options)}
        rows={shown}
        rowKey={(entry) => String(entry.position)}
        total={entries.length}
        page={page}
        pageSize={ENTRIES_PER_PAGE}
        isLoading={false}
        onSortChange={() => undefined}
        onPageChange={setPage}
        emptyView={<p style={placeholderText}>No activity has been recorded for this asset.</p>}
      />
    </div>
  );
}

/** An entry and its place in the trail (entries can repeat: the same export twice in a second). */
type AuditEntryRow = AssetActivityView & { position: number };

function auditColumns(options: TimeFormatOptions & { now: string }): DataTableColumn<AuditEntryRow, never>[] {
  return [
    {
      key: 'when',
      label: 'When',
      width: 22,
      render: (entry) => (
        <Timestamp dateTime={entry.when} locale={options.locale} timeZone={options.timeZone}>
          {formatRelativeTime(entry.when, options.now, options.locale)}
        </Timestamp>
      ),
    },
    { key: 'who', label: 'Who', width: 22, render: (entry) => (entry.who ? entry.who : <span style={placeholderText}>Not recorded</span>) },
    { key: 'what', label: 'What', width: 20, render: (entry) => <strong>{entry.what}</strong> },
    { key: 'detail', label: 'Details', width: 36, render: (entry) => (entry.detail ? entry.detail : <span style={placeholderText}>—</span>) },
  ];
}
