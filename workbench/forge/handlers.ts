/**
 * Finds the function a manifest `handler: <file>.<export>` names, under the app's src/ as Forge resolves it.
 * Modules load through the process's own `require`, so tsx (workbench) and swc (jest) compile .ts on the way, and module
 * state persists between invocations as it does in a warm Forge runtime.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findFunction, type AppManifest } from './manifest';

export type ForgeFunction = (payload: unknown, context: unknown) => unknown;

const EXTENSIONS = ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.jsx'];

export function loadFunction(appDir: string, manifest: AppManifest, functionKey: string): ForgeFunction {
  const definition = findFunction(manifest, functionKey);
  if (!definition) throw new Error(`manifest.yml has no function with key "${functionKey}"`);
  const dot = definition.handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`Function "${functionKey}": handler "${definition.handler}" is not <file>.<export>`);
  const file = resolveSource(path.join(appDir, 'src', definition.handler.slice(0, dot)));
  const exportName = definition.handler.slice(dot + 1);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module-scoped require carries tsx/jest transforms
  const loaded = require(file) as Record<string, unknown>;
  const handler = loaded[exportName];
  if (typeof handler !== 'function') throw new Error(`Function "${functionKey}": ${file} does not export a function "${exportName}"`);
  return handler as ForgeFunction;
}

function resolveSource(base: string): string {
  for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`No source file for handler module ${base}`);
}
