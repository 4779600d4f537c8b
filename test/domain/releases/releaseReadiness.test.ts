import { buildReleaseReadiness } from '../../../src/domain/releases/releaseReadiness';
import { releaseItemRow, releaseItemsPage } from '../../../src/domain/releases/releaseItemsPage';
import { deployment, devEnv, hoursFromNow, prodEnv, release, testEnv } from './fixtures';

const items = [
  { artifactId: 'map-850', artifactName: 'X12 850', kind: 'map', expectedVersion: '4.2.0' },
  { artifactId: 'api-orders', artifactName: 'Orders API', kind: 'api', expectedVersion: '2.0.0' },
  { artifactId: 'map-856', artifactName: 'X12 856', kind: 'map', expectedVersion: '1.1.0' },
];
const deployments = [
  deployment({ artifactId: 'map-850', environmentId: 'otc-prod', version: '4.1.0' }),
  deployment({ artifactId: 'map-850', environmentId: 'otc-test', version: '4.2.0' }),
  deployment({ artifactId: 'api-orders', environmentId: 'otc-prod', version: '2.0.0' }),
  deployment({ artifactId: 'map-856', environmentId: 'otc-prod', version: '1.1.0', status: 'failed', deployedAt: hoursFromNow(-1) }),
];

describe('preparing release readiness for a solution', () => {
  const prepared = buildReleaseReadiness(
    [release({ items }), release({ id: 'rel-earlier', name: 'Earlier', plannedFor: hoursFromNow(-5), targetEnvironmentId: 'otc-test', items: items.slice(0, 1) })],
    [devEnv, testEnv, prodEnv],
    deployments,
  );
  const holiday = prepared.find((r) => r.summary.id === 'rel-holiday');
  if (!holiday) throw new Error('fixture');
  const itemOf = (artifactId: string) => holiday.items.find(({ item }) => item.artifactId === artifactId);

  it('lists releases in planned order, each with its target, previous stage, figure and fingerprint', () => {
    expect(prepared.map((r) => r.summary.id)).toEqual(['rel-earlier', 'rel-holiday']);
    expect(holiday.summary).toMatchObject({
      target: { id: 'otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
      previousStage: { stage: 'test', environments: [{ id: 'otc-test', name: 'OTC Test' }] },
      readiness: { ready: 1, total: 3, percent: 33, counts: { ready: 1, mismatch: 1, failed: 1, missing: 0, scheduled: 0 } },
    });
    expect(holiday.summary.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives each item its state, target deployment and the previous stage deployment', () => {
    expect(itemOf('map-850')?.item).toMatchObject({
      state: 'mismatch',
      target: { deployedVersion: '4.1.0' },
      previous: [{ environmentId: 'otc-test', deployedVersion: '4.2.0' }],
    });
  });

  it('keeps sort fields small numbers: name rank, kind rank and state rank', () => {
    expect(itemOf('api-orders')?.sort).toEqual({ a: 0, k: 0, s: 4 });
  });

  it('orders each release’s items as the table does by default, worst state first', () => {
    expect(holiday.items.map(({ item }) => item.state)).toEqual(['failed', 'mismatch', 'ready']);
  });

  it('marks every item missing, with no previous stage, when the target is not one of the solution environments', () => {
    const [orphan] = buildReleaseReadiness([release({ targetEnvironmentId: 'elsewhere', items })], [devEnv, testEnv, prodEnv], deployments);
    expect(orphan?.summary).toMatchObject({ target: { id: 'elsewhere', name: null }, previousStage: null, readiness: { ready: 0, counts: { missing: 3 } } });
  });

  it('pages a release’s items by artifact name, kind or state, ending every sort on the name', () => {
    const entries = holiday.items.map(({ item, sort }) => ({ ...sort, name: item.artifactName }));
    const names = (sortKey: 'artifact' | 'kind' | 'state', sortOrder: 'ASC' | 'DESC', page = 1, pageSize = 10) =>
      releaseItemsPage(entries, { sortKey, sortOrder, page, pageSize }).entries.map((e) => e.name);
    expect(names('artifact', 'DESC')).toEqual(['X12 856', 'X12 850', 'Orders API']);
    expect(names('kind', 'ASC')).toEqual(['Orders API', 'X12 850', 'X12 856']);
    expect(names('state', 'DESC')).toEqual(['Orders API', 'X12 850', 'X12 856']);
    expect(releaseItemsPage(entries, { sortKey: 'state', sortOrder: 'ASC', page: 9, pageSize: 2 })).toMatchObject({ page: 2, total: 3 });
  });

  it('names the previous-stage environments in the rows it serves', () => {
    const stored = itemOf('map-850')?.item;
    if (!stored) throw new Error('fixture');
    expect(releaseItemRow(stored, holiday.summary).previous[0]).toMatchObject({ environmentName: 'OTC Test' });
  });
});
