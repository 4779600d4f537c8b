import { withSensitiveValuesRedacted } from '../../../src/domain/changes/redaction';
import type { ChangeEvent } from '../../../src/sources/governance/schemas';

const event = (diff: ChangeEvent['diff']) => ({ id: 'c1', diff });

describe('withSensitiveValuesRedacted (what the sync stores)', () => {
  it('replaces the values of a sensitive entry, even when the backend sent the real secret', () => {
    const stored = withSensitiveValuesRedacted(event([{ op: 'replace', path: '/clientSecret', before: 'old-s3cret', after: 'new-s3cret', sensitive: true }]));
    expect(stored.diff[0]).toEqual({ op: 'replace', path: '/clientSecret', before: '***', after: '***', sensitive: true });
  });

  it('treats a secret-looking path as sensitive even when the backend did not flag it', () => {
    const stored = withSensitiveValuesRedacted(event([{ op: 'add', path: '/auth/password', before: null, after: 'hunter2', sensitive: false }]));
    expect(stored.diff[0]).toMatchObject({ before: null, after: '***', sensitive: true });
  });

  it('leaves ordinary entries and events untouched', () => {
    const plain = event([{ op: 'replace', path: '/version', before: '1.0.0', after: '1.1.0', sensitive: false }]);
    expect(withSensitiveValuesRedacted(plain)).toBe(plain);
  });
});
