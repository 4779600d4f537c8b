import { normalisedNote, signOffsWithStatus, type StoredSignOff } from '../../../src/domain/releases/signOffs';

const signOff = (overrides: Partial<StoredSignOff> = {}): StoredSignOff => ({
  solutionId: 'sol-otc',
  releaseId: 'rel-holiday',
  accountId: 'acc-ana',
  displayName: 'Ana',
  signedAt: '2026-11-22T10:00:00.000Z',
  note: null,
  fingerprint: 'aaaa',
  readiness: { ready: 1, total: 2, percent: 50, counts: { failed: 0, missing: 1, mismatch: 0, scheduled: 0, ready: 1 } },
  ...overrides,
});

describe('sign-offs', () => {
  it('marks a sign-off outdated when the readiness fingerprint changed since it was given', () => {
    const [old, fresh] = signOffsWithStatus([signOff({ fingerprint: 'old' }), signOff({ accountId: 'acc-ben', fingerprint: 'now', signedAt: '2026-11-22T11:00:00.000Z' })], 'now', undefined);
    expect(old).toMatchObject({ accountId: 'acc-ana', outdated: true });
    expect(fresh).toMatchObject({ accountId: 'acc-ben', outdated: false });
  });

  it('lists sign-offs in the order they were given and marks the viewer’s own', () => {
    const list = signOffsWithStatus([signOff({ accountId: 'acc-ben', signedAt: '2026-11-22T11:00:00.000Z' }), signOff()], 'aaaa', 'acc-ben');
    expect(list.map((s) => [s.accountId, s.mine])).toEqual([
      ['acc-ana', false],
      ['acc-ben', true],
    ]);
  });

  it('marks nothing as the viewer’s own for an anonymous viewer', () => {
    expect(signOffsWithStatus([signOff()], 'aaaa', undefined)[0]?.mine).toBe(false);
  });

  it('stores a note as plain text: trimmed, line endings unified, invisible control characters dropped', () => {
    expect(normalisedNote('  Checked with ops\r\nGo <b>live</b>\u0007  ')).toBe('Checked with ops\nGo <b>live</b>');
    expect(normalisedNote('   ')).toBeNull();
    expect(normalisedNote(undefined)).toBeNull();
  });
});
