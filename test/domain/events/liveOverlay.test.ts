import { toChangeRow } from '../../../src/domain/changes/changeRows';
import { buildEnvStatusRows } from '../../../src/domain/environments/envStatusRows';
import {
  LIVE_LIMITS,
  SUPERSEDE_MARGIN_MS,
  applyLiveUpdate,
  boundLiveEvents,
  emptyLiveEvents,
  liveAfter,
  mergeLiveChanges,
  mergeLiveEnvironments,
  mergeLiveFailures,
  mergeLiveMaintenance,
  supersededBefore,
  type LiveEvents,
  type LiveUpdate,
} from '../../../src/domain/events/liveOverlay';
import { changeEvent, environment, failure, maintenanceWindow } from './eventFixtures';

const NAMES = new Map([
  ['env-otc-prod', 'OTC Production'],
  ['env-otc-test', 'OTC Test'],
]);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
const NOW = new Date('2026-11-22T11:00:00Z');

const change = (id: string, occurredAt: string, receivedAt = at(30), overrides = {}): LiveUpdate => ({
  kind: 'change',
  entry: { receivedAt, eventTime: occurredAt, production: true, row: toChangeRow(changeEvent({ id, occurredAt, ...overrides }), NAMES) },
});
const failureUpdate = (eventTime: string, state: string, occurrences: number, receivedAt = at(30)): LiveUpdate => ({
  kind: 'failure',
  entry: { receivedAt, eventTime, eventType: state === 'resolved' ? 'governance.failure.resolved' : 'governance.failure.opened', failure: failure({ state, occurrences }) },
});
const apply = (...updates: LiveUpdate[]) => updates.reduce<LiveEvents>((state, update) => applyLiveUpdate(state, update), emptyLiveEvents());

describe('the live overlay of pushed events', () => {
  it('keeps the newest state of a failure when its events arrive out of order', () => {
    const state = apply(failureUpdate(at(20), 'resolved', 5), failureUpdate(at(10), 'open', 3));
    expect(state.failures).toHaveLength(1);
    expect(state.failures[0]?.failure).toMatchObject({ state: 'resolved', occurrences: 5 });
  });

  it('lets a newer event replace an older one of the same failure', () => {
    const state = apply(failureUpdate(at(10), 'open', 3), failureUpdate(at(20), 'resolved', 4));
    expect(state.failures[0]?.failure.state).toBe('resolved');
  });

  it('does not reopen a failure with an event of the same instant', () => {
    const state = apply(failureUpdate(at(10), 'resolved', 3), failureUpdate(at(10), 'open', 3));
    expect(state.failures[0]?.failure.state).toBe('resolved');
  });

  it('is idempotent: a redelivered event changes nothing', () => {
    const once = apply(change('c1', at(5)), failureUpdate(at(10), 'open', 3));
    const twice = applyLiveUpdate(applyLiveUpdate(once, change('c1', at(5))), failureUpdate(at(10), 'open', 3));
    expect(twice).toEqual(once);
  });

  it('keeps an environment’s latest pushed status by event time', () => {
    const newer: LiveUpdate = { kind: 'environment', entry: { receivedAt: at(30), eventTime: at(20), environment: environment({ status: 'operational', updatedAt: at(20) }) } };
    const older: LiveUpdate = { kind: 'environment', entry: { receivedAt: at(31), eventTime: at(10), environment: environment({ status: 'outage', updatedAt: at(10) }) } };
    expect(apply(newer, older).environments[0]?.environment.status).toBe('operational');
  });

  it('orders pushed changes newest first and keeps at most its limit', () => {
    const updates = Array.from({ length: LIVE_LIMITS.changes + 5 }, (_, i) => change(`c${i}`, new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString()));
    const state = apply(...updates);
    expect(state.changes).toHaveLength(LIVE_LIMITS.changes);
    expect(state.changes[0]?.row.id).toBe(`c${LIVE_LIMITS.changes + 4}`);
    expect(state.changes.map((entry) => entry.row.occurredAt)).toEqual([...state.changes.map((entry) => entry.row.occurredAt)].sort().reverse());
  });

  it('drops the oldest arrivals until the record fits its byte budget', () => {
    const big = 'x'.repeat(250);
    const updates = Array.from({ length: 40 }, (_, i) => change(`c${i}`, at(i), new Date(Date.UTC(2026, 10, 22, 9, i)).toISOString(), { reason: big }));
    const bounded = boundLiveEvents(apply(...updates), 20_000);
    expect(JSON.stringify(bounded).length).toBeLessThanOrEqual(20_000);
    const kept = bounded.changes.map((entry) => entry.row.id);
    expect(kept).toContain('c39');
    expect(kept).not.toContain('c0');
  });

  it('treats entries received before the published sync started (less the margin) as superseded', () => {
    const syncStarted = '2026-11-22T10:30:00Z';
    const cutoff = supersededBefore(syncStarted) as number;
    expect(cutoff).toBe(Date.parse(syncStarted) - SUPERSEDE_MARGIN_MS);
    const state = apply(change('old', at(1), at(20)), change('recent', at(2), at(29)), change('new', at(3), at(45)));
    expect(liveAfter(state, cutoff).changes.map((entry) => entry.row.id)).toEqual(['new', 'recent']);
    expect(liveAfter(state, supersededBefore(null)).changes).toHaveLength(3);
  });
});

