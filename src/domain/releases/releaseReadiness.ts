import { z } from 'zod';
import type { Deployment, Environment, Release } from '../../sources/governance/schemas';
import {
  READINESS_STATES,
  artifactInEnvironment,
  deploymentsByEnvironmentAndArtifact,
  readinessState,
  slotKey,
  type ReadinessState,
} from './itemReadiness';
import { readinessFigure, readinessFigureSchema } from './readinessFigure';
import { readinessFingerprint } from './readinessFingerprint';
import { previousStageOf } from './stageOrder';

/**
 * The release-readiness view, prepared by the sync per solution: one summary per release (what the header, the
 * config panel and sign-offs need) and one row per release item (what the items table pages through), with the
 * fields the table sorts by.
 */
const readinessStateSchema = z.enum(READINESS_STATES);

const environmentRefSchema = z.object({ id: z.string(), name: z.string() });

export const releaseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  plannedFor: z.string(),
  /** Null name when the backend's target environment is not one of the solution's environments. */
  target: z.object({ id: z.string(), name: z.string().nullable(), stage: z.string().nullable(), isProduction: z.boolean() }),
  previousStage: z.object({ stage: z.string(), environments: z.array(environmentRefSchema) }).nullable(),
  readiness: readinessFigureSchema,
  fingerprint: z.string(),
});
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

/** As stored: with the chunks of the items index that hold this release's entries (see the sync's builder). */
export const storedReleaseSummarySchema = releaseSummarySchema.extend({ indexChunks: z.array(z.number().int().nonnegative()) });
export type StoredReleaseSummary = z.infer<typeof storedReleaseSummarySchema>;

const artifactInEnvironmentSchema = z.object({
  deployedVersion: z.string().nullable(),
  deployedAt: z.string().nullable(),
  failure: z.object({ version: z.string(), at: z.string().nullable() }).nullable(),
  scheduledVersion: z.string().nullable(),
  latestStatus: z.string().nullable(),
});

export const storedReleaseItemSchema = z.object({
  id: z.string(),
  releaseId: z.string(),
  artifactId: z.string(),
  artifactName: z.string(),
  kind: z.string(),
  expectedVersion: z.string(),
  state: readinessStateSchema,
  target: artifactInEnvironmentSchema,
  /** The artifact in each environment of the previous stage, in the order of the summary's previousStage. */
  previous: z.array(artifactInEnvironmentSchema.extend({ environmentId: z.string() })),
});
export type StoredReleaseItem = z.infer<typeof storedReleaseItemSchema>;

/**
 * What the items table sorts by, all small numbers: rank of the artifact name within the release, rank of the kind
 * among the solution's kinds, rank of the state (worst first).
 */
export const releaseItemSortFieldsSchema = z.object({ a: z.number().int(), k: z.number().int(), s: z.number().int() });
export type ReleaseItemSortFields = z.infer<typeof releaseItemSortFieldsSchema>;

export function stateRank(state: ReadinessState): number {
  return READINESS_STATES.indexOf(state);
}

export interface PreparedRelease {
  summary: ReleaseSummary;
  /** In the table's default order (worst state first, then name), so the first page usually sits in one chunk. */
  items: { item: StoredReleaseItem; sort: ReleaseItemSortFields }[];
}

/** Releases sorted by planned date (then name), so the config panel lists them in time order. */
export function buildReleaseReadiness(
  releases: readonly Release[],
  environments: readonly Environment[],
  deployments: readonly Deployment[],
): PreparedRelease[] {
  const slots = deploymentsByEnvironmentAndArtifact(deployments);
  const environmentsById = new Map(environments.map((environment) => [environment.id, environment]));
  const ordered = [...releases].sort((a, b) => Date.parse(a.plannedFor) - Date.parse(b.plannedFor) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const kinds = [...new Set(releases.flatMap((release) => release.items.map((item) => item.kind)))].sort();
  const kindRanks = new Map(kinds.map((kind, rank) => [kind, rank]));

  return ordered.map((release, ordinal) => {
    const target = environmentsById.get(release.targetEnvironmentId);
    const previous = target ? previousStageOf(target, environments) : null;
    const releaseItems: StoredReleaseItem[] = release.items.map((item, position) => {
      const inTarget = artifactInEnvironment(slots.get(slotKey(release.targetEnvironmentId, item.artifactId)) ?? [], item.expectedVersion);
      return {
        id: `${ordinal}.${position}`,
        releaseId: release.id,
        artifactId: item.artifactId,
        artifactName: item.artifactName,
        kind: item.kind,
        expectedVersion: item.expectedVersion,
        state: readinessState(item.expectedVersion, inTarget),
        target: inTarget,
        previous: (previous?.environments ?? []).map((environment) => ({
          environmentId: environment.id,
          ...artifactInEnvironment(slots.get(slotKey(environment.id, item.artifactId)) ?? [], item.expectedVersion),
        })),
      };
    });
    const byName = [...releaseItems].sort((a, b) => a.artifactName.localeCompare(b.artifactName) || a.id.localeCompare(b.id, undefined, { numeric: true }));
    const nameRank = new Map(byName.map((item, rank) => [item.id, rank]));
    const items = releaseItems
      .map((item) => ({ item, sort: { a: nameRank.get(item.id) ?? 0, k: kindRanks.get(item.kind) ?? 0, s: stateRank(item.state) } }))
      .sort((x, y) => x.sort.s - y.sort.s || x.sort.a - y.sort.a);
    return {
      summary: {
        id: release.id,
        name: release.name,
        plannedFor: release.plannedFor,
        target: {
          id: release.targetEnvironmentId,
          name: target?.name ?? null,
          stage: target?.stage ?? null,
          isProduction: target?.isProduction ?? false,
        },
        previousStage: previous
          ? { stage: previous.stage, environments: previous.environments.map(({ id, name }) => ({ id, name })) }
          : null,
        readiness: readinessFigure(releaseItems.map((item) => item.state)),
        fingerprint: readinessFingerprint(release.targetEnvironmentId, releaseItems),
      },
      items,
    };
  });
}
