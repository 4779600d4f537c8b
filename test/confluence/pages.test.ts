// appHost comes first: it installs the Forge runtime before anything loads @forge/api.
import { startApp, type AppUnderTest } from '../appHost';
import {
  ConfluenceApiError,
  addLabels,
  createPage,
  cqlValue,
  ensurePage,
  findPageByTitle,
  findSpaceByKey,
  getPage,
  removeLabel,
  searchCql,
  updatePage,
  type SpaceRef,
} from '../../src/confluence/pages';

/**
 * The shared Confluence client against the workbench's Confluence (versions, unique titles, 409s, labels, CQL), called
 * asApp as the queue consumers and triggers call it. Outside an invocation the host serves the calls directly.
 */
describe('the Confluence page client', () => {
  let app: AppUnderTest;
  let otc: SpaceRef;
  let log: SpaceRef;
  type ConfluenceFetch = AppUnderTest['forge']['confluence']['fetch'];
  let originalFetch: ConfluenceFetch;

  beforeAll(async () => {
    app = await startApp();
    originalFetch = app.forge.confluence.fetch.bind(app.forge.confluence);
    otc = (await findSpaceByKey('app', 'OTC')) as SpaceRef;
    log = (await findSpaceByKey('app', 'LOG')) as SpaceRef;
  });
  afterEach(() => {
    app.forge.confluence.fetch = originalFetch;
  });
  afterAll(async () => {
    await app.close();
  });

  const noSleep = { sleep: async () => undefined };

  describe('spaces', () => {
    it('finds a space by key, with its home page', async () => {
      expect(otc).toMatchObject({ key: 'OTC', name: 'Retail Order-to-Cash', homepageId: expect.any(String) });
      expect(app.forge.confluence.page(otc.homepageId ?? '')?.title).toBe('Retail Order-to-Cash Home');
    });

    it('finds a space written in lower case, and answers null for one that does not exist', async () => {
      expect((await findSpaceByKey('app', 'otc'))?.id).toBe(otc.id);
      expect(await findSpaceByKey('app', 'NOPE')).toBeNull();
    });
  });

  describe('creating and finding pages', () => {
    it('creates a page under a parent and finds it by its exact title in that space only', async () => {
      const title = 'Client test: "quotes" & <angles> · ünïcode 🚀';
      const created = await createPage('app', { spaceId: otc.id, title, parentId: otc.homepageId, storage: '<p>hello</p>' });
      expect(created).toMatchObject({ title, spaceId: otc.id, parentId: otc.homepageId, version: 1, webui: expect.stringContaining(`/pages/${created.id}/`) });
      expect((await findPageByTitle('app', otc.id, title))?.id).toBe(created.id);
      expect(await findPageByTitle('app', otc.id, 'Client test: "quotes"')).toBeNull();
      expect(await findPageByTitle('app', log.id, title)).toBeNull();
      expect(await getPage('app', created.id)).toMatchObject({ id: created.id, storage: '<p>hello</p>', version: 1 });
    });

    it('refuses a body that is not well-formed storage format, saying why', async () => {
      const failure = await createPage('app', { spaceId: otc.id, title: 'Broken body', storage: '<p>unclosed' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfluenceApiError);
      expect(failure).toMatchObject({ status: 400, message: expect.stringMatching(/page create \(Broken body\) failed: 400 .*xhtml/i) });
    });

    it('ensurePage creates a missing page once and finds it afterwards', async () => {
      const first = await ensurePage('app', { spaceId: log.id, title: 'Ensured once', storage: '<p>v1</p>' });
      const second = await ensurePage('app', { spaceId: log.id, title: 'Ensured once', storage: '<p>other</p>' });
      expect(first.created).toBe(true);
      expect(second).toEqual({ page: first.page, created: false });
    });

    it('ensurePage racing with itself ends with one page that every caller gets', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => ensurePage('app', { spaceId: log.id, title: 'Raced page', storage: `<p>writer ${i}</p>` })));
      expect(new Set(results.map((result) => result.page.id)).size).toBe(1);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(app.forge.confluence.pages({ spaceKey: 'LOG', title: 'Raced page' })).toHaveLength(1);
    });
  });

  describe('updating pages', () => {
    it('writes version + 1 with the version message', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Updated page', storage: '<p>one</p>' });
      const result = await updatePage('app', page.id, (current) => ({ storage: `${current.storage}<p>two</p>`, message: 'Second line' }));
      expect(result).toMatchObject({ changed: true, attempts: 1, page: { version: 2 } });
      expect(app.forge.confluence.page(page.id)).toMatchObject({ body: { value: '<p>one</p><p>two</p>' }, version: { number: 2, message: 'Second line' } });
    });

    it('writes nothing when the edit says there is nothing to change', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Unchanged page', storage: '<p>same</p>' });
      expect(await updatePage('app', page.id, () => null)).toMatchObject({ changed: false, page: { version: 1 } });
    });

    it('re-applies the edit on a 409 from a concurrent writer, keeping both changes', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Contended page', storage: '<p>start</p>' });
      let interfered = false;
      app.forge.confluence.fetch = async (actor, path, init) => {
        if (init?.method === 'PUT' && !interfered) {
          interfered = true;
          const current = app.forge.confluence.page(page.id);
          app.forge.confluence.store.updatePage(
            page.id,
            { title: page.title, body: { representation: 'storage', value: `${current?.body.value}<p>someone else</p>` }, version: { number: (current?.version.number ?? 0) + 1 } },
            { accountId: 'user-ana', isApp: false },
          );
        }
        return originalFetch(actor, path, init);
      };
      const seen: string[] = [];
      const result = await updatePage('app', page.id, (current) => {
        seen.push(current.storage);
        return { storage: `${current.storage}<p>mine</p>` };
      }, noSleep);
      expect(result).toMatchObject({ changed: true, attempts: 2, page: { version: 3 } });
      expect(seen).toEqual(['<p>start</p>', '<p>start</p><p>someone else</p>']);
      expect(app.forge.confluence.page(page.id)?.body.value).toBe('<p>start</p><p>someone else</p><p>mine</p>');
    });

    it('loses no entry when several writers append to one page at once', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Many writers', storage: '<ul></ul>' });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => updatePage('app', page.id, (current) => ({ storage: current.storage.replace('</ul>', `<li>entry ${i}</li></ul>`) }), { maxAttempts: 10 })),
      );
      const body = app.forge.confluence.page(page.id)?.body.value ?? '';
      for (let i = 0; i < 6; i += 1) expect(body).toContain(`<li>entry ${i}</li>`);
      expect(app.forge.confluence.page(page.id)?.version.number).toBe(7);
      expect(results.some((result) => result.attempts > 1)).toBe(true);
    });

    it('backs off between attempts and gives up with the 409 after maxAttempts', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Always stale', storage: '<p>x</p>' });
      app.forge.confluence.fetch = async (actor, path, init) =>
        init?.method === 'PUT' ? new Response(JSON.stringify({ errors: [{ status: 409, title: 'Version must be incremented' }] }), { status: 409 }) : originalFetch(actor, path, init);
      const delays: number[] = [];
      const failure = await updatePage('app', page.id, (current) => ({ storage: current.storage }), { maxAttempts: 4, sleep: async (ms) => void delays.push(ms), random: () => 1 }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'ConfluenceApiError', status: 409, message: expect.stringContaining('Version must be incremented') });
      expect(delays).toEqual([50, 100, 200]);
    });

    it('keeps a long version message within 255 characters without splitting a character', async () => {
      const { page } = await ensurePage('app', { spaceId: otc.id, title: 'Long message', storage: '<p>x</p>' });
      await updatePage('app', page.id, () => ({ storage: '<p>y</p>', message: `${'a'.repeat(253)}🚀🚀` }));
      const message = app.forge.confluence.page(page.id)?.version.message ?? '';
      expect(message.length).toBeLessThanOrEqual(255);
      expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });
  });

  describe('labels and CQL search', () => {
    let labelled: string[] = [];

    beforeAll(async () => {
      labelled = [];
      for (let i = 0; i < 7; i += 1) {
        const page = await createPage('app', { spaceId: log.id, title: `Searchable ${i}`, storage: `<p>body ${i}</p>` });
        await addLabels('app', page.id, ['client-test', `n-${i}`]);
        labelled.push(page.id);
      }
    });

    it('adds global labels (v1), and refuses a label Confluence does not allow', async () => {
      expect(app.forge.confluence.labels(labelled[0] ?? '').map((label) => label.name)).toEqual(['client-test', 'n-0']);
      await expect(addLabels('app', labelled[0] ?? '', ['not allowed'])).rejects.toMatchObject({ status: 400 });
      await addLabels('app', labelled[0] ?? '', []);
    });

    it('removes a label, and treats a label the page does not have as removed', async () => {
      await removeLabel('app', labelled[6] ?? '', 'n-6');
      await removeLabel('app', labelled[6] ?? '', 'n-6');
      expect(app.forge.confluence.labels(labelled[6] ?? '').map((label) => label.name)).toEqual(['client-test']);
    });

    it('pages through CQL results with start, saying when there are more', async () => {
      const cql = `label = ${cqlValue('client-test')} and space = ${cqlValue('LOG')} and type = page order by title`;
      const first = await searchCql('app', cql, { limit: 3 });
      expect(first).toMatchObject({ total: 7, nextStart: 3 });
      expect(first.hits.map((hit) => hit.title)).toEqual(['Searchable 0', 'Searchable 1', 'Searchable 2']);
      expect(first.hits[0]).toMatchObject({ spaceKey: 'LOG', labels: ['client-test', 'n-0'], storage: null, url: expect.stringContaining('/spaces/LOG/pages/') });
      const second = await searchCql('app', cql, { limit: 3, start: first.nextStart ?? 0 });
      const third = await searchCql('app', cql, { limit: 3, start: second.nextStart ?? 0 });
      expect([second.nextStart, third.nextStart]).toEqual([6, null]);
      expect([...first.hits, ...second.hits, ...third.hits].map((hit) => hit.id).sort()).toEqual([...labelled].sort());
    });

    it('returns bodies when asked', async () => {
      const { hits } = await searchCql('app', `label = ${cqlValue('n-3')}`, { expandBody: true });
      expect(hits.map((hit) => hit.storage)).toEqual(['<p>body 3</p>']);
    });

    it('quotes outside text so it cannot change the query', async () => {
      const title = 'He said "stop" \\ or label = "client-test"';
      await createPage('app', { spaceId: log.id, title, storage: '<p>q</p>' });
      const { hits } = await searchCql('app', `title = ${cqlValue(title)}`);
      expect(hits.map((hit) => hit.title)).toEqual([title]);
      expect(cqlValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    });

    it('names the failed operation and Confluence’s reason when a query is refused', async () => {
      await expect(searchCql('app', 'label = (')).rejects.toMatchObject({ name: 'ConfluenceApiError', status: 400, message: expect.stringMatching(/^Confluence search failed: 400 /) });
    });
  });
});