describe('merging pushed changes into the newest change-summary page', () => {
  const row = (id: string, minute: number, environmentId = 'env-otc-prod') => toChangeRow(changeEvent({ id, occurredAt: at(minute), environmentId }), NAMES);
  const selection = { shownEnvironmentIds: new Set(['env-otc-prod', 'env-otc-test']), allEnvironments: true, onlyProduction: false, since: Date.parse(at(0)) };

  it('adds a pushed change at its place, newest first', () => {
    const live = apply(change('pushed', at(25))).changes;
    const merged = mergeLiveChanges([row('a', 30), row('b', 20)], live, selection, false, 20);
    expect(merged.map((r) => r.id)).toEqual(['a', 'pushed', 'b']);
  });

  it('shows a change once when the sync already has it (de-duplicated by change id)', () => {
    const live = apply(change('a', at(30))).changes;
    expect(mergeLiveChanges([row('a', 30)], live, selection, false, 20).map((r) => r.id)).toEqual(['a']);
  });

  it('leaves out pushed changes of environments the macro does not show, older than its window, or not production when it shows production only', () => {
    const live = apply(change('other-env', at(25), at(30), { environmentId: 'env-otc-dev' }), change('too-old', '2026-11-01T00:00:00Z'), change('test-env', at(26), at(30), { environmentId: 'env-otc-test' })).changes;
    live.forEach((entry) => {
      if (entry.row.id === 'test-env') entry.production = false;
    });
    const narrowed = { ...selection, allEnvironments: false, shownEnvironmentIds: new Set(['env-otc-prod', 'env-otc-test']), onlyProduction: true };
    expect(mergeLiveChanges([], live, narrowed, false, 20)).toEqual([]);
    expect(mergeLiveChanges([], live, selection, false, 20).map((r) => r.id).sort()).toEqual(['other-env', 'test-env']);
  });

  it('keeps the page in order when older pages follow: a pushed change older than the page is left for the next sync', () => {
    const live = apply(change('older-than-page', at(5)), change('within', at(25))).changes;
    const merged = mergeLiveChanges([row('a', 30), row('b', 20)], live, selection, true, 20);
    expect(merged.map((r) => r.id)).toEqual(['a', 'within', 'b']);
  });
});

