import { noGovernanceDataMessage } from './governanceSnapshot';
import { z } from 'zod';
import { GOVERNANCE_SYNC_INTERVAL_MINUTES } from '../config/governanceConnection';
import type { StoredInterfaceSpec } from '../domain/specs/interfaceSpecRecord';
import { interfaceSpecDrift } from '../domain/specs/specDrift';
import { specDriftItemSchema, specDriftSnapshot, type SpecDriftSnapshot } from '../domain/specs/specDriftSnapshot';
import { syncStamp } from '../domain/sync/syncStamp';
import { INTERFACE_SPEC_MODES, type InterfaceSpecView, type SpecDriftAnswer, type SpecSaveInfo } from '../shared/interfaceSpecContract';
import type { SyncStamp } from '../shared/syncStamp';
import { datasets } from '../store/datasets';
import { readInterfaceSpec } from '../store/interfaceSpecs';
import { readDataset, readPointer, type SnapshotPointer } from '../store/snapshots';
import { readSourceStatus } from '../store/syncStatus';
import { readSolutions, type SolutionView } from './solutionsView';

export const interfaceSpecConfigSchema = z
  .object({
    mode: z.enum(INTERFACE_SPEC_MODES).optional(),
    stages: z.array(z.string().min(1).max(50)).max(20).optional(),
  })
  .passthrough();
export type InterfaceSpecMacroConfig = z.infer<typeof interfaceSpecConfigSchema>;

/** Where a macro's spec lives: the page and the macro instance, from the invocation context. */
export interface SpecLocation {
  contentId: string;
  localId: string;
}

export async function readSpecDriftSnapshot(solutionId: string, pointer: SnapshotPointer): Promise<SpecDriftSnapshot | undefined> {
  const read = await readDataset(datasets.specDriftView(solutionId), specDriftItemSchema, pointer);
  return read ? specDriftSnapshot(read.items) : undefined;
}

/** The drift of a spec against the synced snapshot, or why there is none. */
export function driftAnswer(
  spec: StoredInterfaceSpec['spec'] | null,
  pointer: SnapshotPointer | undefined,
  snapshot: SpecDriftSnapshot | undefined,
  sync: SyncStamp,
  stages: readonly string[],
): SpecDriftAnswer {
  if (!spec) return { state: 'unavailable', message: 'Drift appears once the spec names its solution, artifacts and endpoints.' };
  if (!pointer) {
    return {
      state: 'unavailable',
      message: noGovernanceDataMessage(sync, 'to compare with'),
    };
  }
  if (!snapshot) {
    return { state: 'unavailable', message: `The governance backend has no solution "${spec.solutionId}" (any more): edit the spec to pick another one.` };
  }
  return { state: 'ok', drift: interfaceSpecDrift(spec, snapshot, { stages }) };
}

/**
 * What the interface-spec macro shows: its spec (one KVS read), and for drift the pointer, the sync status, the
 * solutions list and the spec's solution's drift dataset. Nothing here grows with deployment history.
 */
export async function loadInterfaceSpec(
  location: SpecLocation,
  config: InterfaceSpecMacroConfig,
  reader: { accountId: string | null },
  now: Date,
): Promise<InterfaceSpecView> {
  const [record, pointer, status] = await Promise.all([
    readInterfaceSpec(location.contentId, location.localId),
    readPointer(),
    readSourceStatus('governance'),
  ]);
  const sync = syncStamp(status, now, GOVERNANCE_SYNC_INTERVAL_MINUTES);
  const solutionId = record?.spec.solutionId;
  const [solutions, snapshot] = await Promise.all([
    pointer ? readSolutions(pointer) : Promise.resolve<SolutionView[]>([]),
    pointer && solutionId ? readSpecDriftSnapshot(solutionId, pointer) : Promise.resolve(undefined),
  ]);
  const solution = solutions.find((s) => s.id === solutionId);
  const stages = config.stages ?? [];
  return {
    state: 'ok',
    mode: config.mode ?? 'spec-and-drift',
    stages,
    spec: record?.spec ?? null,
    saved: record ? saveInfo(record, reader.accountId) : null,
    canEdit: Boolean(reader.accountId),
    solution: solution ? { id: solution.id, name: solution.name } : null,
    environmentNames: Object.fromEntries((snapshot?.environments ?? []).map((environment) => [environment.id, environment.name])),
    artifactNames: Object.fromEntries(
      (record?.spec.artifacts ?? []).flatMap(({ artifactId }) => {
        const name = snapshot?.artifacts[artifactId]?.[0];
        return name ? [[artifactId, name]] : [];
      }),
    ),
    drift: driftAnswer(record?.spec ?? null, pointer, snapshot, sync, stages),
    sync,
  };
}

export function saveInfo(record: StoredInterfaceSpec, accountId: string | null): SpecSaveInfo {
  return {
    version: record.version,
    createdAt: record.createdAt,
    savedAt: record.savedAt,
    savedByName: record.savedByName,
    savedByYou: accountId !== null && record.savedBy === accountId,
  };
}
