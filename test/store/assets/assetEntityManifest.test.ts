import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ASSET_ENTITY, ASSET_INDEXES, INDEX_RANGE, assetRecordSchema } from '../../../src/domain/assets/assetRecord';
import { entityDefinitions } from '../../../workbench/forge/entities';

const manifest = parse(fs.readFileSync(path.resolve(__dirname, '../../../manifest.yml'), 'utf8')) as { app: unknown };
const entity = entityDefinitions(manifest.app).find((definition) => definition.name === ASSET_ENTITY);

describe('the dam-asset entity in manifest.yml', () => {
  it('declares every attribute the store writes, with the type it writes', () => {
    expect(entity).toBeDefined();
    const declared = Object.fromEntries(entity?.attributes ?? []);
    const written = Object.keys(assetRecordSchema.shape);
    expect(Object.keys(declared).sort()).toEqual([...written].sort());
    expect(declared.asset).toBe('any');
    expect(declared.seenPass).toBe('integer');
    for (const name of written.filter((n) => n !== 'asset' && n !== 'seenPass')) expect([name, declared[name]]).toEqual([name, 'string']);
  });

  it('declares the indexes the planner queries, each ranging on the attribute it expects, partitioned by scope first', () => {
    const indexes = [...(entity?.indexes.values() ?? [])].filter((index) => index.name !== 'by-key');
    expect(indexes.map((index) => index.name).sort()).toEqual([...ASSET_INDEXES].sort());
    for (const index of indexes) {
      expect([index.name, index.range]).toEqual([index.name, INDEX_RANGE[index.name as keyof typeof INDEX_RANGE]]);
      expect(index.partition[0]).toBe('scope');
    }
    expect(entity?.indexes.get('by-campaign')?.partition).toEqual(['scope', 'campaignKey']);
    expect(entity?.indexes.get('by-approval')?.partition).toEqual(['scope', 'approvalKey']);
    expect(entity?.indexes.get('by-region')?.partition).toEqual(['scope', 'regionKey']);
    expect(entity?.indexes.get('by-failed')?.partition).toEqual(['scope', 'failedKey']);
  });
});
