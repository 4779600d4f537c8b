import { eventually, useWorkbenchSuite } from './harness';
import { signGovernanceEvent } from '../../src/domain/events/signature';
import { changeEvent, cloudEvent } from '../domain/events/eventFixtures';

/** The signing secret the workbench gives the app when it runs its own governance simulator (workbench/upstreams.ts). */
const WORKBENCH_SECRET = 'workbench-webhook-secret';
const TARGET = 'E2E pushed map <i>not italic</i>';

const { page, workbench, createMacro, openMacro } = useWorkbenchSuite();

async function pageByTitle(spaceKey: string, title: string): Promise<{ id: string; version: { number: number } } | undefined> {
  const base = workbench().url;
  const spaces = (await (await fetch(`${base}/wiki/api/v2/spaces?keys=${spaceKey}`)).json()) as { results: { id: string }[] };
  const list = (await (await fetch(`${base}/wiki/api/v2/pages?space-id=${spaces.results[0]?.id}&title=${encodeURIComponent(title)}`)).json()) as {
    results: { id: string; version: { number: number } }[];
  };
  return list.results[0];
}

describe('change log and status pages in the browser', () => {
  it('shows a signed event from the backend in the change-summary macro and as a readable change-log entry', async () => {
    const occurredAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const body = JSON.stringify(
      cloudEvent('governance.change.created', changeEvent({ id: 'chg-e2e-pushed', occurredAt, target: { kind: 'map', id: 'map-e2e', name: TARGET }, promotion: null }), { id: 'evt-e2e-1', time: occurredAt }),
    );
    const answer = await fetch(`${workbench().url}/webtrigger/governance-events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signGovernanceEvent(WORKBENCH_SECRET, body, Math.floor(Date.now() / 1000)) },
      body,
    });
    expect(answer.status).toBe(202);

    // The workbench delivers queued events in the background, as Forge does.
    const logPage = await eventually(() => pageByTitle('OTC', 'Integration change log'), (found) => (found?.version.number ?? 0) >= 2, 15_000);
    expect(logPage).toBeDefined();

    const frame = await openMacro('change-summary', await createMacro('change-summary', { solutionId: 'sol-otc', window: '24h' }));
    await frame.locator('[data-testid="change-item"]', { hasText: TARGET }).first().waitFor();

    await page().goto(`${workbench().url}/wiki/spaces/OTC/pages/${logPage?.id}`);
    const content = page().locator('#main-content');
    await expect(content.locator('h3').first().innerText()).resolves.toContain(TARGET);
    await expect(content.locator('i').count()).resolves.toBe(0);
    await expect(content.locator('table').first().innerText()).resolves.toMatch(/Who\s+Ana Silva[\s\S]*Why\s+Partner added a segment[\s\S]*Impact\s+HIGH/);
  });

  it('publishes the status page when the scheduled trigger is run by hand (POST /api/triggers/status-summary-schedule)', async () => {
    const run = (await (await fetch(`${workbench().url}/api/triggers/status-summary-schedule`, { method: 'POST' })).json()) as { ok: boolean };
    expect(run.ok).toBe(true);
    const status = await pageByTitle('OTC', 'Integration status — Retail Order-to-Cash');
    expect(status?.version.number).toBe(1);

    await page().goto(`${workbench().url}/wiki/spaces/OTC/pages/${status?.id}`);
    const headings = await page().locator('#main-content h2').allInnerTexts();
    expect(headings).toEqual([
      'Environment status',
      'Configuration changes',
      'Open failures and issues',
      'Upcoming maintenance windows',
      'Credentials due for rotation',
      'Assets whose usage rights expire soon',
    ]);
    await expect(page().locator('#main-content').innerText()).resolves.toContain(TARGET);
  });
});
