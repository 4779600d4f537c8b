import { configFromForm, formFromConfig, hasErrors, validateConfigForm } from '../../static/src/config/credentialOwnershipConfigForm';

const options = {
  solutions: [
    { id: 'sol-otc', name: 'Retail Order-to-Cash' },
    { id: 'sol-fin', name: 'Finance B2B' },
  ],
  stages: ['dev', 'test', 'prod'],
  environments: [
    { id: 'env-otc-test', name: 'OTC Test', stage: 'test', isProduction: false },
    { id: 'env-otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
  ],
  owners: [{ id: 'usr-marcus', name: 'Marcus Webb' }],
};
const empty = formFromConfig(undefined);

describe('the credential-ownership config form', () => {
  it('starts empty for a macro that was never configured', () => {
    expect(empty).toEqual({ solutionId: null, stages: [], environmentIds: [], ownerId: null, onlyProblems: false, dueSoonDays: '' });
  });

  it('reads a saved configuration and drops malformed values instead of trusting them', () => {
    expect(formFromConfig({ solutionId: 'sol-otc', stages: ['prod', 7], environmentIds: ['env-otc-prod'], ownerId: 'usr-marcus', onlyProblems: true, dueSoonDays: 30 })).toEqual({
      solutionId: 'sol-otc',
      stages: ['prod'],
      environmentIds: ['env-otc-prod'],
      ownerId: 'usr-marcus',
      onlyProblems: true,
      dueSoonDays: '30',
    });
    expect(formFromConfig({ solutionId: 42, onlyProblems: 'yes', dueSoonDays: 2.5, ownerId: '' })).toEqual(empty);
  });

  it('requires a solution that still exists', () => {
    expect(validateConfigForm(empty, options).solutionId).toMatch(/Pick the solution/);
    expect(validateConfigForm({ ...empty, solutionId: 'sol-gone' }, options).solutionId).toMatch(/no longer exists/);
    expect(hasErrors(validateConfigForm({ ...empty, solutionId: 'sol-otc' }, options))).toBe(false);
  });

  it('accepts a due-soon window of 1 to 365 whole days, or none', () => {
    const days = (dueSoonDays: string) => validateConfigForm({ ...empty, solutionId: 'sol-otc', dueSoonDays }, options).dueSoonDays;
    expect(days('1')).toBeUndefined();
    expect(days('365')).toBeUndefined();
    expect(days(' ')).toBeUndefined();
    for (const bad of ['0', '366', '2.5', '-3', 'two weeks']) expect(days(bad)).toMatch(/1 to 365/);
  });

  it('saves what the options still offer, and no window when none was typed', () => {
    expect(
      configFromForm(
        { solutionId: 'sol-otc', stages: ['prod', 'dev', 'uat'], environmentIds: ['env-otc-prod', 'env-gone'], ownerId: 'usr-gone', onlyProblems: true, dueSoonDays: '' },
        options,
      ),
    ).toEqual({ solutionId: 'sol-otc', stages: ['dev', 'prod'], environmentIds: ['env-otc-prod'], onlyProblems: true });
    expect(configFromForm({ ...empty, solutionId: 'sol-otc', ownerId: 'usr-marcus', dueSoonDays: '21' }, options)).toMatchObject({ ownerId: 'usr-marcus', dueSoonDays: 21 });
  });
});
