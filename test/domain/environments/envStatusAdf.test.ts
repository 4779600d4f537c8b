import { envStatusAdf } from '../../../src/domain/environments/envStatusAdf';
import { buildEnvStatusRows } from '../../../src/domain/environments/envStatusRows';
import { syncStamp } from '../../../src/domain/sync/syncStamp';
import { NOW, environment, hoursFromNow } from '../../fixtures/governance';

function texts(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { text?: string; content?: unknown[] };
  return [...(n.text ? [n.text] : []), ...(n.content ?? []).flatMap(texts)];
}

describe('envStatusAdf (PDF/Word export)', () => {
  const rows = buildEnvStatusRows(
    [environment({ name: '<b>Prod</b> & "co"', statusMessage: 'AS2 partner slow' })],
    [],
    [],
    NOW,
  );

  it('exports a table with every environment and its status, as text (no markup interpreted)', () => {
    const sync = syncStamp({ lastAttemptAt: null, lastSuccessAt: hoursFromNow(-0.25), lastErrorAt: null, lastError: null }, NOW, 60);
    const adf = envStatusAdf({ solutionName: 'Retail OTC', stages: [], rows, sync, now: NOW });
    expect(adf).toMatchObject({ type: 'doc', version: 1 });
    const all = texts(adf);
    expect(all).toEqual(expect.arrayContaining(['Environment status: Retail OTC', '<b>Prod</b> & "co"', 'OPERATIONAL', 'AS2 partner slow', 'None scheduled']));
    expect(JSON.stringify(adf)).toContain('"type":"table"');
  });

  it('warns in the export when the data is stale', () => {
    const sync = syncStamp({ lastAttemptAt: null, lastSuccessAt: hoursFromNow(-5), lastErrorAt: hoursFromNow(-1), lastError: 'backend down' }, NOW, 60);
    const all = texts(envStatusAdf({ solutionName: 'Retail OTC', stages: [], rows, sync, now: NOW })).join(' ');
    expect(all).toContain('the last sync failed (backend down)');
  });

  it('never emits an empty text node, which ADF rejects', () => {
    const sync = syncStamp(undefined, NOW, 60);
    const adf = envStatusAdf({ solutionName: '', stages: [], rows: buildEnvStatusRows([environment({ endpoints: [], statusMessage: '' })], [], [], NOW), sync, now: NOW });
    expect(JSON.stringify(adf)).not.toContain('"text":""');
  });
});
