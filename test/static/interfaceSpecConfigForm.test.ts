import { configFromForm, formFromConfig } from '../../static/src/config/interfaceSpecConfigForm';

describe('interface-spec config form', () => {
  it('shows the spec and its drift for every stage until configured', () => {
    expect(formFromConfig(undefined)).toEqual({ mode: 'spec-and-drift', stages: [] });
  });

  it('reads a saved mode and stages, dropping malformed values', () => {
    expect(formFromConfig({ mode: 'drift', stages: ['prod', 3] })).toEqual({ mode: 'drift', stages: ['prod'] });
    expect(formFromConfig({ mode: 'everything' }).mode).toBe('spec-and-drift');
  });

  it('stores stages in the order the options list them, dropping ones no longer offered', () => {
    expect(configFromForm({ mode: 'spec', stages: ['prod', 'qa', 'dev'] }, ['dev', 'test', 'prod'])).toEqual({ mode: 'spec', stages: ['dev', 'prod'] });
  });
});
