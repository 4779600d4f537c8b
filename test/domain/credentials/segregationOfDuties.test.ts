import {
  compareFindings,
  ownerAcrossStages,
  ownerApprovedPromotion,
  ownerOnlyApprover,
  productionOwnerMissing,
  rotatorOnlyApprover,
  segregationOfDutiesFindings,
} from '../../../src/domain/credentials/segregationOfDuties';
import { ana, bo, credential, cy, dee, input, promotion } from './fixtures';

describe('rule 1: a production credential needs an owner and a backup owner', () => {
  it('flags a production credential with neither owner nor backup owner, high', () => {
    const [finding, ...rest] = productionOwnerMissing(input([credential({ owner: null, backupOwner: null })]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'production-owner-missing', severity: 'high', credentialId: 'cred-1', environmentId: 'env-prod', people: [] });
    expect(finding?.message).toMatch(/no owner and no backup owner/i);
  });

  it('flags a production credential whose only named person is its backup owner, high, naming them', () => {
    expect(productionOwnerMissing(input([credential({ owner: null, backupOwner: bo })]))).toEqual([
      expect.objectContaining({ severity: 'high', people: [{ id: bo.id, name: bo.name, role: 'backup owner' }] }),
    ]);
  });

  it('flags a production credential without a backup owner, medium, naming the owner', () => {
    expect(productionOwnerMissing(input([credential({ backupOwner: null })]))).toEqual([
      expect.objectContaining({ severity: 'medium', people: [{ id: ana.id, name: ana.name, role: 'owner' }], message: expect.stringMatching(/no backup owner/i) }),
    ]);
  });

  it('does not flag a production credential with owner and backup owner', () => {
    expect(productionOwnerMissing(input([credential()]))).toEqual([]);
  });

  it('does not flag non-production credentials or revoked ones', () => {
    expect(productionOwnerMissing(input([credential({ environmentId: 'env-test', owner: null, backupOwner: null })]))).toEqual([]);
    expect(productionOwnerMissing(input([credential({ status: 'revoked', owner: null, backupOwner: null })]))).toEqual([]);
  });

  it('does not treat an environment it does not know as production', () => {
    expect(productionOwnerMissing(input([credential({ environmentId: 'env-elsewhere', owner: null })]))).toEqual([]);
  });
});

describe('rule 2: the owner is the only approver', () => {
  it('flags a production credential whose owner is its only approver, high', () => {
    expect(ownerOnlyApprover(input([credential({ approvers: [ana] })]))).toEqual([
      expect.objectContaining({ rule: 'owner-only-approver', severity: 'high', people: [{ id: ana.id, name: ana.name, role: 'owner and only approver' }] }),
    ]);
  });

  it('flags the same outside production, medium', () => {
    expect(ownerOnlyApprover(input([credential({ environmentId: 'env-test', approvers: [ana] })]))).toEqual([
      expect.objectContaining({ severity: 'medium' }),
    ]);
  });

  it('counts a person listed twice as one approver', () => {
    expect(ownerOnlyApprover(input([credential({ approvers: [ana, { ...ana }] })]))).toHaveLength(1);
  });

  it('does not flag an owner who approves alongside someone else', () => {
    expect(ownerOnlyApprover(input([credential({ approvers: [ana, cy] })]))).toEqual([]);
  });

  it('does not flag an independent approver, no approver, no owner, or a revoked credential', () => {
    expect(ownerOnlyApprover(input([credential({ approvers: [cy] })]))).toEqual([]);
    expect(ownerOnlyApprover(input([credential({ approvers: [] })]))).toEqual([]);
    expect(ownerOnlyApprover(input([credential({ owner: null, approvers: [ana] })]))).toEqual([]);
    expect(ownerOnlyApprover(input([credential({ status: 'revoked', approvers: [ana] })]))).toEqual([]);
  });
});

describe('rule 3: whoever last rotated a production credential is its only approver', () => {
  it('flags a production credential last rotated by its only approver', () => {
    expect(rotatorOnlyApprover(input([credential({ lastRotatedBy: cy, approvers: [cy] })]))).toEqual([
      expect.objectContaining({
        rule: 'rotator-only-approver',
        severity: 'high',
        people: [{ id: cy.id, name: cy.name, role: 'last rotated it and is its only approver' }],
      }),
    ]);
  });

  it('flags a production credential whose owner also approved its own rotation (rules 2 and 3 both fire)', () => {
    const findings = segregationOfDutiesFindings(input([credential({ lastRotatedBy: ana, approvers: [ana] })]), { ownerAcrossStages: false });
    expect(findings.map((f) => f.rule).sort()).toEqual(['owner-only-approver', 'rotator-only-approver']);
  });

  it('does not flag when someone else also approves, or someone else rotated', () => {
    expect(rotatorOnlyApprover(input([credential({ lastRotatedBy: cy, approvers: [cy, dee] })]))).toEqual([]);
    expect(rotatorOnlyApprover(input([credential({ lastRotatedBy: ana, approvers: [cy] })]))).toEqual([]);
  });

  it('does not flag a credential never rotated, or one outside production', () => {
    expect(rotatorOnlyApprover(input([credential({ lastRotatedBy: null, approvers: [cy] })]))).toEqual([]);
    expect(rotatorOnlyApprover(input([credential({ environmentId: 'env-dev', lastRotatedBy: cy, approvers: [cy] })]))).toEqual([]);
  });
});

