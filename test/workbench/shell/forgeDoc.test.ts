import { callHandler, inputEvent, isForgeDoc, textOf, type ForgeDoc } from '../../../workbench/shell/client/uikit/forgeDoc';

let next = 0;
function el(type: string, props: Record<string, unknown> = {}, ...children: (ForgeDoc | string)[]): ForgeDoc {
  return {
    type,
    props,
    key: `k${next++}`,
    children: children.map((child) => (typeof child === 'string' ? { type: 'String', props: { text: child }, children: [], key: `k${next++}` } : child)),
  };
}

describe('callHandler', () => {
  it('calls the app handler with the given arguments', () => {
    const seen: unknown[] = [];
    callHandler(el('Select', { onChange: (value: unknown) => seen.push(value) }), 'onChange', { label: 'A', value: 'a' });
    expect(seen).toEqual([{ label: 'A', value: 'a' }]);
  });

  it('ignores a missing handler', () => {
    expect(() => callHandler(el('Button'), 'onClick')).not.toThrow();
  });

  it('reports a handler that rejects instead of leaving an unhandled rejection', async () => {
    const errors: unknown[] = [];
    const { onHandlerError } = await import('../../../workbench/shell/client/uikit/forgeDoc');
    onHandlerError((error, where) => errors.push([where, (error as Error).message]));
    callHandler(el('Form', { onSubmit: () => Promise.reject(new Error('save failed')) }), 'onSubmit');
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([['Form.onSubmit', 'save failed']]);
  });
});

describe('ForgeDoc helpers', () => {
  it('joins the text of a subtree', () => {
    expect(textOf(el('Button', {}, 'Save ', el('Strong', {}, 'now')))).toBe('Save now');
  });

  it('recognises a ForgeDoc', () => {
    expect(isForgeDoc(el('Root'))).toBe(true);
    expect(isForgeDoc({ type: 'Root' })).toBe(false);
  });

  it('hands input handlers a target with the fields apps read', () => {
    expect(inputEvent({ checked: true, name: 'stages', type: 'checkbox' }).target).toEqual({ checked: true, name: 'stages', type: 'checkbox' });
  });
});
