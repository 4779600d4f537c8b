import { changeSummaryAdf, EXPORT_CHANGE_LIMIT } from '../../../src/domain/changes/changeSummaryAdf';
import { environmentNames, toChangeRow } from '../../../src/domain/changes/changeRows';
import { buildPendingPromotions, pendingPromotionsAt } from '../../../src/domain/changes/pendingPromotions';
import { syncStamp } from '../../../src/domain/sync/syncStamp';
import { NOW, changeEvent, environments, freeze, hoursFromNow, promotion } from './changeFixtures';

function texts(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { text?: string; content?: unknown[] };
  return [...(n.text ? [n.text] : []), ...(n.content ?? []).flatMap(texts)];
}

const fresh = syncStamp({ lastAttemptAt: null, lastSuccessAt: hoursFromNow(-0.25), lastErrorAt: null, lastError: null }, NOW, 60);
const names = environmentNames(environments);

function adf(overrides: Partial<Parameters<typeof changeSummaryAdf>[0]> = {}) {
  return changeSummaryAdf({
    solutionName: 'Retail OTC',
    window: '7d',
    windowStart: hoursFromNow(-24 * 7),
    environments,
    onlyProduction: false,
    pending: pendingPromotionsAt(buildPendingPromotions([promotion('scheduled')], environments, [freeze()], NOW), NOW),
    changes: [
      toChangeRow(changeEvent({ id: 'c2', occurredAt: '2026-11-22T09:00:00Z', diff: [{ op: 'replace', path: '/auth/password', before: 'pw-LEAK', after: 'pw-LEAK2', sensitive: true }] }), names),
      toChangeRow(changeEvent({ id: 'c1', occurredAt: '2026-11-21T23:30:00Z', reason: '<b>why</b> & "how"' }), names),
    ],
    remaining: { atLeast: 0, atMost: 0 },
    sync: fresh,
    ...overrides,
  });
}

describe('changeSummaryAdf (PDF/Word export)', () => {
  it('exports the pending production promotions with their freeze conflict, then the changes by UTC day', () => {
    const all = texts(adf()).join('\n');
    expect(all).toContain('Change summary: Retail OTC');
    expect(all).toContain('Pending production promotions');
    expect(all).toContain('1 pending production promotion runs into a change freeze.');
    expect(all).toMatch(/FREEZE AHEAD: Peak season change freeze/);
    expect(all).toContain('2026-11-22 (UTC)');
    expect(all).toContain('2026-11-21 (UTC)');
    expect(all.indexOf('2026-11-22 (UTC)')).toBeLessThan(all.indexOf('2026-11-21 (UTC)'));
  });

  it('shows a sensitive diff entry as redacted and never its value', () => {
    const json = JSON.stringify(adf());
    expect(json).toContain('/auth/password: redacted (sensitive)');
    expect(json).not.toContain('pw-LEAK');
  });

  it('keeps text from the backend as text', () => {
    expect(texts(adf())).toContain('<b>why</b> & "how"');
  });

  it('says how many older changes the cap left out', () => {
    const all = texts(adf({ remaining: { atLeast: 120, atMost: 120 } })).join(' ');
    expect(all).toContain(`Showing the ${EXPORT_CHANGE_LIMIT} most recent changes; 120 older changes in this window are not included.`);
  });

  it('says so when nothing is pending and nothing changed', () => {
    const all = texts(adf({ pending: [], changes: [] })).join(' ');
    expect(all).toContain('No production promotion is pending.');
    expect(all).toContain('No changes in this window.');
  });

  it('warns in the export when the data is stale', () => {
    const stale = syncStamp({ lastAttemptAt: null, lastSuccessAt: hoursFromNow(-5), lastErrorAt: hoursFromNow(-1), lastError: 'backend down' }, NOW, 60);
    expect(texts(adf({ sync: stale })).join(' ')).toContain('the last sync failed (backend down)');
  });

  it('never emits an empty text node, which ADF rejects', () => {
    expect(JSON.stringify(adf({ solutionName: '', changes: [toChangeRow(changeEvent({ reason: '', diff: [] }), names)] }))).not.toContain('"text":""');
  });
});
