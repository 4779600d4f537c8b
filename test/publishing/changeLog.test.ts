import { startHttpApp, type HttpApp } from './httpApp';
import { toChangeRow } from '../../src/domain/changes/changeRows';
import { CHANGE_LOG_MAX_ENTRIES, CHANGE_LOG_TRIM_TO, changeDigest, changeLogIntroduction, insertEntries, parseChangeLog, renderChangeLogEntry } from '../../src/domain/changeLog/changeLogEntry';
import { liveEventsSchema } from '../../src/domain/events/liveOverlay';
import { changeEvent, cloudEvent, failure } from '../domain/events/eventFixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
type ConfluenceFetch = HttpApp['app']['forge']['confluence']['fetch'];

describe('change-log entries from pushed events', () => {
  let bench: HttpApp;
  let originalFetch: ConfluenceFetch;

  beforeAll(async () => {
    bench = await startHttpApp();
    originalFetch = bench.app.forge.confluence.fetch.bind(bench.app.forge.confluence);
    await bench.app.syncNow();
  }, 60_000);
  afterEach(() => {
    bench.app.forge.confluence.fetch = originalFetch;
  });
  afterAll(async () => {
    await bench.close();
  });

  const confluence = () => bench.app.forge.confluence;
  const changeLog = (spaceKey: string) => confluence().pages({ spaceKey, title: 'Integration change log' });
  const digestsOn = (pageId: string) => parseChangeLog((confluence().page(pageId)?.body.value as string) ?? '').entries.map((entry) => entry.marker.digest);
  const sendChange = (id: string, minutes: number, environmentId = 'env-otc-prod') =>
    bench.send(cloudEvent('governance.change.created', changeEvent({ id, occurredAt: minutesAgo(minutes), environmentId, promotion: null }), { id: `evt-${id}`, time: minutesAgo(minutes) }));

  it('creates the change log once when two events race for a space that has none, and both entries land', async () => {
    await sendChange('log-a', 3, 'env-log-prod');
    await sendChange('log-b', 2, 'env-log-test');
    const drained = await bench.app.forge.queues.drain({ concurrency: 2 });
    expect(drained).toMatchObject({ delivered: 2, failed: 0 });
    const pages = changeLog('LOG');
    expect(pages).toHaveLength(1);
    expect(digestsOn(pages[0]?.id ?? '')).toEqual([changeDigest('log-b'), changeDigest('log-a')]);
    expect(confluence().pages({ spaceKey: 'LOG', title: 'Integration reports' })).toHaveLength(1);
  });

  it('lands both of two events that race on the page: the loser gets a 409, re-reads and inserts again', async () => {
    await sendChange('race-0', 10);
    await bench.app.forge.queues.drain();
    const page = changeLog('OTC')[0];
    if (!page) throw new Error('no change log');
    const versionBefore = page.version.number;

    // Hold the first PUT until another PUT to the same page has gone through: the held one is then stale.
    const statuses: number[] = [];
    let releaseHeld: () => void = () => undefined;
    const otherPutDone = new Promise<void>((resolve) => (releaseHeld = resolve));
    let held = false;
    confluence().fetch = async (actor, path, init) => {
      const isPut = init?.method === 'PUT' && path.startsWith(`/wiki/api/v2/pages/${page.id}`);
      if (isPut && !held) {
        held = true;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([otherPutDone, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
        clearTimeout(timer);
      }
      const response = await originalFetch(actor, path, init);
      if (isPut) {
        statuses.push(response.status);
        if (response.ok) releaseHeld();
      }
      return response;
    };
    await sendChange('race-a', 5);
    await sendChange('race-b', 4);
    const drained = await bench.app.forge.queues.drain({ concurrency: 2 });
    expect(drained).toMatchObject({ delivered: 2, failed: 0 });
    expect(statuses).toContain(409);
    expect(digestsOn(page.id)).toEqual(['race-b', 'race-a', 'race-0'].map(changeDigest));
    expect(confluence().page(page.id)?.version.number).toBe(versionBefore + 2);
  });

  it('keeps a person’s concurrent edit and still adds the entry', async () => {
    const page = changeLog('OTC')[0];
    if (!page) throw new Error('no change log');
    let edited = false;
    confluence().fetch = async (actor, path, init) => {
      if (init?.method === 'PUT' && path.startsWith(`/wiki/api/v2/pages/${page.id}`) && !edited) {
        edited = true;
        const current = confluence().page(page.id);
        const response = await fetch(`${bench.url}/wiki/api/v2/pages/${page.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-workbench-account-id': 'user-ana' },
          body: JSON.stringify({ id: page.id, status: 'current', title: current?.title, version: { number: (current?.version.number ?? 0) + 1 }, body: { representation: 'storage', value: `<p>Note from Ana</p>${current?.body.value}` } }),
        });
        expect(response.status).toBe(200);
      }
      return originalFetch(actor, path, init);
    };
    await sendChange('after-edit', 1);
    await bench.app.forge.queues.drain();
    const body = confluence().page(page.id)?.body.value ?? '';
    expect(body.startsWith('<p>Note from Ana</p>')).toBe(true);
    expect(digestsOn(page.id)[0]).toBe(changeDigest('after-edit'));
  });

  it('keeps the newest state of a failure whose events arrive out of order', async () => {
    const resolved = cloudEvent('governance.failure.resolved', failure({ id: 'fail-ooo', state: 'resolved', occurrences: 7, lastSeenAt: minutesAgo(2) }), { id: 'evt-ooo-2', time: minutesAgo(1) });
    const opened = cloudEvent('governance.failure.opened', failure({ id: 'fail-ooo', state: 'open', occurrences: 3, lastSeenAt: minutesAgo(5) }), { id: 'evt-ooo-1', time: minutesAgo(5) });
    expect((await bench.send(resolved)).status).toBe(202);
    await bench.app.forge.queues.drain();
    expect((await bench.send(opened)).status).toBe(202);
    await bench.app.forge.queues.drain();
    const overlay = liveEventsSchema.parse(bench.app.forge.kvs.get('live-events:sol-otc'));
    expect(overlay.failures.find((entry) => entry.failure.id === 'fail-ooo')?.failure).toMatchObject({ state: 'resolved', occurrences: 7 });
  });

  it('moves the oldest entries to "Integration change log archive <year>" when the page passes its limit, losing none', async () => {
    const page = changeLog('OTC')[0];
    if (!page) throw new Error('no change log');
    const names = new Map([['env-otc-prod', 'OTC Production']]);
    const filler = Array.from({ length: CHANGE_LOG_MAX_ENTRIES }, (_, i) =>
      renderChangeLogEntry({
        row: toChangeRow(changeEvent({ id: `old-${i}`, occurredAt: new Date(Date.UTC(2025, 11, 31, 12) + i * 3_600_000).toISOString(), diff: [], promotion: null }), names),
        solution: { id: 'sol-otc', name: 'Retail Order-to-Cash' },
        production: false,
      }),
    );
    const current = confluence().page(page.id);
    const filled = insertEntries(current?.body.value ?? '', filler, changeLogIntroduction()) as string;
    confluence().store.updatePage(page.id, { title: page.title, body: { representation: 'storage', value: filled }, version: { number: (current?.version.number ?? 0) + 1 } }, { accountId: 'user-ana', isApp: false });
    const before = new Set(digestsOn(page.id));

    await sendChange('overflowing', 0);
    await bench.app.forge.queues.drain();

    const kept = digestsOn(page.id);
    expect(kept.length).toBeLessThanOrEqual(CHANGE_LOG_TRIM_TO);
    expect(kept[0]).toBe(changeDigest('overflowing'));
    const archives = confluence()
      .pages({ spaceKey: 'OTC' })
      .filter((candidate) => candidate.title.startsWith('Integration change log archive'));
    expect(archives.map((archive) => archive.title).sort()).toEqual(['Integration change log archive 2025', 'Integration change log archive 2026']);
    expect(archives.every((archive) => archive.parentId === page.id)).toBe(true);
    const archived = archives.flatMap((archive) => digestsOn(archive.id));
    expect(new Set([...kept, ...archived])).toEqual(new Set([...before, changeDigest('overflowing')]));
    expect(kept.length + archived.length).toBe(before.size + 1);
    expect(archived).toContain(changeDigest('old-0'));
  }, 60_000);
});
