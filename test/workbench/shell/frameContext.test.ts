import { extensionFor, frameFromQuery, frameQuery, productContext, WORKBENCH_USER, type FrameIdentity } from '../../../workbench/shell/frameContext';
import type { MacroInstance } from '../../../workbench/shell/macroStore';
import type { ShellModule } from '../../../workbench/shell/manifestModules';

const macro: ShellModule = { type: 'macro', key: 'env-status', title: 'Environment status', raw: {} };
const instance: MacroInstance = {
  localId: 'abc',
  moduleKey: 'env-status',
  config: { solutionId: 'sol-otc' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const frame: FrameIdentity = { role: 'macro', moduleKey: 'env-status', localId: 'abc', anonymous: false, colorMode: 'light' };

describe('productContext', () => {
  it('gives a macro frame the instance config, page, space and the signed-in user', () => {
    const context = productContext({ module: macro, frame, instance, siteUrl: 'http://wb', timezone: 'UTC' });
    expect(context).toMatchObject({
      accountId: WORKBENCH_USER.accountId,
      localId: 'abc',
      moduleKey: 'env-status',
      siteUrl: 'http://wb',
      timezone: 'UTC',
      extension: { type: 'macro', config: { solutionId: 'sol-otc' }, isEditing: false, content: { type: 'page' }, space: { key: 'IGH' } },
    });
  });

  it('has no accountId for an anonymous reader', () => {
    expect(productContext({ module: macro, frame: { ...frame, anonymous: true }, instance, siteUrl: 'http://wb' })).not.toHaveProperty('accountId');
  });

  it('tells a config panel it is configuring, and inserting while the macro has no config yet', () => {
    const configFrame = { ...frame, role: 'config' as const };
    expect(extensionFor(macro, configFrame, instance).macro).toEqual({ isConfiguring: true, isInserting: false });
    expect(extensionFor(macro, configFrame, { ...instance, config: undefined }).macro).toEqual({ isConfiguring: true, isInserting: true });
  });
});

describe('frame query', () => {
  it('round-trips a frame identity', () => {
    const dark = { ...frame, anonymous: true, colorMode: 'dark' as const };
    expect(frameFromQuery(new URLSearchParams(frameQuery(dark)))).toEqual(dark);
  });

  it('refuses a query without a role', () => {
    expect(frameFromQuery(new URLSearchParams('moduleKey=env-status'))).toBeNull();
  });
});
