/**
 * What incident pages and the knowledge base read: the space's solutions, their failures (the last published sync),
 * environment names, the changes before a failure (only the stream chunks covering the window) and the interface
 * specs of a message type. Reads, never writes.
 */
import { storedChangeRowSchema } from '../domain/changes/changeRows';
import { streamDirectoryEntrySchema } from '../domain/changes/changeStreams';
import { solutionsForSpace } from '../domain/hub/spaceMapping';
import { mergeLiveFailures, type LiveEvents } from '../domain/events/liveOverlay';
import { changesInWindow, chunksCovering, type ChangeWindow } from '../domain/incidents/changeWindow';
import type { IncidentChanges } from '../domain/incidents/incidentPage';
import { environmentSchema, failureSchema, type Failure } from '../sources/governance/schemas';
import type { ChangeRow } from '../shared/changeSummaryContract';
import { datasets } from '../store/datasets';
import { readLiveEvents } from '../store/liveEvents';
import { readAppSettings } from '../store/settings';
import { readDataset, type SnapshotPointer } from '../store/snapshots';
import { listSolutionSpecs, type SpecListing } from '../store/specsBySolution';
import { readStreamChunks, streamChunkId } from '../store/timeStreams';
import { readSolutions, type SolutionView } from './solutionsView';

/** The solutions a space shows (admin overrides applied), and each solution's space. */
export async function spaceSolutions(pointer: SnapshotPointer, spaceKey: string | null): Promise<SolutionView[]> {
  const [solutions, { settings }] = await Promise.all([readSolutions(pointer), readAppSettings()]);
  return solutionsForSpace(solutions, spaceKey, settings.spaceMapping.bySolution);
}

/**
 * A solution's failures: those of the last sync (the backend sends the last 90 days), validated on read, with the
 * failures the backend pushed since (opened, resolved) applied from the live overlay. Pass `live` when the caller
 * has read (or is reading) the solution's overlay already.
 */
export async function readFailures(pointer: SnapshotPointer, solutionId: string, live?: LiveEvents | Promise<LiveEvents>): Promise<Failure[]> {
  const [synced, overlay] = await Promise.all([readDataset(datasets.raw('failures', solutionId), failureSchema, pointer), live ?? readLiveEvents(solutionId)]);
  return mergeLiveFailures(synced?.items ?? [], overlay);
}

const environmentNameSchema = environmentSchema.pick({ id: true, name: true, stage: true });

/** Environment id -> name for a solution (environments the backend no longer lists are absent). */
export async function readEnvironmentNames(pointer: SnapshotPointer, solutionId: string): Promise<Map<string, string>> {
  const read = await readDataset(datasets.raw('environments', solutionId), environmentNameSchema, pointer);
  return new Map((read?.items ?? []).map((environment) => [environment.id, environment.name]));
}

/**
 * The changes of one environment inside the window: the change directory, then only the stream chunks whose time
 * bounds overlap the window (a few KiB each), whatever the length of the history.
 */
export async function readChangesInWindow(
  pointer: SnapshotPointer,
  solutionId: string,
  environment: { id: string; name: string },
  window: ChangeWindow,
  /** The solution's live overlay when the caller has it already (it read the failures with it). */
  live?: LiveEvents | Promise<LiveEvents>,
): Promise<IncidentChanges> {
  const empty: IncidentChanges = { window, environmentName: environment.name, changes: [], omitted: 0, available: false };
  const directory = await readDataset(datasets.changeDirectory(solutionId), streamDirectoryEntrySchema, pointer);
  if (!directory) return empty;
  const entry = directory.items.find((item) => item.e === environment.id);
  if (!entry) return { ...empty, available: true };
  const dataset = datasets.changeStream(solutionId, environment.id);
  const chunks = chunksCovering(entry.k, window);
  const [read, overlay] = await Promise.all([readStreamChunks(pointer, chunks.map((chunk) => ({ dataset, chunk }))), live ?? readLiveEvents(solutionId)]);
  const rows: ChangeRow[] = chunks.flatMap((chunk) =>
    (read.get(streamChunkId(dataset, chunk)) ?? []).flatMap((item) => {
      const parsed = storedChangeRowSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );
  // Changes pushed since the sync (a late event about the hours before the failure) count too.
  rows.push(...overlay.changes.filter((entry) => entry.row.environment.id === environment.id).map((entry) => entry.row));
  const { changes, omitted } = changesInWindow(rows, window);
  return { window, environmentName: entry.n || environment.name, changes, omitted, available: true };
}

/** "X12 850" matches a spec of message "X12 850" in any version ("X12 850 4010"), case and spacing aside. */
export function specMatchesMessageType(listing: Pick<SpecListing, 'messageType'>, messageType: string): boolean {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const spec = normalise(listing.messageType);
  const wanted = normalise(messageType);
  return wanted !== '' && (spec === wanted || spec.startsWith(`${wanted} `));
}

/** Specs are listed 20 per KVS page; a solution with more than this many specs has its first ones searched. */
const SPEC_PAGES_READ = 10;

export async function readSpecsForMessageType(solutionId: string, messageType: string): Promise<SpecListing[]> {
  const found: SpecListing[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < SPEC_PAGES_READ; page += 1) {
    const listed = await listSolutionSpecs(solutionId, cursor);
    found.push(...listed.specs.filter((spec) => specMatchesMessageType(spec, messageType)));
    if (!listed.nextCursor) break;
    cursor = listed.nextCursor;
  }
  return found;
}
