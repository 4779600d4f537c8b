import { readinessFigure } from '../../../src/domain/releases/readinessFigure';
import { readinessFingerprint, type FingerprintedItem } from '../../../src/domain/releases/readinessFingerprint';

const item = (overrides: Partial<FingerprintedItem> = {}): FingerprintedItem => ({
  artifactId: 'map-850',
  expectedVersion: '4.2.0',
  state: 'mismatch',
  target: { deployedVersion: '4.1.0', failure: null, scheduledVersion: null },
  ...overrides,
});

describe('readiness fingerprint', () => {
  const apiReady = item({ artifactId: 'api-orders', state: 'ready', expectedVersion: '2.0.0', target: { deployedVersion: '2.0.0', failure: null, scheduledVersion: null } });
  const base = readinessFingerprint('otc-prod', [item(), apiReady]);

  it('stays the same when nothing a signer vouched for changed, whatever the item order', () => {
    const reordered = readinessFingerprint('otc-prod', [
      apiReady,
      item(),
    ]);
    expect(reordered).toBe(base);
  });

  it('changes when a deployed version changes, even if the state does not', () => {
    const changed = readinessFingerprint('otc-prod', [item({ target: { deployedVersion: '4.1.1', failure: null, scheduledVersion: null } }), apiReady]);
    expect(changed).not.toBe(base);
  });

  it('changes when a state changes, a deployment fails or gets scheduled', () => {
    expect(readinessFingerprint('otc-prod', [item({ state: 'failed', target: { deployedVersion: '4.1.0', failure: { version: '4.2.0' }, scheduledVersion: null } }), apiReady])).not.toBe(base);
    expect(readinessFingerprint('otc-prod', [item({ state: 'scheduled', target: { deployedVersion: '4.1.0', failure: null, scheduledVersion: '4.2.0' } }), apiReady])).not.toBe(base);
  });

  it('changes when the release scope changes: an item added, an expected version bumped, another target', () => {
    expect(readinessFingerprint('otc-prod', [item()])).not.toBe(base);
    expect(readinessFingerprint('otc-prod', [item({ expectedVersion: '4.3.0' }), apiReady])).not.toBe(base);
    expect(readinessFingerprint('otc-test', [item(), apiReady])).not.toBe(base);
  });

  it('is a short hex string', () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('readiness figure', () => {
  it('counts ready items over all items and each state', () => {
    expect(readinessFigure(['ready', 'ready', 'failed', 'mismatch', 'scheduled'])).toEqual({
      ready: 2,
      total: 5,
      percent: 40,
      counts: { failed: 1, missing: 0, mismatch: 1, scheduled: 1, ready: 2 },
    });
  });

  it('rounds down, so a release is never shown 100% ready before it is', () => {
    const states = [...Array.from({ length: 199 }, () => 'ready' as const), 'missing' as const];
    expect(readinessFigure(states).percent).toBe(99);
  });

  it('has no percentage for a release without items', () => {
    expect(readinessFigure([])).toMatchObject({ ready: 0, total: 0, percent: null });
  });
});
