import { approvalAppearance, approvalCounts, approvalLabel, assetRowEmphasis, expiryText, formatExpiryDate, isKnownApproval } from '../../static/src/asset-lifecycle/appearance';

describe('how the asset view shows approval and expiry', () => {
  it.each([
    ['Approved', 'success'],
    ['APPROVED', 'success'],
    ['Pending', 'inprogress'],
    ['REQUESTED', 'inprogress'],
    ['Restricted', 'moved'],
    ['MIXED', 'moved'],
    ['Expired', 'removed'],
    ['NOT_APPROVED', 'removed'],
    ['N/A', 'default'],
  ])('colours %s as %s', (approval, appearance) => {
    expect(approvalAppearance(approval)).toBe(appearance);
    expect(isKnownApproval(approval)).toBe(true);
  });

  it('shows a status it does not know neutral, with its raw text', () => {
    expect(approvalAppearance('Legal hold')).toBe('default');
    expect(isKnownApproval('Legal hold')).toBe(false);
    expect(approvalLabel('Legal hold')).toBe('Legal hold');
    expect(approvalLabel('Legal_hold')).toBe('Legal_hold');
  });

  it('makes the platform words readable and says when iconik has not told us yet', () => {
    expect(approvalLabel('NOT_APPROVED')).toBe('NOT APPROVED');
    expect(approvalLabel(null)).toBe('Not known yet');
    expect(approvalAppearance(null)).toBe('default');
  });

  it('puts expiry into words, so colour is never the only signal', () => {
    expect(expiryText({ expiryState: 'expired', daysToExpiry: -3 })).toBe('Expired 3 days ago');
    expect(expiryText({ expiryState: 'expired', daysToExpiry: -1 })).toBe('Expired 1 day ago');
    expect(expiryText({ expiryState: 'expired', daysToExpiry: 0 })).toBe('Expired today');
    expect(expiryText({ expiryState: 'expiring', daysToExpiry: 0 })).toBe('Expires today');
    expect(expiryText({ expiryState: 'expiring', daysToExpiry: 12 })).toBe('Expires in 12 days');
    expect(expiryText({ expiryState: 'ok', daysToExpiry: 200 })).toBe('Expires in 200 days');
    expect(expiryText({ expiryState: 'none', daysToExpiry: null })).toBeNull();
  });

  it('highlights expired rows as danger and expiring ones as warning, nothing else', () => {
    expect(assetRowEmphasis({ expiryState: 'expired' })).toBe('danger');
    expect(assetRowEmphasis({ expiryState: 'expiring' })).toBe('warning');
    expect(assetRowEmphasis({ expiryState: 'ok' })).toBeUndefined();
    expect(assetRowEmphasis({ expiryState: 'none' })).toBeUndefined();
  });

  it('shows the expiry date in UTC, so it agrees with the day count', () => {
    expect(formatExpiryDate('2026-04-01T23:30:00Z', 'en-GB')).toBe('1 Apr 2026');
    expect(formatExpiryDate('2026-04-01T00:30:00+02:00', 'en-GB')).toBe('31 Mar 2026');
  });

  it('lists approval counts biggest first, without empty ones', () => {
    expect(approvalCounts({ pending: 2, approved: 5, mixed: 0 })).toEqual([
      { approval: 'approved', count: 5 },
      { approval: 'pending', count: 2 },
    ]);
  });
});
