import { randomUUID } from 'node:crypto';
import { chooseRunMode, isRunAlive, listSince } from '../../domain/assetSync/runPlan';
import type { DamSource } from '../../sources/dam/asset';
import { readDamSyncStatus, recordDamRunFailed, recordDamRunStarted } from '../../store/assets/syncStatus';
import type { AssetSyncDeps, Connected } from './deps';
import type { StartEvent } from './events';
import { done, ignored, type StepOutcome } from './outcome';
import { claim, EMPTY_COUNTS, readEnrichHeartbeat, readRun, saveRun, type DamRun } from './run';

/** Whether the source is connected; makes no request. */
export async function checkConnection(source: DamSource, deps: AssetSyncDeps): Promise<Connected<unknown>> {
  const options = { purpose: 'check' as const, beforeRequest: () => undefined };
  return source === 'canto' ? deps.canto(options) : deps.iconik(options);
}

/** Whether the source's last run is still going (recent heartbeat of its chain or of its enrichment). */
export async function isRunning(run: DamRun | undefined, now: Date): Promise<boolean> {
  if (!run || run.phase === 'done' || run.phase === 'failed') return false;
  const enrichHeartbeat = run.source === 'iconik' ? await readEnrichHeartbeat(run.runId) : null;
  return isRunAlive([run.heartbeatAt, enrichHeartbeat], now);
}

/**
 * Starts a run for one source unless one is going: decides full or incremental, records the attempt and pushes the
 * first listing step. An unconnected source is skipped quietly; a half-configured one is reported in its status.
 */
export async function startRun(event: StartEvent, deps: AssetSyncDeps): Promise<StepOutcome> {
  const { source } = event;
  const now = deps.now();
  // Forge may run a scheduled trigger twice: one start per source and hour.
  if (event.trigger === 'schedule' && !(await claim(source, 'schedule', `start-${Math.floor(now.getTime() / 3_600_000)}`, now))) {
    return ignored('this hour\'s run was already asked for');
  }
  const existing = await readRun(source);
  if (await isRunning(existing, now)) return ignored(`a ${existing?.mode} run (${existing?.runId}) is still going`);
  const connection = await checkConnection(source, deps);
  if (!connection.ok) {
    if (!connection.configured) return ignored(`${source} is not connected`);
    await recordDamRunFailed(source, null, connection.message, now);
    return { outcome: 'failed', error: connection.message };
  }
  if (existing && existing.phase !== 'done' && existing.phase !== 'failed') {
    // Its consumer died mid-run: say so, keep its data, start over from the same watermark.
    await saveRun({ ...existing, phase: 'failed', error: 'abandoned: no progress for too long' });
    await recordDamRunFailed(source, existing.runId, `The ${existing.mode} sync started at ${existing.startedAt} stopped making progress and was abandoned.`, now);
  }
  const status = await readDamSyncStatus(source);
  const mode = chooseRunMode(status, now, event.mode);
  const since = listSince(mode, status.watermark);
  const run: DamRun = {
    runId: `${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`,
    source,
    mode,
    trigger: event.trigger,
    startedAt: now.toISOString(),
    heartbeatAt: now.toISOString(),
    since: since ? since.toISOString() : null,
    pass: mode === 'full' ? status.nextPass : null,
    seq: 0,
    phase: 'list',
    cursor: null,
    recountState: null,
    enrichBatches: 0,
    enrichCarry: [],
    pushLedger: null,
    counts: { ...EMPTY_COUNTS },
    upstreamTotal: null,
    tombstonesSafe: true,
    notes: [],
    error: null,
  };
  await saveRun(run);
  await recordDamRunStarted(source, { runId: run.runId, mode, startedAt: run.startedAt }, run.pass);
  await deps.push([{ body: { kind: 'list', source, runId: run.runId, seq: 0 } }]);
  return done(`started a ${mode} run ${run.runId}${since ? ` reading changes since ${since.toISOString()}` : ''}`);
}
