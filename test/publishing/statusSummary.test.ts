import { startHttpApp, type HttpApp } from './httpApp';
import { utcDate } from '../../src/domain/statusSummary/cadence';
import { changeEvent, cloudEvent, failure } from '../domain/events/eventFixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const OTC_TITLE = 'Integration status — Retail Order-to-Cash';

interface PageList {
  results: { id: string; title: string; parentId: string; version: { number: number; message: string }; body: { storage?: { value: string } } }[];
}

async function statusPage(bench: HttpApp, spaceKey: string, title: string) {
  const space = bench.app.forge.confluence.spaceByKey(spaceKey);
  const response = await bench.wiki(`/wiki/api/v2/pages?space-id=${space?.id}&title=${encodeURIComponent(title)}&body-format=storage`);
  expect(response.status).toBe(200);
  return ((await response.json()) as PageList).results[0];
}

async function runTrigger(bench: HttpApp) {
  const outcome = await bench.app.forge.runScheduledTrigger('status-summary-schedule');
  expect(outcome).toMatchObject({ ok: true });
}

const sections = (storage: string) => [...storage.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);

describe('the periodic status summary page', () => {
  let bench: HttpApp;

  beforeAll(async () => {
    bench = await startHttpApp();
    await bench.app.syncNow();
  }, 60_000);
  afterAll(async () => {
    await bench.close();
  });

  it('publishes "Integration status — <solution>" under "Integration reports" in each mapped space, with every section', async () => {
    await runTrigger(bench);
    const page = await statusPage(bench, 'OTC', OTC_TITLE);
    expect(page?.version.number).toBe(1);
    expect(bench.app.forge.confluence.page(page?.parentId ?? '')?.title).toBe('Integration reports');
    expect(sections(page?.body.storage?.value ?? '')).toEqual([
      'Environment status',
      'Configuration changes',
      'Open failures and issues',
      'Upcoming maintenance windows',
      'Credentials due for rotation',
      'Assets whose usage rights expire soon',
    ]);
    expect(await statusPage(bench, 'LOG', 'Integration status — Logistics Visibility')).toBeDefined();
    // sol-fin has no space: no page anywhere.
    expect(bench.app.forge.confluence.pages().filter((p) => p.title.startsWith('Integration status')).map((p) => p.title).sort()).toEqual([
      'Integration status — Logistics Visibility',
      OTC_TITLE,
    ]);
  });

  it('reads readably in the page view: environment statuses, and a clear note that no asset library is connected', async () => {
    const page = await statusPage(bench, 'OTC', OTC_TITLE);
    const html = await (await bench.wiki(`/wiki/spaces/OTC/pages/${page?.id}`)).text();
    expect(html).toContain('OTC Production');
    expect(html).toMatch(/status-lozenge[^>]*>(OPERATIONAL|DEGRADED|OUTAGE|MAINTENANCE)</);
    expect(html).toContain('No asset library (Canto or iconik) is connected');
    expect(html).not.toContain('<script');
  });

  it('does nothing more on a second run the same week', async () => {
    await runTrigger(bench);
    expect((await statusPage(bench, 'OTC', OTC_TITLE))?.version.number).toBe(1);
  });

  it('updates the same page in place at the next due run (version 2), with pushed changes and failures since the last summary', async () => {
    const otc = bench.app.forge.kvs.get('status-summary:sol-otc') as Record<string, unknown>;
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    bench.app.forge.kvs.set('status-summary:sol-otc', { ...otc, lastPublishedAt: lastWeek });

    await bench.send(cloudEvent('governance.change.created', changeEvent({ id: 'chg-for-summary', occurredAt: minutesAgo(3), reason: 'Summary <i>check</i>' }), { id: 'evt-s1', time: minutesAgo(3) }));
    await bench.send(cloudEvent('governance.failure.opened', failure({ id: 'fail-summary-open', errorMessage: 'Envelope rejected by partner' }), { id: 'evt-s2', time: minutesAgo(3) }));
    await bench.send(cloudEvent('governance.failure.resolved', failure({ id: 'fail-summary-ooo', state: 'resolved', errorMessage: 'Resolved one' }), { id: 'evt-s3', time: minutesAgo(1) }));
    await bench.send(cloudEvent('governance.failure.opened', failure({ id: 'fail-summary-ooo', state: 'open', errorMessage: 'Resolved one' }), { id: 'evt-s4', time: minutesAgo(4) }));
    await bench.app.forge.queues.drain({ concurrency: 1 });

    await runTrigger(bench);
    const page = await statusPage(bench, 'OTC', OTC_TITLE);
    expect(page?.id).toBe(otc.pageId);
    expect(page?.version).toMatchObject({ number: 2, message: `Status summary for ${utcDate(new Date())}` });
    const storage = page?.body.storage?.value ?? '';
    expect(storage).toContain('Summary &lt;i&gt;check&lt;/i&gt;');
    expect(storage).toContain(`since the last summary (${lastWeek.slice(0, 16).replace('T', ' ')} UTC)`);
    expect(storage).toContain('Envelope rejected by partner');
    expect(storage).not.toContain('Resolved one');
    const versions = (await (await bench.wiki(`/wiki/api/v2/pages/${page?.id}/versions`)).json()) as { results: { number: number }[] };
    expect(versions.results.map((v) => v.number)).toEqual([2, 1]);
  });

  it('publishes once when two runs of the trigger overlap', async () => {
    const record = bench.app.forge.kvs.get('status-summary:sol-log') as Record<string, unknown>;
    bench.app.forge.kvs.set('status-summary:sol-log', { ...record, lastPublishedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() });
    await Promise.all([runTrigger(bench), runTrigger(bench)]);
    expect((await statusPage(bench, 'LOG', 'Integration status — Logistics Visibility'))?.version.number).toBe(2);
  });

  it('publishes daily when the cadence says daily', async () => {
    const settings = (bench.app.forge.kvs.get('settings:app') as Record<string, unknown> | undefined) ?? {};
    bench.app.forge.kvs.set('settings:app', { ...settings, summary: { cadence: 'daily', weekday: 'monday' } });
    const record = bench.app.forge.kvs.get('status-summary:sol-otc') as Record<string, unknown>;
    bench.app.forge.kvs.set('status-summary:sol-otc', { ...record, lastPublishedAt: new Date(Date.now() - 86_400_000).toISOString() });
    await runTrigger(bench);
    expect((await statusPage(bench, 'OTC', OTC_TITLE))?.version.number).toBe(3);
    await runTrigger(bench);
    expect((await statusPage(bench, 'OTC', OTC_TITLE))?.version.number).toBe(3);
  });
});

describe('the status summary with the cadence off', () => {
  it('publishes no page', async () => {
    const bench = await startHttpApp();
    try {
      await bench.app.syncNow();
      bench.app.forge.kvs.set('settings:app', { summary: { cadence: 'off' } });
      await runTrigger(bench);
      expect(bench.app.forge.confluence.pages().filter((p) => p.title.startsWith('Integration status'))).toEqual([]);
      expect(bench.app.forge.kvs.keys('status-summary')).toEqual([]);
    } finally {
      await bench.close();
    }
  }, 60_000);
});
