import { previousStageOf, stageRank } from '../../../src/domain/releases/stageOrder';
import { devEnv, environment, prodEnv, testEnv } from './fixtures';

const names = (result: ReturnType<typeof previousStageOf>) => result?.environments.map((e) => e.name) ?? null;

describe('the stage before a release target', () => {
  it('is test for prod and dev for test in a dev/test/prod solution', () => {
    const all = [devEnv, testEnv, prodEnv];
    expect(previousStageOf(prodEnv, all)).toMatchObject({ stage: 'test' });
    expect(previousStageOf(testEnv, all)).toMatchObject({ stage: 'dev' });
  });

  it('skips a stage the solution does not have: dev comes before prod without a test stage', () => {
    expect(previousStageOf(prodEnv, [devEnv, prodEnv])).toMatchObject({ stage: 'dev' });
  });

  it('is none for the first stage', () => {
    expect(previousStageOf(devEnv, [devEnv, testEnv, prodEnv])).toBeNull();
  });

  it('places common stage names between the contract stages (uat after test, before prod)', () => {
    const uat = environment({ id: 'otc-uat', name: 'OTC UAT', stage: 'UAT', isProduction: false });
    expect(previousStageOf(prodEnv, [devEnv, testEnv, uat, prodEnv])).toMatchObject({ stage: 'UAT' });
    expect(previousStageOf(uat, [devEnv, testEnv, uat, prodEnv])).toMatchObject({ stage: 'test' });
  });

  it('lists every environment of the previous stage when there are several', () => {
    const testUs = environment({ id: 'otc-test-us', name: 'OTC Test US', stage: 'test', isProduction: false });
    expect(names(previousStageOf(prodEnv, [devEnv, testEnv, testUs, prodEnv]))).toEqual(['OTC Test', 'OTC Test US']);
  });

  it('does not treat a second production environment as the stage before production', () => {
    const prodUs = environment({ id: 'otc-prod-us', name: 'OTC Production US', stage: 'prod' });
    expect(previousStageOf(prodEnv, [testEnv, prodEnv, prodUs])).toMatchObject({ stage: 'test' });
  });

  it('gives no previous stage when the target stage name has no known order, rather than guessing', () => {
    const blue = environment({ id: 'otc-blue', name: 'OTC Blue', stage: 'blue', isProduction: false });
    expect(previousStageOf(blue, [devEnv, testEnv, blue])).toBeNull();
    expect(stageRank(blue)).toBeNull();
  });

  it('ranks an unknown stage marked as production as production, and leaves other unknown stages out', () => {
    const live = environment({ id: 'otc-live-eu', name: 'OTC Live EU', stage: 'eu-live', isProduction: true });
    const sandbox = environment({ id: 'otc-sandbox', name: 'OTC Sandbox', stage: 'sandbox', isProduction: false });
    expect(previousStageOf(live, [devEnv, sandbox, testEnv, live])).toMatchObject({ stage: 'test' });
  });
});
