import { startTestHost, makeDataDir, type TestHost } from './helpers';
import { kvs, WhereConditions, FilterConditions, Filter, Sort } from '@forge/kvs';
import path from 'node:path';
import { SortedIndex, compareEntries, type IndexEntry } from '../../../workbench/forge/entity-index';

const ENTITY_APP = path.join(__dirname, 'fixtures', 'entity-app');

interface Employee {
  name?: string;
  age?: number;
  startYear?: number;
  department?: string;
  active?: boolean;
  rating?: number;
  profile?: unknown;
}

const employees = () => kvs.entity<Employee>('employee');

async function seed(count: number): Promise<Employee[]> {
  const all: Employee[] = [];
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => {
      const n = i + j;
      const value: Employee = { name: `emp-${String(n).padStart(4, '0')}`, age: 20 + (n % 40), startYear: 2000 + (n % 5), department: n % 3 === 0 ? 'ops' : 'dev', active: n % 2 === 0 };
      all.push(value);
      return { key: `e${n}`, value, entityName: 'employee' };
    });
    const result = await kvs.batchSet(batch);
    expect(result.failedKeys).toEqual([]);
  }
  return all;
}

async function pageThrough(build: (cursor?: string) => Promise<{ results: { key: string; value: Employee }[]; nextCursor?: string }>): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await build(cursor);
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { keys, pages };
}

