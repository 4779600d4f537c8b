import { eventually, macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';
import type { ChangeEvent } from '../../src/sources/governance/schemas';

const MODULE = 'change-summary';

/** A value an adapter wrongly sent for a sensitive diff entry: it must never reach the page. */
const LEAK = 'sk-live-E2E-LEAK-4c1d';
const LEAKY_TARGET = 'AS2 gateway connection (leaky adapter)';

const { page, sim, sync, createMacro, openMacro, openConfigPanel, savedConfig, openExport, withFaults } = useWorkbenchSuite({
  seed(simulator) {
    const template = simulator.data.changeEvents.find((e) => e.environmentId === 'env-otc-dev') as ChangeEvent;
    simulator.data.changeEvents.push({
      ...template,
      id: 'chg-e2e-leaky',
      occurredAt: new Date(Date.now() - 3 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      action: 'updated',
      target: { kind: 'connection', id: 'conn-leaky', name: LEAKY_TARGET },
      diff: [
        { op: 'replace', path: '/auth/clientSecret', before: LEAK, after: `${LEAK}-2`, sensitive: true },
        { op: 'replace', path: '/retry/maxAttempts', before: 3, after: 5, sensitive: false },
      ],
      promotion: null,
    });
  },
});

const itemTimes = (frame: Frame) => frame.locator('[data-testid="change-item"] time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));

describe('change-summary macro in the browser', () => {
  it('shows pending production promotions on top, and flags the one that runs into the change freeze', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', window: '7d' }));
    const pending = frame.getByTestId('pending-promotions');
    await pending.waitFor();
    const frozenRow = pending.locator('tbody tr', { hasText: 'EDIFACT ORDERS D96A (inbound)' });
    await expect(frozenRow.innerText()).resolves.toMatch(/scheduled/i);
    await expect(frozenRow.getByTestId('freeze-conflict').innerText()).resolves.toMatch(/freeze ahead[\s\S]*Peak season change freeze/i);
    await expect(frame.getByTestId('freeze-warning').innerText()).resolves.toMatch(/runs? into a change freeze/);
    // The pending section comes before the list of changes.
    const order = await frame.evaluate(() => {
      const pendingSection = document.querySelector('[data-testid="pending-promotions"]');
      const firstChange = document.querySelector('[data-testid="change-item"]');
      return pendingSection && firstChange ? pendingSection.compareDocumentPosition(firstChange) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    await frame.getByText(/Synced (just now|\d+ minutes? ago)/).waitFor();
    expect(await frame.getByTestId('stale-warning').count()).toBe(0);
  });

  it('shows a sensitive diff entry as redacted and never its value, even when the backend sent one', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', window: '24h' }));
    const item = frame.locator('[data-testid="change-item"]', { hasText: LEAKY_TARGET });
    await item.getByRole('button', { name: /Show diff and impact/ }).click();
    const secret = item.getByTestId('diff-entry').filter({ hasText: '/auth/clientSecret' });
    await expect(secret.getByTestId('redacted').innerText()).resolves.toMatch(/redacted/);
    await expect(item.getByTestId('diff-entry').filter({ hasText: '/retry/maxAttempts' }).innerText()).resolves.toMatch(/3\s*→\s*5/);
    expect(await frame.content()).not.toContain(LEAK);
    await expect(item.getByRole('button', { name: /Hide diff and impact/ }).getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('groups changes by day, newest first, and pages to older changes with the keyboard', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', window: '90d' }));
    await frame.getByTestId('change-item').first().waitFor();
    expect(await frame.getByTestId('change-item').count()).toBe(20);
    expect(await frame.getByTestId('change-day').count()).toBeGreaterThan(1);
    await expect(frame.getByTestId('changes-count').innerText()).resolves.toMatch(/20 changes shown; \d+ older changes in the last 90 days/);

    await frame.getByRole('button', { name: 'Older changes' }).focus();
    await page().keyboard.press('Enter');
    await expect(eventually(() => frame.getByTestId('change-item').count(), (n) => n === 40)).resolves.toBe(40);
    const times = await itemTimes(frame);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const ids = await frame.getByTestId('change-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-change-id')));
    expect(new Set(ids).size).toBe(40);
    // Keyboard focus lands on the first change of the page just loaded.
    await expect(eventually(() => frame.evaluate(() => document.activeElement?.getAttribute('data-change-id')), (id) => id === ids[20])).resolves.toBe(ids[20]);

    await frame.getByRole('button', { name: 'Back to newest' }).click();
    await expect(eventually(() => frame.getByTestId('change-item').count(), (n) => n === 20)).resolves.toBe(20);
  });

  it('is configured from the UI Kit panel: solution, time window and production only', async () => {
    const localId = await createMacro(MODULE, null);
    const notConfigured = await openMacro(MODULE, localId);
    await notConfigured.getByTestId('not-configured').waitFor();

    const configFrame = await openConfigPanel();
    await configFrame.getByRole('button', { name: 'Save' }).click();
    await configFrame.getByText(/pick the solution/i).first().waitFor();

    const chosen = [...sim().data.solutions].sort((a, b) => a.name.localeCompare(b.name))[0];
    if (!chosen) throw new Error('no solution');
    await configFrame.getByRole('combobox', { name: /Solution/ }).focus();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    const production = sim().data.environments.filter((e) => e.solutionId === chosen.id && e.isProduction);
    await configFrame.getByRole('checkbox', { name: new RegExp(production[0]?.name ?? 'Production') }).waitFor();
    await configFrame.getByRole('radio', { name: 'Last 30 days' }).check();
    await configFrame.getByRole('switch', { name: /Only production/ }).check();
    await configFrame.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByText(chosen.name).first().waitFor();
    await expect(frame.getByTestId('scope').innerText()).resolves.toBe(`Last 30 days · Production: ${production.map((e) => e.name).join(', ')}`);
    const environments = await frame.getByTestId('change-item').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    expect(environments.every((text) => production.some((e) => text.includes(`in ${e.name}`)))).toBe(true);

    expect(await savedConfig(MODULE, localId)).toEqual({
      solutionId: chosen.id,
      environmentIds: [],
      window: '30d',
      onlyProduction: true,
    });
  });

  it('warns that the data is stale when the last sync failed, and still shows the last good changes', async () => {
    await withFaults([{ path: '/v1/change-events', status: 500 }], async () => {
      const result = await sync();
      expect(result.ok).toBe(false);
      const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', window: '90d' }));
      const warning = frame.getByTestId('stale-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toMatch(/Change data may be out of date[\s\S]*last sync failed/i);
      expect(await frame.getByTestId('change-item').count()).toBe(20);
    });
  });

  it('exports to PDF/Word with the pending promotions, the freeze flag and redacted diffs', async () => {
    await openExport(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', window: '24h' }));
    const text = await page().getByTestId('adf-rendered').innerText();
    expect(text).toContain('Change summary: Retail Order-to-Cash');
    expect(text).toContain('Pending production promotions');
    expect(text).toMatch(/FREEZE AHEAD: Peak season change freeze/);
    expect(text).toContain('/auth/clientSecret: redacted (sensitive)');
    expect(await page().content()).not.toContain(LEAK);
  });
});
