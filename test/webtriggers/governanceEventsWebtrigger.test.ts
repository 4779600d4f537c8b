import { startHttpApp, WEBHOOK_SECRET, type HttpApp } from '../publishing/httpApp';
import { MAX_EVENT_BYTES } from '../../src/domain/events/governanceEvents';
import { signGovernanceEvent } from '../../src/domain/events/signature';
import { changeDigest } from '../../src/domain/changeLog/changeLogEntry';
import { changeEvent, cloudEvent, environment } from '../domain/events/eventFixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface PageList {
  results: { id: string; title: string; version: { number: number }; body?: { storage?: { value: string } } }[];
}

describe('the governance-events webtrigger over HTTP', () => {
  let bench: HttpApp;

  beforeAll(async () => {
    bench = await startHttpApp();
    await bench.app.syncNow();
  }, 60_000);
  afterAll(async () => {
    await bench.close();
  });

  const changeSummary = async () => {
    const answer = await bench.app.forge.invokeResolver({
      moduleKey: 'change-summary',
      functionKey: 'getChangeSummary',
      payload: {},
      extension: { type: 'macro', config: { solutionId: 'sol-otc', window: '7d' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(answer.error);
    return answer.body as { state: string; changes: { id: string; reason: string | null; diff: { path: string; before: string | null }[] }[] };
  };

  async function changeLogPage() {
    const space = bench.app.forge.confluence.spaceByKey('OTC');
    const response = await bench.wiki(`/wiki/api/v2/pages?space-id=${space?.id}&title=${encodeURIComponent('Integration change log')}&body-format=storage`);
    expect(response.status).toBe(200);
    return ((await response.json()) as PageList).results[0];
  }

  const storedEvents = () => bench.app.forge.kvs.keys('governance-event:').length;
  const pending = () => bench.app.forge.queues.pending().length;

  describe('a good signed event', () => {
    const change = changeEvent({ id: 'chg-pushed-1', occurredAt: minutesAgo(1), reason: 'Hotfix <b>for</b> ACME & co' });
    const event = cloudEvent('governance.change.created', change, { id: 'evt-good-1', time: minutesAgo(1) });

    it('is accepted with 202 and queued', async () => {
      const answer = await bench.send(event);
      expect(answer).toEqual({ status: 202, json: { status: 'accepted', id: 'evt-good-1' } });
      expect(pending()).toBe(1);
    });

    it('shows in the change-summary macro as soon as the queue has delivered it, sensitive values redacted', async () => {
      const drained = await bench.app.forge.queues.drain();
      expect(drained).toMatchObject({ delivered: 1, failed: 0 });
      const summary = await changeSummary();
      const pushed = summary.changes.find((c) => c.id === 'chg-pushed-1');
      expect(pushed).toMatchObject({ reason: 'Hotfix <b>for</b> ACME & co' });
      expect(pushed?.diff.find((d) => d.path === '/connection/password')).toMatchObject({ before: null, sensitive: true });
    });

    it('is an entry on the space’s "Integration change log" page, rendered as readable text', async () => {
      const page = await changeLogPage();
      expect(page?.version.number).toBe(2);
      const storage = page?.body?.storage?.value ?? '';
      expect(storage).toContain(changeDigest('chg-pushed-1'));
      expect(storage).toContain('Hotfix &lt;b&gt;for&lt;/b&gt; ACME &amp; co');
      const html = await (await bench.wiki(`/wiki/spaces/OTC/pages/${page?.id}`)).text();
      expect(html).toContain('Hotfix &lt;b&gt;for&lt;/b&gt; ACME &amp; co');
      expect(html).not.toContain('<b>for</b>');
      expect(html).toMatch(/Affected partners<\/th><td>ACME Retail/);
      const parent = bench.app.forge.confluence.page(page?.id ?? '')?.parentId;
      expect(bench.app.forge.confluence.page(parent ?? '')?.title).toBe('Integration reports');
    });

    it('answers a replay (same source and id) with 202 and changes nothing', async () => {
      const before = { events: storedEvents(), version: (await changeLogPage())?.version.number };
      const answer = await bench.send(event);
      expect(answer).toMatchObject({ status: 202, json: { status: 'duplicate' } });
      expect(pending()).toBe(0);
      await bench.app.forge.queues.drain();
      const page = await changeLogPage();
      expect({ events: storedEvents(), version: page?.version.number }).toEqual(before);
      expect(page?.body?.storage?.value.split(changeDigest('chg-pushed-1')).length).toBe(2);
    });

    it('adds no second entry when the backend re-sends the same change under a new event id', async () => {
      await bench.send({ ...event, id: 'evt-good-1-resent' });
      await bench.app.forge.queues.drain();
      const page = await changeLogPage();
      expect(page?.version.number).toBe(2);
      expect((await changeSummary()).changes.filter((c) => c.id === 'chg-pushed-1')).toHaveLength(1);
    });
  });

  it('shows a pushed environment status change in the env-status macro at once', async () => {
    const pushed = environment({ id: 'env-otc-test', name: 'OTC Test', stage: 'test', isProduction: false, status: 'outage', statusMessage: 'Broker unreachable', updatedAt: minutesAgo(0) });
    expect((await bench.send(cloudEvent('governance.environment.status_changed', pushed, { time: minutesAgo(0) }))).status).toBe(202);
    await bench.app.forge.queues.drain();
    const answer = (await bench.app.envStatus({ solutionId: 'sol-otc' })) as { rows: { id: string; status: string; statusMessage: string | null }[] };
    expect(answer.rows.find((row) => row.id === 'env-otc-test')).toMatchObject({ status: 'outage', statusMessage: 'Broker unreachable' });
  });

  describe('refusals', () => {
    const body = JSON.stringify(cloudEvent('governance.change.created', changeEvent({ id: 'chg-refused', occurredAt: minutesAgo(2) }), { id: 'evt-refused' }));
    const now = () => Math.floor(Date.now() / 1000);

    async function expectNothingChanged(answer: { status: number; headers: Headers; json: Record<string, unknown> }, status: number) {
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.json).toMatchObject({ type: 'about:blank', status });
      expect(pending()).toBe(0);
      expect(bench.app.forge.kvs.keys('governance-event:').length).toBe(eventsBefore);
      expect(JSON.stringify(answer.json)).not.toContain(WEBHOOK_SECRET);
    }
    let eventsBefore = 0;
    beforeEach(() => {
      eventsBefore = storedEvents();
    });

    it.each([
      ['a missing signature', () => ({})],
      ['a wrong signature', () => ({ 'Governance-Signature': signGovernanceEvent('not-the-secret', body, now()) })],
      ['an expired signature (301 s old)', () => ({ 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, body, now() - 301) })],
      ['a signature from the future (301 s ahead)', () => ({ 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, body, now() + 301) })],
      ['a malformed signature header', () => ({ 'Governance-Signature': 'sha256=whatever' })],
    ])('answers %s with 401 problem+json, and nothing changes', async (_what, signature) => {
      const headers = signature() as Record<string, string>;
      const answer = await bench.post(body, { 'Content-Type': 'application/cloudevents+json', ...headers });
      await expectNothingChanged(answer, 401);
      if (headers['Governance-Signature']) expect(JSON.stringify(answer.json)).not.toContain(headers['Governance-Signature'].split('v1=')[1] ?? '#');
    });

    it('answers malformed JSON with 400 problem+json', async () => {
      const broken = '{"specversion":"1.0",';
      const answer = await bench.post(broken, { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, broken, now()) });
      await expectNothingChanged(answer, 400);
      expect(answer.json.detail).toMatch(/not valid JSON/);
    });

    it('answers an invalid event with 400 problem+json naming the field', async () => {
      const invalid = JSON.stringify(cloudEvent('governance.change.created', { ...changeEvent(), impact: { severity: 'high' } }));
      const answer = await bench.post(invalid, { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, invalid, now()) });
      await expectNothingChanged(answer, 400);
      expect(answer.json.field).toBe('data.impact.summary');
      expect(answer.json.detail).toContain('data.impact.summary');
    });

    it('answers an oversized body with 413', async () => {
      const huge = JSON.stringify(cloudEvent('governance.change.created', changeEvent({ reason: 'x'.repeat(MAX_EVENT_BYTES) })));
      const answer = await bench.post(huge, { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, huge, now()) });
      await expectNothingChanged(answer, 413);
    });

    it('answers another media type with 415', async () => {
      const answer = await bench.post(body, { 'Content-Type': 'text/plain', 'Governance-Signature': signGovernanceEvent(WEBHOOK_SECRET, body, now()) });
      await expectNothingChanged(answer, 415);
    });

    it('accepts plain application/json as well as application/cloudevents+json', async () => {
      const answer = await bench.send(cloudEvent('governance.failure.opened', { ...changeEvent(), id: 'x' }, { id: 'evt-json' }), { contentType: 'application/json; charset=utf-8' });
      expect(answer.status).toBe(400);
      expect(answer.json.field).toMatch(/^data\./);
    });

    it('answers GET with 405', async () => {
      const response = await fetch(`${bench.url}/webtrigger/governance-events`);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });

    it('accepts and ignores an event of a type this version does not know (202), queuing nothing', async () => {
      const answer = await bench.send(cloudEvent('governance.release.planned', { id: 'r1' }, { id: 'evt-unknown' }));
      expect(answer).toMatchObject({ status: 202, json: { status: 'ignored' } });
      expect(pending()).toBe(0);
      expect(storedEvents()).toBe(eventsBefore);
    });

    it('never logs the secret or a presented signature', async () => {
      const logged: string[] = [];
      const capture = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
      const spies = [jest.spyOn(console, 'log').mockImplementation(capture), jest.spyOn(console, 'warn').mockImplementation(capture), jest.spyOn(console, 'error').mockImplementation(capture)];
      try {
        const signature = signGovernanceEvent('wrong-secret', body, now());
        await bench.post(body, { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signature });
        await bench.send(cloudEvent('governance.release.planned', {}, { id: 'evt-log' }));
        const text = logged.join('\n');
        expect(text).not.toContain(WEBHOOK_SECRET);
        expect(text).not.toContain(signature.split('v1=')[1]);
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
    });
  });
});

describe('the governance-events webtrigger without a signing secret', () => {
  it('answers 503 and says how to configure it', async () => {
    const bench = await startHttpApp({ GOVERNANCE_WEBHOOK_SECRET: '' });
    try {
      const answer = await bench.send(cloudEvent('governance.change.created', changeEvent()));
      expect(answer.status).toBe(503);
      expect(answer.json.detail).toMatch(/signing secret/);
    } finally {
      await bench.close();
    }
  });
});
