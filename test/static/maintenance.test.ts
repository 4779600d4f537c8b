import { isMaintenanceInProgress } from '../../static/src/env-status/maintenance';

const window = (status: string) => ({
  title: 'Gateway upgrade',
  kind: 'planned',
  status,
  startsAt: '2026-11-22T11:00:00Z',
  endsAt: '2026-11-22T13:00:00Z',
});

describe('isMaintenanceInProgress', () => {
  it('trusts the backend saying a window is in progress', () => {
    expect(isMaintenanceInProgress(window('in_progress'), '2026-11-20T00:00:00Z')).toBe(true);
  });

  it('treats a scheduled window the server clock is inside as in progress', () => {
    expect(isMaintenanceInProgress(window('scheduled'), '2026-11-22T12:00:00Z')).toBe(true);
  });

  it('does not highlight a scheduled window that has not started', () => {
    expect(isMaintenanceInProgress(window('scheduled'), '2026-11-22T10:59:00Z')).toBe(false);
  });

  it('never highlights a cancelled window', () => {
    expect(isMaintenanceInProgress(window('cancelled'), '2026-11-22T12:00:00Z')).toBe(false);
  });
});
