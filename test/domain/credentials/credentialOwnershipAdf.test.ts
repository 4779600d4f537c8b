import { credentialOwnershipAdf } from '../../../src/domain/credentials/credentialOwnershipAdf';
import type { CredentialOwnershipPage, CredentialRow } from '../../../src/shared/credentialOwnershipContract';
import type { SyncStamp } from '../../../src/shared/syncStamp';

const sync: SyncStamp = {
  lastSuccessAt: '2026-11-22T11:30:00Z',
  lastAttemptAt: '2026-11-22T11:30:00Z',
  lastErrorAt: null,
  lastError: null,
  intervalMinutes: 60,
  stale: false,
  staleReason: null,
  now: '2026-11-22T12:00:00Z',
};

const row: CredentialRow = {
  id: 'c1',
  name: 'SFTP password <prod> & "orders"',
  kind: 'password',
  system: 'SFTP gateway',
  environment: { id: 'env-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
  owner: null,
  backupOwner: null,
  approvers: [],
  lastRotatedAt: '2026-05-01T10:00:00Z',
  lastRotatedBy: { id: 'u-t', name: 'Tomás García' },
  rotationPolicyDays: 90,
  expiresAt: null,
  nextDueAt: '2026-07-30T10:00:00.000Z',
  nextDueReason: 'rotation-policy',
  status: 'active',
  statusKnown: true,
  state: 'overdue',
  findings: [{ rule: 'production-owner-missing', severity: 'high', people: [], message: 'No owner and no backup owner.' }],
};

function page(overrides: Partial<CredentialOwnershipPage> = {}): CredentialOwnershipPage {
  return {
    state: 'ok',
    solution: { id: 'sol-otc', name: 'Retail Order-to-Cash' },
    scope: { stages: ['prod'], environments: [], owner: null, onlyProblems: true, dueSoonDays: 21 },
    owners: [],
    counts: { credentials: 3, expired: 0, overdue: 1, dueSoon: 0, withFindings: 1 },
    findings: {
      items: [{ rule: 'production-owner-missing', severity: 'high', credentialId: 'c1', credentialName: row.name, environmentId: 'env-prod', people: [], message: 'No owner and no backup owner.' }],
      total: 1,
      page: 1,
      pageSize: 200,
      rulesOff: ['owner-across-stages'],
    },
    rows: [row],
    total: 1,
    page: 1,
    pageSize: 500,
    sortKey: 'status',
    sortOrder: 'ASC',
    sync,
    ...overrides,
  };
}

const textOf = (node: unknown): string => JSON.stringify(node);
const tables = (adf: { content: { type: string }[] }) => adf.content.filter((node) => node.type === 'table');

describe('credential ownership in PDF and Word exports', () => {
  it('shows the findings and the credential matrix as two tables, values as data (no escaping)', () => {
    const adf = credentialOwnershipAdf(page());
    expect(tables(adf)).toHaveLength(2);
    const text = textOf(adf);
    expect(text).toContain('Credential ownership: Retail Order-to-Cash');
    expect(text).toContain('SFTP password <prod> & \\"orders\\"');
    expect(text).toContain('Production credential without owner or backup owner');
    expect(text).toContain('OVERDUE');
    expect(text).toContain('2026-07-30');
    expect(text).toContain('by Tomás García');
    expect(text).toContain('due within 21 days');
    expect(text).toContain('Stages: prod.');
    expect(text).toContain('Not checked (switched off by the admin): Same owner in production and non-production');
  });

  it('says when there were more rows or findings than an export holds', () => {
    const text = textOf(credentialOwnershipAdf(page({ total: 900, findings: { ...page().findings, total: 350 } })));
    expect(text).toContain('Showing 1 of 900 credentials');
    expect(text).toContain('Showing the 1 most severe of 350 findings');
  });

  it('says so when nothing matches, and warns when the data is stale', () => {
    const adf = credentialOwnershipAdf(
      page({ rows: [], total: 0, findings: { ...page().findings, items: [], total: 0 }, sync: { ...sync, stale: true, staleReason: 'last-sync-failed', lastError: 'HTTP 503' } }),
    );
    expect(tables(adf)).toHaveLength(0);
    const text = textOf(adf);
    expect(text).toContain('No findings.');
    expect(text).toContain('No credential with problems.');
    expect(text).toContain('the last sync failed (HTTP 503)');
  });
});
