import { prepareCredentialOwnership, type CredentialIndex, type StoredCredentialRow } from '../../../src/domain/credentials/credentialOwnershipRows';
import { selectCredentials, selectFindings, toCredentialRow, type CredentialEntry, type CredentialQuery } from '../../../src/domain/credentials/credentialOwnershipPage';
import { segregationOfDutiesFindings } from '../../../src/domain/credentials/segregationOfDuties';
import type { Credential } from '../../../src/sources/governance/schemas';
import { ENVIRONMENTS, NOW, ana, bo, credential, cy, daysFromNow, dee, input } from './fixtures';

/** Five credentials, one per state, spread over owners and environments. */
const CREDENTIALS: Credential[] = [
  credential({ id: 'c-ok', name: 'Alpha key', environmentId: 'env-dev', owner: bo, lastRotatedAt: daysFromNow(-10) }),
  credential({ id: 'c-soon', name: 'Bravo key', environmentId: 'env-test', owner: cy, approvers: [dee], lastRotatedAt: daysFromNow(-80) }),
  credential({ id: 'c-over', name: 'Charlie key', owner: ana, lastRotatedAt: daysFromNow(-120) }),
  credential({ id: 'c-exp', name: 'Delta cert', kind: 'certificate', owner: dee, status: 'expired', expiresAt: daysFromNow(-2) }),
  credential({ id: 'c-nobody', name: 'Echo password', kind: 'password', owner: null, backupOwner: null, lastRotatedAt: null, rotationPolicyDays: null }),
  credential({ id: 'c-revoked', name: 'Foxtrot key', environmentId: 'env-dev', owner: bo, status: 'revoked', lastRotatedAt: daysFromNow(-400) }),
];

function prepared(credentials = CREDENTIALS) {
  const findings = segregationOfDutiesFindings(input(credentials), { ownerAcrossStages: false });
  return prepareCredentialOwnership({
    solutionId: 'sol-otc',
    solutionName: 'Retail Order-to-Cash',
    environments: ENVIRONMENTS,
    credentials,
    findings,
    rulesOff: ['owner-across-stages'],
    dueSoonDays: 14,
    now: NOW,
  });
}

function entries(p = prepared()): CredentialEntry[] {
  return p.rows.map((row, c) => ({ ...p.indexOf(row), id: row.id, c }));
}

const query = (overrides: Partial<CredentialQuery> = {}): CredentialQuery => ({
  stages: [],
  environmentIds: [],
  ownerId: null,
  onlyProblems: false,
  sortKey: 'name',
  sortOrder: 'ASC',
  page: 1,
  pageSize: 10,
  dueSoonDays: 14,
  now: NOW,
  ...overrides,
});

/** The backend ids of the page's credentials (an entry's own id is the row's rank by name). */
const ids = (p: ReturnType<typeof prepared>, q: Partial<CredentialQuery>) =>
  selectCredentials(entries(p), p.summary, query(q)).pageEntries.map((e) => p.rows.find((row) => row.id === e.id)?.credentialId);

