import type { DiffEntry } from '../../sources/governance/schemas';
import type { ChangeDiffEntry } from '../../shared/changeSummaryContract';

/**
 * The contract says sensitive diff entries carry "***", but an adapter in front of a real backend may get that
 * wrong. The view therefore never copies a sensitive entry's values, and it also treats a path whose last segment
 * names a secret as sensitive when the backend forgot the flag: a redacted setting is a small loss, a leaked
 * password on a Confluence page is not.
 */
const SECRET_SEGMENTS = new Set([
  'password',
  'passwd',
  'passphrase',
  'secret',
  'clientsecret',
  'privatekey',
  'apikey',
  'accesstoken',
  'refreshtoken',
  'token',
  'bearertoken',
  'sharedsecret',
  'signingkey',
  'keystorepassword',
]);

/** Longest value text kept per side of a diff entry: a diff is for reading, not for copying configs. */
export const DIFF_VALUE_MAX_CHARS = 300;

function lastSegment(path: string): string {
  const segments = path.split(/[/.]/).filter(Boolean);
  return (segments[segments.length - 1] ?? '').toLowerCase().replace(/[-_\s]/g, '');
}

export function isSensitiveDiffEntry(entry: Pick<DiffEntry, 'path' | 'sensitive'>): boolean {
  return entry.sensitive === true || SECRET_SEGMENTS.has(lastSegment(entry.path));
}

/** A diff value as display text: strings as-is, anything else as JSON, cut to DIFF_VALUE_MAX_CHARS. */
export function diffValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let textValue: string;
  if (typeof value === 'string') textValue = value;
  else {
    try {
      textValue = JSON.stringify(value) ?? String(value);
    } catch {
      textValue = String(value);
    }
  }
  return textValue.length > DIFF_VALUE_MAX_CHARS ? `${textValue.slice(0, DIFF_VALUE_MAX_CHARS - 1)}…` : textValue;
}

/** The entry as the view stores and shows it; a sensitive entry keeps its path and operation, never its values. */
export function redactedDiffEntry(entry: DiffEntry): ChangeDiffEntry {
  if (isSensitiveDiffEntry(entry)) return { op: entry.op, path: entry.path, before: null, after: null, sensitive: true };
  return { op: entry.op, path: entry.path, before: diffValueText(entry.before), after: diffValueText(entry.after), sensitive: false };
}

/** The value the contract uses in place of a sensitive one. */
export const REDACTED_VALUE = '***';

/**
 * A change event as the sync stores it: a sensitive diff entry keeps its path and operation but its values become
 * "***", whatever the backend sent. A backend that leaks a secret into a diff must not make the app store it.
 */
export function withSensitiveValuesRedacted<E extends { diff: DiffEntry[] }>(event: E): E {
  if (!event.diff.some(isSensitiveDiffEntry)) return event;
  return {
    ...event,
    diff: event.diff.map((entry) =>
      isSensitiveDiffEntry(entry) ? { ...entry, sensitive: true, before: entry.before === undefined || entry.before === null ? entry.before : REDACTED_VALUE, after: entry.after === undefined || entry.after === null ? entry.after : REDACTED_VALUE } : entry,
    ),
  };
}
