import { toChangeRow } from '../../../src/domain/changes/changeRows';
import { renderStatusSummary, statusPageTitle, statusVersionMessage, type StatusSummaryInput } from '../../../src/domain/statusSummary/statusSummaryPage';
import { parseStorage, textOf, type StorageNode } from '../../../workbench/forge/confluence/storage-format';
import { renderStorage } from '../../../workbench/forge/confluence/render';
import { changeEvent } from '../events/eventFixtures';

const NAMES = new Map([['env-otc-prod', 'OTC Production']]);

function input(overrides: Partial<StatusSummaryInput> = {}): StatusSummaryInput {
  const change = toChangeRow(changeEvent(), NAMES);
  return {
    solution: { id: 'sol-otc', name: 'Retail Order-to-Cash' },
    generatedAt: '2026-11-23T06:00:00Z',
    cadence: 'weekly',
    syncedAt: '2026-11-23T05:30:00Z',
    changesSince: '2026-11-16T06:00:00Z',
    firstSummary: false,
    environments: [
      { name: 'OTC Production', stage: 'prod', isProduction: true, status: 'outage', statusMessage: 'AS2 gateway down', updatedAt: '2026-11-23T05:00:00Z', lastDeployment: { artifactName: 'X12 850 map', version: '4.3.0', status: 'deployed', deployedAt: '2026-11-20T10:00:00Z' } },
      { name: 'OTC Test', stage: 'test', isProduction: false, status: 'operational', statusMessage: null, updatedAt: '2026-11-22T05:00:00Z', lastDeployment: null },
    ],
    changes: { rows: [change], more: 3, productionIds: new Set([change.id]) },
    failures: [
      { severity: 'high', state: 'open', environmentName: 'OTC Production', direction: 'inbound', messageType: 'X12 850', partner: 'ACME Retail', endpoint: 'AS2 inbound', errorCode: 'MAP-017', errorMessage: 'Segment N1 missing', occurrences: 3, firstSeenAt: '2026-11-22T09:00:00Z', lastSeenAt: '2026-11-22T10:00:00Z' },
    ],
    issues: [{ severity: 'high', title: 'Segregation of duties: owner approves own rotation', detail: 'Ana owns and approved cred-1', environmentName: 'OTC Production' }],
    maintenance: [{ id: 'mw-1', title: 'Certificate renewal', kind: 'planned', status: 'scheduled', startsAt: '2026-11-24T20:00:00Z', endsAt: '2026-11-24T22:00:00Z', environments: ['OTC Production'], inProgress: false }],
    maintenanceHorizonDays: 14,
    credentials: [{ name: 'ACME AS2 certificate', kind: 'certificate', environmentName: 'OTC Production', system: 'AS2 gateway', owner: 'Ana Silva', dueAt: '2026-11-20T00:00:00Z', state: 'overdue' }],
    dueSoonDays: 30,
    assets: { state: 'ok', expiringDays: 30, expired: 2, expiring: 1, rows: [{ name: 'Holiday banner', source: 'canto', usageRights: 'Web only', expiresAt: '2026-12-01T00:00:00Z', daysToExpiry: 8, link: 'https://acme.canto.com/asset/1' }], more: 0 },
    ...overrides,
  };
}

