import { nextPlannedRelease, selectRelease } from '../../../src/domain/releases/releaseSelection';
import { NOW, hoursFromNow } from './fixtures';

const releases = [
  { id: 'past', name: 'Past', plannedFor: hoursFromNow(-48) },
  { id: 'today', name: 'Today', plannedFor: hoursFromNow(-3) },
  { id: 'soon', name: 'Soon', plannedFor: hoursFromNow(20) },
  { id: 'later', name: 'Later', plannedFor: hoursFromNow(200) },
];

describe('which release a macro shows', () => {
  it('shows the release planned for earlier today as the next one until a day has passed', () => {
    expect(nextPlannedRelease(releases, NOW)?.id).toBe('today');
  });

  it('moves on to the following release once the grace day is over', () => {
    expect(nextPlannedRelease(releases.filter((r) => r.id !== 'today'), NOW)?.id).toBe('soon');
  });

  it('has no next release when every release is over', () => {
    expect(nextPlannedRelease([releases[0]!], NOW)).toBeNull();
  });

  it('picks the pinned release whatever its date, and none when it is gone', () => {
    expect(selectRelease(releases, { mode: 'pinned', releaseId: 'past' }, NOW)?.id).toBe('past');
    expect(selectRelease(releases, { mode: 'pinned', releaseId: 'gone' }, NOW)).toBeNull();
  });
});
