import { useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';

const { page, workbench, sim } = useWorkbenchSuite();

async function hubFrame(space: string): Promise<Frame> {
  await page().goto(`${workbench().url}/module/space-hub?space=${space}`);
  await page().waitForSelector('iframe[data-role="page"][data-ready="true"]', { timeout: 15_000 });
  const frame = await (await page().$('iframe[data-role="page"]'))?.contentFrame();
  if (!frame) throw new Error('no hub frame');
  return frame;
}

describe('space hub in the browser', () => {
  it('gathers the space’s solution: environments at a glance, counts, most urgent items, maintenance', async () => {
    const solution = sim().data.solutions.find((s) => s.spaceKey === 'OTC');
    if (!solution) throw new Error('no OTC solution');
    const frame = await hubFrame('OTC');
    await frame.getByRole('heading', { name: solution.name }).waitFor();
    const environments = sim().data.environments.filter((e) => e.solutionId === solution.id);
    expect(await frame.getByTestId('hub-environment').count()).toBe(environments.length);
    expect(await frame.getByTestId('hub-urgent-item').count()).toBeGreaterThan(0);
    const firstUrgent = await frame.getByTestId('hub-urgent-item').first().innerText();
    expect(firstUrgent).toMatch(/critical|high/);
    await frame.getByRole('heading', { name: 'Maintenance windows' }).waitFor();
  });

  it('opens the environments tab from the keyboard and shows the full table there', async () => {
    const frame = await hubFrame('OTC');
    // ARIA tabs: focus the selected tab, then the arrow keys move the selection.
    await frame.getByRole('tab', { name: 'Overview' }).focus();
    await page().keyboard.press('ArrowRight');
    await expect(frame.getByRole('tab', { name: 'Environments' }).getAttribute('aria-selected')).resolves.toBe('true');
    await frame.locator('table tbody tr').first().waitFor();
    expect(await frame.locator('table tbody tr').count()).toBeGreaterThan(0);
  });

  it('explains which spaces the solutions are mapped to when none is mapped to this one', async () => {
    const frame = await hubFrame('FIN');
    const message = frame.getByTestId('hub-not-mapped');
    await message.waitFor();
    await expect(message.innerText()).resolves.toContain('OTC');
  });
});
