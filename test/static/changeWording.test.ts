import { dayHeading, promotionStateAppearance, remainingLabel, severityAppearance } from '../../static/src/change-summary/changeWording';

describe('change-summary wording', () => {
  it('says exactly how many older changes are left when it knows, and "about" when the window edge was not read', () => {
    expect(remainingLabel({ atLeast: 0, atMost: 0 })).toBeNull();
    expect(remainingLabel({ atLeast: 1, atMost: 1 })).toBe('1 older change');
    expect(remainingLabel({ atLeast: 1234, atMost: 1234 })).toBe('1,234 older changes');
    expect(remainingLabel({ atLeast: 1200, atMost: 1240 })).toBe('about 1,220 older changes');
  });

  it('names today and yesterday in the reader’s zone, other days by date', () => {
    const now = '2026-11-22T02:00:00Z';
    expect(dayHeading('2026-11-22', now, { timeZone: 'UTC', locale: 'en-GB' })).toMatch(/^Today, Sunday,? 22 November 2026$/);
    expect(dayHeading('2026-11-21', now, { timeZone: 'UTC', locale: 'en-GB' })).toMatch(/^Yesterday, Saturday,? 21 November 2026$/);
    // 02:00 UTC is still the 21st in New York: that is "today" there.
    expect(dayHeading('2026-11-21', now, { timeZone: 'America/New_York', locale: 'en-GB' })).toMatch(/^Today/);
    expect(dayHeading('2026-11-02', now, { timeZone: 'UTC', locale: 'en-GB' })).toMatch(/^Monday,? 2 November 2026$/);
  });

  it('colours severity and promotion state, and keeps values it does not know neutral', () => {
    expect(severityAppearance('critical')).toEqual({ appearance: 'removed', isBold: true });
    expect(severityAppearance('medium')).toEqual({ appearance: 'moved', isBold: false });
    expect(severityAppearance('catastrophic')).toEqual({ appearance: 'default', isBold: false });
    expect(promotionStateAppearance('requested')).toBe('new');
    expect(promotionStateAppearance('succeeded')).toBe('success');
    expect(promotionStateAppearance('rolled_back')).toBe('default');
  });
});