describe('custom entities through the real @forge/kvs client', () => {
  let test: TestHost;
  beforeEach(async () => {
    test = await startTestHost({ appDir: ENTITY_APP });
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('sets, gets and deletes an entity, apart from plain keys with the same name', async () => {
    await employees().set('ana', { name: 'Ana', age: 41, profile: { skills: ['sql'] } });
    await kvs.set('ana', 'a plain value');
    expect(await employees().get('ana')).toEqual({ name: 'Ana', age: 41, profile: { skills: ['sql'] } });
    expect(await kvs.get('ana')).toBe('a plain value');
    expect(await employees().get('ana', { metadataFields: ['CREATED_AT' as never] })).toEqual({ key: 'ana', value: expect.objectContaining({ name: 'Ana' }), createdAt: expect.any(Number) });
    await employees().delete('ana');
    expect(await employees().get('ana')).toBeUndefined();
    expect(await kvs.get('ana')).toBe('a plain value');
  });

  it('refuses an entity the manifest does not declare', async () => {
    await expect(kvs.entity('nobody').set('x', { name: 'x' })).rejects.toMatchObject({ responseDetails: { status: 400 }, message: expect.stringContaining('not declared') });
    await expect(kvs.entity('nobody').get('x')).rejects.toMatchObject({ responseDetails: { status: 400 } });
  });

  it('refuses values that do not match the declared attributes, keeping the stored one', async () => {
    await employees().set('bo', { name: 'Bo', age: 30 });
    const refused: unknown[] = [
      { name: 'Bo', salary: 1 },
      { name: 42 },
      { age: 30.5 },
      { age: 2 ** 31 },
      { age: -(2 ** 31) - 1 },
      { active: 'yes' },
      { rating: 'high' },
      { name: null },
      'not an object',
      [1, 2],
    ];
    for (const value of refused) {
      await expect(employees().set('bo', value as Employee)).rejects.toMatchObject({ responseDetails: { status: 400 } });
    }
    await expect(employees().set('bo', { name: 'x'.repeat(240 * 1024) })).rejects.toMatchObject({ code: 'MAX_SIZE' });
    await expect(employees().set('bad/key', { name: 'x' })).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(await employees().get('bo')).toEqual({ name: 'Bo', age: 30 });
    await expect(employees().set('edge', { age: 2 ** 31 - 1, rating: 0.5, active: false, profile: null })).resolves.toBeUndefined();
  });

  it('pages through an index in range order, ascending and descending, with cursors', async () => {
    const all = await seed(57);
    const byName = all.map((e) => e.name as string).sort();
    const ascending = await pageThrough((cursor) => {
      const query = employees().query().index('name').limit(20);
      return (cursor ? query.cursor(cursor) : query).getMany();
    });
    expect(ascending.pages).toBe(3);
    const names = async (keys: string[]) => Promise.all(keys.map(async (key) => (await employees().get(key))?.name));
    expect(await names(ascending.keys)).toEqual(byName);
    const descending = await pageThrough((cursor) => {
      const query = employees().query().index('name').sort(Sort.DESC).limit(20);
      return (cursor ? query.cursor(cursor) : query).getMany();
    });
    expect(await names(descending.keys)).toEqual([...byName].reverse());
  });

  it('applies every range condition to the range attribute', async () => {
    await seed(40);
    const ages = async (where: unknown, sort: Sort = Sort.ASC) => {
      const { keys } = await pageThrough((cursor) => {
        const query = employees().query().index('by-age', { partition: [2001] }).where(where as never).sort(sort).limit(3);
        return (cursor ? query.cursor(cursor) : query).getMany();
      });
      const values = await Promise.all(keys.map(async (key) => (await employees().get(key))?.age as number));
      return values;
    };
    // startYear 2001: n = 1, 6, 11, ..., 36 => ages 21, 26, 31, 36, 41, 46, 51, 56.
    expect(await ages(WhereConditions.between(26, 46))).toEqual([26, 31, 36, 41, 46]);
    expect(await ages(WhereConditions.greaterThan(46))).toEqual([51, 56]);
    expect(await ages(WhereConditions.greaterThanEqualTo(46))).toEqual([46, 51, 56]);
    expect(await ages(WhereConditions.lessThan(31))).toEqual([21, 26]);
    expect(await ages(WhereConditions.lessThanEqualTo(31), Sort.DESC)).toEqual([31, 26, 21]);
    expect(await ages(WhereConditions.equalTo(36))).toEqual([36]);
    expect(await ages(WhereConditions.between(30, 50), Sort.DESC)).toEqual([46, 41, 36, 31]);
    const prefixed = await employees().query().index('name').where(WhereConditions.beginsWith('emp-001')).limit(20).getMany();
    expect(prefixed.results.map((r) => r.value.name)).toEqual(Array.from({ length: 10 }, (_, i) => `emp-001${i}`));
    const prefixedDown = await employees().query().index('name').where(WhereConditions.beginsWith('emp-001')).sort(Sort.DESC).limit(3).getMany();
    expect(prefixedDown.results.map((r) => r.value.name)).toEqual(['emp-0019', 'emp-0018', 'emp-0017']);
    const byKey = await employees().query().index('by-key').where(WhereConditions.beginsWith('e3')).limit(20).getMany();
    expect(byKey.results.map((r) => r.key)).toEqual(['e3', 'e30', 'e31', 'e32', 'e33', 'e34', 'e35', 'e36', 'e37', 'e38', 'e39']);
  });

  it('serves only the partition asked for, and needs exactly its partition values', async () => {
    await seed(30);
    const opsActive = await employees().query().index('by-department', { partition: ['ops', true] }).limit(20).getMany();
    expect(opsActive.results.map((r) => r.key)).toEqual(['e0', 'e6', 'e12', 'e18', 'e24']);
    await expect(employees().query().index('by-department', { partition: ['ops'] }).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 }, message: expect.stringContaining('exactly 2') });
    await expect(employees().query().index('by-department').getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    await expect(employees().query().index('by-department', { partition: ['ops', 'true'] }).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    await expect(employees().query().index('name', { partition: ['x'] }).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    await expect(employees().query().index('by-salary').getMany()).rejects.toMatchObject({ responseDetails: { status: 400 }, message: expect.stringContaining('no index') });
    await expect(employees().query().index('name').limit(21).getMany()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(employees().query().index('by-age', { partition: [2000] }).where(WhereConditions.equalTo('old')).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    await expect(employees().query().index('name').where(WhereConditions.between('b', 'a')).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
  });

  it('leaves entities without the range or partition attributes out of that index', async () => {
    await employees().set('full', { name: 'Full', department: 'ops', active: true, age: 30, startYear: 2000 });
    await employees().set('no-department', { name: 'Nodep', active: true, age: 30 });
    await employees().set('no-name', { department: 'ops', active: true });
    const names = await employees().query().index('name').limit(20).getMany();
    expect(names.results.map((r) => r.key)).toEqual(['full', 'no-department']);
    const ops = await employees().query().index('by-department', { partition: ['ops', true] }).limit(20).getMany();
    expect(ops.results.map((r) => r.key)).toEqual(['full']);
    const keys = await employees().query().index('by-key').limit(20).getMany();
    expect(keys.results.map((r) => r.key)).toEqual(['full', 'no-department', 'no-name']);
  });

  it('moves an entity between index positions when it is overwritten', async () => {
    await employees().set('x', { name: 'zeta', department: 'ops', active: true });
    await employees().set('y', { name: 'mid', department: 'ops', active: true });
    await employees().set('x', { name: 'alpha', department: 'dev', active: true });
    expect((await employees().query().index('name').getMany()).results.map((r) => r.key)).toEqual(['x', 'y']);
    expect((await employees().query().index('by-department', { partition: ['ops', true] }).getMany()).results.map((r) => r.key)).toEqual(['y']);
    await employees().delete('y');
    expect((await employees().query().index('by-department', { partition: ['ops', true] }).getMany()).results).toEqual([]);
  });

  it('filters after the limit: a page can hold fewer matches than asked, even none, with a cursor to go on', async () => {
    await seed(60);
    const filter = new Filter<Employee>().and('department', FilterConditions.equalTo('ops')).and('active', FilterConditions.equalTo(false));
    const first = await employees().query().index('name').filters(filter).limit(5).getMany();
    // Of emp-0000..0004 only n=3 is ops and inactive.
    expect(first.results.map((r) => r.key)).toEqual(['e3']);
    expect(first.nextCursor).toBeDefined();
    const { keys } = await pageThrough((cursor) => {
      const query = employees().query().index('name').filters(filter).limit(5);
      return (cursor ? query.cursor(cursor) : query).getMany();
    });
    expect(keys).toEqual(Array.from({ length: 60 }, (_, n) => n).filter((n) => n % 3 === 0 && n % 2 === 1).map((n) => `e${n}`));
    const empty = await employees().query().index('name').where(WhereConditions.beginsWith('emp-000')).filters(new Filter<Employee>().and('age', FilterConditions.greaterThan(100))).limit(3).getMany();
    expect(empty.results).toEqual([]);
    expect(empty.nextCursor).toBeDefined();
    await expect(
      employees().query().index('name').filters(new Filter<Employee>().and('salary' as never, FilterConditions.exists())).getMany(),
    ).rejects.toMatchObject({ responseDetails: { status: 400 } });
  });

  it('refuses a cursor from another index or partition', async () => {
    await seed(30);
    const page = await employees().query().index('by-age', { partition: [2000] }).limit(2).getMany();
    expect(page.nextCursor).toBeDefined();
    await expect(employees().query().index('by-age', { partition: [2001] }).cursor(page.nextCursor as string).getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    await expect(employees().query().index('name').cursor('garbage').getMany()).rejects.toMatchObject({ responseDetails: { status: 400 } });
  });

  it('runs batch get, set and delete on entities next to plain keys', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'p1', value: 'plain' },
      { key: 'e1', value: { name: 'One' }, entityName: 'employee' },
      { key: 'e2', value: { name: 2 } as never, entityName: 'employee' },
      { key: 'e3', value: { name: 'Three' }, entityName: 'ghost' },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'p1' }, { key: 'e1', entityName: 'employee' }]);
    expect(set.failedKeys).toEqual([
      { key: 'e2', entityName: 'employee', error: expect.objectContaining({ code: 'BAD_REQUEST' }) },
      { key: 'e3', entityName: 'ghost', error: expect.objectContaining({ code: 'BAD_REQUEST' }) },
    ]);
    const got = await kvs.batchGet([{ key: 'p1' }, { key: 'e1', entityName: 'employee' }, { key: 'p1', entityName: 'employee' }]);
    expect(got.successfulKeys.map(({ key, entityName, value }) => ({ key, entityName, value }))).toEqual([
      { key: 'p1', entityName: undefined, value: 'plain' },
      { key: 'e1', entityName: 'employee', value: { name: 'One' } },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'p1', entityName: 'employee', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);
    await kvs.batchDelete([{ key: 'e1', entityName: 'employee' }]);
    expect(await employees().get('e1')).toBeUndefined();
    expect(await kvs.get('p1')).toBe('plain');
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: { name: 'n' }, entityName: 'employee' }));
    await expect(kvs.batchSet(tooMany)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('counts what entity calls read and write, query by query', async () => {
    await seed(50);
    test.host.kvs.reset();
    await seed(50);
    const afterSeed = test.host.kvs.entityStats();
    expect(afterSeed).toMatchObject({ writes: 50, queries: 0, reads: 0 });
    expect(test.host.kvs.stats().writes).toBe(50);
    const page = await employees().query().index('name').limit(20).getMany();
    const stats = test.host.kvs.entityStats();
    expect(stats.queries).toBe(1);
    expect(stats.queryItems).toBe(20);
    expect(stats.reads).toBe(20);
    expect(stats.bytesRead).toBe(page.results.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.value)), 0));
    expect(test.host.kvs.stats().reads).toBe(20);
  });

  it('refuses entity operations in transactions rather than pretend', async () => {
    await expect(kvs.transact().set('t', { name: 'x' }, { entityName: 'employee' }).execute()).rejects.toMatchObject({ responseDetails: { status: 400 } });
    expect(await employees().get('t')).toBeUndefined();
  });
});

