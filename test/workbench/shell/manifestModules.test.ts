import { findModule, macroConfiguredBy, readShellManifest } from '../../../workbench/shell/manifestModules';
import { fakeForgeHost } from './fakeForgeHost';

const manifest = readShellManifest(fakeForgeHost(() => ({ ok: true, body: null })).host.manifest);

describe('readShellManifest', () => {
  it('finds the env-status macro with its Custom UI, resolver, UI Kit config panel and export', () => {
    const macro = findModule(manifest, 'env-status');
    expect(macro).toMatchObject({
      type: 'macro',
      title: 'Environment status',
      ui: { resourceKey: 'env-status-ui', renderer: 'custom-ui' },
      resolverFunction: 'resolver',
      config: { title: 'Environment status', ui: { resourceKey: 'env-status-config', renderer: 'uikit' }, openOnInsert: true },
      adfExportFunction: 'env-status-export',
    });
  });

  it('lists every module type of the manifest, including ones without UI', () => {
    // Types other parts add later (e.g. more triggers) must not break this, so: at least these.
    expect([...new Set(manifest.modules.map((m) => m.type))]).toEqual(
      expect.arrayContaining(['macro', 'confluence:spacePage', 'confluence:globalSettings', 'webtrigger', 'scheduledTrigger', 'consumer', 'function']),
    );
  });

  it('knows which macro a config resource configures', () => {
    expect(macroConfiguredBy(manifest, 'env-status-config')?.key).toBe('env-status');
  });

  it('reads the content permissions the Custom UI CSP is built from', () => {
    expect(manifest.contentPermissions.styles).toEqual(['unsafe-inline']);
  });

  it('picks up module types added later, such as a space page', () => {
    const later = readShellManifest({
      modules: { 'confluence:spacePage': [{ key: 'gov-space', title: 'Governance', route: 'gov', resource: 'space-ui', render: 'native' }] },
    });
    expect(later.modules[0]).toMatchObject({ type: 'confluence:spacePage', key: 'gov-space', ui: { resourceKey: 'space-ui', renderer: 'uikit' } });
  });

  it('survives a manifest with no modules', () => {
    expect(readShellManifest({}).modules).toEqual([]);
  });
});