describe('rule 4: an owner approved a production promotion of an artifact that uses their credential', () => {
  it('flags the owner who approved the promotion, naming the artifact, environment and ticket', () => {
    const [finding, ...rest] = ownerApprovedPromotion(input([credential()], [promotion({ approvedBy: [ana, cy] })]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'owner-approved-promotion',
      severity: 'high',
      credentialId: 'cred-1',
      people: [{ id: ana.id, name: ana.name, role: 'owner; approved the promotion' }],
    });
    expect(finding?.message).toMatch(/Ana Silva approved the promotion of Order API to OTC Production \(2026-11-19, CHG-100, succeeded\)/);
  });

  it('reports one finding per credential and owner, however many promotions', () => {
    const events = [
      promotion({ id: 'c1', occurredAt: '2026-11-01T00:00:00Z' }),
      promotion({ id: 'c2', occurredAt: '2026-11-10T00:00:00Z', ticketRef: 'CHG-200', target: { kind: 'map', id: 'art-850', name: 'X12 850 map' } }),
    ];
    const findings = ownerApprovedPromotion(input([credential({ usedBy: ['art-order-api', 'art-850'] })], events));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/approved 2 promotions to OTC Production of Order API, X12 850 map \(latest 2026-11-10, CHG-200\)/);
  });

  it('does not flag an approver who does not own the credential', () => {
    expect(ownerApprovedPromotion(input([credential()], [promotion({ approvedBy: [cy] })]))).toEqual([]);
  });

  it('does not flag a requester who owns the credential but did not approve', () => {
    expect(ownerApprovedPromotion(input([credential()], [promotion({ actor: ana, approvedBy: [cy] })]))).toEqual([]);
  });

  it('does not flag promotions to non-production environments', () => {
    expect(ownerApprovedPromotion(input([credential()], [promotion({ to: 'env-test' })]))).toEqual([]);
  });

  it('does not flag a promotion of an artifact the credential does not serve', () => {
    expect(ownerApprovedPromotion(input([credential({ usedBy: ['art-other'] })], [promotion()]))).toEqual([]);
  });

  it('does not flag a non-production credential of the same artifact', () => {
    expect(ownerApprovedPromotion(input([credential({ environmentId: 'env-test' })], [promotion()]))).toEqual([]);
  });

  it('ignores change events that are not promotions', () => {
    expect(ownerApprovedPromotion(input([credential()], [promotion({ promotion: null, action: 'updated' })]))).toEqual([]);
  });
});

describe('rule 5: one person owns the same system in production and outside it', () => {
  it('flags each production credential of the system, naming the non-production ones', () => {
    const prod = credential();
    const test = credential({ id: 'cred-2', name: 'Order API OAuth client (test)', environmentId: 'env-test' });
    expect(ownerAcrossStages(input([prod, test]))).toEqual([
      expect.objectContaining({
        rule: 'owner-across-stages',
        severity: 'medium',
        credentialId: 'cred-1',
        message: expect.stringContaining('Order API OAuth client (test) (OTC Test)'),
      }),
    ]);
  });

  it('matches the system name regardless of case and spacing', () => {
    const test = credential({ id: 'cred-2', environmentId: 'env-dev', system: ' order api ' });
    expect(ownerAcrossStages(input([credential(), test]))).toHaveLength(1);
  });

  it('does not flag different owners, different systems, or production only', () => {
    expect(ownerAcrossStages(input([credential(), credential({ id: 'c2', environmentId: 'env-test', owner: bo })]))).toEqual([]);
    expect(ownerAcrossStages(input([credential(), credential({ id: 'c2', environmentId: 'env-test', system: 'SFTP gateway' })]))).toEqual([]);
    expect(ownerAcrossStages(input([credential(), credential({ id: 'c2' })]))).toEqual([]);
  });

  it('runs only when the admin turns it on', () => {
    const credentials = [credential(), credential({ id: 'cred-2', environmentId: 'env-test' })];
    expect(segregationOfDutiesFindings(input(credentials), { ownerAcrossStages: false })).toEqual([]);
    expect(segregationOfDutiesFindings(input(credentials), { ownerAcrossStages: true }).map((f) => f.rule)).toEqual(['owner-across-stages']);
  });
});

describe('segregationOfDutiesFindings', () => {
  it('sorts the findings most severe first, then by rule, then by credential name', () => {
    const findings = segregationOfDutiesFindings(
      input([
        credential({ id: 'b', name: 'B no backup', backupOwner: null }),
        credential({ id: 'a', name: 'A no backup', backupOwner: null }),
        credential({ id: 'z', name: 'Z nobody', owner: null, backupOwner: null }),
        credential({ id: 'y', name: 'Y self-approved', approvers: [ana], lastRotatedBy: bo }),
      ]),
      { ownerAcrossStages: false },
    );
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.credentialName}`)).toEqual([
      'high production-owner-missing Z nobody',
      'high owner-only-approver Y self-approved',
      'medium production-owner-missing A no backup',
      'medium production-owner-missing B no backup',
    ]);
    expect([...findings].sort(compareFindings)).toEqual(findings);
  });

  it('finds nothing for a well-governed solution', () => {
    expect(segregationOfDutiesFindings(input([credential()], [promotion({ approvedBy: [cy] })]), { ownerAcrossStages: true })).toEqual([]);
  });
});
