import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validate } from '@forge/manifest';
import * as appHandlers from '../../src/index';
import { GOVERNANCE_SYNC_INTERVAL_MINUTES } from '../../src/config/governanceConnection';
import { GOVERNANCE_SYNC_QUEUE } from '../../src/sync/governance/forgeDeps';
import { appDir } from './sourceFiles';

interface ManifestFunction { key: string; handler: string; timeoutSeconds?: number }
interface ManifestModule { key: string; function?: string; resource?: string; resolver?: { function: string }; config?: unknown; adfExport?: { function: string }; queue?: string; interval?: string }
interface Manifest {
  modules: { function: ManifestFunction[]; consumer?: ManifestModule[]; scheduledTrigger?: ManifestModule[] } & Record<string, ManifestModule[] | ManifestFunction[] | undefined>;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[]; external?: { fetch?: { backend?: unknown[] } } };
}

const manifestPath = path.join(appDir, 'manifest.yml');
const manifest = parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;

/** Warnings we keep on purpose, each with its reason. None today: any new warning fails until explained here. */
const ACCEPTED_WARNINGS: { pattern: RegExp; why: string }[] = [];

describe('manifest.yml', () => {
  it('validates offline with @forge/manifest, with no errors and no unexplained warnings', async () => {
    const result = await validate(false, manifestPath);
    const problems = (result.errors ?? []).filter(
      (problem) => problem.level === 'error' || !ACCEPTED_WARNINGS.some((w) => w.pattern.test(problem.message)),
    );
    expect(problems.map((p) => `${p.level} line ${p.line}: ${p.message}`)).toEqual([]);
  });

  it('declares egress as {address} objects, never plain strings', () => {
    for (const entry of manifest.permissions.external?.fetch?.backend ?? []) {
      expect(entry).toEqual({ address: expect.stringMatching(/^https:\/\//) });
    }
  });

  it('points every resource at something that exists (Custom UI: a folder with index.html; UI Kit: a file)', () => {
    for (const resource of manifest.resources) {
      const full = path.join(appDir, resource.path);
      expect({ resource: resource.key, exists: fs.existsSync(full) }).toEqual({ resource: resource.key, exists: true });
      if (fs.statSync(full).isDirectory()) expect(fs.existsSync(path.join(full, 'index.html'))).toBe(true);
    }
  });

  it('names only handlers that src/index.ts exports as functions', () => {
    const exported = appHandlers as Record<string, unknown>;
    const missing = manifest.modules.function
      .map((fn) => fn.handler)
      .filter((handler) => {
        const [file, name] = handler.split('.');
        return file !== 'index' || typeof exported[name as string] !== 'function';
      });
    expect(missing).toEqual([]);
  });

  it('exports from src/index.ts exactly the handlers the manifest names', () => {
    const exported = Object.keys(appHandlers).filter((k) => k !== '__esModule');
    const named = manifest.modules.function.map((fn) => fn.handler.split('.')[1]);
    expect(exported.sort()).toEqual([...named].sort());
  });

  it('gives queue consumers and scheduled triggers functions of their own (forge lint rule)', () => {
    const used = new Map<string, string[]>();
    for (const [type, modules] of Object.entries(manifest.modules)) {
      if (type === 'function') continue;
      for (const module of (modules ?? []) as ManifestModule[]) {
        for (const fn of [module.function, module.resolver?.function, module.adfExport?.function].filter(Boolean) as string[]) {
          used.set(fn, [...(used.get(fn) ?? []), type]);
        }
      }
    }
    for (const [fn, types] of used) {
      if (types.includes('consumer') || types.includes('scheduledTrigger')) expect({ fn, types }).toEqual({ fn, types: [types[0]] });
    }
  });

  it('allows long timeouts only on consumer and scheduled trigger functions', () => {
    const longRunning = new Set(
      [...(manifest.modules.consumer ?? []), ...(manifest.modules.scheduledTrigger ?? [])].map((m) => m.function),
    );
    for (const fn of manifest.modules.function) {
      if ((fn.timeoutSeconds ?? 25) > 25) expect({ key: fn.key, longRunning: longRunning.has(fn.key) }).toEqual({ key: fn.key, longRunning: true });
    }
  });

  it('keeps the sync interval and queue key in step with the code that relies on them', () => {
    const minutes: Record<string, number> = { fiveMinute: 5, hour: 60, day: 1440, week: 10080 };
    const trigger = manifest.modules.scheduledTrigger?.find((t) => t.key === 'governance-sync-schedule');
    expect(minutes[trigger?.interval ?? '']).toBe(GOVERNANCE_SYNC_INTERVAL_MINUTES);
    expect(manifest.modules.consumer?.map((c) => c.queue)).toContain(GOVERNANCE_SYNC_QUEUE);
  });
});
