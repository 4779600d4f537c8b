import { startApp, type AppUnderTest } from '../appHost';

describe('env-status resolvers reject bad input with errors that name the field', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    await app.syncNow();
  });
  afterAll(async () => {
    await app.close();
  });

  it('names each bad paging field', async () => {
    const answer = await app.envStatus({ solutionId: 'sol-otc' }, { page: 0, pageSize: 'ten', sortKey: 'colour' });
    expect(answer).toMatchObject({ state: 'error' });
    const fields = (answer.fields as { path: string }[]).map((f) => f.path).sort();
    expect(fields).toEqual(['payload.page', 'payload.pageSize', 'payload.sortKey']);
    expect(answer.message).toMatch(/payload\.pageSize/);
  });

  it('refuses fields it does not know instead of ignoring them', async () => {
    const answer = await app.envStatus({ solutionId: 'sol-otc' }, { pageSize: 10, query: '<script>' });
    expect(answer).toMatchObject({ state: 'error', message: expect.stringMatching(/query/) });
  });

  it('caps the page size so one answer stays small', async () => {
    const answer = await app.envStatus({ solutionId: 'sol-otc' }, { pageSize: 5000 });
    expect(answer).toMatchObject({ state: 'error', fields: [{ path: 'payload.pageSize' }] });
  });

  it('names a bad saved macro configuration', async () => {
    const answer = await app.envStatus({ solutionId: 42, stages: 'prod' });
    expect(answer).toMatchObject({ state: 'error' });
    expect((answer.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'macro configuration.solutionId',
      'macro configuration.stages',
    ]);
  });

  it('treats a solution id that is not in the backend as "no data", not an error', async () => {
    const answer = await app.envStatus({ solutionId: '../../etc/passwd' });
    expect(answer).toMatchObject({ state: 'no-data', message: expect.stringMatching(/no solution/) });
  });

  it('rejects any payload for the config options resolver', async () => {
    expect(await app.resolve('getEnvStatusConfigOptions', { solutionId: 'x' })).toMatchObject({ state: 'error' });
  });
});
