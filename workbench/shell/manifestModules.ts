/**
 * The shell's view of manifest.yml: every module by type, and how each UI module is rendered. Read from the
 * parsed manifest as plain data so module types added later show up without code changes.
 */

export interface ShellResource {
  key: string;
  path: string;
}

/** A UI module rendered from a resource: Custom UI (a folder with index.html) or UI Kit (`render: native`, a file). */
export interface ShellUi {
  resourceKey: string;
  renderer: 'custom-ui' | 'uikit';
}

export interface ShellMacroConfig {
  title: string;
  ui: ShellUi;
  viewportSize: string;
  openOnInsert: boolean;
}

export interface ShellModule {
  /** Manifest module type, e.g. `macro`, `scheduledTrigger`, `confluence:spacePage`. */
  type: string;
  key: string;
  title: string;
  /** The module's own UI, when it has one. */
  ui?: ShellUi;
  resolverFunction?: string;
  /** Macros only: the custom config panel (`config: {resource}`); `config: true` (UI Kit 1 style) is not a panel. */
  config?: ShellMacroConfig;
  adfExportFunction?: string;
  /** The remaining manifest fields (function, interval, queue, route...), for display. */
  raw: Record<string, unknown>;
}

export interface ShellManifest {
  modules: ShellModule[];
  resources: ShellResource[];
  /** `permissions.content.styles` / `.scripts`, e.g. `unsafe-inline`: what the Custom UI CSP allows. */
  contentPermissions: { styles: string[]; scripts: string[] };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function uiOf(entry: Record<string, unknown>): ShellUi | undefined {
  const resourceKey = text(entry.resource);
  if (!resourceKey) return undefined;
  return { resourceKey, renderer: entry.render === 'native' ? 'uikit' : 'custom-ui' };
}

export function readShellManifest(manifest: unknown): ShellManifest {
  const root = record(manifest);
  const modules: ShellModule[] = [];
  for (const [type, list] of Object.entries(record(root.modules))) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const entry = record(item);
      const key = text(entry.key);
      if (!key) continue;
      const config = record(entry.config);
      const configUi = uiOf(config);
      modules.push({
        type,
        key,
        title: text(entry.title) ?? text(record(entry.title).text) ?? key,
        ui: uiOf(entry),
        resolverFunction: text(record(entry.resolver).function),
        config: configUi
          ? {
              title: text(config.title) ?? text(entry.title) ?? key,
              ui: configUi,
              viewportSize: text(config.viewportSize) ?? 'medium',
              openOnInsert: config.openOnInsert === true,
            }
          : undefined,
        adfExportFunction: text(record(entry.adfExport).function),
        raw: entry,
      });
    }
  }
  const resources = (Array.isArray(root.resources) ? root.resources : []).flatMap((item) => {
    const entry = record(item);
    const key = text(entry.key);
    const resourcePath = text(entry.path);
    return key && resourcePath ? [{ key, path: resourcePath }] : [];
  });
  const content = record(record(root.permissions).content);
  return { modules, resources, contentPermissions: { styles: strings(content.styles), scripts: strings(content.scripts) } };
}

export function findModule(manifest: ShellManifest, key: string): ShellModule | undefined {
  return manifest.modules.find((module) => module.key === key);
}

export function findResource(manifest: ShellManifest, key: string): ShellResource | undefined {
  return manifest.resources.find((resource) => resource.key === key);
}

/** The macro module whose config panel is this resource, if any. */
export function macroConfiguredBy(manifest: ShellManifest, resourceKey: string): ShellModule | undefined {
  return manifest.modules.find((module) => module.config?.ui.resourceKey === resourceKey);
}

/** Modules whose resource is rendered in a frame of their own (macros, pages, settings...). */
export function isUiModule(module: ShellModule): boolean {
  return module.ui !== undefined;
}
