import { startApp, type AppUnderTest } from '../appHost';
import { z } from 'zod';
import { readPagedView, writePagedView } from '../../src/store/pagedView';
import { publishGeneration, readPointer, type SnapshotPointer } from '../../src/store/snapshots';

const rowSchema = z.object({ id: z.string(), name: z.string(), owner: z.string(), notes: z.string() });
const indexSchema = z.object({ n: z.string(), o: z.string() });

describe('paged views', () => {
  let app: AppUnderTest;
  let pointer: SnapshotPointer;
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    id: `cred-${i}`,
    name: `Credential ${String(i).padStart(4, '0')}`,
    owner: i % 7 === 0 ? 'ana' : 'bo',
    notes: 'x'.repeat(400),
  }));

  beforeAll(async () => {
    app = await startApp();
    const written = await writePagedView('gtest', 'view.creds', rows, (row) => ({ n: row.name, o: row.owner }));
    await publishGeneration('gtest', written.datasets, new Date());
    pointer = (await readPointer()) as SnapshotPointer;
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves a filtered, sorted page with the total, reading only the chunks that page needs', async () => {
    const before = app.forge.kvs.stats();
    const result = await readPagedView(
      'view.creds',
      { index: indexSchema, row: rowSchema },
      { filter: (e) => e.o === 'ana', compare: (a, b) => b.n.localeCompare(a.n), page: 2, pageSize: 20 },
      pointer,
    );
    const after = app.forge.kvs.stats();
    const expected = rows.filter((r) => r.owner === 'ana').sort((a, b) => b.name.localeCompare(a.name));
    expect(result?.total).toBe(expected.length);
    expect(result?.rows.map((r) => r.id)).toEqual(expected.slice(20, 40).map((r) => r.id));
    const rowBytesTotal = rows.length * 450;
    expect(after.bytesRead - before.bytesRead).toBeLessThan(rowBytesTotal / 4);
  });

  it('clamps a page past the end to the last page', async () => {
    const result = await readPagedView('view.creds', { index: indexSchema, row: rowSchema }, { page: 999, pageSize: 50 }, pointer);
    expect(result).toMatchObject({ page: 40, total: 2000 });
    expect(result?.rows).toHaveLength(50);
  });

  it('answers undefined for a view the generation does not have', async () => {
    expect(await readPagedView('view.none', { index: indexSchema, row: rowSchema }, { page: 1, pageSize: 10 }, pointer)).toBeUndefined();
  });
});
