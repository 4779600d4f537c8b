import { credentialRotationDue, credentialState, STATE_RANK } from '../../../src/domain/credentials/rotationDue';
import { DAY, NOW, daysFromNow } from './fixtures';

const now = NOW.getTime();
const at = (days: number) => now + days * DAY;

describe('credentialRotationDue', () => {
  it('is the last rotation plus the rotation policy', () => {
    expect(credentialRotationDue({ lastRotatedAt: '2026-10-01T08:00:00Z', rotationPolicyDays: 90, expiresAt: null })).toEqual({
      dueAt: '2026-12-30T08:00:00.000Z',
      reason: 'rotation-policy',
    });
  });

  it('is the expiry when the credential expires before the policy says to rotate it', () => {
    expect(credentialRotationDue({ lastRotatedAt: '2026-10-01T08:00:00Z', rotationPolicyDays: 90, expiresAt: '2026-12-01T00:00:00Z' })).toEqual({
      dueAt: '2026-12-01T00:00:00.000Z',
      reason: 'expiry',
    });
  });

  it('keeps the policy date when the expiry comes later', () => {
    expect(credentialRotationDue({ lastRotatedAt: '2026-10-01T08:00:00Z', rotationPolicyDays: 30, expiresAt: '2027-10-01T00:00:00Z' })?.reason).toBe(
      'rotation-policy',
    );
  });

  it('uses the expiry alone for a credential never rotated or without a policy', () => {
    expect(credentialRotationDue({ lastRotatedAt: null, rotationPolicyDays: 90, expiresAt: '2027-01-01T00:00:00Z' })?.reason).toBe('expiry');
    expect(credentialRotationDue({ lastRotatedAt: '2026-10-01T08:00:00Z', rotationPolicyDays: null, expiresAt: '2027-01-01T00:00:00Z' })?.reason).toBe('expiry');
  });

  it('is null when neither a policy date nor an expiry is known', () => {
    expect(credentialRotationDue({ lastRotatedAt: null, rotationPolicyDays: 90, expiresAt: null })).toBeNull();
    expect(credentialRotationDue({ lastRotatedAt: daysFromNow(-10), rotationPolicyDays: null, expiresAt: null })).toBeNull();
  });
});

describe('credentialState', () => {
  const state = (input: Partial<Parameters<typeof credentialState>[0]>, window = 14) =>
    credentialState({ status: 'active', dueAt: null, expiresAt: null, ...input }, now, window);

  it('is overdue once the due date has passed', () => {
    expect(state({ dueAt: at(-1) })).toBe('overdue');
    expect(state({ dueAt: now })).toBe('overdue');
  });

  it('is due soon within the window, inclusive, and ok just after it', () => {
    expect(state({ dueAt: at(3) })).toBe('due-soon');
    expect(state({ dueAt: at(14) })).toBe('due-soon');
    expect(state({ dueAt: at(14) + 1000 })).toBe('ok');
  });

  it('follows the window it is given', () => {
    expect(state({ dueAt: at(20) }, 14)).toBe('ok');
    expect(state({ dueAt: at(20) }, 30)).toBe('due-soon');
  });

  it('is ok with nothing due', () => {
    expect(state({})).toBe('ok');
  });

  it('is expired by status, or by an expiry date in the past whatever the status says', () => {
    expect(state({ status: 'expired' })).toBe('expired');
    expect(state({ status: 'active', expiresAt: at(-2), dueAt: at(-2) })).toBe('expired');
  });

  it('is revoked for a revoked credential even when its rotation is overdue', () => {
    expect(state({ status: 'revoked', dueAt: at(-100), expiresAt: at(-5) })).toBe('revoked');
  });

  it('keeps a status it does not know as unknown, unless a date says overdue or due soon', () => {
    expect(state({ status: 'quarantined' })).toBe('unknown');
    expect(state({ status: 'quarantined', dueAt: at(60) })).toBe('unknown');
    expect(state({ status: 'quarantined', dueAt: at(-1) })).toBe('overdue');
  });

  it('ranks states worst first', () => {
    const order = Object.entries(STATE_RANK).sort((a, b) => a[1] - b[1]).map(([s]) => s);
    expect(order).toEqual(['expired', 'overdue', 'due-soon', 'unknown', 'ok', 'revoked']);
  });
});
