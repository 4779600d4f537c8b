import { removeDir, startTestWorkbench, syncNow } from '../e2e/harness';
import { startGovernanceSimulator } from '../../workbench/simulators/governance/simulator';

describe('workbench server', () => {
  it('answers /healthz, syncs from its simulator, and keeps everything across a restart', async () => {
    const first = await startTestWorkbench();
    try {
      expect((await fetch(`${first.workbench.url}/healthz`)).status).toBe(200);
      const summary = await syncNow(first.workbench);
      expect(summary).toMatchObject({ ok: true, job: { phase: 'done' }, status: { counts: { solutions: 3 } } });
      expect(first.workbench.governanceSimulator).not.toBeNull();
    } finally {
      await first.close();
    }
    const second = await startTestWorkbench({}, first.dataDir);
    try {
      const answer = await second.workbench.forge.invokeResolver({
        moduleKey: 'env-status',
        functionKey: 'getEnvStatusConfigOptions',
        payload: {},
        extension: {},
        accountId: null,
      });
      expect(answer).toMatchObject({ ok: true, body: { solutions: expect.arrayContaining([expect.objectContaining({ id: 'sol-otc' })]) } });
    } finally {
      await second.close();
      await removeDir(first.dataDir);
    }
  });

  it('syncs from another server that follows the contract when GOVERNANCE_* point at it', async () => {
    const backend = await startGovernanceSimulator({ clientId: 'real-client', clientSecret: 'real-secret' });
    const bench = await startTestWorkbench({
      GOVERNANCE_BASE_URL: backend.url,
      GOVERNANCE_CLIENT_ID: 'real-client',
      GOVERNANCE_CLIENT_SECRET: 'real-secret',
    });
    try {
      expect(bench.workbench.governanceSimulator).toBeNull();
      expect(await syncNow(bench.workbench)).toMatchObject({ ok: true });
      expect(backend.sim.stats().requests).toBeGreaterThan(8);
    } finally {
      await bench.close();
      await backend.close();
      await removeDir(bench.dataDir);
    }
  });

  it('reports wrong backend credentials as a sync error that names the client, never the secret', async () => {
    const backend = await startGovernanceSimulator({ clientId: 'real-client', clientSecret: 'real-secret' });
    const bench = await startTestWorkbench({
      GOVERNANCE_BASE_URL: backend.url,
      GOVERNANCE_CLIENT_ID: 'real-client',
      GOVERNANCE_CLIENT_SECRET: 'not-the-secret',
    });
    try {
      const summary = (await syncNow(bench.workbench)) as { ok: boolean; status: { lastError: string } };
      expect(summary.ok).toBe(false);
      expect(summary.status.lastError).toMatch(/real-client/);
      expect(JSON.stringify(summary)).not.toContain('not-the-secret');
    } finally {
      await bench.close();
      await backend.close();
      await removeDir(bench.dataDir);
    }
  });

  it('answers 404 with a message for unknown routes and webtriggers', async () => {
    const bench = await startTestWorkbench();
    try {
      expect((await fetch(`${bench.workbench.url}/no/such/route`)).status).toBe(404);
      const trigger = await fetch(`${bench.workbench.url}/webtrigger/no-such-trigger`, { method: 'POST', body: '{}' });
      expect(trigger.status).toBeGreaterThanOrEqual(400);
    } finally {
      await bench.close();
      await removeDir(bench.dataDir);
    }
  });
});
