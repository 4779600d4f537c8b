import { buildEnvStatusRows, currentOrNextWindow } from '../../../src/domain/environments/envStatusRows';
import { NOW, deployment, environment, hoursFromNow, maintenanceWindow } from '../../fixtures/governance';

describe('buildEnvStatusRows', () => {
  it('shows the most recent deployment of each environment, whatever its status', () => {
    const [row] = buildEnvStatusRows(
      [environment()],
      [
        deployment({ version: '4.1.0', deployedAt: hoursFromNow(-100) }),
        deployment({ artifactName: 'ORDERS API', version: '2.0.0', status: 'failed', deployedAt: hoursFromNow(-2) }),
        deployment({ environmentId: 'otc-test', version: '9.9.9', deployedAt: hoursFromNow(-1) }),
        deployment({ version: '5.0.0', status: 'scheduled', deployedAt: null }),
      ],
      [],
      NOW,
    );
    expect(row?.lastDeployment).toEqual({
      artifactName: 'ORDERS API',
      version: '2.0.0',
      status: 'failed',
      deployedAt: hoursFromNow(-2),
      deployedBy: 'Ana Silva',
    });
  });

  it('has no last deployment when nothing was ever deployed there', () => {
    expect(buildEnvStatusRows([environment()], [], [], NOW)[0]?.lastDeployment).toBeNull();
  });

  it('keeps only windows of that environment that are not over, cancelled or completed, soonest first', () => {
    const [row] = buildEnvStatusRows(
      [environment()],
      [],
      [
        maintenanceWindow({ id: 'later', startsAt: hoursFromNow(48), endsAt: hoursFromNow(50) }),
        maintenanceWindow({ id: 'soon', startsAt: hoursFromNow(2), endsAt: hoursFromNow(3) }),
        maintenanceWindow({ id: 'past', startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-4) }),
        maintenanceWindow({ id: 'cancelled', status: 'cancelled' }),
        maintenanceWindow({ id: 'done', status: 'completed', endsAt: hoursFromNow(5) }),
        maintenanceWindow({ id: 'other-env', environmentIds: ['otc-test'] }),
      ],
      NOW,
    );
    expect(row?.maintenance.map((w) => w.id)).toEqual(['soon', 'later']);
  });

  it('keeps an unknown status value as-is', () => {
    expect(buildEnvStatusRows([environment({ status: 'partial_outage' })], [], [], NOW)[0]?.status).toBe('partial_outage');
  });
});

describe('currentOrNextWindow', () => {
  const windows = [
    { id: 'a', title: 'A', kind: 'planned', status: 'scheduled', startsAt: hoursFromNow(1), endsAt: hoursFromNow(2) },
    { id: 'b', title: 'B', kind: 'freeze', status: 'scheduled', startsAt: hoursFromNow(5), endsAt: hoursFromNow(9) },
  ];

  it('picks the next window to start', () => {
    expect(currentOrNextWindow(windows, NOW)?.id).toBe('a');
  });

  it('picks the window in progress at view time even if the sync saw it as upcoming', () => {
    expect(currentOrNextWindow(windows, new Date(Date.parse(hoursFromNow(6))))?.id).toBe('b');
  });

  it('answers null once every window is over', () => {
    expect(currentOrNextWindow(windows, new Date(Date.parse(hoursFromNow(10))))).toBeNull();
  });
});
