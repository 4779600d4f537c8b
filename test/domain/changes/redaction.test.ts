import { toChangeRow, environmentNames, DIFF_ENTRIES_KEPT } from '../../../src/domain/changes/changeRows';
import { diffValueText, isSensitiveDiffEntry, redactedDiffEntry, DIFF_VALUE_MAX_CHARS } from '../../../src/domain/changes/redaction';
import { changeEvent, environments } from './changeFixtures';

describe('diff redaction', () => {
  it('shows a sensitive entry as redacted and never copies its values, even when the backend sent real ones', () => {
    const entry = redactedDiffEntry({ op: 'replace', path: '/auth/clientCredential', before: 'old-Secr3t!', after: 'new-Secr3t!', sensitive: true });
    expect(entry).toEqual({ op: 'replace', path: '/auth/clientCredential', before: null, after: null, sensitive: true });
    expect(JSON.stringify(entry)).not.toMatch(/Secr3t/);
  });

  it('redacts a path that names a secret even when the backend forgot the sensitive flag', () => {
    for (const path of ['/auth/password', '/connection/client_secret', '/tls/privateKey', '/api-key', 'settings.token']) {
      const entry = redactedDiffEntry({ op: 'replace', path, before: 'leaked', after: 'leaked-too', sensitive: false });
      expect(entry).toMatchObject({ path, before: null, after: null, sensitive: true });
    }
  });

  it('does not redact settings whose names only mention a secret-like word', () => {
    for (const path of ['/auth/tokenUrl', '/policies/passwordPolicy/minLength', '/secretRotationDays']) {
      expect(isSensitiveDiffEntry({ path, sensitive: false })).toBe(false);
    }
  });

  it('keeps ordinary values as text: strings as-is, other values as JSON, null for "no value"', () => {
    expect(redactedDiffEntry({ op: 'add', path: '/rows/CA', before: null, after: 'CS', sensitive: false })).toEqual({
      op: 'add',
      path: '/rows/CA',
      before: null,
      after: 'CS',
      sensitive: false,
    });
    expect(diffValueText(600)).toBe('600');
    expect(diffValueText(false)).toBe('false');
    expect(diffValueText({ qualifier: 'DP' })).toBe('{"qualifier":"DP"}');
    expect(diffValueText(undefined)).toBeNull();
  });

  it('cuts very long values so one change stays small', () => {
    const text = diffValueText('x'.repeat(5000));
    expect(text).toHaveLength(DIFF_VALUE_MAX_CHARS);
    expect(text?.endsWith('…')).toBe(true);
  });

  it('prepares a change row with every diff entry redacted where needed and no sensitive value anywhere', () => {
    const event = changeEvent({
      diff: [
        { op: 'replace', path: '/secret', before: 'hunter2', after: 'hunter3', sensitive: true },
        { op: 'replace', path: '/retry/maxAttempts', before: 3, after: 5, sensitive: false },
      ],
    });
    const row = toChangeRow(event, environmentNames(environments));
    expect(row.diff).toEqual([
      { op: 'replace', path: '/secret', before: null, after: null, sensitive: true },
      { op: 'replace', path: '/retry/maxAttempts', before: '3', after: '5', sensitive: false },
    ]);
    expect(JSON.stringify(row)).not.toMatch(/hunter/);
  });

  it('keeps the first entries of a huge diff and counts the rest', () => {
    const diff = Array.from({ length: DIFF_ENTRIES_KEPT + 7 }, (_, i) => ({ op: 'add', path: `/rows/${i}`, before: null, after: 'x', sensitive: false }));
    const row = toChangeRow(changeEvent({ diff }), environmentNames(environments));
    expect(row.diff).toHaveLength(DIFF_ENTRIES_KEPT);
    expect(row.diffOmitted).toBe(7);
  });

  it('names environments, and keeps the id of one the backend no longer lists', () => {
    const row = toChangeRow(
      changeEvent({ environmentId: 'otc-dev', impact: { severity: 'low', summary: 's', affectedSystems: [], affectedPartners: [], affectedEnvironments: ['otc-dev', 'gone-env'] } }),
      environmentNames(environments),
    );
    expect(row.environment).toEqual({ id: 'otc-dev', name: 'OTC Development' });
    expect(row.impact.affectedEnvironments).toEqual([
      { id: 'otc-dev', name: 'OTC Development' },
      { id: 'gone-env', name: 'gone-env' },
    ]);
  });
});
