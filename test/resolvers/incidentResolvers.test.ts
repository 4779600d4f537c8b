import { startApp, type AppUnderTest } from '../appHost';
import { validSpec } from '../domain/specs/fixtures';
import type { ChangeEvent, Failure } from '../../src/sources/governance/schemas';
import { ROOT_CAUSE_PLACEHOLDER } from '../../src/domain/incidents/rootCause';
import { upsertAssets } from '../../src/store/assets';
import { failedJob, iconikAsset } from '../domain/incidents/incidentFixtures';

const WANDA = '5f0c277e0a9b8e00230c1a5e';
const SOFIA = '5f0c277e0a9b8e00230c1a60';
const HOUR = 3_600_000;

type Answer = Record<string, unknown> & { state: string; message?: string; fields?: { path: string; message: string }[] };

const iso = (ms: number) => new Date(ms).toISOString();

/** Failures of the test's own, added to the simulator before the first sync so every assertion is about known data. */
function testFailure(id: string, overrides: Partial<Failure> = {}): Failure {
  const now = Date.now();
  return {
    id,
    environmentId: 'env-otc-prod',
    direction: 'inbound',
    messageType: 'X12 850',
    partner: { id: 'ptn-acme', name: 'Acme Retail' },
    endpoint: 'https://as2.otc.example-retail.com/as2/receive',
    errorCode: 'AS2-MDN-TIMEOUT',
    errorMessage: 'No MDN received within 30 minutes',
    occurrences: 12,
    firstSeenAt: iso(now - 3 * HOUR),
    lastSeenAt: iso(now - HOUR / 2),
    state: 'open',
    severity: 'high',
    correlationId: `tg-${id}`,
    remediation: 'Check the AS2 certificate. Then resend the interchange.',
    ...overrides,
  };
}

function testChange(id: string, hoursBeforeFailure: number, name: string): ChangeEvent {
  return {
    id,
    occurredAt: iso(Date.now() - 3 * HOUR - hoursBeforeFailure * HOUR),
    actor: { id: 'u-ana', name: 'Ana Silva', email: 'ana@example.com' },
    action: 'promoted',
    target: { kind: 'map', id: `map-${id}`, name },
    environmentId: 'env-otc-prod',
    reason: 'Release 2026.11',
    ticketRef: 'CHG-4711',
    diff: [],
    impact: { severity: 'high', summary: 'New map version', affectedSystems: [], affectedPartners: [], affectedEnvironments: ['env-otc-prod'] },
    promotion: null,
  };
}

