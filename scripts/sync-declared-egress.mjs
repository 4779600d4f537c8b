#!/usr/bin/env node
/**
 * Copies manifest.yml's egress list (permissions.external.fetch.backend) into src/config/declaredEgress.ts, the
 * list the settings page checks base URLs against. Run it after editing the manifest's egress; `npm test` fails
 * until the two agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'src', 'config', 'declaredEgress.ts');

const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8'));
const entries = manifest?.permissions?.external?.fetch?.backend ?? [];
const addresses = entries.map((entry) => (typeof entry === 'string' ? entry : entry?.address)).filter((address) => typeof address === 'string');

const source = readFileSync(target, 'utf8');
const quoted = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = `export const DECLARED_EGRESS_ADDRESSES: readonly string[] = [\n${addresses.map((a) => `  ${quoted(a)},\n`).join('')}];`;
const next = source.replace(/export const DECLARED_EGRESS_ADDRESSES: readonly string\[\] = \[[\s\S]*?\];/, list);
if (next === source) {
  console.log(`src/config/declaredEgress.ts already lists ${addresses.length} address(es).`);
} else {
  writeFileSync(target, next);
  console.log(`src/config/declaredEgress.ts now lists: ${addresses.join(', ') || '(none)'}`);
}
