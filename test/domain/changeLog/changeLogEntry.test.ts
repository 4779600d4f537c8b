import { toChangeRow } from '../../../src/domain/changes/changeRows';
import {
  CHANGE_LOG_MAX_ENTRIES,
  CHANGE_LOG_TRIM_TO,
  DIFF_LINES_SHOWN,
  changeDigest,
  changeLogIntroduction,
  entryMarker,
  insertEntries,
  overflowEntries,
  parseChangeLog,
  removeEntries,
  renderChangeLogEntry,
  type ChangeLogEntryInput,
} from '../../../src/domain/changeLog/changeLogEntry';
import type { ChangeEvent } from '../../../src/sources/governance/schemas';
import { parseStorage, textOf, type StorageNode } from '../../../workbench/forge/confluence/storage-format';
import { renderStorage } from '../../../workbench/forge/confluence/render';
import { changeEvent } from '../events/eventFixtures';

const NAMES = new Map([
  ['env-otc-prod', 'OTC Production'],
  ['env-otc-test', 'OTC Test'],
]);
const SOLUTION = { id: 'sol-otc', name: 'Retail Order-to-Cash' };

function entry(overrides: Partial<ChangeEvent> = {}, production = true): ChangeLogEntryInput {
  return { row: toChangeRow(changeEvent(overrides), NAMES), solution: SOLUTION, production };
}

