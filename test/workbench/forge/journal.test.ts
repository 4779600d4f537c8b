import { Journal } from '../../../workbench/forge/journal';
import { KvsTable } from '../../../workbench/forge/kvs-table';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('the append-only journal behind KVS persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-test-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replays the last write of each key and skips a line torn by a crash', async () => {
    const file = path.join(dir, 'kvs.jsonl');
    const table = await KvsTable.open(file, () => 1_000);
    table.set('a', '1');
    table.set('a', '2');
    table.set('b', '"x"');
    table.delete('b');
    table.close();
    fs.appendFileSync(file, '{"k":"c","c":1,"u');

    const reopened = await KvsTable.open(file, () => 2_000);
    expect(reopened.keysFrom('', undefined, 10)).toEqual(['a']);
    expect(reopened.get('a')).toEqual({ valueJson: '2', createdAt: 1_000, updatedAt: 1_000 });
    reopened.close();
  });

  it('rewrites the file from live state once most of it is superseded', async () => {
    const file = path.join(dir, 'log.jsonl');
    const journal = await Journal.open(file, () => undefined, { minCompactBytes: 1_000 });
    for (let i = 0; i < 100; i++) journal.append({ k: 'same' }, JSON.stringify('v'.repeat(50)));
    journal.flush();
    const before = fs.statSync(file).size;
    const compacted = journal.compactIfWasteful(80, () => [[{ k: 'same' }, JSON.stringify('v'.repeat(50))]]);
    journal.close();

    expect(compacted).toBe(true);
    expect(fs.statSync(file).size).toBeLessThan(before / 50);
    const replayed: unknown[] = [];
    await Journal.open(file, (header, payload) => replayed.push([header, payload])).then((again) => again.close());
    expect(replayed).toEqual([[{ k: 'same' }, JSON.stringify('v'.repeat(50))]]);
  });
});
