import { startTestHost, type TestHost } from './helpers';
import api, { assumeTrustedRoute, route } from '@forge/api';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface PageJson {
  id: string;
  title: string;
  spaceId: string;
  authorId: string;
  version: { number: number };
  body: { storage?: { value: string } };
}

describe('Confluence through the real @forge/api requestConfluence', () => {
  let test: TestHost;
  beforeEach(async () => {
    test = await startTestHost();
  });
  afterEach(async () => {
    await test.dispose();
  });

  const confluence = (path: ReturnType<typeof route>, init?: { method: string; body?: unknown }) =>
    api.asApp().requestConfluence(path, {
      method: init?.method ?? 'GET',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  async function spaceId(key: string): Promise<string> {
    const response = await confluence(route`/wiki/api/v2/spaces?keys=${key}`);
    const { results } = (await response.json()) as { results: Array<{ id: string; key: string }> };
    return results[0]?.id ?? '';
  }

  async function createPage(title: string, value = '<p>Hello</p>'): Promise<PageJson> {
    const response = await confluence(route`/wiki/api/v2/pages`, { method: 'POST', body: { spaceId: await spaceId('OTC'), status: 'current', title, body: { representation: 'storage', value } } });
    expect(response.status).toBe(200);
    return (await response.json()) as PageJson;
  }

  it('finds the seeded spaces by key', async () => {
    const response = await confluence(route`/wiki/api/v2/spaces?keys=OTC,FIN`);
    const body = (await response.json()) as { results: Array<{ key: string; name: string }> };
    expect(body.results.map(({ key, name }) => [key, name])).toEqual([['OTC', 'Retail Order-to-Cash'], ['FIN', 'Finance B2B']]);
  });

  it('creates a page as the app, reads it back and finds it by title', async () => {
    const created = await createPage('Incident 42', '<p>Order feed <strong>down</strong></p>');
    expect(created).toMatchObject({ title: 'Incident 42', version: { number: 1 }, authorId: 'forge-app:00000000-0000-4000-8000-000000000001' });

    const read = (await (await confluence(route`/wiki/api/v2/pages/${created.id}?body-format=storage`)).json()) as PageJson;
    expect(read.body.storage?.value).toBe('<p>Order feed <strong>down</strong></p>');

    const found = (await (await confluence(route`/wiki/api/v2/pages?space-id=${created.spaceId}&title=${'Incident 42'}`)).json()) as { results: PageJson[] };
    expect(found.results.map((page) => page.id)).toEqual([created.id]);
  });

  it('refuses a duplicate title in a space and storage XHTML that does not parse', async () => {
    await createPage('Unique');
    const duplicate = await confluence(route`/wiki/api/v2/pages`, { method: 'POST', body: { spaceId: await spaceId('OTC'), title: 'Unique', body: { representation: 'storage', value: '<p>x</p>' } } });
    expect(duplicate.status).toBe(400);
    const unescaped = await confluence(route`/wiki/api/v2/pages`, { method: 'POST', body: { spaceId: await spaceId('OTC'), title: 'AT&T', body: { representation: 'storage', value: '<p>AT&T <b>x</p>' } } });
    expect(unescaped.status).toBe(400);
    expect(JSON.stringify(await unescaped.json())).toContain('Error parsing xhtml');
  });

  it('updates with the next version number, answers 409 to a stale one and keeps history', async () => {
    const page = await createPage('Runbook');
    const update = (number: number, value: string) =>
      confluence(route`/wiki/api/v2/pages/${page.id}`, { method: 'PUT', body: { id: page.id, status: 'current', title: 'Runbook', body: { representation: 'storage', value }, version: { number, message: 'sync' } } });

    expect((await update(2, '<p>v2</p>')).status).toBe(200);
    const stale = await update(2, '<p>again</p>');
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await stale.json())).toContain('Current Version is: 2');

    const versions = (await (await confluence(route`/wiki/api/v2/pages/${page.id}/versions`)).json()) as { results: Array<{ number: number }> };
    expect(versions.results.map((version) => version.number)).toEqual([2, 1]);
    const first = (await (await confluence(route`/wiki/api/v2/pages/${page.id}?version=1&body-format=storage`)).json()) as PageJson;
    expect(first.body.storage?.value).toBe('<p>Hello</p>');
  });

  it('adds labels through v1, lists them through v2 and finds pages with CQL', async () => {
    const incident = await createPage('Incident 7');
    await createPage('Weekly summary');
    const added = await confluence(route`/wiki/rest/api/content/${incident.id}/label`, { method: 'POST', body: [{ prefix: 'global', name: 'Incident' }, { prefix: 'global', name: 'otc' }] });
    expect(added.status).toBe(200);

    const labels = (await (await confluence(route`/wiki/api/v2/pages/${incident.id}/labels`)).json()) as { results: Array<{ name: string }> };
    expect(labels.results.map((label) => label.name)).toEqual(['incident', 'otc']);

    const search = async (cql: string) =>
      ((await (await confluence(route`/wiki/rest/api/search?cql=${cql}`)).json()) as { results: Array<{ content: { id: string } }> }).results.map((r) => r.content.id);
    expect(await search('label = "incident" and space = "OTC" and type = page')).toEqual([incident.id]);
    expect(await search('space = OTC and title ~ "summary"')).toHaveLength(1);
    expect(await search('label = "incident" or title ~ "weekly"')).toHaveLength(2);
    expect(await search('label in ("nothing", "otc") and not title ~ "weekly"')).toEqual([incident.id]);
    expect((await confluence(route`/wiki/rest/api/search?cql=${'label = '}`)).status).toBe(400);
  });

  it('pages CQL results with _links.next', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await createPage(`Tagged ${i}`);
      await confluence(route`/wiki/rest/api/content/${page.id}/label`, { method: 'POST', body: { prefix: 'global', name: 'tagged' } });
    }
    const first = (await (await confluence(route`/wiki/rest/api/search?cql=${'label = tagged order by title'}&limit=2`)).json()) as {
      results: Array<{ title: string }>;
      _links: { next?: string };
    };
    expect(first.results.map((r) => r.title)).toEqual(['Tagged 0', 'Tagged 1']);
    expect(first._links.next).toMatch(/^\/rest\/api\/search\?/);
    const second = (await (await api.asApp().requestConfluence(assumeTrustedRoute(`/wiki${first._links.next ?? ''}`))).json()) as { results: Array<{ title: string }>; _links: { next?: string } };
    expect(second.results.map((r) => r.title)).toEqual(['Tagged 2']);
    expect(second._links.next).toBeUndefined();
  });

  it('answers 401 when the manifest lacks the scope (here delete:page:confluence)', async () => {
    const page = await createPage('Keep me');
    const response = await confluence(route`/wiki/api/v2/pages/${page.id}`, { method: 'DELETE' });
    expect(response.status).toBe(401);
    expect(test.host.confluence.page(page.id)?.status).toBe('current');
  });

  it('records the user for asUser writes and refuses anonymous writes in a restricted space', async () => {
    const asUser = async (accountId: string | null, spaceKey: string) => {
      const space = test.host.confluence.spaceByKey(spaceKey);
      const result = await test.host.invokeResolver({
        moduleKey: 'fixture-macro',
        functionKey: 'createPageAsUser',
        payload: { spaceId: space?.id, title: `By ${accountId ?? 'anonymous'}`, body: { representation: 'storage', value: '<p>x</p>' } },
        extension: {},
        accountId,
      });
      return result.ok ? (result.body as { status: number; body: { authorId?: string } }) : undefined;
    };
    expect(await asUser('user-9', 'FIN')).toMatchObject({ status: 200, body: { authorId: 'user-9' } });
    expect(await asUser(null, 'FIN')).toMatchObject({ status: 403 });
    expect(await asUser(null, 'OTC')).toMatchObject({ status: 200, body: { authorId: 'anonymous' } });
  });

  it('serves the REST API and a readable HTML view over HTTP', async () => {
    const page = await createPage(
      'Readable',
      '<h2>Status</h2><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Rotate key</ac:task-body></ac:task></ac:task-list>' +
        '<ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Cert expires</p></ac:rich-text-body></ac:structured-macro><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    const server = http.createServer((req, res) => void test.host.confluence.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = await (await fetch(`${base}/wiki/spaces/OTC/pages/${page.id}`)).text();
      expect(html).toContain('<h1 id="title-text">Readable</h1>');
      expect(html).toContain('<input type="checkbox" disabled checked> Rotate key');
      expect(html).toContain('callout-warning');
      expect(html).toContain('&lt;script&gt;');
      expect(html).not.toContain('<script>');
      const rest = (await (await fetch(`${base}/wiki/api/v2/pages/${page.id}`)).json()) as PageJson;
      expect(rest.title).toBe('Readable');
      expect((await fetch(`${base}/wiki/spaces/OTC/pages/999999`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps pages, versions and labels across a restart', async () => {
    const page = await createPage('Durable');
    await confluence(route`/wiki/rest/api/content/${page.id}/label`, { method: 'POST', body: { name: 'kept' } });
    await test.close();
    test = await startTestHost({ dataDir: test.dataDir });
    expect(test.host.confluence.page(page.id)).toMatchObject({ title: 'Durable', labels: [expect.objectContaining({ name: 'kept' })] });
    expect(test.host.confluence.versions(page.id)).toHaveLength(1);
    expect(test.host.confluence.spaces().map((space) => space.key)).toEqual(['OTC', 'LOG', 'FIN']);
  });
});
