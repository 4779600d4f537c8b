import type { ReleaseReadinessConfig, ReleaseReadinessConfigOptions } from '../../../src/shared/releaseReadinessContract';

export type ReleaseChoice = { mode: 'next' } | { mode: 'pinned'; releaseId: string };

export interface ReleaseReadinessConfigForm {
  solutionId: string | null;
  release: ReleaseChoice;
}

export interface ReleaseReadinessConfigErrors {
  solutionId?: string;
  release?: string;
}

/** Select option values: "next", or "release:" + id, so no release id can be mistaken for "next". */
const NEXT_VALUE = 'next';
const RELEASE_PREFIX = 'release:';

export function releaseOptionValue(choice: ReleaseChoice): string {
  return choice.mode === 'next' ? NEXT_VALUE : `${RELEASE_PREFIX}${choice.releaseId}`;
}

export function releaseChoiceOf(value: string | null | undefined): ReleaseChoice {
  if (value && value.startsWith(RELEASE_PREFIX)) return { mode: 'pinned', releaseId: value.slice(RELEASE_PREFIX.length) };
  return { mode: 'next' };
}

/** The form's starting values from a saved config; anything malformed is dropped rather than trusted. */
export function formFromConfig(config: unknown): ReleaseReadinessConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as ReleaseReadinessConfig;
  const solutionId = typeof saved.solutionId === 'string' && saved.solutionId ? saved.solutionId : null;
  const releaseId = typeof saved.releaseId === 'string' && saved.releaseId ? saved.releaseId : null;
  return { solutionId, release: saved.releaseMode !== 'next' && releaseId ? { mode: 'pinned', releaseId } : { mode: 'next' } };
}

/** Field errors; empty when the form can be saved. `releases` are those of the chosen solution. */
export function validateConfigForm(
  form: ReleaseReadinessConfigForm,
  options: Pick<ReleaseReadinessConfigOptions, 'solutions' | 'releases'>,
): ReleaseReadinessConfigErrors {
  if (!form.solutionId) return { solutionId: 'Pick the solution whose release this macro shows.' };
  if (!options.solutions.some((solution) => solution.id === form.solutionId)) {
    return { solutionId: 'The saved solution no longer exists. Pick another one.' };
  }
  const choice = form.release;
  if (choice.mode === 'pinned' && !options.releases.some((release) => release.id === choice.releaseId)) {
    return { release: 'The saved release is no longer planned. Pick another one, or the next planned release.' };
  }
  return {};
}

export function configFromForm(form: ReleaseReadinessConfigForm): ReleaseReadinessConfig {
  return {
    ...(form.solutionId ? { solutionId: form.solutionId } : {}),
    ...(form.release.mode === 'next' ? { releaseMode: 'next' as const } : { releaseMode: 'pinned' as const, releaseId: form.release.releaseId }),
  };
}
