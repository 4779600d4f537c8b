import { buildPendingPromotions, pendingPromotionsAt } from '../../../src/domain/changes/pendingPromotions';
import { NOW, bo, changeEvent, environments, freeze, hoursFromNow, promotion } from './changeFixtures';

const pending = (events: Parameters<typeof buildPendingPromotions>[0], windows = [freeze({ startsAt: hoursFromNow(24 * 30), endsAt: hoursFromNow(24 * 40) })]) =>
  pendingPromotionsAt(buildPendingPromotions(events, environments, windows, NOW), NOW);

describe('pending production promotions', () => {
  it.each(['requested', 'approved', 'scheduled'])('lists a promotion to production that is %s', (state) => {
    const [found] = pending([promotion(state, { id: 'chg-9' })]);
    expect(found).toMatchObject({
      changeId: 'chg-9',
      state,
      target: { id: 'map-850', name: 'X12 850 to IDOC ORDERS05' },
      from: { id: 'otc-test', name: 'OTC Test' },
      to: { id: 'otc-prod', name: 'OTC Production' },
      version: { before: '4.1.0', after: '4.2.0' },
      freezeConflicts: [],
    });
  });

  it.each(['succeeded', 'failed', 'cancelled', 'rolled_back'])('does not list a promotion that is %s', (state) => {
    expect(pending([promotion(state)])).toEqual([]);
  });

  it('does not list a pending promotion to a non-production environment', () => {
    expect(pending([promotion('approved', { promotion: { fromEnvironmentId: 'otc-dev', toEnvironmentId: 'otc-test', state: 'approved', approvedBy: [bo] } })])).toEqual([]);
  });

  it('does not list a promotion to an environment the backend no longer lists', () => {
    expect(pending([promotion('approved', { promotion: { fromEnvironmentId: 'otc-test', toEnvironmentId: 'gone-prod', state: 'approved', approvedBy: [] } })])).toEqual([]);
  });

  it('ignores changes that are not promotions', () => {
    expect(pending([changeEvent()])).toEqual([]);
  });

  it('uses the latest event of a promotion: requested then succeeded is not pending', () => {
    expect(pending([promotion('requested', { id: 'chg-1', occurredAt: hoursFromNow(-5) }), promotion('succeeded', { id: 'chg-2', occurredAt: hoursFromNow(-1) })])).toEqual([]);
  });

  it('uses the latest event of a promotion: requested then approved shows once, as approved, with its approvers', () => {
    const found = pending([promotion('approved', { id: 'chg-2', occurredAt: hoursFromNow(-1) }), promotion('requested', { id: 'chg-1', occurredAt: hoursFromNow(-5) })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ changeId: 'chg-2', state: 'approved', approvedBy: ['Bo Lindqvist'] });
  });

  it('lists the next promotion of an artifact after an earlier one succeeded', () => {
    const found = pending([promotion('succeeded', { id: 'chg-1', occurredAt: hoursFromNow(-50) }), promotion('requested', { id: 'chg-2', occurredAt: hoursFromNow(-2) })]);
    expect(found.map((p) => p.changeId)).toEqual(['chg-2']);
  });

  it('breaks a tie between events at the same time by change id, so the result does not depend on input order', () => {
    const at = hoursFromNow(-1);
    const a = promotion('approved', { id: 'chg-a', occurredAt: at });
    const b = promotion('succeeded', { id: 'chg-b', occurredAt: at });
    expect(pending([a, b])).toEqual(pending([b, a]));
  });

  it('keeps separate promotions of different artifacts to the same environment', () => {
    const other = promotion('scheduled', { id: 'chg-2', target: { kind: 'api', id: 'order-api', name: 'Order API' } });
    expect(pending([promotion('requested', { id: 'chg-1' }), other]).map((p) => p.target.id).sort()).toEqual(['map-850', 'order-api']);
  });

  it('flags a pending production promotion that runs into a freeze, and lists it first', () => {
    const windows = [freeze({ startsAt: hoursFromNow(24 * 3), endsAt: hoursFromNow(24 * 10) })];
    const otherTarget = promotion('approved', { id: 'chg-2', occurredAt: hoursFromNow(-1), target: { kind: 'api', id: 'order-api', name: 'Order API' } });
    const frozen = promotion('scheduled', { id: 'chg-1', occurredAt: hoursFromNow(-9) });
    const shown = pendingPromotionsAt(
      buildPendingPromotions([otherTarget, frozen], environments, windows, NOW).map((p) => (p.changeId === 'chg-2' ? { ...p, freezes: [] } : p)),
      NOW,
    );
    expect(shown.map((p) => [p.changeId, p.freezeConflicts.length])).toEqual([
      ['chg-1', 1],
      ['chg-2', 0],
    ]);
  });

  it('decides the freeze conflict when the page is viewed, not when the data was synced', () => {
    const stored = buildPendingPromotions([promotion('approved')], environments, [freeze({ startsAt: hoursFromNow(24 * 20), endsAt: hoursFromNow(24 * 30) })], NOW);
    expect(pendingPromotionsAt(stored, NOW)[0]?.freezeConflicts).toEqual([]);
    const tenDaysLater = new Date(NOW.getTime() + 10 * 24 * 3_600_000);
    expect(pendingPromotionsAt(stored, tenDaysLater)[0]?.freezeConflicts).toHaveLength(1);
  });

  it('never shows a sensitive version value', () => {
    const found = pending([promotion('approved', { diff: [{ op: 'replace', path: '/version', before: 's3cret', after: 's3cret2', sensitive: true }] })]);
    expect(found[0]?.version).toBeNull();
    expect(JSON.stringify(found)).not.toMatch(/s3cret/);
  });
});
