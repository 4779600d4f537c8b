import { key, keyPart } from '../../src/store/keys';

const KVS_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

describe('storage keys', () => {
  it('passes plain ids through unchanged', () => {
    expect(keyPart('sol-otc_1.2')).toBe('sol-otc_1.2');
  });

  it('encodes characters KVS refuses, so any upstream id makes a valid key', () => {
    for (const id of ['a/b', 'ü', 'x y', '#', '日本', '<script>', '']) {
      expect(key('snap', keyPart(id))).toMatch(KVS_KEY);
    }
  });

  it('never maps two different ids to the same key part', () => {
    const ids = ['a/b', 'a#2fb', 'a%2fb', 'a:b', 'a#3ab', 'ab', 'a b'];
    expect(new Set(ids.map(keyPart)).size).toBe(ids.length);
  });

  it('refuses a key longer than 500 characters instead of letting KVS fail later', () => {
    expect(() => key('x', 'y'.repeat(500))).toThrow(/too long/);
  });
});
