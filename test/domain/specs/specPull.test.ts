import { decodePullCursor, encodePullCursor, parsePullQuery, pullDriftSummary, PULL_MAX_LIMIT } from '../../../src/domain/specs/specPull';
import { interfaceSpecDrift } from '../../../src/domain/specs/specDrift';
import { parsedSpec, snapshot } from './fixtures';

describe('parsePullQuery', () => {
  it('defaults to the largest page and no cursor', () => {
    expect(parsePullQuery({})).toEqual({ ok: true, query: { limit: PULL_MAX_LIMIT } });
  });

  it('reads a limit and a cursor it issued', () => {
    expect(parsePullQuery({ limit: ['5'], cursor: [encodePullCursor('kvs-cursor-1')] })).toEqual({ ok: true, query: { limit: 5, storageCursor: 'kvs-cursor-1' } });
  });

  it.each(['0', '21', '-1', '2.5', 'ten', '', '1e1'])('refuses limit=%s, naming the parameter', (limit) => {
    const parsed = parsePullQuery({ limit: [limit] });
    expect(parsed).toMatchObject({ ok: false, problem: { status: 400, parameter: 'limit' } });
  });

  it('refuses query parameters it does not know', () => {
    expect(parsePullQuery({ solutionId: ['sol-otc'] })).toMatchObject({ ok: false, problem: { status: 400, parameter: 'solutionId', detail: expect.stringMatching(/only limit and cursor/) } });
  });

  it('refuses a parameter given twice', () => {
    expect(parsePullQuery({ limit: ['5', '6'] })).toMatchObject({ ok: false, problem: { status: 400, parameter: 'limit' } });
  });

  it('refuses a cursor it did not issue', () => {
    for (const cursor of ['abc', Buffer.from('{"v":2,"k":"x"}').toString('base64url'), 'a'.repeat(3000), 'not/base64']) {
      expect(parsePullQuery({ cursor: [cursor] })).toMatchObject({ ok: false, problem: { status: 400, parameter: 'cursor' } });
    }
  });
});

describe('pull cursors', () => {
  it('round-trip the storage cursor', () => {
    expect(decodePullCursor(encodePullCursor('opaque:cursor/with+chars'))).toBe('opaque:cursor/with+chars');
  });
});

describe('pullDriftSummary', () => {
  it('keeps counts per environment and lists only what differs', () => {
    const summary = pullDriftSummary(interfaceSpecDrift(parsedSpec(), snapshot()), '2026-11-20T10:00:00Z');
    expect(summary.state).toBe('drift');
    const prod = summary.environments.find((e) => e.environmentId === 'env-otc-prod');
    expect(prod).toMatchObject({ state: 'drift', artifacts: { match: 1, drift: 1, notDeployed: 0 }, endpoint: 'match' });
    expect(prod?.findings).toEqual([{ kind: 'artifact', artifactId: 'art-otc-850-in', state: 'drift', expected: '2.4.0', deployed: '2.3.9' }]);
    const test = summary.environments.find((e) => e.environmentId === 'env-otc-test');
    expect(test?.findings).toEqual([]);
  });

  it('says why drift is unavailable', () => {
    expect(pullDriftSummary({ unavailable: 'No governance data has been synced yet.' }, null)).toEqual({
      state: 'unavailable',
      reason: 'No governance data has been synced yet.',
      syncedAt: null,
      environments: [],
      unknownEnvironments: [],
    });
  });
});
