/**
 * What the interface-spec resolvers answer. Shared by the backend (src/resolvers) and the Custom UI view
 * (static/src), which imports these types only (the spec types come from the pure domain model).
 */
import type { InterfaceSpec, SpecFieldError } from '../domain/specs/interfaceSpec';
import type { SpecDrift } from '../domain/specs/specDrift';
import type { ResolverError } from './resolverError';
import type { SyncStamp } from './syncStamp';

export type { InterfaceSpec, SpecFieldError } from '../domain/specs/interfaceSpec';
export type { ArtifactCheck, DriftState, EndpointCheck, EnvironmentDrift, SpecDrift } from '../domain/specs/specDrift';

/** What the macro shows: the spec and its drift, the spec alone, or only the drift (for status pages). */
export const INTERFACE_SPEC_MODES = ['spec-and-drift', 'spec', 'drift'] as const;
export type InterfaceSpecMode = (typeof INTERFACE_SPEC_MODES)[number];

/** The macro's saved configuration: small display settings only; the spec itself is stored by the app. */
export interface InterfaceSpecConfig {
  mode?: InterfaceSpecMode;
  /** Stages whose environments the drift shows; empty or missing means every stage. */
  stages?: string[];
}

export interface SpecSaveInfo {
  version: number;
  createdAt: string;
  savedAt: string;
  /** Who saved the current version, as Confluence named them then; null when it could not say. */
  savedByName: string | null;
  savedByYou: boolean;
}

export type SpecDriftAnswer =
  | { state: 'ok'; drift: SpecDrift }
  /** No spec yet, no synced data, or the spec's solution is not (any more) in the synced data. */
  | { state: 'unavailable'; message: string };

export interface InterfaceSpecView {
  state: 'ok';
  mode: InterfaceSpecMode;
  stages: string[];
  /** null until someone writes the spec. */
  spec: InterfaceSpec | null;
  saved: SpecSaveInfo | null;
  /** Signed-in readers may write the spec; anonymous readers only read it. */
  canEdit: boolean;
  solution: { id: string; name: string } | null;
  /** The spec's solution's environments by id, as last synced: names for the endpoints the spec lists. */
  environmentNames: Record<string, string>;
  /** The spec's artifacts by id, named as last synced (artifacts no environment knows are absent). */
  artifactNames: Record<string, string>;
  drift: SpecDriftAnswer;
  sync: SyncStamp;
}

export type InterfaceSpecResponse = InterfaceSpecView | ResolverError;

export interface SaveInterfaceSpecRequest {
  /** The spec as edited; validated on save. */
  spec: unknown;
  /** The version the edit started from; 0 for a spec that did not exist yet. */
  baseVersion: number;
}

export type SaveInterfaceSpecResponse =
  | { state: 'saved'; saved: SpecSaveInfo }
  /** Someone saved another version since the edit started: nothing was written. */
  | { state: 'conflict'; message: string; current: SpecSaveInfo | null }
  | (ResolverError & { fields: SpecFieldError[] });

export interface InterfaceSpecEditOptions {
  solutions: { id: string; name: string }[];
  /** Of the requested solution, as last synced; empty when none was requested. */
  environments: { id: string; name: string; stage: string }[];
  artifacts: { id: string; name: string; kind: string }[];
}

export type InterfaceSpecEditOptionsResponse = InterfaceSpecEditOptions | ResolverError;

export interface InterfaceSpecConfigOptions {
  stages: string[];
}

export type InterfaceSpecConfigOptionsResponse = InterfaceSpecConfigOptions | ResolverError;
