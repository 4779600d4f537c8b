import { readGovernanceSnapshot } from '../views/governanceSnapshot';
import { z } from 'zod';
import { currentConfluenceUser } from '../confluence/currentUser';
import { normalisedNote, signOffsWithStatus, type SignOffWithStatus, type StoredSignOff } from '../domain/releases/signOffs';
import {
  RELEASE_ITEM_SORT_KEYS,
  SIGN_OFF_NOTE_LIMIT,
  type ReleaseReadinessConfigOptionsResponse,
  type ReleaseReadinessResponse,
  type ReleaseSignOff,
  type SignOffResponse,
  type WithdrawSignOffResponse,
} from '../shared/releaseReadinessContract';
import { deleteSignOff, listSignOffs, readSignOff, saveSignOff } from '../store/releaseSignOffs';
import { loadReleaseContext, readReleaseItems, readReleaseSummaries, releaseReadinessConfigSchema } from '../views/releaseReadinessView';
import { readSolutions } from '../views/solutionsView';
import type { ResolverRequest } from './types';
import { parseInput, resolverError } from './validation';
import { solutionForView } from './viewScope';

export const MAX_ITEMS_PAGE_SIZE = 100;

const pageRequestSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(MAX_ITEMS_PAGE_SIZE).default(10),
    sortKey: z.enum(RELEASE_ITEM_SORT_KEYS).default('state'),
    sortOrder: z.enum(['ASC', 'DESC']).default('ASC'),
    /** Only from the space hub (see viewScope.ts). */
    solutionId: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const releaseIdSchema = z.string().trim().min(1).max(200);

