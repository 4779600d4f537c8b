import { assetLifecycleConfigSchema, configuredFilters, effectiveRequest } from '../../../src/domain/assets/assetPageRequest';

const config = (value: unknown) => assetLifecycleConfigSchema.parse(value);

describe('what the asset page asks the store for', () => {
  it('starts from the configured filters, sort, page size and window when the reader has chosen nothing', () => {
    const answer = effectiveRequest(
      config({ sources: ['canto'], approval: 'Approved', region: 'EMEA', failedOnly: true, expiringDays: 14, pageSize: 10, sort: 'expiry' }),
      {},
      ['canto'],
    );
    expect(answer).toEqual({
      ok: true,
      request: { filters: { approval: 'Approved', region: 'EMEA', failedOnly: true, sources: ['canto'] }, sort: 'expiry', order: 'ASC', pageSize: 10, expiringDays: 14 },
      echo: { filters: { approval: 'Approved', region: 'EMEA', failedOnly: true, sources: ['canto'] }, sort: 'expiry', order: 'ASC', pageSize: 10, after: null },
    });
  });

  it("lets the reader replace the default filters with their own, and clear them", () => {
    const answer = effectiveRequest(config({ approval: 'Approved' }), { filters: { campaign: 'Spring' } }, ['canto', 'iconik']);
    expect(answer.ok && answer.request.filters).toEqual({ campaign: 'Spring', sources: ['canto', 'iconik'] });
    const cleared = effectiveRequest(config({ approval: 'Approved' }), { filters: {} }, ['canto', 'iconik']);
    expect(cleared.ok && cleared.request.filters).toEqual({ sources: ['canto', 'iconik'] });
  });

  it('lets the reader narrow the configured sources', () => {
    const answer = effectiveRequest(config({}), { filters: { sources: ['iconik'] } }, ['canto', 'iconik']);
    expect(answer.ok && answer.request.filters.sources).toEqual(['iconik']);
  });

  it('refuses a source the configuration does not name, naming the field', () => {
    const answer = effectiveRequest(config({ sources: ['canto'] }), { filters: { sources: ['canto', 'iconik'] } }, ['canto']);
    expect(answer).toEqual({ ok: false, field: 'payload.filters.sources', message: expect.stringContaining('iconik is not among this macro\'s sources (Canto)') });
  });

  it('never shows a source that is configured but not connected', () => {
    const answer = effectiveRequest(config({}), { filters: { sources: ['iconik'] } }, ['canto']);
    expect(answer.ok && answer.request.filters.sources).toEqual([]);
  });

  it('gives each sort key its natural order unless the reader or the config says otherwise', () => {
    expect(effectiveRequest(config({}), { sort: 'activity' }, ['canto'])).toMatchObject({ request: { sort: 'activity', order: 'DESC' } });
    expect(effectiveRequest(config({}), { sort: 'activity', order: 'ASC' }, ['canto'])).toMatchObject({ request: { sort: 'activity', order: 'ASC' } });
    expect(effectiveRequest(config({ sort: 'name', order: 'DESC' }), {}, ['canto'])).toMatchObject({ request: { sort: 'name', order: 'DESC' } });
    expect(effectiveRequest(config({}), {}, ['canto'])).toMatchObject({ request: { sort: 'name', order: 'ASC', pageSize: 25, expiringDays: 30 } });
  });

  it('passes the cursor of the previous page along', () => {
    expect(effectiveRequest(config({}), { after: 'cursor-1' }, ['canto'])).toMatchObject({ request: { after: 'cursor-1' }, echo: { after: 'cursor-1' } });
  });

  it('rejects a configuration outside the panel\'s bounds', () => {
    expect(assetLifecycleConfigSchema.safeParse({ pageSize: 5 }).success).toBe(false);
    expect(assetLifecycleConfigSchema.safeParse({ expiringDays: 366 }).success).toBe(false);
    expect(assetLifecycleConfigSchema.safeParse({ sources: ['dropbox'] }).success).toBe(false);
    expect(configuredFilters(config({ sources: ['canto'], title: 'x' }))).toEqual({});
  });
});
