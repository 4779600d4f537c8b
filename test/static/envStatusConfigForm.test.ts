import { configFromForm, formFromConfig, validateConfigForm } from '../../static/src/config/envStatusConfigForm';

const options = {
  solutions: [
    { id: 'sol-otc', name: 'Retail Order-to-Cash' },
    { id: 'sol-fin', name: 'Finance B2B' },
  ],
  stages: ['dev', 'test', 'prod'],
};

describe('formFromConfig', () => {
  it('starts empty for a macro that was never configured', () => {
    expect(formFromConfig(undefined)).toEqual({ solutionId: null, stages: [] });
  });

  it('reads the saved solution and stages', () => {
    expect(formFromConfig({ solutionId: 'sol-otc', stages: ['prod'] })).toEqual({ solutionId: 'sol-otc', stages: ['prod'] });
  });

  it('drops malformed values instead of trusting them', () => {
    expect(formFromConfig({ solutionId: 42, stages: ['prod', 7] })).toEqual({ solutionId: null, stages: ['prod'] });
  });
});

describe('validateConfigForm', () => {
  it('requires a solution', () => {
    expect(validateConfigForm({ solutionId: null, stages: [] }, options).solutionId).toMatch(/Pick the solution/);
  });

  it('flags a saved solution that no longer exists', () => {
    expect(validateConfigForm({ solutionId: 'sol-gone', stages: [] }, options).solutionId).toMatch(/no longer exists/);
  });

  it('accepts a known solution with no stages (every stage)', () => {
    expect(validateConfigForm({ solutionId: 'sol-fin', stages: [] }, options)).toEqual({});
  });
});

describe('configFromForm', () => {
  it('stores stages in the order the options list them', () => {
    expect(configFromForm({ solutionId: 'sol-otc', stages: ['prod', 'dev'] }, options)).toEqual({ solutionId: 'sol-otc', stages: ['dev', 'prod'] });
  });

  it('drops a stage the backend no longer offers', () => {
    expect(configFromForm({ solutionId: 'sol-otc', stages: ['qa', 'test'] }, options).stages).toEqual(['test']);
  });
});
