import { startApp, type AppUnderTest } from '../appHost';
import type { CredentialOwnershipPage, CredentialRow } from '../../src/shared/credentialOwnershipContract';
import type { Credential } from '../../src/sources/governance/schemas';
import { appSettingsKey } from '../../src/store/settings';

const MODULE = 'credential-ownership';

describe('credential-ownership resolvers on the workbench host', () => {
  let app: AppUnderTest;

  const resolve = async (config: Record<string, unknown>, payload: Record<string, unknown> = {}, functionKey = 'getCredentialOwnership') => {
    const answer = await app.forge.invokeResolver({
      moduleKey: MODULE,
      functionKey,
      payload,
      extension: { type: 'macro', config, content: { id: '1001' }, space: { key: 'OTC', id: '1' } },
      accountId: 'user-ana',
    });
    if (!answer.ok) throw new Error(`resolver failed: ${answer.status} ${answer.error}`);
    return answer.body as Record<string, unknown>;
  };
  const page = async (config: Record<string, unknown>, payload: Record<string, unknown> = {}) => {
    const answer = await resolve(config, payload);
    if (answer.state !== 'ok') throw new Error(`expected a page, got ${JSON.stringify(answer)}`);
    return answer as unknown as CredentialOwnershipPage;
  };
  const otc = { solutionId: 'sol-otc' };
  const otcCredentials = () => app.sim.data.credentials.filter((c) => c.environmentId.startsWith('env-otc-'));
  const names = (rows: CredentialRow[]) => rows.map((r) => r.name);

  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  describe('a page of the matrix', () => {
    it('lists every credential of the solution, worst first, with the sync stamp', async () => {
      const answer = await page(otc, { pageSize: 100 });
      expect(answer.total).toBe(otcCredentials().length);
      expect(answer.rows.map((r) => r.id).sort()).toEqual(otcCredentials().map((c) => c.id).sort());
      const ranks = ['expired', 'overdue', 'due-soon', 'unknown', 'ok', 'revoked'];
      const states = answer.rows.map((r) => ranks.indexOf(r.state));
      expect(states).toEqual([...states].sort((a, b) => a - b));
      expect(answer.sync).toMatchObject({ stale: false, lastSuccessAt: expect.any(String) });
      expect(answer.solution).toEqual({ id: 'sol-otc', name: 'Retail Order-to-Cash' });
    });

    it('shows each column the issue asks for, and the next due date from the policy or the sooner expiry', async () => {
      const { rows } = await page(otc, { pageSize: 100 });
      const signing = rows.find((r) => r.id === 'cred-otc-prod-as2-signing') as CredentialRow;
      const source = otcCredentials().find((c) => c.id === signing.id) as Credential;
      expect(signing).toMatchObject({
        kind: 'certificate',
        system: 'AS2 gateway',
        environment: { name: expect.any(String), stage: 'prod', isProduction: true },
        owner: { id: 'usr-marcus', name: 'Marcus Webb' },
        backupOwner: null,
        approvers: [{ id: 'usr-priya', name: 'Priya Nair' }],
        lastRotatedBy: { id: 'usr-marcus', name: 'Marcus Webb' },
        lastRotatedAt: source.lastRotatedAt,
      });
      const policyDue = Date.parse(source.lastRotatedAt as string) + (source.rotationPolicyDays as number) * 86_400_000;
      expect(Date.parse(signing.nextDueAt as string)).toBe(Math.min(policyDue, Date.parse(source.expiresAt as string)));
      expect(signing.findings.map((f) => f.rule)).toContain('production-owner-missing');
    });

    it('keeps a status it does not know, raw', async () => {
      const { rows } = await page(otc, { pageSize: 100 });
      expect(rows.find((r) => r.id === 'cred-otc-test-van-mailbox')).toMatchObject({ status: 'suspended', statusKnown: false, state: 'unknown' });
    });

    it('sorts by name both ways and pages without overlap', async () => {
      const all = (await page(otc, { pageSize: 100, sortKey: 'name' })).rows.map((r) => r.name);
      expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
      expect(names((await page(otc, { pageSize: 100, sortKey: 'name', sortOrder: 'DESC' })).rows)).toEqual([...all].reverse());
      const first = await page(otc, { pageSize: 3, sortKey: 'name' });
      const second = await page(otc, { pageSize: 3, sortKey: 'name', page: 2 });
      expect([...names(first.rows), ...names(second.rows)]).toEqual(all.slice(0, 6));
      expect((await page(otc, { pageSize: 3, page: 999 })).page).toBe(Math.ceil(all.length / 3));
    });

    it('sorts by due date, soonest first, credentials without one last', async () => {
      const { rows } = await page(otc, { pageSize: 100, sortKey: 'due' });
      const dues = rows.map((r) => r.nextDueAt);
      const known = dues.filter((d): d is string => d !== null);
      expect(known).toEqual([...known].sort());
      expect(dues.slice(known.length).every((d) => d === null)).toBe(true);
    });

    it('filters by stage and environment from the macro configuration', async () => {
      const prod = await page({ ...otc, stages: ['prod'] }, { pageSize: 100 });
      expect(prod.rows.every((r) => r.environment.stage === 'prod')).toBe(true);
      expect(prod.total).toBe(otcCredentials().filter((c) => c.environmentId === 'env-otc-prod').length);
      const test = await page({ ...otc, environmentIds: ['env-otc-test'] }, { pageSize: 100 });
      expect(new Set(test.rows.map((r) => r.environment.id))).toEqual(new Set(['env-otc-test']));
      expect(test.scope.environments.map((e) => e.id)).toEqual(['env-otc-test']);
    });

    it('filters by owner from the configuration, and the view can widen or change it without editing the macro', async () => {
      const marcus = await page({ ...otc, ownerId: 'usr-marcus' }, { pageSize: 100 });
      expect(marcus.rows.every((r) => r.owner?.id === 'usr-marcus')).toBe(true);
      expect(marcus.scope.owner).toEqual({ id: 'usr-marcus', name: 'Marcus Webb' });
      const everyone = await page({ ...otc, ownerId: 'usr-marcus' }, { pageSize: 100, ownerId: null });
      expect(everyone.total).toBe(otcCredentials().length);
      const priya = await page({ ...otc, ownerId: 'usr-marcus' }, { pageSize: 100, ownerId: 'usr-priya' });
      expect(priya.rows.map((r) => r.owner?.id)).toEqual(priya.rows.map(() => 'usr-priya'));
      expect(priya.owners.map((o) => o.name)).toEqual([...priya.owners.map((o) => o.name)].sort());
    });

    it('keeps only problems when asked, from the configuration or the view, and counts the whole scope', async () => {
      const problems = await page({ ...otc, onlyProblems: true }, { pageSize: 100 });
      expect(problems.rows.length).toBeGreaterThan(0);
      expect(problems.rows.every((r) => ['expired', 'overdue', 'due-soon'].includes(r.state) || r.findings.length > 0)).toBe(true);
      expect(problems.rows.map((r) => r.id)).not.toContain('cred-otc-dev-order-api-key');
      expect(problems.counts.credentials).toBe(otcCredentials().length);
      const all = await page({ ...otc, onlyProblems: true }, { pageSize: 100, onlyProblems: false });
      expect(all.total).toBe(otcCredentials().length);
      expect((await page(otc, { onlyProblems: true })).total).toBe(problems.total);
    });

    it('decides "due soon" with the macro’s window at render', async () => {
      const van = async (dueSoonDays: number) =>
        (await page({ ...otc, dueSoonDays }, { pageSize: 100 })).rows.find((r) => r.id === 'cred-otc-prod-van-mailbox')?.state;
      await expect(van(14)).resolves.toBe('due-soon');
      await expect(van(5)).resolves.toBe('ok');
      expect((await page({ ...otc, dueSoonDays: 5 })).scope.dueSoonDays).toBe(5);
    });
  });

  describe('segregation-of-duties findings', () => {
    it('lists rules 1 to 4 on the seeded data, most severe first, naming credential and people', async () => {
      const { findings } = await page(otc, { findingsPageSize: 50 });
      expect(new Set(findings.items.map((f) => f.rule))).toEqual(
        new Set(['production-owner-missing', 'owner-only-approver', 'rotator-only-approver', 'owner-approved-promotion']),
      );
      const order = ['critical', 'high', 'medium', 'low'];
      const severities = findings.items.map((f) => order.indexOf(f.severity));
      expect(severities).toEqual([...severities].sort((a, b) => a - b));
      expect(findings.items.filter((f) => f.rule === 'owner-approved-promotion')).toContainEqual(
        expect.objectContaining({
          credentialId: 'cred-otc-prod-order-api',
          people: [{ id: 'usr-priya', name: 'Priya Nair', role: expect.any(String) }],
          message: expect.stringContaining('Order API'),
        }),
      );
      expect(findings.items.find((f) => f.rule === 'rotator-only-approver')).toMatchObject({
        credentialId: 'cred-otc-prod-van-mailbox',
        people: [{ id: 'usr-tomas' }],
      });
      expect(findings.rulesOff).toEqual(['owner-across-stages']);
    });

    it('pages the findings and keeps them to the macro’s scope', async () => {
      const all = await page(otc, { findingsPageSize: 50 });
      const first = await page(otc, { findingsPageSize: 2 });
      const second = await page(otc, { findingsPageSize: 2, findingsPage: 2 });
      expect([...first.findings.items, ...second.findings.items]).toEqual(all.findings.items.slice(0, 4));
      const testOnly = await page({ ...otc, stages: ['test'] }, { findingsPageSize: 50 });
      expect(testOnly.findings.items.every((f) => f.environmentId === 'env-otc-test')).toBe(true);
      expect(testOnly.findings.total).toBeLessThan(all.findings.total);
    });

    it('applies rule 5 only after the admin turns it on (settings record, then a sync)', async () => {
      app.forge.kvs.set(appSettingsKey, { credentials: { rules: { ownerAcrossStages: true } } });
      try {
        await app.syncNow();
        const { findings } = await page(otc, { findingsPageSize: 50 });
        expect(findings.rulesOff).toEqual([]);
        expect(findings.items.find((f) => f.rule === 'owner-across-stages')).toMatchObject({
          credentialId: 'cred-otc-prod-van-mailbox',
          people: [{ id: 'usr-marcus' }],
          message: expect.stringContaining('EDI VAN mailbox password (test)'),
        });
      } finally {
        app.forge.kvs.delete(appSettingsKey);
        await app.syncNow();
      }
    });

    it('uses the defaults and reports a damaged settings record instead of failing the sync', async () => {
      app.forge.kvs.set(appSettingsKey, { credentials: { dueSoonDays: 'fortnight' } });
      try {
        await app.syncNow();
        const status = app.forge.kvs.get('sync:governance:status') as { lastError: string | null; invalidItems: { resource: string; issues: string[] }[] };
        expect(status.lastError).toBeNull();
        expect(status.invalidItems.find((i) => i.resource === 'settings')?.issues.join()).toMatch(/credentials\.dueSoonDays/);
        expect((await page(otc)).scope.dueSoonDays).toBe(14);
      } finally {
        app.forge.kvs.delete(appSettingsKey);
        await app.syncNow();
      }
    });
  });

  describe('bad input is named, not thrown', () => {
    it('names each bad paging, sorting and filter field', async () => {
      const answer = await resolve(otc, { page: 0, pageSize: 'ten', sortKey: 'colour', ownerId: '', findingsPageSize: 500 });
      expect(answer).toMatchObject({ state: 'error' });
      expect((answer.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
        'payload.findingsPageSize',
        'payload.ownerId',
        'payload.page',
        'payload.pageSize',
        'payload.sortKey',
      ]);
    });

    it('refuses fields it does not know and page sizes beyond the cap', async () => {
      expect(await resolve(otc, { query: '<script>' })).toMatchObject({ state: 'error', message: expect.stringMatching(/query/) });
      expect(await resolve(otc, { pageSize: 5000 })).toMatchObject({ state: 'error', fields: [{ path: 'payload.pageSize' }] });
    });

    it('names a bad saved macro configuration', async () => {
      const answer = await resolve({ solutionId: 'sol-otc', stages: 'prod', dueSoonDays: 0, onlyProblems: 'yes' });
      expect((answer.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
        'macro configuration.dueSoonDays',
        'macro configuration.onlyProblems',
        'macro configuration.stages',
      ]);
      expect((await resolve({ solutionId: 'sol-otc', dueSoonDays: 366 })).state).toBe('error');
    });

    it('answers "not configured" without a solution and "no data" for a solution the backend does not have', async () => {
      expect(await resolve({})).toMatchObject({ state: 'not-configured' });
      expect(await resolve({ solutionId: 'sol-gone' })).toMatchObject({ state: 'no-data', message: expect.stringMatching(/no solution "sol-gone"/) });
    });

    it('refuses a solution in the payload of a macro (its configuration decides)', async () => {
      expect(await resolve(otc, { solutionId: 'sol-fin' })).toMatchObject({ state: 'error' });
    });
  });

  describe('the config panel options', () => {
    it('offers solutions and stages, and the chosen solution’s environments and owners', async () => {
      const options = await resolve({}, { solutionId: 'sol-otc' }, 'getCredentialOwnershipConfigOptions');
      expect((options.solutions as { id: string }[]).map((s) => s.id).sort()).toEqual(['sol-fin', 'sol-log', 'sol-otc']);
      expect(options.stages).toEqual(expect.arrayContaining(['dev', 'test', 'prod']));
      expect((options.environments as { id: string }[]).map((e) => e.id).sort()).toEqual(['env-otc-dev', 'env-otc-prod', 'env-otc-test']);
      expect((options.owners as { id: string }[]).map((o) => o.id)).toContain('usr-marcus');
      const none = await resolve({}, {}, 'getCredentialOwnershipConfigOptions');
      expect(none).toMatchObject({ environments: [], owners: [] });
      expect(await resolve({}, { solutionId: 7 }, 'getCredentialOwnershipConfigOptions')).toMatchObject({ state: 'error' });
    });
  });

  describe('secrets', () => {
    it('never lets a secret, password or token value reach the view, even when a backend sends one', async () => {
      const leaky = otcCredentials()[0] as Credential & Record<string, unknown>;
      Object.assign(leaky, { secret: 'S3CRET-VALUE-1', password: 'S3CRET-VALUE-2', token: 'S3CRET-VALUE-3', secretValue: 'S3CRET-VALUE-4', value: 'S3CRET-VALUE-5' });
      try {
        await app.syncNow();
        const answers = [
          await resolve(otc, { pageSize: 100, findingsPageSize: 50 }),
          await resolve(otc, { pageSize: 100, sortKey: 'name', onlyProblems: true }),
          await resolve({}, { solutionId: 'sol-otc' }, 'getCredentialOwnershipConfigOptions'),
          (await app.forge.runAdfExport(MODULE, { extension: { config: otc }, exportType: 'pdf' })) as Record<string, unknown>,
        ];
        for (const answer of answers) {
          const json = JSON.stringify(answer);
          expect(json).not.toContain('S3CRET-VALUE');
          expect(keysOf(answer).filter((key) => /^(secret|secretValue|password|token|value|privateKey|apiKey)$/i.test(key))).toEqual([]);
        }
      } finally {
        for (const key of ['secret', 'password', 'token', 'secretValue', 'value']) delete leaky[key];
        await app.syncNow();
      }
    });
  });

  describe('PDF and Word export', () => {
    it('exports the findings and the matrix as tables', async () => {
      const adf = (await app.forge.runAdfExport(MODULE, { extension: { config: { ...otc, stages: ['prod'] } }, exportType: 'pdf' })) as {
        content: { type: string }[];
      };
      expect(adf.content.filter((node) => node.type === 'table')).toHaveLength(2);
      const text = JSON.stringify(adf);
      expect(text).toContain('Credential ownership: Retail Order-to-Cash');
      for (const credential of otcCredentials().filter((c) => c.environmentId === 'env-otc-prod')) expect(text).toContain(credential.name);
      expect(text).not.toContain('Order API OAuth client (test)');
    });

    it('exports a message for an unconfigured or broken macro', async () => {
      expect(JSON.stringify(await app.forge.runAdfExport(MODULE, { extension: { config: {} }, exportType: 'pdf' }))).toContain('no solution selected');
      expect(JSON.stringify(await app.forge.runAdfExport(MODULE, { extension: { config: { solutionId: 3 } }, exportType: 'word' }))).toContain('invalid');
    });
  });
});

/** Every object key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}
