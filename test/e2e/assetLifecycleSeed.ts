/**
 * Puts assets into a test workbench for the asset-lifecycle browser tests and screenshots: the fixture assets written
 * through the asset store's own functions (upsert, recount, audit trail, sync status), on the workbench's Forge host.
 * When the workbench has no Canto or iconik connection (no simulator variables), the connection is saved the way the
 * settings page saves it, so the macro sees both sources as connected.
 */
import { kvs } from '@forge/kvs';
import { SECRET_KEYS } from '../../src/config/connections';
import type { DamSource } from '../../src/sources/dam/asset';
import { recountStep, upsertAssets, writeAuditTrail } from '../../src/store/assets';
import { recordDamRunFailed, recordDamRunStarted, recordDamRunSucceeded } from '../../src/store/assets/syncStatus';
import { readAppSettings, writeAppSettings } from '../../src/store/settings';
import type { Workbench } from '../../workbench/server';
import { auditTrail, makeAssets } from '../fixtures/assetLifecycleAssets';

export interface SeededAssets {
  now: Date;
  canto: ReturnType<typeof makeAssets>;
  iconik: ReturnType<typeof makeAssets>;
}

async function connectedSources(workbench: Workbench): Promise<Record<DamSource, boolean>> {
  const answer = await workbench.forge.invokeResolver({
    moduleKey: 'asset-lifecycle',
    functionKey: 'assetLifecycle.getConfigOptions',
    payload: {},
    extension: { type: 'macro', config: {} },
    accountId: 'seed',
  });
  const sources = answer.ok ? ((answer.body as { sources?: { source: DamSource; connected: boolean }[] }).sources ?? []) : [];
  return { canto: sources.some((s) => s.source === 'canto' && s.connected), iconik: sources.some((s) => s.source === 'iconik' && s.connected) };
}

async function connectIfNeeded(workbench: Workbench): Promise<void> {
  const connected = await connectedSources(workbench);
  if (connected.canto && connected.iconik) return;
  const { settings } = await readAppSettings();
  await writeAppSettings({
    ...settings,
    connections: {
      ...settings.connections,
      ...(connected.canto ? {} : { canto: { baseUrl: 'https://acme.canto.com', oauthUrl: 'https://oauth.canto.com', appId: 'workbench-canto-app' } }),
      ...(connected.iconik ? {} : { iconik: { baseUrl: 'https://app.iconik.io', appId: 'workbench-iconik-app' } }),
    },
  });
  if (!connected.canto) await kvs.setSecret(SECRET_KEYS.cantoAppSecret, 'workbench-canto-secret');
  if (!connected.iconik) await kvs.setSecret(SECRET_KEYS.iconikAuthToken, 'workbench-iconik-token');
}

export async function markSynced(source: DamSource, at: Date): Promise<void> {
  const runId = `seed-${source}-${at.getTime()}`;
  await recordDamRunStarted(source, { runId, mode: 'full', startedAt: at.toISOString() }, null);
  await recordDamRunSucceeded(
    source,
    { runId, mode: 'full', startedAt: at.toISOString(), counts: { listed: 0, written: 0, unchanged: 0, skippedOlder: 0, invalid: 0, enriched: 0, failedJobs: 0, requests: 0, steps: 0 }, notes: [] },
    at,
  );
}

export async function markFailed(source: DamSource, message: string): Promise<void> {
  await recordDamRunFailed(source, null, message, new Date());
}

async function recount(source: DamSource): Promise<void> {
  let state: unknown = null;
  for (let i = 0; i < 1000; i += 1) {
    const step = await recountStep(source, state);
    state = step.state;
    if (step.done) return;
  }
  throw new Error(`recount of ${source} did not finish`);
}

export async function seedAssets(workbench: Workbench, counts: { canto: number; iconik: number } = { canto: 30, iconik: 20 }): Promise<SeededAssets> {
  await connectIfNeeded(workbench);
  const now = new Date();
  const canto = makeAssets('canto', counts.canto, now);
  const iconik = makeAssets('iconik', counts.iconik, now);
  await upsertAssets([...canto, ...iconik], { now });
  await recount('canto');
  await recount('iconik');
  if (iconik[1]) await writeAuditTrail('iconik', iconik[1].id, auditTrail(now));
  const syncedAt = new Date(now.getTime() - 12 * 60_000);
  await markSynced('canto', syncedAt);
  await markSynced('iconik', syncedAt);
  return { now, canto, iconik };
}
