import { chunkByBytes, jsonBytes, KVS_VALUE_LIMIT_BYTES } from '../../src/store/chunking';

describe('chunkByBytes', () => {
  it('keeps every item, in order, across chunks that each fit in one KVS value', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(200 + (i % 50)) }));
    const { chunks, oversized } = chunkByBytes(items);
    expect(oversized).toEqual([]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(items);
    for (const chunk of chunks) expect(jsonBytes({ items: chunk })).toBeLessThan(KVS_VALUE_LIMIT_BYTES);
  });

  it('reports an item too large for any value instead of storing part of it', () => {
    const { chunks, oversized } = chunkByBytes([{ a: 1 }, { big: 'x'.repeat(300 * 1024) }, { b: 2 }]);
    expect(chunks.flat()).toEqual([{ a: 1 }, { b: 2 }]);
    expect(oversized).toEqual([{ index: 1, bytes: expect.any(Number) }]);
  });

  it('counts multi-byte characters as bytes, not characters', () => {
    const items = Array.from({ length: 200 }, () => ({ t: '日'.repeat(1000) }));
    for (const chunk of chunkByBytes(items).chunks) expect(jsonBytes({ items: chunk })).toBeLessThan(KVS_VALUE_LIMIT_BYTES);
  });

  it('answers no chunks for no items', () => {
    expect(chunkByBytes([])).toEqual({ chunks: [], oversized: [] });
  });
});
