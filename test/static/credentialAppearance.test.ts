import { kindLabel, rowEmphasis, severityLook, stateLabel, stateLook } from '../../static/src/credential-ownership/appearance';

describe('how credential rows look', () => {
  it('makes expired and overdue rows stand out as danger and due-soon rows as warning', () => {
    expect(rowEmphasis({ state: 'expired' })).toBe('danger');
    expect(rowEmphasis({ state: 'overdue' })).toBe('danger');
    expect(rowEmphasis({ state: 'due-soon' })).toBe('warning');
    for (const state of ['ok', 'unknown', 'revoked'] as const) expect(rowEmphasis({ state })).toBeUndefined();
  });

  it('labels the state in words, and an unknown status with the backend’s own word, neutral', () => {
    expect(stateLabel({ state: 'due-soon', status: 'active' })).toBe('due soon');
    expect(stateLabel({ state: 'unknown', status: 'pending_rotation' })).toBe('pending rotation');
    expect(stateLook('unknown').appearance).toBe('default');
    expect(stateLook('expired')).toEqual({ appearance: 'removed', isBold: true });
  });

  it('colours severities from critical to low, and an unknown one neutral', () => {
    expect(severityLook('critical')).toEqual({ appearance: 'removed', isBold: true });
    expect(severityLook('medium').appearance).toBe('moved');
    expect(severityLook('catastrophic').appearance).toBe('default');
  });

  it('names credential kinds, and a newer kind readably', () => {
    expect(kindLabel('oauth_client')).toBe('OAuth client');
    expect(kindLabel('hardware_token')).toBe('hardware token');
  });
});