describe('incident pages and the incident knowledge base on the workbench host', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp();
    app.sim.data.failures.push(
      testFailure('tf-create'),
      testFailure('tf-again'),
      testFailure('tf-race'),
      testFailure('tf-denied'),
      testFailure('tf-edi-1', { messageType: 'EDIFACT ORDERS', partner: { id: 'ptn-globex', name: 'Globex Wholesale' } }),
      testFailure('tf-similar-old', { state: 'resolved' }),
      testFailure('tf-similar-new'),
      testFailure('tf-resolving'),
    );
    app.sim.data.changeEvents.push(
      testChange('tc-inside', 5, 'Map promoted 5 hours before'),
      testChange('tc-too-old', 60, 'Map promoted 60 hours before'),
      testChange('tc-after', -1, 'Map promoted after the failure'),
    );
    // Finance is restricted in the workbench's Confluence: anonymous users may read but not write there.
    const finance = app.sim.data.solutions.find((solution) => solution.id === 'sol-fin');
    if (finance) finance.spaceKey = 'FIN';
    app.sim.data.failures.push(testFailure('tf-fin', { environmentId: 'env-fin-prod' }));
    await app.syncNow();
    await saveSpecFor('sol-otc', 'X12 850');
  });
  afterAll(async () => {
    await app.close();
  });

  async function call(functionKey: string, payload: unknown, options: { accountId?: string | null; spaceKey?: string; config?: Record<string, unknown>; moduleKey?: string } = {}): Promise<Answer> {
    const spaceKey = options.spaceKey ?? 'OTC';
    const answer = await app.forge.invokeResolver({
      moduleKey: options.moduleKey ?? 'incident-knowledge-base',
      functionKey,
      payload,
      extension: { type: 'macro', config: options.config ?? {}, content: { id: '1001' }, space: { key: spaceKey, id: app.forge.confluence.spaceByKey(spaceKey)?.id ?? '1' } },
      accountId: options.accountId === undefined ? WANDA : options.accountId,
    });
    if (!answer.ok) throw new Error(`resolver ${functionKey} failed: ${answer.status} ${answer.error}`);
    return answer.body as Answer;
  }

  const create = (failureId: string, options: { accountId?: string | null; spaceKey?: string; solutionId?: string } = {}) =>
    call('incidents.create', { kind: 'governance', solutionId: options.solutionId ?? 'sol-otc', failureId }, options);

  /** An architect's interface spec on its own page in OTC, for the incident page's spec links. */
  async function saveSpecFor(solutionId: string, messageType: string) {
    const space = app.forge.confluence.spaceByKey('OTC');
    const page = app.forge.confluence.store.createPage(
      { spaceId: space!.id, title: 'Acme purchase orders spec', body: { representation: 'storage', value: '<p>spec</p>' } },
      { accountId: WANDA, isApp: false },
    );
    const saved = await app.forge.invokeResolver({
      moduleKey: 'interface-spec',
      functionKey: 'saveInterfaceSpec',
      payload: { spec: validSpec({ solutionId, message: { type: messageType, version: '4010' } }), baseVersion: 0 },
      extension: { type: 'macro', config: {}, content: { id: page.id }, space: { key: 'OTC', id: space!.id } },
      accountId: WANDA,
      localId: 'spec-macro-1',
    });
    expect(saved).toMatchObject({ ok: true, body: { state: 'saved' } });
  }

  async function restJson(path: string): Promise<Record<string, unknown>> {
    const response = await app.forge.confluence.fetch({ accountId: WANDA, isApp: false }, path, undefined);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  const incidentPages = () => app.forge.confluence.pages({ spaceKey: 'OTC' }).filter((page) => page.title.startsWith('Incident '));

  describe('incidents.create', () => {
    it('creates the incident page under "Incidents" in the mapped space, as the user, labelled for search', async () => {
      const answer = await create('tf-create');
      expect(answer).toMatchObject({ state: 'ok', created: true, spaceKey: 'OTC', title: 'Incident tf-create: X12 850 inbound failing for Acme Retail' });
      expect(answer.url).toMatch(/^\/wiki\/spaces\/OTC\/pages\/\d+\//);

      const listed = await restJson(`/wiki/api/v2/pages?title=${encodeURIComponent(String(answer.title))}&body-format=storage`);
      const [page] = listed.results as { id: string; parentId: string; authorId: string; body: { storage: { value: string } } }[];
      expect(page?.id).toBe(answer.pageId);
      expect(page?.authorId).toBe(WANDA);
      expect(app.forge.confluence.page(page!.parentId)?.title).toBe('Incidents');

      const labels = app.forge.confluence.labels(String(answer.pageId)).map((label) => label.name);
      expect(labels).toEqual(
        expect.arrayContaining(['incident', 'incident-open', 'failure-tf-create', 'env-env-otc-prod', 'msg-x12-850', 'partner-ptn-acme', 'endpoint-https-as2-otc-example-retail-com-as2-receive']),
      );

      const body = page!.body.storage.value;
      expect(body).toContain('Map promoted 5 hours before');
      expect(body).not.toContain('Map promoted 60 hours before');
      expect(body).not.toContain('Map promoted after the failure');
      expect(body).toContain('<ri:page ri:space-key="OTC" ri:content-title="Acme purchase orders spec" />');
      expect(body).toContain('<ac:task-body>Check the AS2 certificate.</ac:task-body>');
      expect(body).toContain(ROOT_CAUSE_PLACEHOLDER);
      // Readable in Confluence's page view: the spec link resolves to the spec's page.
      const specPage = app.forge.confluence.pages({ spaceKey: 'OTC', title: 'Acme purchase orders spec' })[0];
      expect(app.forge.confluence.viewHtml(String(answer.pageId))).toContain(`/wiki/spaces/OTC/pages/${specPage?.id}">Purchase orders from US retail partners (X12 850 4010)</a>`);
    });

    it('opens the existing page when the incident is created again', async () => {
      const first = await create('tf-again');
      const second = await create('tf-again');
      expect(second).toMatchObject({ state: 'ok', created: false, pageId: first.pageId, url: first.url });
      expect(incidentPages().filter((page) => page.title.startsWith('Incident tf-again'))).toHaveLength(1);
    });

    it('ends with one page when several people click at once', async () => {
      const answers = await Promise.all([create('tf-race'), create('tf-race', { accountId: SOFIA }), create('tf-race')]);
      expect(answers.every((answer) => answer.state === 'ok')).toBe(true);
      expect(new Set(answers.map((answer) => answer.pageId)).size).toBe(1);
      expect(answers.filter((answer) => answer.created)).toHaveLength(1);
      expect(incidentPages().filter((page) => page.title.startsWith('Incident tf-race'))).toHaveLength(1);
      expect(app.forge.confluence.pages({ spaceKey: 'OTC', title: 'Incidents' })).toHaveLength(1);
    });

    it('finds the page by its label when the app lost its record, and makes a new one when the page was deleted', async () => {
      const first = await create('tf-create');
      for (const key of app.forge.kvs.keys('incident:g:tf-create')) app.forge.kvs.delete(key);
      expect(await create('tf-create')).toMatchObject({ state: 'ok', created: false, pageId: first.pageId });

      app.forge.confluence.store.deletePage(String(first.pageId), false, { accountId: WANDA, isApp: false });
      const remade = await create('tf-create');
      expect(remade).toMatchObject({ state: 'ok', created: true });
      expect(remade.pageId).not.toBe(first.pageId);
    });

    it('tells a user without permission to add pages in the space, and creates nothing', async () => {
      app.forge.confluence.setViewOnly('OTC', [SOFIA]);
      try {
        const answer = await create('tf-denied', { accountId: SOFIA });
        expect(answer).toMatchObject({ state: 'error' });
        expect(answer.message).toMatch(/Confluence did not let you create the incident page in space OTC: you need permission to add pages there/);
        expect(incidentPages().filter((page) => page.title.startsWith('Incident tf-denied'))).toHaveLength(0);
      } finally {
        app.forge.confluence.setViewOnly('OTC', []);
      }
      const anonymous = await create('tf-fin', { accountId: null, spaceKey: 'FIN', solutionId: 'sol-fin' });
      expect(anonymous).toMatchObject({ state: 'error', message: expect.stringContaining('space FIN') });
    });

    it('names the bad field of a malformed request, an unknown failure, or a solution of another space', async () => {
      const malformed = await call('incidents.create', { kind: 'governance', solutionId: '', failureId: 'x', extra: 1 });
      expect(malformed.state).toBe('error');
      expect(malformed.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['payload.solutionId']));
      expect(await call('incidents.create', { kind: 'nonsense' })).toMatchObject({ state: 'error', message: expect.stringContaining('payload.kind') });
      expect(await create('no-such-failure')).toMatchObject({ state: 'error', message: expect.stringContaining('payload.failureId') });
      expect(await create('tf-create', { spaceKey: 'LOG' })).toMatchObject({ state: 'error', message: expect.stringContaining('not mapped to space LOG') });
    });

    it('says which failures already have a page (incidents.lookup)', async () => {
      const created = await create('tf-again');
      const answer = await call('incidents.lookup', { solutionId: 'sol-otc', failureIds: ['tf-again', 'tf-never'] }, { moduleKey: 'space-hub' });
      expect(answer).toMatchObject({ state: 'ok', pages: { 'tf-again': { pageId: created.pageId, url: created.url } } });
      expect((answer.pages as Record<string, unknown>)['tf-never']).toBeUndefined();
    });
  });

  describe('incidents of failed iconik jobs', () => {
    const asset = iconikAsset({ id: 'icon-asset-1', name: 'Hero film.mov', modifiedAt: new Date().toISOString(), failedJobs: [failedJob({ id: 'job-9', type: 'TRANSFER', at: new Date().toISOString() })] });

    beforeAll(async () => {
      await upsertAssets([asset], { now: new Date() });
    });

    it('creates the page in the macro’s space from the asset’s failed job, labelled by job type and asset', async () => {
      const answer = await call('incidents.create', { kind: 'iconik-job', assetId: 'icon-asset-1', jobId: 'job-9' }, { spaceKey: 'LOG' });
      expect(answer).toMatchObject({ state: 'ok', created: true, spaceKey: 'LOG', title: 'Incident iconik job job-9: TRANSFER job failed on Hero film.mov' });
      const labels = app.forge.confluence.labels(String(answer.pageId)).map((label) => label.name);
      expect(labels).toEqual(expect.arrayContaining(['incident', 'incident-open', 'msg-transfer', 'asset-icon-asset-1', 'failure-iconik-job-9', 'source-iconik']));
      expect(app.forge.confluence.page(String(answer.pageId))?.body.value).toContain('Open the asset in iconik');
      expect(await call('incidents.create', { kind: 'iconik-job', assetId: 'icon-asset-1', jobId: 'job-9' }, { spaceKey: 'LOG' })).toMatchObject({ created: false, pageId: answer.pageId });
    });

    it('names the asset or job that is not there', async () => {
      expect(await call('incidents.create', { kind: 'iconik-job', assetId: 'nope', jobId: 'job-9' })).toMatchObject({ state: 'error', message: expect.stringContaining('payload.assetId') });
      expect(await call('incidents.create', { kind: 'iconik-job', assetId: 'icon-asset-1', jobId: 'nope' })).toMatchObject({ state: 'error', message: expect.stringContaining('payload.jobId') });
    });
  });

  describe('incident knowledge base', () => {
    const list = (payload: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => call('incidentKb.list', payload, { config });
    type Row = { pageId: string; title: string; state: string; stateSource: string; rootCause: string | null; messageType: string | null };

    it('lists the space’s incident pages newest first, server-side paged', async () => {
      await create('tf-edi-1');
      const all = await list({ pageSize: 50 });
      expect(all.state).toBe('ok');
      const rows = all.rows as Row[];
      expect(rows[0]?.title).toMatch(/^Incident tf-edi-1/);
      expect(all.total).toBe(rows.length);
      const second = await list({ page: 2, pageSize: 1 });
      expect((second.rows as Row[]).map((row) => row.pageId)).toEqual([rows[1]?.pageId]);
      expect(second.total).toBe(all.total);
    });

    it('filters by message type, partner, endpoint, environment and state', async () => {
      const edi = await list({ filters: { messageType: 'EDIFACT ORDERS' } });
      expect((edi.rows as Row[]).map((row) => row.title)).toEqual([expect.stringMatching(/^Incident tf-edi-1/)]);
      const acme = await list({ filters: { partnerId: 'ptn-acme', environmentId: 'env-otc-prod', endpoint: 'https://as2.otc.example-retail.com/as2/receive' }, pageSize: 50 });
      expect((acme.rows as Row[]).every((row) => row.messageType === 'X12 850')).toBe(true);
      expect(acme.total).toBeGreaterThan(0);
      expect((await list({ filters: { state: 'resolved' } })).total).toBe(0);
      expect((await list({ filters: { messageType: 'NOT A TYPE' } })).rows).toEqual([]);
      expect((edi.options as { messageTypes: { value: string }[] }).messageTypes.map((o) => o.value)).toEqual(expect.arrayContaining(['EDIFACT ORDERS', 'X12 850']));
    });

    it('starts with the configured state filter', async () => {
      expect(await list({}, { defaultState: 'resolved' })).toMatchObject({ filters: { state: 'resolved' }, total: 0 });
    });

    it('shows the root cause line once someone filled it in', async () => {
      const created = await create('tf-edi-1');
      const page = app.forge.confluence.page(String(created.pageId))!;
      const filled = page.body.value.replace(`<p><em>${ROOT_CAUSE_PLACEHOLDER}</em></p>`, '<p>Globex changed their <strong>EDIFACT</strong> syntax version &amp; did not tell us.</p>');
      app.forge.confluence.store.updatePage(page.id, { title: page.title, body: { representation: 'storage', value: filled }, version: { number: page.version.number + 1 } }, { accountId: WANDA, isApp: false });
      const rows = (await list({ filters: { messageType: 'EDIFACT ORDERS' } })).rows as Row[];
      expect(rows[0]?.rootCause).toBe('Globex changed their EDIFACT syntax version & did not tell us.');
      const others = (await list({ filters: { messageType: 'X12 850' }, pageSize: 50 })).rows as Row[];
      expect(others.every((row) => row.rootCause === null)).toBe(true);
    });

    it('follows the failure’s current state and fixes the page’s state label', async () => {
      const created = await create('tf-resolving');
      app.sim.data.failures.find((failure) => failure.id === 'tf-resolving')!.state = 'resolved';
      await app.syncNow();
      const rows = (await list({ pageSize: 50 })).rows as Row[];
      expect(rows.find((row) => row.pageId === created.pageId)).toMatchObject({ state: 'resolved', stateSource: 'failure' });
      const labels = app.forge.confluence.labels(String(created.pageId)).map((label) => label.name);
      expect(labels).toContain('incident-resolved');
      expect(labels).not.toContain('incident-open');
      const resolved = (await list({ filters: { state: 'resolved' } })).rows as Row[];
      expect(resolved.map((row) => row.pageId)).toContain(created.pageId);
    });

    it('finds similar past incidents, those with a known fix first', async () => {
      const old = await create('tf-similar-old');
      const page = app.forge.confluence.page(String(old.pageId))!;
      app.forge.confluence.store.updatePage(
        page.id,
        { title: page.title, body: { representation: 'storage', value: page.body.value.replace(ROOT_CAUSE_PLACEHOLDER, 'Expired AS2 certificate at Acme') }, version: { number: page.version.number + 1 } },
        { accountId: WANDA, isApp: false },
      );
      const fresh = await create('tf-similar-new');
      const similar = await call('incidentKb.similar', { messageType: 'X12 850', partnerId: 'ptn-acme', excludePageId: fresh.pageId });
      const incidents = similar.incidents as { pageId: string; rootCause: string | null; state: string }[];
      expect(incidents[0]).toMatchObject({ pageId: old.pageId, rootCause: 'Expired AS2 certificate at Acme', state: 'resolved' });
      expect(incidents.map((incident) => incident.pageId)).not.toContain(fresh.pageId);
      const otherPartner = await call('incidentKb.similar', { messageType: 'EDIFACT ORDERS', partnerId: 'ptn-acme' });
      expect(otherPartner.incidents).toEqual([]);
    });

    it('offers the open failures that have no incident page yet, most urgent first, and drops them once created', async () => {
      const before = await call('incidentKb.openFailures', { pageSize: 50 });
      expect(before.state).toBe('ok');
      const rows = before.rows as { request: { failureId?: string }; severity: string }[];
      const ids = rows.map((row) => row.request.failureId);
      expect(ids).toContain('tf-denied');
      expect(ids).not.toContain('tf-create');
      expect(ids).not.toContain('tf-similar-old');
      await create('tf-denied');
      const after = await call('incidentKb.openFailures', { pageSize: 50 });
      expect((after.rows as { request: { failureId?: string } }[]).map((row) => row.request.failureId)).not.toContain('tf-denied');
      expect(after.total).toBe((before.total as number) - 1);
    });

    it('exports the incident pages as a table for PDF and Word', async () => {
      const adf = await app.forge.runAdfExport('incident-knowledge-base', { extension: { type: 'macro', config: {}, space: { key: 'OTC' }, content: { id: '1001' } }, exportType: 'pdf' });
      const json = JSON.stringify(adf);
      expect(json).toContain('"type":"table"');
      expect(json).toContain('Incident tf-edi-1: EDIFACT ORDERS inbound failing for Globex Wholesale');
      expect(json).toContain('Globex changed their EDIFACT syntax version & did not tell us.');
    });

    it('offers the space’s solutions to the config panel', async () => {
      expect(await call('incidentKb.configOptions', {})).toMatchObject({ solutions: [{ id: 'sol-otc' }] });
    });
  });
});
