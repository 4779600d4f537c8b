import { deploymentLines, readinessText, releaseReadinessAdf } from '../../../src/domain/releases/releaseReadinessAdf';
import type { ReleaseHeader, ReleaseItemRow, ReleaseSignOff } from '../../../src/shared/releaseReadinessContract';
import type { SyncStamp } from '../../../src/shared/syncStamp';

const figure = { ready: 1, total: 2, percent: 50, counts: { failed: 1, missing: 0, mismatch: 0, scheduled: 0, ready: 1 } };
const release: ReleaseHeader = {
  id: 'rel-holiday',
  name: 'Holiday readiness',
  plannedFor: '2026-11-25T09:00:00Z',
  target: { id: 'otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
  previousStage: { stage: 'test', environments: [{ id: 'otc-test', name: 'OTC Test' }] },
  readiness: figure,
  fingerprint: 'now',
};
const none = { deployedVersion: null, deployedAt: null, failure: null, scheduledVersion: null, latestStatus: null };
const item: ReleaseItemRow = {
  id: '0.0',
  artifactId: 'map-856',
  artifactName: 'X12 856 <Ship Notice>',
  kind: 'map',
  expectedVersion: '1.1.0',
  state: 'failed',
  target: { ...none, failure: { version: '1.1.0', at: '2026-11-22T10:00:00Z' }, latestStatus: 'failed' },
  previous: [{ ...none, deployedVersion: '1.1.0', environmentId: 'otc-test', environmentName: 'OTC Test', latestStatus: 'deployed' }],
};
const signOff: ReleaseSignOff = { accountId: 'a', displayName: 'Ana', signedAt: '2026-11-22T09:00:00Z', note: 'Line one\nLine two', readiness: figure, outdated: true, mine: false };
const sync: SyncStamp = {
  lastSuccessAt: '2026-11-22T11:50:00Z',
  lastAttemptAt: '2026-11-22T11:50:00Z',
  lastErrorAt: null,
  lastError: null,
  intervalMinutes: 60,
  stale: false,
  staleReason: null,
  now: '2026-11-22T12:00:00Z',
};

function texts(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const { text, content } = node as { text?: string; content?: unknown[] };
  return [...(text ? [text] : []), ...(content ?? []).flatMap(texts)];
}

describe('release readiness in PDF and Word exports', () => {
  const adf = releaseReadinessAdf({ solutionName: 'Retail OTC', release, items: [item], omittedItems: 0, signOffs: [signOff], sync });
  const all = texts(adf);

  it('heads the export with the release, its target, planned date and readiness figure', () => {
    expect(all).toContain('Release readiness: Holiday readiness');
    expect(all.some((t) => t.includes('target OTC Production (prod)') && t.includes('planned for 2026-11-25 09:00 UTC'))).toBe(true);
    expect(all).toContain('1 of 2 items ready (50%): 1 failed.');
  });

  it('lists items with expected, target and previous-stage versions and the state, text as data', () => {
    expect(all).toEqual(expect.arrayContaining(['X12 856 <Ship Notice>', '1.1.0', 'Not deployed', 'Failed: 1.1.0 at 2026-11-22 10:00 UTC', 'FAILED']));
  });

  it('lists sign-offs with the readiness they saw, their note and an outdated marker', () => {
    expect(all).toEqual(expect.arrayContaining(['Ana', 'Line one', 'Line two', 'OUTDATED: deployments changed since']));
  });

  it('says so when nobody signed off yet', () => {
    const empty = texts(releaseReadinessAdf({ solutionName: 'Retail OTC', release, items: [item], omittedItems: 3, signOffs: [], sync }));
    expect(empty).toContain('Nobody has signed off this release yet.');
    expect(empty).toContain('3 more items are not included in this export.');
  });

  it('words the figure and the deployment cells', () => {
    expect(readinessText({ ...figure, total: 0, ready: 0, percent: null })).toBe('This release has no items.');
    expect(deploymentLines({ ...none, latestStatus: 'absent' })).toEqual(['Not deployed (absent)']);
    expect(deploymentLines({ ...none, deployedVersion: '1.0.0', scheduledVersion: '1.1.0' })).toEqual(['1.0.0', 'Scheduled: 1.1.0']);
  });
});
