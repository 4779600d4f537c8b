import { configFromForm, formFromConfig, validateConfigForm } from '../../static/src/config/incidentKbConfigForm';

describe('incident knowledge base config form', () => {
  it('starts from the defaults when nothing (or nonsense) was saved', () => {
    expect(formFromConfig(undefined)).toEqual({ solutionId: null, defaultState: 'all', pageSize: 10, iconikJobs: true });
    expect(formFromConfig({ solutionId: 7, defaultState: 'maybe', pageSize: 13, iconikJobs: 'no' })).toEqual({ solutionId: null, defaultState: 'all', pageSize: 10, iconikJobs: true });
  });

  it('reads back what it saved', () => {
    const saved = configFromForm({ solutionId: 'sol-otc', defaultState: 'open', pageSize: 20, iconikJobs: false });
    expect(saved).toEqual({ solutionId: 'sol-otc', defaultState: 'open', pageSize: 20, iconikJobs: false });
    expect(formFromConfig(saved)).toEqual({ solutionId: 'sol-otc', defaultState: 'open', pageSize: 20, iconikJobs: false });
  });

  it('stores no state filter for "open and resolved" and no solution for "every solution"', () => {
    expect(configFromForm({ solutionId: null, defaultState: 'all', pageSize: 10, iconikJobs: true })).toEqual({ pageSize: 10, iconikJobs: true });
  });

  it('refuses a solution no longer mapped to the space, naming the field', () => {
    expect(validateConfigForm({ solutionId: 'gone', defaultState: 'all', pageSize: 10, iconikJobs: true }, { solutions: [{ id: 'sol-otc', name: 'OTC' }] })).toEqual({
      solutionId: expect.stringContaining('no longer mapped'),
    });
    expect(validateConfigForm({ solutionId: null, defaultState: 'all', pageSize: 10, iconikJobs: true }, { solutions: [] })).toEqual({});
  });
});