describe('merging pushed status into the environment rows', () => {
  const rows = buildEnvStatusRows(
    [environment({ status: 'operational', statusMessage: null, updatedAt: at(0) }), environment({ id: 'env-otc-test', name: 'OTC Test', stage: 'test', isProduction: false, status: 'degraded', updatedAt: at(40) })],
    [],
    [],
    NOW,
  );

  it('shows a pushed status change that is newer than the synced one', () => {
    const live = apply({ kind: 'environment', entry: { receivedAt: at(30), eventTime: at(20), environment: environment({ status: 'outage', statusMessage: 'AS2 gateway down', updatedAt: at(20) }) } });
    const merged = mergeLiveEnvironments(rows, live, 'sol-otc', NOW);
    expect(merged.find((r) => r.id === 'env-otc-prod')).toMatchObject({ status: 'outage', statusMessage: 'AS2 gateway down', updatedAt: at(20) });
    expect(merged.find((r) => r.id === 'env-otc-test')?.status).toBe('degraded');
  });

  it('keeps the synced status when it is newer than the pushed one', () => {
    const live = apply({ kind: 'environment', entry: { receivedAt: at(30), eventTime: at(30), environment: environment({ id: 'env-otc-test', status: 'outage', updatedAt: at(30) }) } });
    expect(mergeLiveEnvironments(rows, live, 'sol-otc', NOW).find((r) => r.id === 'env-otc-test')?.status).toBe('degraded');
  });

  it('adds an environment the sync did not know yet, and ignores other solutions’ environments', () => {
    const live = apply(
      { kind: 'environment', entry: { receivedAt: at(30), eventTime: at(30), environment: environment({ id: 'env-otc-dr', name: 'OTC DR', updatedAt: at(30) }) } },
      { kind: 'environment', entry: { receivedAt: at(30), eventTime: at(30), environment: environment({ id: 'env-log-prod', solutionId: 'sol-log', updatedAt: at(30) }) } },
    );
    const ids = mergeLiveEnvironments(rows, live, 'sol-otc', NOW).map((r) => r.id);
    expect(ids).toEqual(['env-otc-prod', 'env-otc-test', 'env-otc-dr']);
  });

  it('shows a pushed maintenance window on the environments it names, and drops a cancelled one', () => {
    const scheduled = apply({ kind: 'maintenance', entry: { receivedAt: at(30), eventTime: at(30), window: maintenanceWindow() } });
    expect(mergeLiveEnvironments(rows, scheduled, 'sol-otc', NOW).find((r) => r.id === 'env-otc-prod')?.maintenance.map((w) => w.id)).toEqual(['mw-live-1']);
    const cancelled = applyLiveUpdate(scheduled, { kind: 'maintenance', entry: { receivedAt: at(31), eventTime: at(31), window: maintenanceWindow({ status: 'cancelled' }) } });
    expect(mergeLiveEnvironments(rows, cancelled, 'sol-otc', NOW).find((r) => r.id === 'env-otc-prod')?.maintenance).toEqual([]);
  });
});

describe('merging pushed failures and windows into synced lists', () => {
  it('replaces a synced failure by id and adds new ones', () => {
    const live = apply(failureUpdate(at(20), 'resolved', 9), { kind: 'failure', entry: { receivedAt: at(30), eventTime: at(30), eventType: 'governance.failure.opened', failure: failure({ id: 'fail-new' }) } });
    const merged = mergeLiveFailures([failure({ state: 'open', occurrences: 2 }), failure({ id: 'fail-other' })], live);
    expect(merged.map((f) => [f.id, f.state])).toEqual([
      ['fail-live-1', 'resolved'],
      ['fail-other', 'open'],
      ['fail-new', 'open'],
    ]);
  });

  it('replaces a synced window by id and adds new ones', () => {
    const live = apply({ kind: 'maintenance', entry: { receivedAt: at(30), eventTime: at(30), window: maintenanceWindow({ title: 'Moved' }) } });
    expect(mergeLiveMaintenance([maintenanceWindow({ title: 'Original' })], live).map((w) => w.title)).toEqual(['Moved']);
  });
});
