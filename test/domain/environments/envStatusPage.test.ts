import { envStatusPage } from '../../../src/domain/environments/envStatusPage';
import { buildEnvStatusRows } from '../../../src/domain/environments/envStatusRows';
import { NOW, deployment, environment, hoursFromNow } from '../../fixtures/governance';

const rows = buildEnvStatusRows(
  [
    environment({ id: 'p', name: 'Prod', stage: 'prod', status: 'operational' }),
    environment({ id: 't', name: 'Test', stage: 'test', status: 'outage', isProduction: false }),
    environment({ id: 'd', name: 'Dev', stage: 'dev', status: 'degraded', isProduction: false }),
    environment({ id: 'x', name: 'DR', stage: 'dr', status: 'partial_outage' }),
  ],
  [deployment({ environmentId: 'p', deployedAt: hoursFromNow(-5) }), deployment({ environmentId: 'd', deployedAt: hoursFromNow(-1) })],
  [],
  NOW,
);
const query = { stages: [] as string[], sortKey: 'stage' as const, sortOrder: 'ASC' as const, page: 1, pageSize: 10, now: NOW };

describe('envStatusPage', () => {
  it('orders stages dev, test, prod, then unknown stages', () => {
    expect(envStatusPage(rows, query).rows.map((r) => r.stage)).toEqual(['dev', 'test', 'prod', 'dr']);
  });

  it('sorts by status worst first, unknown statuses between maintenance and operational', () => {
    const page = envStatusPage(rows, { ...query, sortKey: 'status' });
    expect(page.rows.map((r) => r.status)).toEqual(['outage', 'degraded', 'partial_outage', 'operational']);
    expect(envStatusPage(rows, { ...query, sortKey: 'status', sortOrder: 'DESC' }).rows[0]?.status).toBe('operational');
  });

  it('marks unknown statuses so the view shows them as neutral raw text', () => {
    const unknown = envStatusPage(rows, query).rows.find((r) => r.id === 'x');
    expect(unknown).toMatchObject({ status: 'partial_outage', statusKnown: false });
  });

  it('sorts by last deployment most recent first and keeps environments without one last in both directions', () => {
    expect(envStatusPage(rows, { ...query, sortKey: 'lastDeployment' }).rows.map((r) => r.id)).toEqual(['d', 'p', 'x', 't']);
    expect(envStatusPage(rows, { ...query, sortKey: 'lastDeployment', sortOrder: 'DESC' }).rows.map((r) => r.id).slice(0, 2)).toEqual(['p', 'd']);
  });

  it('filters by the configured stages', () => {
    expect(envStatusPage(rows, { ...query, stages: ['prod', 'test'] }).rows.map((r) => r.id)).toEqual(['t', 'p']);
  });

  it('pages with a total, and clamps a page past the end to the last page', () => {
    const second = envStatusPage(rows, { ...query, pageSize: 3, page: 2 });
    expect(second).toMatchObject({ total: 4, page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(['x']);
    expect(envStatusPage(rows, { ...query, pageSize: 3, page: 9 }).page).toBe(2);
  });
});
