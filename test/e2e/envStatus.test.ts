import { byName, eventually, macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';

const MODULE = 'env-status';
const { page, sim, sync, createMacro, openMacro, openConfigPanel, savedConfig, openExport, withFaults } = useWorkbenchSuite();

async function columnTexts(frame: Frame, column: number): Promise<string[]> {
  return frame.locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
}

async function environmentNames(frame: Frame): Promise<string[]> {
  return frame.locator('tbody tr td:nth-child(1) strong').allInnerTexts();
}

function environmentsOf(solutionId: string) {
  return sim().data.environments.filter((e) => e.solutionId === solutionId);
}

describe('env-status macro in the browser', () => {
  it('shows every environment of the solution with its status lozenge, endpoints and sync age', async () => {
    const solution = sim().data.solutions[0];
    if (!solution) throw new Error('no solution');
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: solution.id }));

    await frame.getByText(solution.name).first().waitFor();
    expect((await environmentNames(frame)).sort()).toEqual(environmentsOf(solution.id).map((e) => e.name).sort());
    const production = environmentsOf(solution.id).find((e) => e.isProduction);
    if (production) {
      await expect(frame.locator('tbody tr', { hasText: production.name }).getByTestId('production-marker').count()).resolves.toBe(1);
    }
    const statuses = await columnTexts(frame, 3);
    expect(statuses.map((s) => s.trim().toLowerCase().replace(/ /g, '_')).sort()).toEqual(
      environmentsOf(solution.id).map((e) => e.status).sort(),
    );
    const firstEndpoint = environmentsOf(solution.id)[0]?.endpoints[0];
    if (firstEndpoint) await frame.getByText(firstEndpoint.url).first().waitFor();
    await frame.getByText(/Synced (just now|\d+ minutes? ago)/).waitFor();
    expect(await frame.getByTestId('stale-warning').count()).toBe(0);
  });

  it('shows a status the app does not know as a neutral lozenge with the raw text', async () => {
    const unknown = sim().data.environments.find((e) => !['operational', 'degraded', 'outage', 'maintenance'].includes(e.status));
    if (!unknown) throw new Error('the simulator seeds one environment with a future status');
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: unknown.solutionId }));
    const row = frame.locator('tbody tr', { hasText: unknown.name });
    await expect(row.locator('td:nth-child(3)').innerText()).resolves.toMatch(new RegExp(unknown.status.replace(/_/g, '[ _]'), 'i'));
  });

  it('sorts by status, worst first, with the mouse and with the keyboard', async () => {
    const solution = sim().data.solutions.find((s) => new Set(environmentsOf(s.id).map((e) => e.status)).size > 1);
    if (!solution) throw new Error('no solution with mixed statuses');
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: solution.id }));
    await frame.locator('tbody tr').first().waitFor();

    await frame.getByRole('button', { name: /^Status/ }).click();
    const order = ['outage', 'degraded', 'maintenance'];
    const worst = environmentsOf(solution.id).map((e) => e.status).sort((a, b) => (order.indexOf(a) + 1 || 9) - (order.indexOf(b) + 1 || 9))[0];
    const firstStatus = () => columnTexts(frame, 3).then((s) => s[0]?.trim().toLowerCase().replace(/ /g, '_'));
    await expect(eventually(firstStatus, (s) => s === worst)).resolves.toBe(worst);

    await frame.getByRole('button', { name: /^Environment/ }).focus();
    await page().keyboard.press('Enter');
    const sorted = environmentsOf(solution.id).map((e) => e.name).sort(byName);
    await expect(eventually(() => environmentNames(frame), (names) => names.join() === sorted.join())).resolves.toEqual(sorted);
  });

  it('pages through a solution with many environments, reading one page at a time', async () => {
    const solution = sim().data.solutions[1];
    const template = solution && environmentsOf(solution.id)[0];
    if (!solution || !template) throw new Error('no solution');
    for (let i = 1; i <= 24; i += 1) {
      sim().data.environments.push({ ...template, id: `${template.id}-edge-${i}`, name: `Edge node ${String(i).padStart(2, '0')}`, stage: 'test', isProduction: false });
    }
    await sync();
    const total = environmentsOf(solution.id).length;
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: solution.id }));
    await frame.locator('tbody tr').first().waitFor();
    const firstPage = await environmentNames(frame);
    expect(firstPage).toHaveLength(10);

    await frame.getByRole('button', { name: /page 2/i }).click();
    await frame.waitForFunction((before) => document.querySelector('tbody tr td')?.textContent !== before, firstPage[0]);
    const secondPage = await environmentNames(frame);
    expect(secondPage).toHaveLength(10);
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);

    await frame.getByRole('button', { name: new RegExp(`page ${Math.ceil(total / 10)}`, 'i') }).click();
    await frame.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, total % 10 || 10);
  });

  it('is configured from the UI Kit panel: pick a solution and a stage, save, and the macro shows them', async () => {
    const localId = await createMacro(MODULE, null);
    const notConfigured = await openMacro(MODULE, localId);
    await notConfigured.getByTestId('not-configured').waitFor();

    const configFrame = await openConfigPanel();
    await configFrame.getByRole('button', { name: 'Save' }).click();
    await configFrame.getByText(/pick a solution/i).first().waitFor();

    const solutions = [...sim().data.solutions].sort((a, b) => a.name.localeCompare(b.name));
    const chosen = solutions[0];
    if (!chosen) throw new Error('no solution');
    await configFrame.getByRole('combobox', { name: /Solution/ }).focus();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await configFrame.getByRole('checkbox', { name: 'prod' }).check();
    await configFrame.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByText(chosen.name).first().waitFor();
    await frame.locator('tbody tr').first().waitFor();
    const stages = await columnTexts(frame, 2);
    expect(new Set(stages)).toEqual(new Set(['prod']));

    expect(await savedConfig(MODULE, localId)).toEqual({ solutionId: chosen.id, stages: ['prod'] });
  });

  it('warns that the data is stale when the last sync failed, and still shows the last good data with its age', async () => {
    const solution = sim().data.solutions[0];
    if (!solution) throw new Error('no solution');
    await withFaults([{ path: '/v1/environments', status: 500 }], async () => {
      const result = await sync();
      expect(result.ok).toBe(false);
      const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: solution.id }));
      const warning = frame.getByTestId('stale-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toMatch(/last sync failed/i);
      await expect(warning.innerText()).resolves.toMatch(/environments/);
      expect(await frame.locator('tbody tr').count()).toBe(environmentsOf(solution.id).length);
    });
  });

  it('exports to PDF/Word as a readable table of the environments', async () => {
    const solution = sim().data.solutions[0];
    if (!solution) throw new Error('no solution');
    await openExport(MODULE, await createMacro(MODULE, { solutionId: solution.id }));
    const text = await page().locator('body').innerText();
    expect(text).toContain(`Environment status: ${solution.name}`);
    for (const environment of environmentsOf(solution.id)) expect(text).toContain(environment.name);
  });
});
