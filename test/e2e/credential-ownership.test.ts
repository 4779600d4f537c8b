import { byName, eventually, macroFrame, useWorkbenchSuite } from './harness';
import type { Frame } from 'playwright-core';

const MODULE = 'credential-ownership';
const { page, sim, sync, createMacro, openMacro, openConfigPanel, savedConfig, openExport, withFaults } = useWorkbenchSuite({ viewport: { width: 1440, height: 1000 } });

const credentialsOf = (solutionId: string) => {
  const environments = new Set(sim().data.environments.filter((e) => e.solutionId === solutionId).map((e) => e.id));
  return sim().data.credentials.filter((c) => environments.has(c.environmentId));
};

const matrix = (frame: Frame) => frame.getByTestId('credential-matrix');
const credentialNames = (frame: Frame) => matrix(frame).locator('tbody tr td:nth-child(1) strong').allInnerTexts();

describe('credential-ownership macro in the browser', () => {
  it('shows the findings on top and the matrix with overdue and due-soon rows standing out', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc' }));
    await frame.getByText('Retail Order-to-Cash: credential ownership').waitFor();
    await frame.getByText(/Synced (just now|\d+ minutes? ago)/).waitFor();
    expect(await frame.getByTestId('stale-warning').count()).toBe(0);

    const findings = frame.getByTestId('findings');
    await findings.locator('tbody tr').first().waitFor();
    await expect(findings.locator('tbody tr').count()).resolves.toBe(5);
    await expect(findings.getByTestId('severity-lozenge').first().innerText()).resolves.toMatch(/high/i);
    await expect(findings.innerText()).resolves.toContain('Last rotated by its only approver');
    await expect(findings.innerText()).resolves.toContain('Tomás García');
    await expect(frame.getByTestId('rules-off').innerText()).resolves.toMatch(/Same owner in production and non-production/);

    expect(await matrix(frame).locator('tbody tr').count()).toBe(Math.min(10, credentialsOf('sol-otc').length));
    const overdue = matrix(frame).locator('tbody tr', { hasText: 'SFTP password for the EDIFACT ORDERS drop (prod)' });
    await expect(overdue.getAttribute('data-emphasis')).resolves.toBe('danger');
    await expect(overdue.getByTestId('credential-state').innerText()).resolves.toMatch(/overdue/i);
    const dueSoon = matrix(frame).locator('tbody tr', { hasText: 'EDI VAN mailbox password (prod)' });
    await expect(dueSoon.getAttribute('data-emphasis')).resolves.toBe('warning');
    const unknown = matrix(frame).locator('tbody tr', { hasText: 'EDI VAN mailbox password (test)' });
    await expect(unknown.getByTestId('credential-state').innerText()).resolves.toMatch(/suspended/i);
    expect(await unknown.getAttribute('data-emphasis')).toBeNull();
    await expect(frame.locator('body').innerText()).resolves.not.toMatch(/\*\*\*|secret value/i);
  });

  it('keeps only problems when the reader ticks "Only problems", without editing the macro', async () => {
    const localId = await createMacro(MODULE, { solutionId: 'sol-otc' });
    const frame = await openMacro(MODULE, localId);
    await matrix(frame).locator('tbody tr').first().waitFor();
    const before = await frame.getByTestId('count-credentials').innerText();
    await frame.getByLabel('Only problems').check();
    const problemRows = () => matrix(frame).locator('tbody tr').count();
    const total = credentialsOf('sol-otc').length;
    await expect(eventually(problemRows, (n) => n < Math.min(10, total))).resolves.toBeLessThan(Math.min(10, total));
    const states = await matrix(frame).getByTestId('credential-state').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
    const findingsPerRow = await matrix(frame).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[data-testid="row-findings"] li').length));
    states.forEach((state, i) => expect(['expired', 'overdue', 'due-soon'].includes(state ?? '') || (findingsPerRow[i] ?? 0) > 0).toBe(true));
    await expect(frame.getByTestId('count-credentials').innerText()).resolves.toBe(before);
    expect(await savedConfig(MODULE, localId)).toEqual({ solutionId: 'sol-otc' });
  });

  it('filters by owner in the view, with the keyboard', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc' }));
    await matrix(frame).locator('tbody tr').first().waitFor();
    await frame.getByRole('combobox', { name: 'Owner' }).focus();
    await page().keyboard.type('Marcus');
    await page().keyboard.press('Enter');
    const expected = credentialsOf('sol-otc').filter((c) => c.owner?.id === 'usr-marcus').map((c) => c.name).sort(byName);
    await expect(eventually(async () => (await credentialNames(frame)).sort(byName), (names) => names.join() === expected.join())).resolves.toEqual(expected);
    const owners = await matrix(frame).locator('tbody tr td:nth-child(5)').allInnerTexts();
    expect(new Set(owners.map((o) => o.trim()))).toEqual(new Set(['Marcus Webb']));
  });

  it('sorts by credential name with the mouse and by next due date with the keyboard', async () => {
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-log' }));
    await matrix(frame).locator('tbody tr').first().waitFor();
    await frame.getByRole('button', { name: /^Credential/ }).click();
    const sorted = credentialsOf('sol-log').map((c) => c.name).sort(byName);
    await expect(eventually(() => credentialNames(frame), (names) => names.join() === sorted.join())).resolves.toEqual(sorted);

    await frame.getByRole('button', { name: /^Next due/ }).focus();
    await page().keyboard.press('Enter');
    const dueFirst = credentialsOf('sol-log')
      .filter((c) => c.lastRotatedAt && c.rotationPolicyDays)
      .map((c) => ({ name: c.name, due: Math.min(Date.parse(c.lastRotatedAt as string) + (c.rotationPolicyDays as number) * 86_400_000, c.expiresAt ? Date.parse(c.expiresAt) : Infinity) }))
      .sort((a, b) => a.due - b.due)[0]?.name;
    await expect(eventually(async () => (await credentialNames(frame))[0], (name) => name === dueFirst)).resolves.toBe(dueFirst);
  });

  it('pages through the matrix and the findings, one page at a time', async () => {
    const template = credentialsOf('sol-fin').find((c) => c.environmentId === 'env-fin-test');
    if (!template) throw new Error('no template credential');
    for (let i = 1; i <= 21; i += 1) {
      // Each approved only by its owner: a finding per key, so the findings page too.
      const approvers = template.owner ? [template.owner] : [];
      sim().data.credentials.push({ ...template, id: `cred-fin-test-partner-${i}`, name: `Partner portal key ${String(i).padStart(2, '0')}`, approvers });
    }
    await sync();
    const total = credentialsOf('sol-fin').length;
    const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-fin' }));
    await matrix(frame).locator('tbody tr').first().waitFor();
    await frame.getByRole('button', { name: /^Credential/ }).click();
    await eventually(() => credentialNames(frame), (names) => names.join() === [...names].sort(byName).join());
    const first = await credentialNames(frame);
    expect(first).toHaveLength(10);
    await matrix(frame).getByRole('button', { name: /page 2/i }).click();
    await frame.waitForFunction((before) => document.querySelector('[data-testid="credential-matrix"] tbody tr td strong')?.textContent !== before, first[0]);
    const second = await credentialNames(frame);
    expect(second).toHaveLength(10);
    expect(second.some((name) => first.includes(name))).toBe(false);
    await matrix(frame).getByRole('button', { name: new RegExp(`page ${Math.ceil(total / 10)}`, 'i') }).click();
    await expect(eventually(() => credentialNames(frame).then((n) => n.length), (n) => n === (total % 10 || 10))).resolves.toBe(total % 10 || 10);

    const findings = frame.getByTestId('findings');
    const firstFindings = await findings.locator('tbody tr').allInnerTexts();
    expect(firstFindings.length).toBe(5);
    await findings.getByRole('button', { name: /page 2/i }).click();
    await expect(eventually(() => findings.locator('tbody tr').allInnerTexts(), (rows) => rows[0] !== firstFindings[0])).resolves.not.toContain(firstFindings[0]);
  });

  it('is configured from the UI Kit panel: solution, stage, only problems and window, saved as the macro config', async () => {
    const localId = await createMacro(MODULE, null);
    await (await openMacro(MODULE, localId)).getByTestId('not-configured').waitFor();

    const config = await openConfigPanel();
    await config.getByLabel(/Due soon within/).fill('400');
    await config.getByRole('button', { name: 'Save' }).click();
    await config.getByText(/pick the solution/i).first().waitFor();
    await config.getByText(/from 1 to 365/).first().waitFor();

    await config.getByRole('combobox', { name: /Solution/ }).focus();
    await page().keyboard.type('Retail');
    await page().keyboard.press('Enter');
    await config.getByRole('checkbox', { name: 'prod' }).check();
    await config.getByRole('switch', { name: 'Only problems' }).check();
    await config.getByLabel(/Due soon within/).fill('30');
    await config.getByRole('button', { name: 'Save' }).click();

    const frame = await macroFrame(page());
    await frame.getByText('Retail Order-to-Cash: credential ownership').waitFor();
    await expect(frame.getByTestId('scope-shown').innerText()).resolves.toMatch(/Stages: prod · due soon means within 30 days/);
    await matrix(frame).locator('tbody tr').first().waitFor();
    const stages = await matrix(frame).locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(stages.every((s) => /prod/.test(s))).toBe(true);
    await expect(frame.getByLabel('Only problems').isChecked()).resolves.toBe(true);

    expect(await savedConfig(MODULE, localId)).toEqual({
      solutionId: 'sol-otc',
      stages: ['prod'],
      environmentIds: [],
      onlyProblems: true,
      dueSoonDays: 30,
    });
  });

  it('warns that the data is stale when the last sync failed, and still shows the last good credentials', async () => {
    await withFaults([{ path: '/v1/credentials', status: 500 }], async () => {
      const result = await sync();
      expect(result.ok).toBe(false);
      const frame = await openMacro(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc' }));
      const warning = frame.getByTestId('stale-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toMatch(/Credential data may be out of date/);
      await expect(warning.innerText()).resolves.toMatch(/last sync failed/i);
      await matrix(frame).locator('tbody tr').first().waitFor();
      expect(await matrix(frame).locator('tbody tr').count()).toBe(Math.min(10, credentialsOf('sol-otc').length));
    });
  });

  it('exports to PDF/Word as a findings table and a credential table', async () => {
    await openExport(MODULE, await createMacro(MODULE, { solutionId: 'sol-otc', stages: ['prod'] }));
    const text = await page().locator('body').innerText();
    expect(text).toContain('Credential ownership: Retail Order-to-Cash');
    expect(text).toContain('Segregation-of-duties findings');
    expect(await page().locator('table').count()).toBe(2);
    for (const credential of credentialsOf('sol-otc').filter((c) => c.environmentId === 'env-otc-prod')) expect(text).toContain(credential.name);
  });
});
