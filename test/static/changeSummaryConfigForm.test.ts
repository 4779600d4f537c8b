import { configFromForm, formFromConfig, validateConfigForm, withSolution } from '../../static/src/config/changeSummaryConfigForm';

const options = {
  solutions: [{ id: 'sol-otc', name: 'Retail Order-to-Cash' }],
  environments: [
    { id: 'env-otc-dev', name: 'OTC Development', stage: 'dev', isProduction: false },
    { id: 'env-otc-prod', name: 'OTC Production', stage: 'prod', isProduction: true },
  ],
};

describe('change-summary config form', () => {
  it('starts from the saved config, and from defaults (last 7 days, every environment) without one', () => {
    expect(formFromConfig(undefined)).toEqual({ solutionId: null, environmentIds: [], window: '7d', onlyProduction: false });
    expect(formFromConfig({ solutionId: 'sol-otc', environmentIds: ['env-otc-dev'], window: '30d', onlyProduction: true })).toEqual({
      solutionId: 'sol-otc',
      environmentIds: ['env-otc-dev'],
      window: '30d',
      onlyProduction: true,
    });
  });

  it('drops malformed saved values rather than trusting them', () => {
    expect(formFromConfig({ solutionId: 42, environmentIds: ['ok', 7], window: 'forever', onlyProduction: 'yes' })).toEqual({
      solutionId: null,
      environmentIds: ['ok'],
      window: '7d',
      onlyProduction: false,
    });
  });

  it('requires a solution that still exists', () => {
    expect(validateConfigForm(formFromConfig({}), options).solutionId).toMatch(/Pick the solution/);
    expect(validateConfigForm(formFromConfig({ solutionId: 'sol-gone' }), options).solutionId).toMatch(/no longer exists/);
    expect(validateConfigForm(formFromConfig({ solutionId: 'sol-otc' }), options)).toEqual({});
  });

  it('clears the chosen environments when another solution is picked', () => {
    const form = formFromConfig({ solutionId: 'sol-otc', environmentIds: ['env-otc-dev'] });
    expect(withSolution(form, 'sol-log').environmentIds).toEqual([]);
    expect(withSolution(form, 'sol-otc')).toBe(form);
  });

  it("saves only environments the solution has, in the options' order", () => {
    const form = { solutionId: 'sol-otc', environmentIds: ['env-otc-prod', 'env-gone', 'env-otc-dev'], window: '90d' as const, onlyProduction: false };
    expect(configFromForm(form, options)).toEqual({
      solutionId: 'sol-otc',
      environmentIds: ['env-otc-dev', 'env-otc-prod'],
      window: '90d',
      onlyProduction: false,
    });
  });
});
