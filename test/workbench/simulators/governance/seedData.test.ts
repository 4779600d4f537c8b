import { governanceResources, type GovernanceResource } from '../../../../src/sources/governance/schemas';
import { seedData } from '../../../../workbench/simulators/governance/seed';

const NOW = new Date('2026-11-22T12:40:00Z');
const data = seedData(1, NOW);
const DAY = 86_400_000;

describe('the simulator data set', () => {
  it('is the same for the same seed and clock, and differs for another seed', () => {
    expect(seedData(1, NOW)).toEqual(data);
    expect(seedData(2, NOW).changeEvents).not.toEqual(data.changeEvents);
  });

  it.each(Object.keys(governanceResources) as GovernanceResource[])('serves %s that satisfy the contract', (resource) => {
    const items = data[resource] as unknown[];
    expect(items.length).toBeGreaterThan(0);
    const invalid = items.filter((item) => !governanceResources[resource].schema.safeParse(item).success);
    expect(invalid).toEqual([]);
  });

  it('has three solutions, one without a Confluence space', () => {
    expect(data.solutions.map(({ name, spaceKey }) => [name, spaceKey])).toEqual([
      ['Retail Order-to-Cash', 'OTC'],
      ['Logistics Visibility', 'LOG'],
      ['Finance B2B', null],
    ]);
  });

  it('gives every solution dev, test and prod with mixed statuses, one of them unknown to v1 clients', () => {
    for (const solution of data.solutions) {
      expect(data.environments.filter((e) => e.solutionId === solution.id).map((e) => e.stage)).toEqual(['dev', 'test', 'prod']);
    }
    const statuses = data.environments.map((e) => e.status);
    expect(new Set(statuses)).toEqual(new Set(['operational', 'degraded', 'outage', 'maintenance', 'partial_outage']));
    expect(data.environments.find((e) => e.status === 'outage')).toMatchObject({ isProduction: true, statusMessage: expect.any(String) });
    expect(data.environments.every((e) => e.endpoints.length >= 3)).toBe(true);
  });

  it('deploys different versions per stage, with failed, scheduled and absent deployments', () => {
    const statuses = new Set(data.deployments.map((d) => d.status));
    expect(statuses).toEqual(new Set(['deployed', 'failed', 'scheduled', 'pending', 'absent']));
    const byArtifact = new Map<string, Set<string>>();
    for (const d of data.deployments) byArtifact.set(d.artifactId, (byArtifact.get(d.artifactId) ?? new Set()).add(d.version));
    expect([...byArtifact.values()].filter((versions) => versions.size > 1).length).toBeGreaterThan(5);
  });

  it('has credentials with governance problems to find', () => {
    const { credentials } = data;
    expect(credentials.some((c) => c.owner === null)).toBe(true);
    expect(credentials.some((c) => c.backupOwner === null)).toBe(true);
    expect(credentials.some((c) => c.owner && c.approvers.some((a) => a.id === c.owner?.id))).toBe(true);
    expect(credentials.some((c) => c.expiresAt && Date.parse(c.expiresAt) > NOW.getTime() && Date.parse(c.expiresAt) < NOW.getTime() + 30 * DAY)).toBe(true);
    const overdue = credentials.filter(
      (c) => c.lastRotatedAt && c.rotationPolicyDays && Date.parse(c.lastRotatedAt) + c.rotationPolicyDays * DAY < NOW.getTime(),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  it('has hundreds of change events over the last 60 days, in time order, secrets masked', () => {
    const { changeEvents } = data;
    expect(changeEvents.length).toBeGreaterThanOrEqual(300);
    const times = changeEvents.map((e) => Date.parse(e.occurredAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 60 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const sensitive = changeEvents.flatMap((e) => e.diff).filter((entry) => entry.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(sensitive.every((entry) => entry.before === '***' && entry.after === '***')).toBe(true);
    const prodPromotionStates = new Set(
      changeEvents.filter((e) => e.promotion && e.promotion.toEnvironmentId.endsWith('-prod')).map((e) => e.promotion?.state),
    );
    expect(prodPromotionStates).toEqual(new Set(['requested', 'approved', 'scheduled', 'succeeded', 'failed', 'cancelled']));
  });

  it('has failures in every state, with partners and error codes', () => {
    expect(new Set(data.failures.map((f) => f.state))).toEqual(new Set(['open', 'acknowledged', 'resolved']));
    expect(data.failures.map((f) => f.partner.name)).toContain('Acme Retail');
    expect(data.failures.every((f) => f.errorCode !== '' && Date.parse(f.firstSeenAt) <= Date.parse(f.lastSeenAt))).toBe(true);
  });

  it('has one maintenance window in progress now, others planned, a freeze, completed and cancelled', () => {
    const windows = data.maintenanceWindows;
    const inProgress = windows.filter((w) => w.status === 'in_progress');
    expect(inProgress).toHaveLength(1);
    expect(Date.parse(inProgress[0]?.startsAt ?? '')).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(inProgress[0]?.endsAt ?? '')).toBeGreaterThan(NOW.getTime());
    expect(new Set(windows.map((w) => w.status))).toEqual(new Set(['scheduled', 'in_progress', 'completed', 'cancelled']));
    expect(windows.some((w) => w.kind === 'freeze' && w.environmentIds.length > 1)).toBe(true);
  });

  it('has releases whose items name artifacts that exist', () => {
    const artifactIds = new Set(data.deployments.map((d) => d.artifactId));
    expect(data.releases.flatMap((r) => r.items).every((item) => artifactIds.has(item.artifactId))).toBe(true);
  });

  it('moves with the clock it is given', () => {
    const later = seedData(1, new Date(NOW.getTime() + 7 * DAY));
    const shift = (iso: string | undefined) => Date.parse(iso ?? '');
    expect(shift(later.maintenanceWindows[0]?.startsAt) - shift(data.maintenanceWindows[0]?.startsAt)).toBe(7 * DAY);
  });
});
