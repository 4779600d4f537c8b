import { interfaceSpecAdf } from '../../../src/domain/specs/interfaceSpecAdf';
import { interfaceSpecDrift } from '../../../src/domain/specs/specDrift';
import { syncStamp } from '../../../src/domain/sync/syncStamp';
import { parsedSpec, snapshot } from './fixtures';

const now = new Date('2026-11-20T10:30:00Z');
const sync = syncStamp({ lastSuccessAt: '2026-11-20T10:00:00Z', lastAttemptAt: '2026-11-20T10:00:00Z', lastErrorAt: null, lastError: null }, now, 60);

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, content } = node as { text?: string; content?: unknown[] };
  return `${text ?? ''}${(content ?? []).map(textOf).join(' ')}`;
}

function nodesOfType(node: unknown, type: string): Record<string, unknown>[] {
  if (typeof node !== 'object' || node === null) return [];
  const { content } = node as { content?: unknown[] };
  return [...((node as { type?: string }).type === type ? [node as Record<string, unknown>] : []), ...(content ?? []).flatMap((child) => nodesOfType(child, type))];
}

const input = (overrides: Partial<Parameters<typeof interfaceSpecAdf>[0]> = {}) => ({
  spec: parsedSpec(),
  solutionName: 'Retail Order-to-Cash',
  environmentNames: { 'env-otc-prod': 'OTC Production', 'env-otc-test': 'OTC Test' },
  artifactNames: { 'art-otc-850-in': 'X12 850 Purchase Order (inbound)' },
  saved: { version: 3, savedAt: '2026-11-19T08:00:00Z' },
  mode: 'spec-and-drift' as const,
  drift: { state: 'ok' as const, drift: interfaceSpecDrift(parsedSpec(), snapshot()) },
  sync,
  ...overrides,
});

describe('interfaceSpecAdf', () => {
  it('renders the spec with headings and tables for endpoints, rules and exceptions', () => {
    const adf = interfaceSpecAdf(input());
    const text = textOf(adf);
    expect(nodesOfType(adf, 'heading').map(textOf)).toEqual(
      expect.arrayContaining(['Interface spec: Purchase orders from US retail partners', 'Endpoints', 'Implementing artifacts', 'Business rules', 'Exception handling', 'Drift: the environments compared with this spec']),
    );
    expect(text).toContain('X12 850 4010');
    expect(text).toContain('Acme Retail (ptn-acme)');
    expect(text).toContain('OTC Production');
    expect(text).toContain('A PO without a ship-to GLN is rejected');
    expect(text).toContain('Quarantine and alert the OTC support queue.');
    expect(nodesOfType(adf, 'table').length).toBe(6);
  });

  it('has a drift row per environment and item, with both versions where they differ', () => {
    const adf = interfaceSpecAdf(input());
    const driftTable = nodesOfType(adf, 'table').at(-1);
    const rows = nodesOfType(driftTable, 'tableRow').map((row) => nodesOfType(row, 'tableCell').map(textOf).map((t) => t.trim()));
    expect(rows).toContainEqual(['OTC Production (prod, production)', 'X12 850 Purchase Order (inbound) (art-otc-850-in)', '2.4.0', '2.3.9', 'DRIFT']);
    expect(rows).toContainEqual(['OTC Development (dev)', 'AS2 Connection: Acme Retail (art-otc-acme-as2)', '1.1.0', '—', 'Not deployed (absent)']);
    expect(rows.filter((row) => row[1] === 'Endpoint').map((row) => row[4])).toEqual(['Match', 'Match']);
  });

  it('shows a JSON Schema as a code block', () => {
    const spec = parsedSpec({ schema: { kind: 'json-schema', document: { type: 'object', properties: { po: { type: 'string' } } } } });
    const [block] = nodesOfType(interfaceSpecAdf(input({ spec })), 'codeBlock');
    expect(JSON.parse(textOf(block))).toEqual({ type: 'object', properties: { po: { type: 'string' } } });
  });

  it('links a referenced guideline', () => {
    const spec = parsedSpec({ schema: { kind: 'xsd', url: 'https://schemas.example.com/po.xsd' } });
    expect(JSON.stringify(interfaceSpecAdf(input({ spec })))).toContain('"href":"https://schemas.example.com/po.xsd"');
  });

  it('shows only the drift in drift mode, and only the spec in spec mode', () => {
    expect(nodesOfType(interfaceSpecAdf(input({ mode: 'drift' })), 'table')).toHaveLength(1);
    expect(textOf(interfaceSpecAdf(input({ mode: 'spec' })))).not.toContain('Drift');
  });

  it('says why there is no drift, and warns when the data is stale', () => {
    const stale = { ...sync, stale: true, staleReason: 'last-sync-failed' as const, lastError: 'environments: 500' };
    const adf = interfaceSpecAdf(input({ drift: { state: 'unavailable', message: 'No governance data yet.' }, sync: stale }));
    expect(textOf(adf)).toContain('No governance data yet.');
    expect(nodesOfType(adf, 'panel')[0]?.attrs).toEqual({ panelType: 'warning' });
  });
});
