/** The tree @forge/react's reconciler sends with `reconcile` (see node_modules/@forge/react/out/reconciler.js). */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key: string;
}

export function isForgeDoc(value: unknown): value is ForgeDoc {
  const node = value as Partial<ForgeDoc> | null;
  return typeof node === 'object' && node !== null && typeof node.type === 'string' && Array.isArray(node.children);
}

/** Text content of a subtree (String nodes), e.g. for a Button's accessible name. */
export function textOf(node: ForgeDoc): string {
  if (node.type === 'String') return String(node.props.text ?? '');
  return node.children.map(textOf).join('');
}

export type HandlerErrorReporter = (error: unknown, where: string) => void;

let reportHandlerError: HandlerErrorReporter = (error) => console.error(error);

export function onHandlerError(reporter: HandlerErrorReporter): void {
  reportHandlerError = reporter;
}

/**
 * Calls an event handler prop of the app. Handlers are plain functions of the app's realm (the reconciler keeps
 * them in props), so the host calls them directly; a throw or rejection is reported instead of breaking the host.
 */
export function callHandler(node: ForgeDoc, prop: string, ...args: unknown[]): void {
  const handler = node.props[prop];
  if (typeof handler !== 'function') return;
  try {
    const result = (handler as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(undefined, (error: unknown) => reportHandlerError(error, `${node.type}.${prop}`));
    }
  } catch (error) {
    reportHandlerError(error, `${node.type}.${prop}`);
  }
}

/** The event object UI Kit hands to input handlers: serialisable, with the `target` fields apps read. */
export function inputEvent(target: { value?: string; checked?: boolean; name?: string; type: string }) {
  return { target, currentTarget: target, type: 'change' };
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
