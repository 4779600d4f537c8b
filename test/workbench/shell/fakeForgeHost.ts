import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ForgeHost } from '../../../workbench/forge/host';
import { UserDirectory } from '../../../workbench/forge/confluence/users';

export const appDir = path.resolve(__dirname, '../../..');

export interface InvokeCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  extension: Record<string, unknown>;
  accountId: string | null;
  localId?: string;
}

/** The part of ForgeHost the shell uses, recording calls; the manifest is the app's real manifest.yml. */
export function fakeForgeHost(answer: (call: InvokeCall) => { ok: true; body: unknown } | { ok: false; status: number; error: string }) {
  const calls: InvokeCall[] = [];
  const exports: { moduleKey: string; extension: Record<string, unknown>; exportType: string }[] = [];
  const host = {
    manifest: parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as unknown,
    confluence: {
      spaces: () => [{ id: '1', key: 'OTC', name: 'Retail Order-to-Cash' }],
      spaceByKey: (key: string) => (key === 'OTC' ? { id: '1', key: 'OTC', name: 'Retail Order-to-Cash' } : undefined),
      users: new UserDirectory(),
    },
    async invokeResolver(call: InvokeCall) {
      calls.push(call);
      return answer(call);
    },
    async runAdfExport(moduleKey: string, args: { extension: Record<string, unknown>; exportType: string }) {
      exports.push({ moduleKey, ...args });
      return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '<Retail> status' }] }] };
    },
  };
  return { host: host as unknown as ForgeHost, calls, exports };
}
