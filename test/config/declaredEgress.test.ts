import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DECLARED_EGRESS_ADDRESSES } from '../../src/config/declaredEgress';

describe('the egress list the settings page checks base URLs against', () => {
  it('is the one manifest.yml declares (run `node scripts/sync-declared-egress.mjs` after editing the manifest)', () => {
    const manifest = parse(fs.readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8')) as {
      permissions?: { external?: { fetch?: { backend?: ({ address: string } | string)[] } } };
    };
    const declared = (manifest.permissions?.external?.fetch?.backend ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address));
    expect([...DECLARED_EGRESS_ADDRESSES]).toEqual(declared);
  });
});
