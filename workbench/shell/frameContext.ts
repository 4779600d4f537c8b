/**
 * What Confluence tells an app frame about where it runs: the product context `view.getContext()` answers and the
 * `extension` a resolver receives. Workbench constants stand in for the site, page, space and user.
 */
import { WORKBENCH_INSTALLATION } from '../forge/identity';
import type { MacroInstance } from './macroStore';
import type { ShellModule } from './manifestModules';

export const WORKBENCH_SITE = {
  cloudId: WORKBENCH_INSTALLATION.cloudId,
  environmentId: WORKBENCH_INSTALLATION.environmentId,
  environmentType: WORKBENCH_INSTALLATION.environmentType,
  space: { id: '98304', key: 'IGH', name: 'Integration Governance' },
  page: { id: '65537', title: 'Workbench page' },
} as const;

/** The signed-in workbench user; "view as anonymous" drops it, as Confluence does for anonymous readers. */
export const WORKBENCH_USER = {
  accountId: '5f0c277e0a9b8e00230c1a5e',
  displayName: 'Wanda Workbench',
} as const;

export type ColorMode = 'light' | 'dark';

/** Which frame asks: the macro on the page, its config panel, or a full-page module (space page, settings...). */
export type FrameRole = 'macro' | 'config' | 'page';

export interface FrameIdentity {
  role: FrameRole;
  moduleKey: string;
  /** Macro frames and config panels: the macro instance. */
  localId?: string;
  anonymous: boolean;
  colorMode: ColorMode;
  /** The space the page is in (`?space=KEY`); the workbench's own space when absent. */
  spaceKey?: string;
  /** Who is signed in (`?as=<accountId>`, a user of workbench/forge/confluence/users.ts); WORKBENCH_USER when absent. */
  accountId?: string;
}

/** The signed-in user of a frame: none for an anonymous reader. */
export function frameAccountId(frame: Pick<FrameIdentity, 'anonymous' | 'accountId'>): string | null {
  return frame.anonymous ? null : (frame.accountId ?? WORKBENCH_USER.accountId);
}

export interface WorkbenchSpace {
  id: string;
  key: string;
}

export interface ExtensionContext {
  type: string;
  [key: string]: unknown;
}

/** `context.extension` for a module, as the resolver and the frame see it. */
export function extensionFor(
  module: ShellModule,
  frame: FrameIdentity,
  instance?: MacroInstance,
  space: WorkbenchSpace = { id: WORKBENCH_SITE.space.id, key: WORKBENCH_SITE.space.key },
): ExtensionContext {
  const content = { id: WORKBENCH_SITE.page.id, type: 'page', subtype: null };
  if (module.type === 'macro') {
    return {
      type: 'macro',
      content,
      space,
      isEditing: frame.role === 'config',
      references: [],
      config: instance?.config,
      macro: { isConfiguring: frame.role === 'config', isInserting: frame.role === 'config' && instance?.config === undefined },
    };
  }
  if (module.type.includes('space')) return { type: module.type, space };
  return { type: module.type };
}

export interface ProductContext {
  accountId?: string;
  cloudId: string;
  environmentId: string;
  environmentType: string;
  localId: string;
  locale: string;
  moduleKey: string;
  siteUrl: string;
  timezone: string;
  theme: { colorMode: ColorMode; light: 'light'; dark: 'dark'; spacing: 'spacing'; typography: 'typography' };
  surfaceColor: null;
  extension: ExtensionContext;
}

/** The full context `view.getContext()` answers in a frame. */
export function productContext(options: {
  module: ShellModule;
  frame: FrameIdentity;
  instance?: MacroInstance;
  siteUrl: string;
  timezone?: string;
  locale?: string;
  space?: WorkbenchSpace;
}): ProductContext {
  const { module, frame, instance } = options;
  return {
    ...(frame.anonymous ? {} : { accountId: frameAccountId(frame) as string }),
    cloudId: WORKBENCH_SITE.cloudId,
    environmentId: WORKBENCH_SITE.environmentId,
    environmentType: WORKBENCH_SITE.environmentType,
    localId: instance?.localId ?? `${module.key}-${frame.role}`,
    locale: options.locale ?? 'en-US',
    moduleKey: module.key,
    siteUrl: options.siteUrl,
    timezone: options.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    theme: { colorMode: frame.colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
    surfaceColor: null,
    extension: extensionFor(module, frame, instance, options.space),
  };
}

/** Reads a frame identity from query parameters (`role`, `moduleKey`, `localId`, `anon`, `theme`, `space`, `as`). */
export function frameFromQuery(params: URLSearchParams): FrameIdentity | null {
  const role = params.get('role');
  const moduleKey = params.get('moduleKey');
  if (!moduleKey || (role !== 'macro' && role !== 'config' && role !== 'page')) return null;
  return {
    role,
    moduleKey,
    localId: params.get('localId') || undefined,
    anonymous: params.get('anon') === '1',
    colorMode: params.get('theme') === 'dark' ? 'dark' : 'light',
    spaceKey: params.get('space') || undefined,
    accountId: params.get('as') || undefined,
  };
}

export function frameQuery(frame: FrameIdentity): string {
  const params = new URLSearchParams({ role: frame.role, moduleKey: frame.moduleKey });
  if (frame.localId) params.set('localId', frame.localId);
  if (frame.anonymous) params.set('anon', '1');
  if (frame.colorMode === 'dark') params.set('theme', 'dark');
  if (frame.spaceKey) params.set('space', frame.spaceKey);
  if (frame.accountId) params.set('as', frame.accountId);
  return params.toString();
}