const signOffRequestSchema = z
  .object({
    releaseId: releaseIdSchema,
    note: z.string().max(SIGN_OFF_NOTE_LIMIT, `must be at most ${SIGN_OFF_NOTE_LIMIT} characters`).optional(),
    fingerprint: z.string().min(1).max(64).optional(),
    /** Only from the space hub (see viewScope.ts). */
    solutionId: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const withdrawRequestSchema = z.object({ releaseId: releaseIdSchema, solutionId: z.string().trim().min(1).max(200).optional() }).strict();

const ANONYMOUS_MESSAGE = 'Log in to Confluence to sign off: anonymous readers cannot sign off or withdraw a sign-off.';

/** The macro's configuration; in the space hub, the hub's solution and its next planned release. */
async function viewConfig(request: ResolverRequest, payloadSolutionId: string | undefined) {
  const config = parseInput('macro configuration', releaseReadinessConfigSchema, request.context.extension?.config ?? {});
  if (!config.ok) return config;
  const solution = await solutionForView(request.context, config.value.solutionId, payloadSolutionId);
  if (!solution.ok) return solution;
  return { ok: true as const, value: { ...config.value, solutionId: solution.value } };
}

function asView(signOff: SignOffWithStatus): ReleaseSignOff {
  const { accountId, displayName, signedAt, note, readiness, outdated, mine } = signOff;
  return { accountId, displayName, signedAt, note, readiness, outdated, mine };
}

export async function getReleaseReadiness(request: ResolverRequest): Promise<ReleaseReadinessResponse> {
  const page = parseInput('payload', pageRequestSchema, request.payload ?? {});
  if (!page.ok) return page.error;
  const config = await viewConfig(request, page.value.solutionId);
  if (!config.ok) return config.error;
  const now = new Date();
  const context = await loadReleaseContext(config.value, now);
  if (context.state === 'no-release') {
    return { state: 'no-release', sync: context.sync, solution: { id: context.solution.id, name: context.solution.name }, message: context.message };
  }
  if (context.state !== 'ok') return context;
  const { solution, release, pointer } = context;
  const [items, signOffs] = await Promise.all([
    readReleaseItems(solution.id, release, page.value, pointer),
    listSignOffs(solution.id, release.id),
  ]);
  const { previousStage, target, readiness, fingerprint, id, name, plannedFor } = release;
  return {
    state: 'ok',
    sync: context.sync,
    solution: { id: solution.id, name: solution.name },
    releaseMode: context.selection.mode,
    release: { id, name, plannedFor, target, previousStage, readiness, fingerprint },
    items: items.rows,
    total: items.total,
    page: items.page,
    pageSize: page.value.pageSize,
    sortKey: page.value.sortKey,
    sortOrder: page.value.sortOrder,
    signOffs: signOffsWithStatus(signOffs.signOffs, fingerprint, request.context.accountId).map(asView),
    signOffsTruncated: signOffs.truncated,
    viewer: { signedIn: Boolean(request.context.accountId) },
  };
}

/**
 * Signs off the release the macro shows, as the Confluence user invoking it. The name comes from Confluence and the
 * readiness from the last sync, never from the browser; the browser's fingerprint is only compared, so nobody signs
 * a readiness they were not shown.
 */
export async function signOffRelease(request: ResolverRequest): Promise<SignOffResponse> {
  const input = parseInput('payload', signOffRequestSchema, request.payload ?? {});
  if (!input.ok) return input.error;
  const accountId = request.context.accountId;
  if (!accountId) return resolverError(ANONYMOUS_MESSAGE);
  const config = await viewConfig(request, input.value.solutionId);
  if (!config.ok) return config.error;
  const now = new Date();
  const context = await loadReleaseContext(config.value, now);
  if (context.state !== 'ok') return resolverError(`Nothing to sign off: ${'message' in context ? context.message : 'this macro has no release selected.'}`);
  const { release, solution } = context;
  if (release.id !== input.value.releaseId) {
    return fieldError('payload.releaseId', `is not the release this macro shows (${release.name})`, 'This macro shows another release now: reload it and sign again.');
  }
  if (input.value.fingerprint && input.value.fingerprint !== release.fingerprint) {
    return fieldError('payload.fingerprint', 'does not match the current readiness', 'The release’s readiness changed since you loaded it. Review it again, then sign off.');
  }
  const user = await currentConfluenceUser();
  if (!user.ok) {
    return resolverError(user.reason === 'anonymous' ? ANONYMOUS_MESSAGE : `Couldn’t confirm who you are with Confluence (${user.detail}). Try again.`);
  }
  if (user.accountId !== accountId) return resolverError('Confluence named a different user than the one signing; sign-off refused.');
  const signOff: StoredSignOff = {
    solutionId: solution.id,
    releaseId: release.id,
    accountId,
    displayName: user.displayName,
    signedAt: now.toISOString(),
    note: normalisedNote(input.value.note),
    fingerprint: release.fingerprint,
    readiness: release.readiness,
  };
  await saveSignOff(signOff);
  return { state: 'signed', signOff: asView({ ...signOff, outdated: false, mine: true }) };
}

/**
 * Withdraws the caller's own sign-off on the release the macro shows: the key is built from their account on the
 * server, so nobody can reach another person's sign-off.
 */
export async function withdrawReleaseSignOff(request: ResolverRequest): Promise<WithdrawSignOffResponse> {
  const input = parseInput('payload', withdrawRequestSchema, request.payload ?? {});
  if (!input.ok) return input.error;
  const accountId = request.context.accountId;
  if (!accountId) return resolverError(ANONYMOUS_MESSAGE);
  const config = await viewConfig(request, input.value.solutionId);
  if (!config.ok) return config.error;
  const context = await loadReleaseContext(config.value, new Date());
  if (context.state !== 'ok') return resolverError(`Nothing to withdraw: ${'message' in context ? context.message : 'this macro has no release selected.'}`);
  const { release, solution } = context;
  if (release.id !== input.value.releaseId) {
    return fieldError('payload.releaseId', `is not the release this macro shows (${release.name})`, 'This macro shows another release now: reload it.');
  }
  const existing = await readSignOff(solution.id, release.id, accountId);
  if (!existing) return fieldError('payload.releaseId', 'has no sign-off of yours', 'You have no sign-off on this release to withdraw.');
  await deleteSignOff(solution.id, release.id, accountId);
  return { state: 'withdrawn', releaseId: release.id };
}

export async function getReleaseReadinessConfigOptions(request: ResolverRequest): Promise<ReleaseReadinessConfigOptionsResponse> {
  const input = parseInput('payload', z.object({ solutionId: z.string().trim().min(1).max(200).optional() }).strict(), request.payload ?? {});
  if (!input.ok) return input.error;
  const { pointer, sync } = await readGovernanceSnapshot(new Date());
  const [solutions, releases] = pointer
    ? await Promise.all([readSolutions(pointer), input.value.solutionId ? readReleaseSummaries(input.value.solutionId, pointer) : []])
    : [[], []];
  return {
    solutions: solutions.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    releases: releases.map((release) => ({ id: release.id, name: release.name, plannedFor: release.plannedFor, targetName: release.target.name })),
    sync,
  };
}

function fieldError(path: string, fieldMessage: string, message: string) {
  return { state: 'error' as const, message, fields: [{ path, message: fieldMessage }] };
}