describe('preparing the credential-ownership view', () => {
  it('never copies a field it does not know from the backend into a row (a secret, say)', () => {
    const leaky = { ...credential(), secret: 'hunter2', password: 'p4ss', token: 'tok', value: 'v' } as Credential;
    const [row] = prepared([leaky]).rows;
    expect(JSON.stringify(row)).not.toMatch(/hunter2|p4ss|tok"|"v"/);
    expect(Object.keys(row ?? {})).not.toEqual(expect.arrayContaining(['secret']));
  });

  it('keeps index entries small: numbers, and nothing at its usual value', () => {
    const p = prepared();
    const row = (id: string) => p.rows.find((r) => r.credentialId === id) as never;
    expect(p.indexOf(row('c-ok'))).toEqual({ e: expect.any(Number), o: expect.any(Number), d: expect.any(Number) });
    const nobody: CredentialIndex = p.indexOf(row('c-nobody'));
    expect(nobody).toEqual({ e: expect.any(Number), f: 1 });
    expect(JSON.stringify(p.indexOf(row('c-exp')))).toMatch(/"t":"expired"/);
    expect(p.rows.map((r) => [r.credentialId, r.id])).toContainEqual(['c-ok', '0']);
    expect(p.findings.map((f) => f.id)).toEqual(['0']);
  });

  it('stores rows worst first, so the default sort reads the first chunks', () => {
    expect(prepared().rows.map((row) => row.credentialId)).toEqual(['c-exp', 'c-over', 'c-soon', 'c-ok', 'c-nobody', 'c-revoked']);
  });

  it('summarises environments and owners sorted by name, and counts findings', () => {
    const { summary } = prepared();
    expect(summary.environments.map((e) => e.name)).toEqual(['OTC Development', 'OTC Production', 'OTC Test']);
    expect(summary.owners.map((o) => o.name)).toEqual(['Ana Silva', 'Bo Chen', 'Cy Park', 'Dee Okoro']);
    expect(summary.counts).toMatchObject({ credentials: 6, findings: 1, findingsByRule: { 'production-owner-missing': 1 } });
  });

  it('keeps a credential whose environment the backend did not list, under its raw id', () => {
    const p = prepared([credential({ environmentId: 'env-mystery' })]);
    expect(p.rows[0]?.environment).toEqual({ id: 'env-mystery', name: 'env-mystery', stage: 'unknown', isProduction: false });
  });
});

describe('choosing a page of credentials', () => {
  const p = prepared();

  it('sorts by status worst first, then by due date', () => {
    expect(ids(p, { sortKey: 'status' })).toEqual(['c-exp', 'c-over', 'c-soon', 'c-ok', 'c-nobody', 'c-revoked']);
    expect(ids(p, { sortKey: 'status', sortOrder: 'DESC' })[0]).toBe('c-revoked');
  });

  it('decides due soon at render with the macro’s window', () => {
    expect(ids(p, { sortKey: 'status', onlyProblems: true, dueSoonDays: 5 })).not.toContain('c-soon');
    expect(ids(p, { sortKey: 'status', onlyProblems: true, dueSoonDays: 14 })).toContain('c-soon');
    const later = selectCredentials(entries(p), p.summary, query({ now: new Date(NOW.getTime() + 60 * 86_400_000) }));
    expect(later.counts.overdue).toBeGreaterThan(selectCredentials(entries(p), p.summary, query()).counts.overdue);
  });

  it('sorts by name, environment, owner and due date, rows without a value last either way', () => {
    expect(ids(p, { sortKey: 'name', sortOrder: 'DESC' })).toEqual(['c-revoked', 'c-nobody', 'c-exp', 'c-over', 'c-soon', 'c-ok']);
    expect(ids(p, { sortKey: 'environment' })).toEqual(['c-ok', 'c-revoked', 'c-over', 'c-exp', 'c-nobody', 'c-soon']);
    expect(ids(p, { sortKey: 'owner' }).at(-1)).toBe('c-nobody');
    expect(ids(p, { sortKey: 'owner', sortOrder: 'DESC' }).at(-1)).toBe('c-nobody');
    expect(ids(p, { sortKey: 'due' }).slice(0, 3)).toEqual(['c-revoked', 'c-over', 'c-exp']);
    expect(ids(p, { sortKey: 'due', sortOrder: 'DESC' }).at(-1)).toBe('c-nobody');
  });

  it('keeps only problems: expired, overdue, due soon or with a finding', () => {
    expect(ids(p, { onlyProblems: true }).sort()).toEqual(['c-exp', 'c-nobody', 'c-over', 'c-soon']);
  });

  it('filters by stage, by environment and by owner, counting the scope before only-problems', () => {
    expect(ids(p, { stages: ['dev'] }).sort()).toEqual(['c-ok', 'c-revoked']);
    expect(ids(p, { environmentIds: ['env-test'] })).toEqual(['c-soon']);
    expect(ids(p, { ownerId: bo.id }).sort()).toEqual(['c-ok', 'c-revoked']);
    expect(ids(p, { ownerId: 'u-nobody-owns-anything' })).toEqual([]);
    const prod = selectCredentials(entries(p), p.summary, query({ stages: ['prod'], onlyProblems: true }));
    expect(prod.counts).toEqual({ credentials: 3, expired: 1, overdue: 1, dueSoon: 0, withFindings: 1 });
  });

  it('pages, clamping a page past the end', () => {
    const second = selectCredentials(entries(p), p.summary, query({ pageSize: 4, page: 2 }));
    expect(second).toMatchObject({ total: 6, page: 2 });
    expect(second.pageEntries.map((e) => p.rows.find((row) => row.id === e.id)?.credentialId)).toEqual(['c-nobody', 'c-revoked']);
    expect(selectCredentials(entries(p), p.summary, query({ pageSize: 4, page: 9 })).page).toBe(2);
  });

  it('shows the state with the row, and an unknown status raw', () => {
    const row = p.rows.find((r) => r.credentialId === 'c-ok') as StoredCredentialRow;
    expect(toCredentialRow({ ...row, status: 'quarantined' }, 'unknown')).toMatchObject({
      id: 'c-ok',
      status: 'quarantined',
      statusKnown: false,
      state: 'unknown',
    });
  });
});

describe('choosing a page of findings', () => {
  it('keeps the findings of the macro’s scope in their stored order', () => {
    const credentials = [
      credential({ id: 'p1', name: 'Prod nobody', owner: null, backupOwner: null }),
      credential({ id: 'p2', name: 'Prod no backup', backupOwner: null }),
      credential({ id: 't1', name: 'Test self-approved', environmentId: 'env-test', approvers: [ana] }),
    ];
    const p = prepared(credentials);
    const findingEntries = p.findings.map((f, c) => ({ ...p.findingIndexOf(f), id: f.id, c }));
    const all = selectFindings(findingEntries, p.summary, { stages: [], environmentIds: [], ownerId: null }, 1, 10);
    expect(all.pageEntries.map((e) => p.findings.find((f) => f.id === e.id)?.credentialId)).toEqual(['p1', 'p2', 't1']);
    expect(selectFindings(findingEntries, p.summary, { stages: ['test'], environmentIds: [], ownerId: null }, 1, 10).total).toBe(1);
    expect(selectFindings(findingEntries, p.summary, { stages: [], environmentIds: [], ownerId: ana.id }, 1, 10).total).toBe(2);
    expect(selectFindings(findingEntries, p.summary, { stages: [], environmentIds: [], ownerId: null }, 2, 2).pageEntries).toHaveLength(1);
  });
});