/** The page as a reader sees it: the workbench renders storage format the way Confluence shows it. */
function readable(storage: string): string {
  const html = renderStorage(parseStorage(storage), { pageHref: () => null });
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

function elements(nodes: StorageNode[], name: string): StorageNode[] {
  return nodes.flatMap((node) => (node.kind === 'element' ? [...(node.name === name ? [node] : []), ...elements(node.children, name)] : []));
}

const HOSTILE = [
  '<script>alert("x")</script>',
  ']]><![CDATA[<b>bold</b>]]>',
  '<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">gov-change-1-0123456789abcdef</ac:parameter></ac:structured-macro>',
  '&amp; &#60; "quotes" \'apostrophes\'',
  'Ünïcödé ✓ 日本語 🚀',
];

describe('a change-log entry', () => {
  it('says when, who, what, why, the ticket, the environment and the solution', () => {
    const { storage } = renderChangeLogEntry(entry());
    const text = readable(storage);
    for (const expected of ['2026-11-22 10:15 UTC', 'Ana Silva', 'updated map X12 850 to IDOC ORDERS05', 'Partner added a segment', 'CHG-4711', 'OTC Production', 'Retail Order-to-Cash']) {
      expect(text).toContain(expected);
    }
  });

  it('shows a production change’s impact and promotion', () => {
    const text = readable(renderChangeLogEntry(entry()).storage);
    expect(text).toContain('HIGH');
    expect(text).toContain('Orders from ACME pass the new segment');
    expect(text).toMatch(/Affected systems\s+SAP ECC/);
    expect(text).toMatch(/Affected partners\s+ACME Retail/);
    expect(text).toMatch(/Affected environments\s+OTC Production/);
    expect(text).toMatch(/OTC Test \(env-otc-test\) → OTC Production \(env-otc-prod\): succeeded · approved by Bo Chen/);
  });

  it('leaves the impact out for a non-production change', () => {
    const text = readable(renderChangeLogEntry(entry({ environmentId: 'env-otc-test', promotion: null }, false)).storage);
    expect(text).not.toContain('Affected systems');
    expect(text).not.toContain('Orders from ACME pass the new segment');
  });

  it('never shows a sensitive diff value, even when the backend sent one unflagged', () => {
    const leaky = entry({
      diff: [
        { op: 'replace', path: '/connection/password', before: 'hunter2', after: 'correct-horse', sensitive: false },
        { op: 'replace', path: '/apiKey', before: 'k-old', after: 'k-new', sensitive: true },
        { op: 'replace', path: '/timeout', before: '30', after: '60', sensitive: false },
      ],
    });
    const { storage } = renderChangeLogEntry(leaky);
    for (const secret of ['hunter2', 'correct-horse', 'k-old', 'k-new']) expect(storage).not.toContain(secret);
    const text = readable(storage);
    expect(text).toMatch(/\/connection\/password ?: changed, value hidden \(sensitive\)/);
    expect(text).toMatch(/\/timeout ?: 30 → 60/);
  });

  it(`shows at most ${DIFF_LINES_SHOWN} diff lines and says how many more there are`, () => {
    const diff = Array.from({ length: 14 }, (_, i) => ({ op: 'replace', path: `/field${i}`, before: 'a', after: 'b', sensitive: false }));
    const text = readable(renderChangeLogEntry(entry({ diff })).storage);
    expect(text).toContain('/field9');
    expect(text).not.toContain('/field10');
    expect(text).toContain('4 more changes');
  });

  it.each(HOSTILE)('shows the hostile value %j as text wherever it appears', (hostile) => {
    const input = entry({
      actor: { id: 'u', name: hostile, email: '' },
      target: { kind: hostile, id: hostile, name: hostile },
      reason: hostile,
      ticketRef: hostile,
      impact: { severity: hostile, summary: hostile, affectedSystems: [hostile], affectedPartners: [hostile], affectedEnvironments: [hostile] },
      diff: [{ op: 'replace', path: hostile, before: hostile, after: hostile, sensitive: false }],
    });
    const { storage } = renderChangeLogEntry(input);
    const nodes = parseStorage(storage);
    // Only the entry's own macros: its anchor and the severity lozenge.
    expect(elements(nodes, 'ac:structured-macro')).toHaveLength(2);
    expect(elements(nodes, 'script')).toHaveLength(0);
    expect(elements(nodes, 'b')).toHaveLength(0);
    expect(nodes.map(textOf).join('')).toContain(hostile.slice(0, 40));
    expect(parseChangeLog(storage).entries).toHaveLength(1);
  });

  it('cuts very long values and never breaks the XHTML', () => {
    const long = `${'🚀'.repeat(3_000)}<&>`;
    const { storage } = renderChangeLogEntry(entry({ reason: long, target: { kind: 'map', id: 'm', name: long } }));
    expect(() => parseStorage(storage)).not.toThrow();
    expect(storage.length).toBeLessThan(20_000);
    expect(storage).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('carries a marker made of the change time and a digest of the change id', () => {
    const marker = entryMarker({ id: 'chg-1', occurredAt: '2026-11-22T10:15:00Z' });
    expect(marker).toEqual({ name: `gov-change-${Date.parse('2026-11-22T10:15:00Z') / 1000}-${changeDigest('chg-1')}`, seconds: Date.parse('2026-11-22T10:15:00Z') / 1000, digest: changeDigest('chg-1') });
    expect(renderChangeLogEntry(entry({ id: 'chg-1' })).storage).toContain(marker.name);
  });
});

describe('the change-log page', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
  const rendered = (id: string, minute: number) => renderChangeLogEntry(entry({ id, occurredAt: at(minute) }));
  const ids = (storage: string) => parseChangeLog(storage).entries.map((e) => e.marker.digest);

  it('starts an empty page with its introduction', () => {
    const storage = insertEntries('', [rendered('a', 1)], changeLogIntroduction()) as string;
    expect(storage.startsWith(changeLogIntroduction())).toBe(true);
    expect(ids(storage)).toEqual([changeDigest('a')]);
  });

  it('keeps entries newest first, whatever order the events arrive in', () => {
    let storage = '';
    for (const [id, minute] of [['b', 20], ['a', 10], ['c', 30]] as const) storage = insertEntries(storage, [rendered(id, minute)], changeLogIntroduction()) as string;
    expect(ids(storage)).toEqual(['c', 'b', 'a'].map(changeDigest));
  });

  it('adds nothing for a change that is already on the page (a redelivered event)', () => {
    const storage = insertEntries('', [rendered('a', 1)], changeLogIntroduction()) as string;
    expect(insertEntries(storage, [rendered('a', 1)], changeLogIntroduction())).toBeNull();
  });

  it('keeps what a person wrote above the entries', () => {
    const storage = insertEntries('<p>Our own note</p>', [rendered('a', 1)], changeLogIntroduction()) as string;
    expect(storage.startsWith('<p>Our own note</p>')).toBe(true);
  });

  it('finds entries again after Confluence re-serialises the anchor macro (macro ids, attribute order)', () => {
    const storage = insertEntries('', [rendered('a', 1), rendered('b', 2)], changeLogIntroduction()) as string;
    const resaved = storage.replace(/<ac:structured-macro ac:name="anchor" ac:schema-version="1">/g, '<ac:structured-macro ac:schema-version="1" ac:macro-id="5f1c" ac:name="anchor">');
    expect(ids(resaved)).toEqual(['b', 'a'].map(changeDigest));
  });

  it('removes entries by digest, and says when none was there', () => {
    const storage = insertEntries('', [rendered('a', 1), rendered('b', 2)], changeLogIntroduction()) as string;
    const removed = removeEntries(storage, new Set([changeDigest('a')])) as string;
    expect(ids(removed)).toEqual([changeDigest('b')]);
    expect(removeEntries(removed, new Set([changeDigest('a')]))).toBeNull();
  });

  it(`moves the oldest entries out past ${CHANGE_LOG_MAX_ENTRIES}, down to ${CHANGE_LOG_TRIM_TO}`, () => {
    const many = Array.from({ length: CHANGE_LOG_MAX_ENTRIES + 1 }, (_, i) => renderChangeLogEntry(entry({ id: `c${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() })));
    const storage = insertEntries('', many, changeLogIntroduction()) as string;
    const limits = { maxEntries: CHANGE_LOG_MAX_ENTRIES, trimTo: CHANGE_LOG_TRIM_TO, maxChars: 50_000_000 };
    const overflow = overflowEntries(storage, limits);
    expect(overflow).toHaveLength(CHANGE_LOG_MAX_ENTRIES + 1 - CHANGE_LOG_TRIM_TO);
    expect(overflow[0]?.marker.digest).toBe(changeDigest(`c${CHANGE_LOG_MAX_ENTRIES - CHANGE_LOG_TRIM_TO}`));
    expect(overflow.at(-1)?.marker.digest).toBe(changeDigest('c0'));
    expect(overflowEntries(removeEntries(storage, new Set(overflow.map((e) => e.marker.digest))) as string, limits)).toEqual([]);
  });

  it('moves entries out when the page grows too large in characters, even with few entries', () => {
    const storage = insertEntries('', Array.from({ length: 10 }, (_, i) => rendered(`c${i}`, i)), changeLogIntroduction()) as string;
    const overflow = overflowEntries(storage, { maxEntries: 500, trimTo: 450, maxChars: Math.floor(storage.length / 2) });
    expect(overflow.length).toBeGreaterThan(4);
    expect(overflow.at(-1)?.marker.digest).toBe(changeDigest('c0'));
  });
});
