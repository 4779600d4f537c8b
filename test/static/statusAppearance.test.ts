import { environmentStatusAppearance, statusLabel } from '../../static/src/shared/statusAppearance';

describe('environmentStatusAppearance', () => {
  it.each([
    ['operational', 'success'],
    ['degraded', 'moved'],
    ['outage', 'removed'],
    ['maintenance', 'inprogress'],
  ])('shows %s as a %s lozenge', (status, appearance) => {
    expect(environmentStatusAppearance(status)).toBe(appearance);
  });

  it('keeps a status the backend marked unknown neutral, even if its name looks familiar', () => {
    expect(environmentStatusAppearance('hibernating', false)).toBe('default');
    expect(environmentStatusAppearance('operational', false)).toBe('default');
  });

  it('falls back to neutral for an unmapped status', () => {
    expect(environmentStatusAppearance('rebooting')).toBe('default');
  });
});

describe('statusLabel', () => {
  it('shows the raw status, made readable', () => {
    expect(statusLabel('hibernating')).toBe('hibernating');
    expect(statusLabel('in_progress')).toBe('in progress');
    expect(statusLabel('')).toBe('unknown');
  });
});
