/** Reads manifest.yml into the typed subset the host needs. Validation proper is @forge/manifest's job. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const resolverRef = z.object({ function: z.string() }).passthrough();
const functionRef = z.object({ function: z.string() }).passthrough();

const macroModule = z
  .object({
    key: z.string(),
    title: z.string().optional(),
    resource: z.string().optional(),
    render: z.string().optional(),
    layout: z.string().optional(),
    resolver: resolverRef.optional(),
    config: z.union([z.boolean(), z.record(z.unknown())]).optional(),
    adfExport: functionRef.optional(),
  })
  .passthrough();

const functionModule = z
  .object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().int().positive().optional() })
  .passthrough();

const modulesSchema = z
  .object({
    macro: z.array(macroModule).optional(),
    scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string() }).passthrough()).optional(),
    consumer: z.array(z.object({ key: z.string(), queue: z.string(), function: z.string() }).passthrough()).optional(),
    webtrigger: z
      .array(z.object({ key: z.string(), function: z.string(), response: z.object({ type: z.string() }).passthrough().optional() }).passthrough())
      .optional(),
    function: z.array(functionModule).optional(),
  })
  .catchall(z.unknown());

const egressEntry = z.union([z.string(), z.object({ address: z.string() }).passthrough()]);

const manifestSchema = z
  .object({
    app: z.object({ id: z.string(), runtime: z.object({ name: z.string() }).passthrough().optional() }).passthrough(),
    modules: modulesSchema.default({}),
    resources: z.array(z.object({ key: z.string(), path: z.string() }).passthrough()).optional(),
    permissions: z
      .object({
        scopes: z.array(z.string()).optional(),
        content: z.record(z.unknown()).optional(),
        external: z.object({ fetch: z.object({ backend: z.array(egressEntry).optional() }).passthrough().optional() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type AppManifest = z.infer<typeof manifestSchema>;
export type MacroModule = z.infer<typeof macroModule>;
export type FunctionModule = z.infer<typeof functionModule>;

export async function loadManifest(appDir: string): Promise<AppManifest> {
  const file = path.join(appDir, 'manifest.yml');
  const parsed = manifestSchema.safeParse(parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a usable Forge manifest: ${parsed.error.message}`);
  return parsed.data;
}

/** `ari:cloud:ecosystem::app/<uuid>` -> `<uuid>`, which is what the runtime calls appId. */
export function appUuid(manifest: AppManifest): string {
  return manifest.app.id.split('/').pop() ?? manifest.app.id;
}

export function findFunction(manifest: AppManifest, functionKey: string): FunctionModule | undefined {
  return manifest.modules.function?.find((fn) => fn.key === functionKey);
}

/** The function a UI module's resolver runs, for any module type that declares `resolver: {function}`. */
export function resolverFunctionOf(manifest: AppManifest, moduleKey: string): string | undefined {
  for (const list of Object.values(manifest.modules)) {
    if (!Array.isArray(list)) continue;
    for (const module of list as unknown[]) {
      const candidate = module as { key?: unknown; resolver?: { function?: unknown } };
      if (candidate.key === moduleKey && typeof candidate.resolver?.function === 'string') return candidate.resolver.function;
    }
  }
  return undefined;
}

export function egressAddresses(manifest: AppManifest): string[] {
  return (manifest.permissions?.external?.fetch?.backend ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address));
}

export function scopesOf(manifest: AppManifest): string[] {
  return manifest.permissions?.scopes ?? [];
}
