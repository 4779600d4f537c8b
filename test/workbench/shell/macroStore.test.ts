import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MacroStore, defaultLocalId, invalidConfigReason } from '../../../workbench/shell/macroStore';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shell-macros-'));
}

describe('MacroStore', () => {
  it('gives every macro a default instance on the page', () => {
    const store = new MacroStore(tempDir());
    expect(store.list('env-status').map((i) => i.localId)).toEqual([defaultLocalId('env-status')]);
    expect(store.list('env-status')[0]?.config).toBeUndefined();
  });

  it('keeps saved configs across restarts', () => {
    const dir = tempDir();
    const first = new MacroStore(dir);
    const inserted = first.insert('env-status');
    first.setConfig(inserted.localId, { solutionId: 'sol-otc', stages: ['prod'] });
    const second = new MacroStore(dir);
    expect(second.get(inserted.localId)?.config).toEqual({ solutionId: 'sol-otc', stages: ['prod'] });
    expect(fs.existsSync(path.join(dir, 'shell', 'macros.json'))).toBe(true);
  });

  it('refuses a config that is not a plain JSON object', () => {
    const store = new MacroStore(tempDir());
    const [instance] = store.list('env-status');
    expect(() => store.setConfig(instance?.localId ?? '', ['a'] as unknown as Record<string, unknown>)).toThrow(/Expected object/);
  });

  it('resolves only instances of the asked module', () => {
    const store = new MacroStore(tempDir());
    const other = store.insert('other-macro');
    expect(store.resolve('env-status', other.localId)).toBeUndefined();
    expect(store.resolve('env-status', null)?.localId).toBe(defaultLocalId('env-status'));
  });

  it('removes an instance', () => {
    const store = new MacroStore(tempDir());
    const inserted = store.insert('env-status');
    expect(store.remove(inserted.localId)).toBe(true);
    expect(store.get(inserted.localId)).toBeUndefined();
  });
});

describe('invalidConfigReason', () => {
  it.each([
    [null, 'Invalid "config" provided. Expected object'],
    ['text', 'Invalid "config" provided. Expected object'],
    [[1], 'Invalid "config" provided. Expected object'],
    [{ when: new Date() }, 'config.when is not a plain object'],
    [{ count: Number.NaN }, 'config.count is not a finite number'],
  ])('refuses %p', (config, reason) => {
    expect(invalidConfigReason(config)).toBe(reason);
  });

  it('accepts nested JSON', () => {
    expect(invalidConfigReason({ solutionId: 'x', stages: ['dev'], extra: { on: true, n: 1, none: null } })).toBeNull();
  });
});
