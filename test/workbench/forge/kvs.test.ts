import { startTestHost, makeDataDir, type TestHost } from './helpers';
import { kvs, WhereConditions, ForgeKvsAPIError } from '@forge/kvs';
import fs from 'node:fs/promises';
import path from 'node:path';

describe('KVS through the real @forge/kvs client', () => {
  let test: TestHost;
  beforeEach(async () => {
    test = await startTestHost();
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('sets, gets and deletes a value', async () => {
    await kvs.set('solution:otc', { owner: 'ana', envs: ['dev', 'prod'] });
    expect(await kvs.get('solution:otc')).toEqual({ owner: 'ana', envs: ['dev', 'prod'] });
    await kvs.delete('solution:otc');
    expect(await kvs.get('solution:otc')).toBeUndefined();
    expect(test.host.kvs.get('solution:otc')).toBeUndefined();
  });

  it('returns metadata when asked for it', async () => {
    await kvs.set('with-meta', 1);
    const result = await kvs.get('with-meta', { metadataFields: ['CREATED_AT' as never, 'UPDATED_AT' as never] });
    expect(result).toEqual({ key: 'with-meta', value: 1, createdAt: expect.any(Number), updatedAt: expect.any(Number) });
  });

  it('refuses to overwrite a key under keyPolicy FAIL_IF_EXISTS', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const failure = kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(failure).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_CONFLICT', responseDetails: { status: 409 } });
    expect(await kvs.get('lock')).toBe('first');
  });

  it('rejects a value over 240 KiB with MAX_SIZE and keeps the old one', async () => {
    await kvs.set('big', 'small');
    await expect(kvs.set('big', 'x'.repeat(240 * 1024))).rejects.toMatchObject({ code: 'MAX_SIZE', responseDetails: { status: 400 } });
    expect(await kvs.get('big')).toBe('small');
  });

  it('rejects values nested deeper than 31 levels with MAX_DEPTH', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { child: nest(depth - 1) });
    await expect(kvs.set('deep', nest(31))).resolves.toBeUndefined();
    await expect(kvs.set('deeper', nest(32))).rejects.toMatchObject({ code: 'MAX_DEPTH' });
  });

  it('rejects malformed and over-long keys', async () => {
    await expect(kvs.set('no/slashes', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(kvs.set('   ', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toMatchObject({ code: 'KEY_TOO_LONG' });
    await expect(kvs.set('', 1)).rejects.toMatchObject({ code: 'KEY_TOO_SHORT' });
    await expect(kvs.set('ok:key with spaces_and-#.', 1)).resolves.toBeUndefined();
  });

  it('pages through a beginsWith query with opaque cursors', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`run:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'not me');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('run:')).limit(10);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      seen.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `run:${String(i).padStart(2, '0')}`));
  });

  it('rejects a query page larger than 20', async () => {
    await expect(kvs.query().where('key', WhereConditions.beginsWith('x')).limit(21).getMany()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('runs batch set, get and delete, reporting per-key failures', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'b:2', value: 2 },
      { key: 'bad/key', value: 3 },
    ]);
    expect(set.successfulKeys.map((item) => item.key)).toEqual(['b:1', 'b:2']);
    expect(set.failedKeys).toEqual([{ key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) }]);
    const got = await kvs.batchGet<number>([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:missing' }]);
    expect(got.successfulKeys.map(({ key, value }) => [key, value])).toEqual([['b:1', 1], ['b:2', 2]]);
    expect(got.failedKeys).toEqual([{ key: 'b:missing', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);
    await kvs.batchDelete([{ key: 'b:1' }]);
    expect(test.host.kvs.keys('b:')).toEqual(['b:2']);
  });

  it('fails a whole batch over 25 items or with a repeated key', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `m:${i}`, value: i }));
    await expect(kvs.batchSet(many)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kvs.batchSet([{ key: 'd', value: 1 }, { key: 'd', value: 2 }])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(test.host.kvs.keys()).toEqual([]);
  });

  it('applies a transaction all or nothing', async () => {
    await kvs.set('t:old', 'x');
    await expect(kvs.transact().set('t:new', 1).set('bad/key', 2).execute()).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(test.host.kvs.keys('t:')).toEqual(['t:old']);
    await kvs.transact().set('t:new', 1).delete('t:old').execute();
    expect(test.host.kvs.keys('t:')).toEqual(['t:new']);
  });

  it('keeps secrets apart from plain values', async () => {
    await kvs.setSecret('governance:token', 's3cr3t');
    expect(await kvs.getSecret('governance:token')).toBe('s3cr3t');
    expect(await kvs.get('governance:token')).toBeUndefined();
    expect(test.host.kvs.keys()).toEqual([]);
    expect(test.host.kvs.secrets.keys()).toEqual(['governance:token']);
    const page = await kvs.query().where('key', WhereConditions.beginsWith('governance')).getMany();
    expect(page.results).toEqual([]);
    await kvs.deleteSecret('governance:token');
    expect(await kvs.getSecret('governance:token')).toBeUndefined();
  });

  it('expires values after their ttl', async () => {
    let now = Date.UTC(2026, 10, 1);
    await test.dispose();
    test = await startTestHost({ now: () => now });
    await kvs.set('session', 'abc', { ttl: { value: 5, unit: 'MINUTES' } });
    now += 4 * 60_000;
    expect(await kvs.get('session')).toBe('abc');
    now += 2 * 60_000;
    expect(await kvs.get('session')).toBeUndefined();
  });

  it('counts reads and writes of app traffic', async () => {
    await kvs.set('counted', 'abcd');
    await kvs.get('counted');
    expect(test.host.kvs.stats()).toEqual({ reads: 1, writes: 1, bytesRead: 6, bytesWritten: 6 });
    test.host.kvs.reset();
    expect(test.host.kvs.stats()).toEqual({ reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 });
    expect(test.host.kvs.keys()).toEqual([]);
  });
});

describe('KVS persistence', () => {
  it('keeps values and secrets across a host restart', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestHost({ dataDir });
    await kvs.set('kept', { n: 1 });
    await kvs.set('replaced', 'old');
    await kvs.set('replaced', 'new');
    await kvs.set('removed', 'x');
    await kvs.delete('removed');
    await kvs.setSecret('secret', 'hidden');
    await first.close();

    const second = await startTestHost({ dataDir });
    try {
      expect(await kvs.get('kept')).toEqual({ n: 1 });
      expect(await kvs.get('replaced')).toBe('new');
      expect(await kvs.get('removed')).toBeUndefined();
      expect(await kvs.getSecret('secret')).toBe('hidden');
      expect((await fs.stat(path.join(dataDir, 'kvs-secrets.jsonl'))).mode & 0o777).toBe(0o600);
      const plainFile = await fs.readFile(path.join(dataDir, 'kvs.jsonl'), 'utf8');
      expect(plainFile).not.toContain('hidden');
    } finally {
      await second.dispose();
    }
  });
});
