import { governanceIncidentFacts, iconikJobIncidentFacts } from '../../../src/domain/incidents/incidentFacts';
import { incidentPageTitle, renderIncidentPage, titleId, TITLE_MAX, type IncidentChanges } from '../../../src/domain/incidents/incidentPage';
import { ROOT_CAUSE_PLACEHOLDER, rootCauseLine } from '../../../src/domain/incidents/rootCause';
import { allText, elementNames, outline, parse } from './storageTree';
import { changeRow, failedJob, failure, hoursFromNow, iconikAsset, NOW, SOLUTION } from './incidentFixtures';

const facts = (overrides = {}) => governanceIncidentFacts(failure(overrides), { solution: SOLUTION, environmentName: 'OTC Production' });
const window = { from: Date.parse(hoursFromNow(-51)), to: Date.parse(hoursFromNow(-3)) };
const changes = (rows = [changeRow()], extra: Partial<IncidentChanges> = {}): IncidentChanges => ({ window, environmentName: 'OTC Production', changes: rows, omitted: 0, available: true, ...extra });
const specLinks = [{ name: 'Acme 850 inbound', messageType: 'X12 850 4010', page: { title: 'Acme 850 spec', spaceKey: 'OTC' } }];

describe('renderIncidentPage (governance failure)', () => {
  const storage = renderIncidentPage({ facts: facts(), changes: changes(), specLinks, createdAt: NOW });
  const nodes = parse(storage);

  it('is well-formed storage format with the sections support needs, in order', () => {
    expect(outline(nodes)).toMatchSnapshot();
    const headings = nodes.filter((node) => node.kind === 'element' && node.name === 'h2').map((node) => allText([node]));
    expect(headings).toEqual(['Summary', 'Remediation actions', 'Root cause', 'Changes in the 48 hours before the failure', 'Interface specs for X12 850']);
  });

  it('summarises the failure: message type, endpoint, environment, partner, error, times, occurrences, severity, correlation id', () => {
    const text = allText(nodes);
    for (const expected of [
      'X12 850 (inbound)',
      'https://as2.example.com/otc',
      'OTC Production (otc-prod)',
      'Acme Retail (ptn-acme)',
      'AS2-MDN-TIMEOUT: No MDN received within 30 minutes for X12 850 interchange',
      '2026-11-22 09:00 UTC',
      '2026-11-22 11:30 UTC',
      '17',
      'high',
      'tg-1234abcd-ef01',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("turns the failure's remediation into tasks to tick off, ending with recording the root cause", () => {
    const tasks = storage.match(/<ac:task-body>(.*?)<\/ac:task-body>/g)?.map((task) => task.replace(/<[^>]+>/g, ''));
    expect(tasks).toEqual([
      'Check the partner&#39;s AS2 receipt URL and our certificate on their side.',
      'Then resend the interchange.',
      'Record the root cause and the fix in the Root cause section below.',
    ]);
    expect(storage).toContain('<ac:task-status>incomplete</ac:task-status>');
  });

  it('offers generic first steps when the failure came without remediation advice', () => {
    const generic = renderIncidentPage({ facts: facts({ remediation: null }), changes: changes(), specLinks, createdAt: NOW });
    expect(generic).toContain('generic first steps');
    expect(generic).toContain('Check that the endpoint https://as2.example.com/otc is reachable');
    expect(generic.match(/<ac:task>/g)).toHaveLength(5);
  });

  it('leaves a root-cause section holding the placeholder, which reads as "no root cause yet"', () => {
    expect(allText(nodes)).toContain(ROOT_CAUSE_PLACEHOLDER);
    expect(rootCauseLine(storage)).toBeNull();
  });

  it('lists the changes before the failure, newest first, with who, why and impact', () => {
    const text = allText(nodes);
    expect(text).toContain('promoted map X12 850 to IDOC ORDERS05 (promotion OTC Test → OTC Production, succeeded)');
    expect(text).toContain('Ana Silva');
    expect(text).toContain('ticket CHG-1000');
    expect(text).toContain('high: New map in production');
    expect(text).toContain(`from ${hoursFromNow(-51).slice(0, 16).replace('T', ' ')} UTC`);
  });

  it('says so when nothing changed in the window, and when the history is not available', () => {
    expect(renderIncidentPage({ facts: facts(), changes: changes([]), specLinks, createdAt: NOW })).toContain('No change was recorded in this environment');
    expect(renderIncidentPage({ facts: facts(), changes: changes([], { available: false }), specLinks, createdAt: NOW })).toContain('not available yet');
  });

  it('counts changes left off the page', () => {
    expect(renderIncidentPage({ facts: facts(), changes: changes([changeRow()], { omitted: 3 }), specLinks, createdAt: NOW })).toContain('3 more changes in this window');
  });

  it('links the interface specs of the message type as Confluence page links', () => {
    expect(storage).toContain('<ac:link><ri:page ri:space-key="OTC" ri:content-title="Acme 850 spec" /><ac:link-body>Acme 850 inbound (X12 850 4010)</ac:link-body></ac:link>');
    const none = renderIncidentPage({ facts: facts(), changes: changes(), specLinks: [], createdAt: NOW });
    expect(none).toContain('No interface spec for X12 850 has been written for Retail Order-to-Cash yet.');
    const unreadable = renderIncidentPage({ facts: facts(), changes: changes(), specLinks: [{ ...specLinks[0]!, page: null }], createdAt: NOW });
    expect(unreadable).toContain('the spec page could not be read');
  });

  it('escapes every outside value: markup in the data stays text, never an element', () => {
    const hostile = '<script>alert(1)</script>]]><ac:structured-macro ac:name="html"/>&amp;"\'';
    const page = renderIncidentPage({
      facts: facts({ messageType: hostile, partner: { id: hostile, name: hostile }, endpoint: hostile, errorMessage: hostile, remediation: hostile, id: hostile }),
      changes: changes([changeRow({ reason: hostile, actor: { id: 'x', name: hostile } })]),
      specLinks: [{ name: hostile, messageType: hostile, page: { title: hostile, spaceKey: hostile } }],
      createdAt: NOW,
    });
    const parsed = parse(page);
    expect(new Set(elementNames(parsed))).toEqual(new Set(elementNames(nodes)));
    expect(allText(parsed)).toContain(hostile);
  });
});

describe('incidentPageTitle', () => {
  it('holds the failure id and what fails', () => {
    expect(incidentPageTitle(facts())).toBe('Incident flr-0042: X12 850 inbound failing for Acme Retail');
  });

  it('stays within Confluence’s 255 characters and keeps very long ids apart by a hash', () => {
    const long = (suffix: string) => incidentPageTitle(facts({ id: `${'x'.repeat(300)}${suffix}`, partner: { id: 'p', name: 'P'.repeat(400) } }));
    expect(long('a').length).toBeLessThanOrEqual(TITLE_MAX);
    expect(long('a')).not.toBe(long('b'));
    expect(titleId('flr-1')).toBe('flr-1');
  });

  it('drops control characters and direction overrides that would garble a title', () => {
    expect(incidentPageTitle(facts({ partner: { id: 'p', name: 'Acme\u202E\u0007 Retail' } }))).toBe('Incident flr-0042: X12 850 inbound failing for Acme Retail');
  });
});

describe('renderIncidentPage (iconik job)', () => {
  const asset = iconikAsset();
  const job = failedJob();
  const storage = renderIncidentPage({ facts: iconikJobIncidentFacts(asset, job), changes: null, specLinks: null, createdAt: NOW });

  it('summarises the asset and the failed job, links the asset, and has no change or spec sections', () => {
    const nodes = parse(storage);
    expect(outline(nodes)).toMatchSnapshot();
    const text = allText(nodes);
    expect(text).toContain('Spring campaign hero.mov (iconik 6f1c2a9e-0000-4000-8000-000000000001)');
    expect(text).toContain('ffmpeg exited with code 1');
    expect(text).toContain('Transcode proxy: FAILED (Unsupported codec)');
    expect(storage).toContain('<a href="https://app.iconik.io/asset/6f1c2a9e-0000-4000-8000-000000000001">Open the asset in iconik</a>');
    expect(storage).not.toContain('Changes in the');
    expect(storage).not.toContain('Interface specs');
  });

  it('suggests iconik first steps', () => {
    expect(storage).toContain('Open Spring campaign hero.mov in iconik and read the TRANSCODE job');
  });

  it('links the asset only over https', () => {
    const page = renderIncidentPage({ facts: iconikJobIncidentFacts(iconikAsset({ link: 'javascript:alert(1)' as string }), job), changes: null, specLinks: null, createdAt: NOW });
    expect(page).not.toContain('<a href');
  });
});