describe('custom entity persistence', () => {
  it('keeps entities and rebuilds their indexes across a host restart', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestHost({ dataDir, appDir: ENTITY_APP });
    await employees().set('a', { name: 'alpha', department: 'ops', active: true });
    await employees().set('b', { name: 'beta', department: 'ops', active: true });
    await employees().set('b', { name: 'aardvark', department: 'ops', active: true });
    await employees().set('c', { name: 'gone' });
    await employees().delete('c');
    await first.close();
    const second = await startTestHost({ dataDir, appDir: ENTITY_APP });
    try {
      const page = await employees().query().index('by-department', { partition: ['ops', true] }).getMany();
      expect(page.results.map((r) => [r.key, r.value.name])).toEqual([
        ['b', 'aardvark'],
        ['a', 'alpha'],
      ]);
      expect(await employees().get('c')).toBeUndefined();
    } finally {
      await second.dispose();
    }
  });
});

describe('the sorted index behind entity queries', () => {
  it('stays in (value, key) order through random inserts and removals, and seeks both ways', () => {
    const index = new SortedIndex();
    const live: IndexEntry[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      if (live.length > 0 && random() < 0.3) {
        const [removed] = live.splice(Math.floor(random() * live.length), 1);
        expect(index.remove(removed as IndexEntry)).toBe(true);
      } else {
        const entry = { value: Math.floor(random() * 300), key: `k${i}` };
        index.insert(entry);
        live.push(entry);
      }
    }
    live.sort(compareEntries);
    expect(index.size).toBe(live.length);
    expect([...index.ascendingFrom(() => false)]).toEqual(live);
    expect([...index.descendingFrom(() => true)]).toEqual([...live].reverse());
    const from = [...index.ascendingFrom((e) => (e.value as number) < 150)];
    expect(from).toEqual(live.filter((e) => (e.value as number) >= 150));
    const down = [...index.descendingFrom((e) => (e.value as number) <= 20)];
    expect(down).toEqual(live.filter((e) => (e.value as number) <= 20).reverse());
    expect(index.remove({ value: 9999, key: 'none' })).toBe(false);
  });
});