function readable(storage: string): string {
  const html = renderStorage(parseStorage(storage), { pageHref: () => null });
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

function elements(nodes: StorageNode[], name: string): StorageNode[] {
  return nodes.flatMap((node) => (node.kind === 'element' ? [...(node.name === name ? [node] : []), ...elements(node.children, name)] : []));
}

const headings = (storage: string) => elements(parseStorage(storage), 'h2').map(textOf);

describe('the status summary page', () => {
  it('has the six sections in order', () => {
    expect(headings(renderStatusSummary(input()))).toEqual([
      'Environment status',
      'Configuration changes',
      'Open failures and issues',
      'Upcoming maintenance windows',
      'Credentials due for rotation',
      'Assets whose usage rights expire soon',
    ]);
  });

  it('shows each section’s facts as table rows a reader (and a PDF export) can read', () => {
    const text = readable(renderStatusSummary(input()));
    for (const expected of [
      'OTC Production (production) prod OUTAGE AS2 gateway down X12 850 map 4.3.0',
      'since the last summary (2026-11-16 06:00 UTC)',
      'Ana Silva',
      'CHG-4711',
      '… and 3 more',
      'MAP-017: Segment N1 missing',
      'Segregation of duties: owner approves own rotation',
      'Certificate renewal',
      'ACME AS2 certificate',
      'OVERDUE',
      'Holiday banner',
      '1 asset expires within 30 days; 2 already expired',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('uses only tables, text and status lozenges: nothing that needs JavaScript', () => {
    const nodes = parseStorage(renderStatusSummary(input()));
    const macros = elements(nodes, 'ac:structured-macro').map((node) => (node.kind === 'element' ? node.attrs['ac:name'] : ''));
    expect(new Set(macros)).toEqual(new Set(['status']));
    expect(elements(nodes, 'table').length).toBeGreaterThanOrEqual(6);
  });

  it('says so when a section is empty, and when no asset library is connected', () => {
    const text = readable(
      renderStatusSummary(
        input({ environments: [], changes: { rows: [], more: 0, productionIds: new Set() }, failures: [], issues: [], maintenance: [], credentials: [], assets: { state: 'not-connected', message: 'No asset library (Canto or iconik) is connected.' } }),
      ),
    );
    for (const expected of ['No environments are known', 'No configuration changes.', 'No open failures.', 'No maintenance windows in progress or in the next 14 days.', 'No credentials are expired, overdue or due within 30 days.', 'No asset library (Canto or iconik) is connected.']) {
      expect(text).toContain(expected);
    }
  });

  it('describes the first summary’s period as the last seven days', () => {
    expect(readable(renderStatusSummary(input({ firstSummary: true })))).toContain('in the last seven days (since 2026-11-16 06:00 UTC)');
  });

  it('links an asset only to an http(s) address', () => {
    const storage = renderStatusSummary(input({ assets: { state: 'ok', expiringDays: 30, expired: 0, expiring: 2, more: 0, rows: [
      { name: 'Safe', source: 'iconik', usageRights: null, expiresAt: null, daysToExpiry: null, link: 'https://app.iconik.io/asset/a"b' },
      { name: 'Evil', source: 'canto', usageRights: null, expiresAt: null, daysToExpiry: null, link: 'javascript:alert(1)' },
    ] } }));
    const links = elements(parseStorage(storage), 'a').map((node) => (node.kind === 'element' ? node.attrs.href : ''));
    expect(links).toEqual(['https://app.iconik.io/asset/a%22b']);
  });

  const HOSTILE = ['<script>alert(1)</script>', ']]>', '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<iframe>]]></ac:plain-text-body></ac:structured-macro>', '&lt; &amp;', `${'Ü🚀'.repeat(2_000)}`];

  it.each(HOSTILE.map((value) => [value.slice(0, 40), value]))('shows the hostile value %j as text in every section', (_label, hostile) => {
    const storage = renderStatusSummary(
      input({
        solution: { id: hostile, name: hostile },
        environments: [{ name: hostile, stage: hostile, isProduction: true, status: hostile, statusMessage: hostile, updatedAt: hostile, lastDeployment: { artifactName: hostile, version: hostile, status: hostile, deployedAt: hostile } }],
        changes: { rows: [toChangeRow(changeEvent({ reason: hostile, ticketRef: hostile, actor: { id: 'x', name: hostile, email: '' }, target: { kind: hostile, id: hostile, name: hostile } }), NAMES)], more: 0, productionIds: new Set(['chg-live-1']) },
        failures: [{ severity: hostile, state: hostile, environmentName: hostile, direction: hostile, messageType: hostile, partner: hostile, endpoint: hostile, errorCode: hostile, errorMessage: hostile, occurrences: 1, firstSeenAt: hostile, lastSeenAt: hostile }],
        issues: [{ severity: hostile, title: hostile, detail: hostile, environmentName: hostile }],
        maintenance: [{ id: hostile, title: hostile, kind: hostile, status: hostile, startsAt: hostile, endsAt: hostile, environments: [hostile], inProgress: true }],
        credentials: [{ name: hostile, kind: hostile, environmentName: hostile, system: hostile, owner: hostile, dueAt: hostile, state: hostile }],
        assets: { state: 'ok', expiringDays: 30, expired: 0, expiring: 1, more: 0, rows: [{ name: hostile, source: hostile, usageRights: hostile, expiresAt: hostile, daysToExpiry: 1, link: hostile }] },
      }),
    );
    const nodes = parseStorage(storage);
    for (const tag of ['script', 'iframe', 'ac:plain-text-body']) expect(elements(nodes, tag)).toHaveLength(0);
    const macros = elements(nodes, 'ac:structured-macro').map((node) => (node.kind === 'element' ? node.attrs['ac:name'] : ''));
    expect(new Set(macros)).toEqual(new Set(['status']));
    expect(nodes.map(textOf).join('')).toContain(hostile.slice(0, 30));
    expect(storage).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('the status page’s title and version message', () => {
  it('is "Integration status — <solution>" with an em dash', () => {
    expect(statusPageTitle('Retail Order-to-Cash')).toBe('Integration status — Retail Order-to-Cash');
  });

  it('tells two solutions of the same name apart, and stays within 255 characters', () => {
    expect(statusPageTitle('Billing', 'sol-b2')).toBe('Integration status — Billing (sol-b2)');
    expect(statusPageTitle('x'.repeat(400), 'sol-1').length).toBeLessThanOrEqual(255);
  });

  it('dates the version', () => {
    expect(statusVersionMessage(new Date('2026-11-23T06:00:00Z'))).toBe('Status summary for 2026-11-23');
  });
});
