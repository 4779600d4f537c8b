import {
  configFromForm,
  formFromConfig,
  releaseChoiceOf,
  releaseOptionValue,
  validateConfigForm,
} from '../../static/src/config/releaseReadinessConfigForm';

const options = {
  solutions: [{ id: 'sol-otc', name: 'Retail OTC' }],
  releases: [{ id: 'rel-1', name: 'Holiday', plannedFor: '2026-11-25T09:00:00Z', targetName: 'OTC Production' }],
};

describe('release-readiness config form', () => {
  it('reads a saved pinned release, and falls back to "next planned" for anything else', () => {
    expect(formFromConfig({ solutionId: 'sol-otc', releaseMode: 'pinned', releaseId: 'rel-1' })).toEqual({ solutionId: 'sol-otc', release: { mode: 'pinned', releaseId: 'rel-1' } });
    expect(formFromConfig({ solutionId: 'sol-otc', releaseMode: 'next', releaseId: 'rel-1' }).release).toEqual({ mode: 'next' });
    expect(formFromConfig({ solutionId: 7, releaseId: ['x'] })).toEqual({ solutionId: null, release: { mode: 'next' } });
    expect(formFromConfig(undefined)).toEqual({ solutionId: null, release: { mode: 'next' } });
  });

  it('requires a solution that exists, and a pinned release that is still planned', () => {
    expect(validateConfigForm({ solutionId: null, release: { mode: 'next' } }, options).solutionId).toMatch(/pick the solution/i);
    expect(validateConfigForm({ solutionId: 'gone', release: { mode: 'next' } }, options).solutionId).toMatch(/no longer exists/);
    expect(validateConfigForm({ solutionId: 'sol-otc', release: { mode: 'pinned', releaseId: 'gone' } }, options).release).toMatch(/no longer planned/);
    expect(validateConfigForm({ solutionId: 'sol-otc', release: { mode: 'pinned', releaseId: 'rel-1' } }, options)).toEqual({});
    expect(validateConfigForm({ solutionId: 'sol-otc', release: { mode: 'next' } }, { ...options, releases: [] })).toEqual({});
  });

  it('saves the mode explicitly, with the release id only when pinned', () => {
    expect(configFromForm({ solutionId: 'sol-otc', release: { mode: 'next' } })).toEqual({ solutionId: 'sol-otc', releaseMode: 'next' });
    expect(configFromForm({ solutionId: 'sol-otc', release: { mode: 'pinned', releaseId: 'rel-1' } })).toEqual({ solutionId: 'sol-otc', releaseMode: 'pinned', releaseId: 'rel-1' });
  });

  it('keeps "next" and a release literally called "next" apart in the select', () => {
    const pinned = { mode: 'pinned' as const, releaseId: 'next' };
    expect(releaseOptionValue(pinned)).not.toBe(releaseOptionValue({ mode: 'next' }));
    expect(releaseChoiceOf(releaseOptionValue(pinned))).toEqual(pinned);
    expect(releaseChoiceOf(releaseOptionValue({ mode: 'next' }))).toEqual({ mode: 'next' });
  });
});
