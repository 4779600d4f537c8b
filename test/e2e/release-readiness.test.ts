import { macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';
import { SEED_USERS } from '../../workbench/forge/confluence/users';
import { WORKBENCH_USER } from '../../workbench/shell/frameContext';

const MODULE = 'release-readiness';
const { page, workbench, sim, sync, createMacro, openMacro, openConfigPanel, savedConfig, openExport } = useWorkbenchSuite();

const HOLIDAY = 'rel-otc-holiday-readiness';
const NEXT_OTC = { solutionId: 'sol-otc', releaseMode: 'next' };

/** A colleague acts on the same release from their own browser (the resolver, as that user). */
async function asColleague(functionKey: 'signOffRelease' | 'withdrawReleaseSignOff', accountId: string, payload: Record<string, unknown>) {
  const answer = await workbench().forge.invokeResolver({
    moduleKey: MODULE,
    functionKey,
    payload: { releaseId: HOLIDAY, ...payload },
    extension: { type: 'macro', config: NEXT_OTC, content: { id: '65537' }, space: { key: 'IGH', id: '98304' } },
    accountId,
  });
  expect(answer).toMatchObject({ ok: true, body: { state: functionKey === 'signOffRelease' ? 'signed' : 'withdrawn' } });
}

/** The reader's own entry in the sign-off list. */
const ownSignOff = (frame: Frame) => frame.getByTestId('sign-off').filter({ hasText: WORKBENCH_USER.displayName });

function holidayItems() {
  const release = sim().data.releases.find((r) => r.id === HOLIDAY);
  if (!release) throw new Error('the seed has the OTC holiday release');
  return release.items;
}

describe('release-readiness macro in the browser', () => {
  it('shows the next planned release: target, planned date, readiness figure with a progress bar, and every item', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, NEXT_OTC));
    await frame.getByRole('heading', { name: 'OTC Holiday Readiness' }).waitFor();
    await expect(frame.getByTestId('release-facts').innerText()).resolves.toMatch(/target OTC Production \(prod\) · planned for .*in \d+ days/);
    await expect(frame.getByTestId('readiness-figure').innerText()).resolves.toMatch(new RegExp(`\\d of ${holidayItems().length} items ready`));
    await frame.getByRole('progressbar').waitFor();
    expect(await frame.locator('tbody tr').count()).toBe(holidayItems().length);
    // Worst first: the failed production deployment of the 856 leads.
    await expect(frame.locator('tbody tr').first().innerText()).resolves.toMatch(/X12 856[\s\S]*Failed/);
    await expect(frame.locator('tbody tr', { hasText: 'EDIFACT ORDERS' }).getByTestId('readiness-lozenge').innerText()).resolves.toMatch(/scheduled/i);
    await frame.getByRole('columnheader', { name: /In test \(previous stage\)/ }).waitFor();
    await frame.getByText(/Synced (just now|\d+ minutes? ago)/).waitFor();
  });

  it('signs off with a note, lists the sign-off under the reader’s Confluence name, and withdraws it', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, NEXT_OTC));
    await frame.getByTestId('no-sign-offs').waitFor();
    await frame.getByLabel('Note (optional)').fill('Checked with the ops team.\nGo for the holidays.');
    await frame.getByRole('button', { name: 'Sign off' }).click();

    const entry = frame.getByTestId('sign-off');
    await entry.waitFor();
    await expect(entry.innerText()).resolves.toContain(WORKBENCH_USER.displayName);
    await expect(frame.getByTestId('sign-off-note-text').innerText()).resolves.toBe('Checked with the ops team.\nGo for the holidays.');
    await expect(entry.getByTestId('current-marker').count()).resolves.toBe(1);
    await expect(frame.getByTestId('sign-off-notice').innerText()).resolves.toMatch(/recorded/);

    await entry.getByRole('button', { name: 'Withdraw' }).click();
    await frame.getByTestId('no-sign-offs').waitFor();
    await expect(frame.getByTestId('sign-off-notice').innerText()).resolves.toMatch(/withdrawn/);
  });

  it('shows a colleague’s sign-off without a Withdraw button, beside the reader’s own', async () => {
    const localId = await createMacro(MODULE, NEXT_OTC);
    const colleague = SEED_USERS.find((user) => user.accountId !== WORKBENCH_USER.accountId);
    if (!colleague) throw new Error('the directory has a colleague');
    await asColleague('signOffRelease', colleague.accountId, { note: 'From the release board' });
    const frame = await openMacro(MODULE, localId);
    const theirs = frame.getByTestId('sign-off').filter({ hasText: colleague.displayName });
    await theirs.waitFor();
    expect(await theirs.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    // The reader signs too: both sign-offs stay.
    await frame.getByRole('button', { name: 'Sign off' }).click();
    await ownSignOff(frame).waitFor();
    expect(await frame.getByTestId('sign-off').count()).toBe(2);
    await frame.getByRole('button', { name: 'Withdraw' }).click();
    await ownSignOff(frame).waitFor({ state: 'detached' });
    await asColleague('withdrawReleaseSignOff', colleague.accountId, {});
  });

  it('tells an anonymous reader to log in instead of offering Sign off', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, NEXT_OTC), '&anon=1');
    await frame.getByTestId('sign-in-to-sign-off').waitFor();
    expect(await frame.getByRole('button', { name: 'Sign off' }).count()).toBe(0);
  });

  it('keeps Sign off disabled while the note is over the limit', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, NEXT_OTC));
    await frame.getByLabel('Note (optional)').fill('x'.repeat(501));
    await expect(frame.getByRole('button', { name: 'Sign off' }).isDisabled()).resolves.toBe(true);
    await frame.getByText(/over|exceed|too many/i).first().waitFor();
  });

  it('is configured from the UI Kit panel: pick a solution and a specific release, save, and the macro shows it', async () => {
    const localId = await createMacro(MODULE, null);
    await (await openMacro(MODULE, localId)).getByTestId('not-configured').waitFor();

    const configFrame = await openConfigPanel();
    await configFrame.getByRole('button', { name: 'Save' }).click();
    await configFrame.getByText(/pick the solution/i).first().waitFor();

    const solutions = [...sim().data.solutions].sort((a, b) => a.name.localeCompare(b.name));
    const otc = solutions.findIndex((s) => s.id === 'sol-otc');
    await configFrame.getByRole('combobox', { name: /Solution/ }).focus();
    await page().keyboard.press('ArrowDown');
    for (let i = 0; i < otc; i += 1) await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');

    const release = configFrame.getByRole('combobox', { name: /Release/ });
    await configFrame.waitForFunction(() => !document.querySelector('[aria-disabled="true"] input#release-readiness-release'));
    await release.focus();
    await page().keyboard.type('OTC 850');
    await configFrame.getByText(/OTC 850 hotfix ·/).waitFor();
    await page().keyboard.press('Enter');
    await configFrame.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByRole('heading', { name: 'OTC 850 hotfix' }).waitFor();
    expect(await savedConfig(MODULE, localId)).toEqual({ solutionId: 'sol-otc', releaseMode: 'pinned', releaseId: 'rel-otc-850-hotfix' });
  });

  it('exports the release and its sign-offs to PDF', async () => {
    await openExport(MODULE, await createMacro(MODULE, NEXT_OTC));
    const text = await page().locator('body').innerText();
    expect(text).toContain('Release readiness: OTC Holiday Readiness');
    for (const item of holidayItems()) expect(text).toContain(item.artifactName);
    expect(text).toMatch(/Sign-offs/);
  });

  // Last: it changes the simulator's deployments.
  it('marks a sign-off outdated after the simulator’s deployments change and a sync brings the change in', async () => {
    const localId = await createMacro(MODULE, NEXT_OTC);
    let frame = await openMacro(MODULE, localId);
    await frame.getByRole('button', { name: 'Sign off' }).click();
    await ownSignOff(frame).getByTestId('current-marker').waitFor();
    const figureBefore = await frame.getByTestId('readiness-figure').innerText();

    const failed = sim().data.deployments.find((d) => d.environmentId === 'env-otc-prod' && d.artifactId === 'art-otc-856-out');
    if (!failed) throw new Error('the seed has a failed 856 deployment in OTC production');
    Object.assign(failed, { status: 'deployed', deployedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
    await sync();

    frame = await openMacro(MODULE, localId);
    await ownSignOff(frame).getByTestId('outdated-marker').waitFor();
    await expect(ownSignOff(frame).getByTestId('outdated-reason').innerText()).resolves.toMatch(/Deployments changed/);
    expect(await frame.getByTestId('readiness-figure').innerText()).not.toBe(figureBefore);

    await frame.getByRole('button', { name: 'Sign off again' }).click();
    await ownSignOff(frame).getByTestId('current-marker').waitFor();
    expect(await ownSignOff(frame).getByTestId('outdated-marker').count()).toBe(0);
  });
});
