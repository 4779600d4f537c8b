import {
  SOD_RULE_TITLES,
  type CredentialRow,
  type CredentialSortKey,
  type SodFinding,
} from '../../../src/shared/credentialOwnershipContract';
import type { DataTableColumn } from '../shared/DataTable';
import { secondaryText } from '../shared/textStyles';
import {
  ApproversCell,
  CredentialCell,
  EnvironmentCell,
  LastRotatedCell,
  NextDueCell,
  PeopleCell,
  PersonCell,
  SeverityLozenge,
  StatusCell,
  type CellOptions,
} from './cells';
import { kindLabel } from './appearance';

/** The matrix's columns; sortable ones carry the resolver's CREDENTIAL_SORT_KEYS. */
export function credentialColumns(options: CellOptions): DataTableColumn<CredentialRow, CredentialSortKey>[] {
  return [
    { key: 'credential', label: 'Credential', sortKey: 'name', width: 16, render: (row) => <CredentialCell row={row} /> },
    { key: 'kind', label: 'Kind', width: 7, render: (row) => kindLabel(row.kind) },
    { key: 'system', label: 'System', width: 9, render: (row) => row.system },
    { key: 'environment', label: 'Environment', sortKey: 'environment', width: 10, render: (row) => <EnvironmentCell row={row} /> },
    { key: 'owner', label: 'Owner', sortKey: 'owner', width: 8, render: (row) => <PersonCell person={row.owner} missing="No owner" /> },
    { key: 'backupOwner', label: 'Backup owner', width: 8, render: (row) => <PersonCell person={row.backupOwner} missing="No backup" /> },
    { key: 'approvers', label: 'Approvers', width: 8, render: (row) => <ApproversCell row={row} /> },
    { key: 'lastRotated', label: 'Last rotated', width: 9, render: (row) => <LastRotatedCell row={row} options={options} /> },
    { key: 'nextDue', label: 'Next due', sortKey: 'due', width: 10, render: (row) => <NextDueCell row={row} options={options} /> },
    { key: 'status', label: 'Status', sortKey: 'status', width: 15, render: (row) => <StatusCell row={row} /> },
  ];
}

/** The findings table: fixed order (most severe first), so no column sorts. */
export function findingColumns(): DataTableColumn<SodFinding, never>[] {
  return [
    { key: 'severity', label: 'Severity', width: 9, render: (finding) => <SeverityLozenge severity={finding.severity} /> },
    { key: 'rule', label: 'Rule', width: 20, render: (finding) => SOD_RULE_TITLES[finding.rule] ?? finding.rule },
    {
      key: 'credential',
      label: 'Credential',
      width: 20,
      render: (finding) => <strong>{finding.credentialName}</strong>,
    },
    { key: 'people', label: 'People', width: 17, render: (finding) => <PeopleCell finding={finding} /> },
    { key: 'message', label: 'Finding', width: 34, render: (finding) => <span style={secondaryText}>{finding.message}</span> },
  ];
}

export function findingKey(finding: SodFinding): string {
  return `${finding.rule}:${finding.credentialId}:${finding.people.map((person) => person.id).join('+')}`;
}
